"""Copying the selected rows of a table (Edit > Copy, Ctrl+C): the columns shown, in the order
shown, with their headers, as tab-separated text (a spreadsheet pastes a table) and as an HTML
table with a line saying where the figures come from (an email gets a table and its source).

Cells are the text on screen. Text a spreadsheet would run as a formula gets the apostrophe the
CSV export puts in front of it (``app.storage.export.neutralise``); tabs and line breaks inside a
cell become spaces so that each row stays one line.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication

from app import APP_NAME
from app.storage.export import neutralise
from app.ui.html import Markup, join, tag
from app.ui.i18n import tr
from app.ui.models import ID_ROLE

DISPLAY = Qt.ItemDataRole.DisplayRole


def selected_rows(view: QAbstractItemView) -> list[int]:
    """The view's selected rows, top to bottom as shown (the current row if none is selected).
    From the selection's ranges: its indexes are one per cell (175,000 for 25,000 rows)."""
    rows = sorted({row for part in view.selectionModel().selection() for row in range(part.top(), part.bottom() + 1)})
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().row()]
    return rows


def shown_columns(view) -> list[int]:
    """Logical column numbers in the order the header shows them, hidden ones left out."""
    header = view.horizontalHeader()
    model = view.model()
    logical = [header.logicalIndex(v) for v in range(header.count())]
    return [c for c in logical if 0 <= c < model.columnCount() and not view.isColumnHidden(c)]


def _plain(text: object) -> str:
    return neutralise(" ".join(str(text or "").replace("\t", " ").splitlines()))


def provenance_line(view) -> str:
    """Where the rows come from: the dataset, its date, the status date, and local edits."""
    source = view.model().sourceModel() if hasattr(view.model(), "sourceModel") else view.model()
    workspace = getattr(source, "workspace", None)
    if workspace is None:
        return APP_NAME
    info = workspace.info
    line = tr("Source: {app}, dataset {version} (data as of {as_of}); statuses on {on}").format(
        app=APP_NAME, version=info.dataset_version, as_of=info.as_of.isoformat(), on=source.on.isoformat())
    kind = getattr(source, "kind", "")
    proxy = view.model()
    ids = [proxy.index(r, 0).data(ID_ROLE) for r in selected_rows(view)]
    if kind and any(i and (workspace.is_added(kind, i) or workspace.edited_fields(kind, i)) for i in ids):
        line = tr("{line}; includes your local edits").format(line=line)
    return tr("{sentence}.").format(sentence=line)


HTML_ROWS = 2_000  # up to this many rows also go on the clipboard as an HTML table (with the provenance line)


def rows_mime(view) -> QMimeData | None:
    rows = selected_rows(view)
    if not rows:
        return None
    model = view.model()
    columns = shown_columns(view)
    header = [str(model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) or "") for c in columns]
    cells = [[model.index(r, c).data(DISPLAY) for c in columns] for r in rows]
    text = "\r\n".join("\t".join(_plain(v) for v in line) for line in [header, *cells]) + "\r\n"
    mime = QMimeData()
    mime.setText(text)
    if len(rows) > HTML_ROWS:  # tab-separated text only: a table this long is for a spreadsheet
        return mime
    html = tag("table", tag("thead", tag("tr", *(tag("th", h, align="left") for h in header))),
               tag("tbody", *(tag("tr", *(tag("td", _plain(v)) for v in line)) for line in cells)),
               border="1", cellspacing="0", cellpadding="3")
    caption = tag("p", tag("small", provenance_line(view)))
    mime.setHtml(join([Markup('<meta charset="utf-8">'), html, caption]))
    return mime


def copy_rows(view) -> int:
    """Put the selected rows on the clipboard; returns how many were copied."""
    mime = rows_mime(view)
    if mime is None:
        return 0
    QGuiApplication.clipboard().setMimeData(mime)
    return len(selected_rows(view))


def copy_selection(window) -> int:
    """Edit > Copy: the selected rows of the focused table (else of the current tab's), or, when
    a text field or a detail pane has the focus, its selected text as usual."""
    focus = QApplication.focusWidget()
    if focus is not None and not isinstance(focus, QAbstractItemView) and hasattr(focus, "copy"):
        focus.copy()
        return 0
    return copy_rows(focus if isinstance(focus, QAbstractItemView) else window.current_tab().table)
