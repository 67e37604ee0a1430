"""File > Export current view…: what the current tab shows (its filter, facets or source, and its
sort) described for ``app.storage.view_export``, and the save dialog that writes it."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.storage.atomic import SaveError
from app.storage.view_export import View, format_of, write_view

FILTERS = {"csv": "CSV, UTF-8 (*.csv)", "json": "JSON (*.json)", "xlsx": "Excel workbook (*.xlsx)"}


def current_view(window) -> View:
    """The current tab's rows in their order on screen, and how they were narrowed and sorted."""
    tab = window.current_tab()
    model, proxy = tab.model, tab.proxy
    ids = tuple(model.record(proxy.mapToSource(proxy.index(row, 0)).row()).id for row in range(proxy.rowCount()))
    narrowed = []
    search = getattr(tab, "search", None)
    if search is not None and search.text().strip():
        narrowed.append(f'Filter: "{search.text().strip()}"')
    for combo in getattr(getattr(tab, "facets", None), "combos", {}).values():
        if combo.currentData():
            what = combo.accessibleName().removeprefix("Filter by ").capitalize()
            narrowed.append(f"{what}: {re.sub(r' [(][0-9,]+[)]$', '', combo.currentText())}")
    source = getattr(tab, "source", None)
    if source is not None:
        narrowed.append(f"Source: {source.currentText()}")
    header = tab.table.horizontalHeader()
    section = header.sortIndicatorSection()
    sort = ""
    if 0 <= section < model.columnCount():
        label = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        order = "descending" if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder else "ascending"
        sort = f"{label}, {order}"
    title = window.tabs.tabText(window.tabs.currentIndex()).replace("&", "")
    return View(tab.kind.key, title, ids, window.on, model.rowCount(), tuple(narrowed), sort)


def export_view_dialog(window) -> Path | None:
    view = current_view(window)
    suggested = Path.home() / f"{view.kind}-{window.on.isoformat()}.csv"
    path, chosen = QFileDialog.getSaveFileName(window, f"Export current view: {view.title}", str(suggested),
                                               ";;".join(FILTERS.values()))
    if not path:
        return None
    fmt = next((key for key, text in FILTERS.items() if text == chosen), None)
    return export_view_to(window, path, fmt, view)


def export_view_to(window, path: str | Path, fmt: str | None = None, view: View | None = None) -> Path | None:
    """Write the current view to ``path`` (the format from its suffix, else ``fmt``); a failure
    is a banner and writes nothing."""
    view = view or current_view(window)
    path = Path(path)
    try:
        fmt = format_of(path, fmt)
        if path.suffix.lower().lstrip(".") != fmt:
            path = path.with_name(path.name + "." + fmt)
        written = write_view(path, window.workspace, view, fmt)
    except (SaveError, OSError, ValueError) as exc:
        window.add_banner("error", f"Not exported: {exc}", reason="export")
        return None
    shown = f"{len(view.ids)} of {view.total}" if view.total != len(view.ids) else f"all {view.total}"
    window.statusBar().showMessage(f"Exported {shown} rows of {view.title} to {written}", 10000)
    return written
