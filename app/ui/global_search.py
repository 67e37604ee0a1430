"""One search over every tab (Ctrl+F): a box in the toolbar and a ranked list of results under
it, each saying why it matched (the field, with the matched words highlighted). Choosing a
result (Enter, or a click) opens the record in its tab.

The index (``app.domain.search.SearchIndex``) is rebuilt lazily after the data changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.domain.kinds import KIND_KEYS, kind_of
from app.ui import theme as themes
from app.ui.html import Markup, br, join, styled, tag
from app.ui.i18n import tr, tr_msg
from app.ui.search_box import SearchBox

if TYPE_CHECKING:  # imported on first search: rapidfuzz is not needed for the first frame
    from app.domain.search import FieldHit, SearchIndex

LIMIT = 50
PREPARE_FROM = 20_000  # records from which the index is built in the background after the first frame
RESULT_ROLE = Qt.ItemDataRole.UserRole + 21


def result_title(result) -> str:
    """The record as a person names it, with its Chinese name beside it where the data has one."""
    chinese = getattr(result.record, "name_zh", "")
    return f"{result.title} {chinese}" if chinese and chinese not in result.title else result.title


def highlighted(hit: FieldHit, width: int = 110) -> Markup:
    text, spans = hit.snippet(width)
    parts: list[object] = []
    at = 0
    for start, end in spans:
        parts += [text[at:start], tag("b", tag("u", text[start:end]))]
        at = end
    parts.append(text[at:])
    return join(parts)


class ResultsBox(SearchBox):
    """The search box: Down moves into the results, Enter opens the first one."""

    down = Signal()
    enter = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter.emit()
            return
        super().keyPressEvent(event)


class GlobalSearch(QWidget):
    navigate = Signal(str, str)  # kind, record id

    def __init__(self, workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._index: SearchIndex | None = None
        self.box = ResultsBox(tr("Search everything: names, aliases, announcements, items, notes, timelines "
                                 "(Ctrl+F)"), tr("Search everything"))
        self.box.textChanged.connect(self.run)
        self.box.down.connect(self._into_results)
        self.box.enter.connect(lambda: self.open_row(0))
        self.results = QListWidget()
        self.results.setAccessibleName(tr("Search results"))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)  # rows laid out again at a new width
        self.results.itemActivated.connect(lambda item: self.open_row(self.results.row(item)))
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.panel = QWidget()
        panel = QVBoxLayout(self.panel)
        panel.setContentsMargins(6, 0, 6, 4)
        panel.addWidget(self.summary)
        panel.addWidget(self.results)
        self.panel.hide()
        workspace.listeners.append(self._on_change)
        self.destroyed.connect(lambda *_: workspace.listeners.remove(self._on_change)
                               if self._on_change in workspace.listeners else None)

    def _on_change(self, kind: str, record_id: str | None) -> None:
        if self._index is not None and self._index.ready() and kind and record_id is not None:
            self._index.update(kind, record_id, self.workspace.record(kind, record_id))  # no rebuild of them all
        else:
            self._index = None
            QTimer.singleShot(0, self.prepare)  # a large dataset's index built again between events
        if self.box.text().strip():
            self.run(self.box.text())

    def index(self) -> SearchIndex:
        """The search index, built as it is used if ``prepare`` has not finished it yet."""
        if self._index is None:
            from app.domain.search import SearchIndex

            self._index = SearchIndex(self.workspace.dataset, build=False)
        return self._index

    def prepare(self) -> None:
        """Build the index a step at a time between events (once the window is on screen), so no
        keystroke waits for it: 1 s at 100,000 records, 10 s at 1,000,000. Small data is left
        to the first search (5 ms; rapidfuzz is not even imported until then)."""
        if self._index is None and sum(len(self.workspace.records(k)) for k in KIND_KEYS) < PREPARE_FROM:
            return
        if not self.index().build(steps=1):
            QTimer.singleShot(0, self.prepare)

    def run(self, query: str) -> None:
        self.results.clear()
        if not query.strip():
            self.panel.hide()
            return
        found = self.index().search(query, limit=LIMIT)
        from app.ui.html_delegate import HTML_ROLE, HtmlDelegate  # QStyle and its enums: on the first search

        if not isinstance(self.results.itemDelegate(), HtmlDelegate):
            self.results.setItemDelegate(HtmlDelegate(self.results))
        theme = themes.current()
        for result in found:
            hit = result.hits[0]
            noun = tr(kind_of(result.kind).label)
            title, where = result_title(result), tr_msg(hit.label)
            score = tr("{kind} · score {score}").format(kind=noun, score=f"{result.score:.0f}")
            html = join([tag("b", title), " ", styled(score, theme.muted), br(),
                         styled(tr("{field}: ").format(field=where), theme.muted), highlighted(hit)])
            item = QListWidgetItem()
            item.setData(HTML_ROLE, str(html))
            item.setData(Qt.ItemDataRole.DisplayRole, f"{title} ({noun}) {where}: {hit.text[:80]}")
            item.setData(RESULT_ROLE, (result.kind, result.record_id))
            fields = tr(", ").join(tr_msg(h.label) for h in result.hits[:4])
            item.setToolTip(tr("Matched in {fields}").format(fields=fields))
            self.results.addItem(item)
        self.summary.setText(self._summary(len(found), query.strip()))
        # As tall as the results need (up to a few), so one hit does not push the tabs down.
        rows = sum(self.results.sizeHintForRow(i) for i in range(min(self.results.count(), 5)))
        self.results.setFixedHeight(min(max(rows + 2 * self.results.frameWidth() + 2, 36), 260))
        self.results.setVisible(bool(found))
        self.panel.show()
        if found:
            self.results.setCurrentRow(0)

    @staticmethod
    def _summary(count: int, query: str) -> str:
        if not count:
            return tr("0 results for “{query}”: nothing matches every word").format(query=query)
        text = (tr("{n} result for “{query}”") if count == 1 else tr("{n} results for “{query}”")).format(
            n=count, query=query)
        return tr("{summary} (best 50 shown)").format(summary=text) if count >= LIMIT else text

    def _into_results(self) -> None:
        if self.results.count():
            self.results.setFocus()
            self.results.setCurrentRow(min(1, self.results.count() - 1) if self.results.currentRow() == 0
                                       and self.results.hasFocus() else 0)

    def open_row(self, row: int) -> bool:
        item = self.results.item(row)
        if item is None:
            return False
        kind, record_id = item.data(RESULT_ROLE)
        self.navigate.emit(kind, record_id)
        return True

    def hits(self) -> list[tuple[str, str]]:
        return [self.results.item(i).data(RESULT_ROLE) for i in range(self.results.count())]

