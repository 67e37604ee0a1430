"""File > Export current view…: what the current tab shows (its filter, facets or source, and its
sort) described for ``app.storage.view_export``, and the save dialog that writes it."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.storage.atomic import SaveError
from app.storage.view_export import View, format_of, write_view
from app.ui.facet_bar import ENGLISH_ROLE
from app.ui.i18n import QT_TRANSLATE_NOOP, tr, tr_msg

FILTERS = {"csv": QT_TRANSLATE_NOOP("", "CSV, UTF-8 (*.csv)"), "json": QT_TRANSLATE_NOOP("", "JSON (*.json)"),
           "xlsx": QT_TRANSLATE_NOOP("", "Excel workbook (*.xlsx)")}


def current_view(window) -> View:
    """The current tab's rows in their order on screen, and how they were narrowed and sorted (in
    English, like the rest of the exported file, whatever language the window shows)."""
    tab = window.current_tab()
    model, proxy = tab.model, tab.proxy
    ids = tuple(model.record(proxy.mapToSource(proxy.index(row, 0)).row()).id for row in range(proxy.rowCount()))
    narrowed = []
    search = getattr(tab, "search", None)
    if search is not None and search.text().strip():
        narrowed.append(f'Filter: "{search.text().strip()}"')
    for combo in getattr(getattr(tab, "facets", None), "combos", {}).values():
        if combo.currentData():
            what = str(combo.property("facet_label") or combo.accessibleName())
            value = combo.currentData(ENGLISH_ROLE) or re.sub(r" [(][0-9,]+[)]$", "", combo.currentText())
            narrowed.append(f"{what}: {value}")
    source = getattr(tab, "source", None)
    if source is not None:
        narrowed.append(f"Source: {source.currentText()}")
    header = tab.table.horizontalHeader()
    section = header.sortIndicatorSection()
    sort = ""
    if 0 <= section < model.columnCount():
        label = model.columns()[section].label
        order = "descending" if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder else "ascending"
        sort = f"{label}, {order}"
    title = tab.kind.plural
    return View(tab.kind.key, title, ids, window.on, model.rowCount(), tuple(narrowed), sort)


def export_view_dialog(window) -> Path | None:
    view = current_view(window)
    suggested = Path.home() / f"{view.kind}-{window.on.isoformat()}.csv"
    filters = {key: tr(text) for key, text in FILTERS.items()}
    path, chosen = QFileDialog.getSaveFileName(window, tr("Export current view: {title}").format(title=tr(view.title)),
                                               str(suggested), ";;".join(filters.values()))
    if not path:
        return None
    fmt = next((key for key, text in filters.items() if text == chosen), None)
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
        window.add_banner("error", tr("Not exported: {reason}").format(reason=tr_msg(exc)), reason="export")
        return None
    if view.total != len(view.ids):
        message = tr("Exported {shown} of {total} rows of {title} to {path}")
    else:
        message = tr("Exported all {total} rows of {title} to {path}")
    window.statusBar().showMessage(message.format(shown=len(view.ids), total=view.total, title=tr(view.title),
                                                  path=written), 10000)
    return written
