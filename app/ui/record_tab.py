"""A tab for companies or elements: search box and facet, sortable editable table, and a detail
pane with the record's timeline, sources and editable events."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from app.domain.facets import listed_with
from app.domain.kinds import Kind
from app.ui import theme as themes
from app.ui.columns import Column
from app.ui.events_panel import EventsPanel
from app.ui.facet_bar import FacetBar
from app.ui.html import br, esc, join, tag
from app.ui.i18n import tr
from app.ui.models import RecordTableModel, SearchFilterProxy
from app.ui.record_actions import RecordActions
from app.ui.search_box import SearchBox
from app.ui.source_view import SourceView, internal_link
from app.ui.table_view import make_table, set_default_widths

ASC = Qt.SortOrder.AscendingOrder


class RecordTab(QWidget):
    auto_columns: tuple[str, ...] = ()  # columns the tab shows or hides itself (none here)

    def __init__(self, kind: Kind, columns: tuple[Column, ...], html: Callable, placeholder: str, controller,
                 on: dt.date, parent: QWidget | None = None, *, index: Callable[[], Any] | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.controller = controller
        self.model = RecordTableModel(controller.workspace, kind, columns, self, editor=controller, on=on)
        self._html = html
        self._index = index  # the shared SearchIndex (forgiving search); None: plain substring filter
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.actions = RecordActions(self, controller, self)
        self.search = SearchBox(placeholder, tr("Filter {records}").format(records=tr(kind.plural).lower()))
        self.search.textChanged.connect(self._on_query)
        self.count = QLabel()
        self.filters = QHBoxLayout()
        self.facets = FacetBar(lambda: controller.workspace.records(kind.key), on)
        self.facets.changed.connect(self._on_facet)
        self.filters.addWidget(self.facets)
        self.filters.addWidget(self.search, 1)
        self.filters.addWidget(self.count)
        self.table = make_table(self.proxy, tr(kind.plural), frozen_name=True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, ASC)  # setSortingEnabled sorts descending at once; undo that
        set_default_widths(self.table, [column.width for column in columns])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.customContextMenuRequested.connect(self.actions.show_context_menu)
        # Enter on a row shows its details: the focus moves there (Tab and Shift+Tab move on).
        self.table.activated.connect(lambda *_: self.detail.setFocus(Qt.FocusReason.OtherFocusReason))
        self.detail = SourceView()
        self.detail.setAccessibleName(tr("Details of the selected {noun}").format(noun=tr(kind.noun)))
        self.events = EventsPanel(kind, controller, self.current_record, self.status_date, self)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.detail)
        right.addWidget(self.events)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setSizes([520, 180])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName(f"{kind.key}-splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([800, 460])
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        layout.addWidget(self.splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.refresh_detail())
        self.model.dataChanged.connect(self._on_data_changed)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)
        self.model.modelReset.connect(self._after_reset)
        self._update_count()
        if self.proxy.rowCount():
            self.select_row(0)

    # --- RecordView (for RecordActions) ----------------------------------------------------
    def current_record(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(self.proxy.mapToSource(index).row())

    def source_index(self, index: QModelIndex) -> QModelIndex:
        return self.proxy.mapToSource(index)

    def status_date(self) -> dt.date:
        return self.model.on

    def new_record_context(self) -> dict[str, Any]:
        return {}

    def form_choices(self) -> dict:
        return {}

    def select_id(self, record_id: str) -> bool:
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        proxy_row = self.proxy.mapFromSource(self.model.index(row, 0)).row()
        if proxy_row < 0:
            self.search.clear()
            self.facets.clear()
            proxy_row = self.proxy.mapFromSource(self.model.index(row, 0)).row()
        self.select_row(proxy_row)
        return True

    # --- filtering and selection ------------------------------------------------------------
    def _on_query(self, text: str) -> None:
        if self._index is None:
            self.proxy.set_query(text)
        else:
            self.proxy.set_ids(self._index().matching_steps(text, self.kind.key) if text.strip() else None)
        self._after_filter()

    def refilter(self) -> None:
        """Run the filter box again (the data changed under it)."""
        if self.search.text().strip():
            self._on_query(self.search.text())

    def _on_facet(self) -> None:
        self.proxy.set_predicate(self.facets.predicate())
        self._after_filter()

    def _after_filter(self) -> None:
        self._update_count()
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.select_row(0)

    def _after_reset(self) -> None:
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.select_row(0)
        self.refresh_detail()

    def _update_count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(tr("{shown} of {total}").format(shown=shown, total=total) if shown != total
                           else tr("{total} records").format(total=total))

    def select_row(self, proxy_row: int) -> None:
        index = self.proxy.index(proxy_row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_args) -> None:
        current = self.current_record()
        if current is not None and top_left.row() <= self.model.row_of(current.id) <= bottom_right.row():
            self.refresh_detail()

    # --- the detail pane --------------------------------------------------------------------
    def refresh_detail(self) -> None:
        record = self.current_record()
        theme = themes.current()
        if record is None:
            self.detail.setHtml(tag("p", tag("i", tr("Select a row to see its timeline and sources."))))
        else:
            self.detail.setHtml(join([self._marks_html(record, theme), self._html(record, self.model.on, theme,
                                                                               as_of=self.model.context.as_of),
                                      self._links_html(record)]))
        self.events.show_record(record)

    def _marks_html(self, record, theme: themes.Theme):
        workspace = self.controller.workspace
        key = self.kind.key
        notes: list[object] = []
        added = workspace.is_added(key, record.id)
        if added:
            notes.append(tr("You added this record."))
        elif workspace.is_orphaned(key, record.id):
            notes.append(tr("This record is no longer in the bundled data; your edited copy is kept."))
        edited = workspace.edited_fields(key, record.id)
        if edited and not added:
            fields = tr(", ").join(sorted(tr(self.kind.field_label(n)) for n in edited))
            notes.append(tr("You changed: {fields}.").format(fields=fields))
        for conflict in workspace.conflicts(key, record.id):
            notes.append(tr("Conflict on {field}: bundled was {base}, is now {bundled}; yours ({mine}) is "
                            "kept.").format(field=tr(self.kind.field_label(conflict.field)), base=conflict.base,
                                            bundled=conflict.bundled, mine=conflict.mine))
        if not notes:
            return esc("")
        return tag("p", join((esc(n) for n in notes), br()), style=f"background:{theme.note_bg};padding:4px")

    def _links_html(self, record):
        """Each announcement of the record (a link that lists every record it covers) and the
        other records listed with it (links that open them)."""
        groups = listed_with(self.controller.workspace.dataset, record)
        if not groups:
            return esc("")
        parts: list[object] = [tag("h3", tr("Listed with"))]
        for announcement, others in groups.items():
            shown = others[:50]  # the announcement's own link lists them all: 25,000 links stall the pane
            names = join((tag("a", getattr(o, "name", o.id), href=internal_link("record", self._kind_of(o), o.id))
                          for o in shown), tr(", ")) if others else esc(tr("no other record"))
            more = tr(", ") + "…" if len(others) > len(shown) else ""  # the count is beside the link
            parts.append(tag("p", tag("a", announcement, href=internal_link("announcement", announcement)),
                             tr(" ({n} records): ").format(n=len(others) + 1), names, more))
        return join(parts)

    @staticmethod
    def _kind_of(record) -> str:
        return "companies" if hasattr(record, "listed") else "elements"

    def show_announcement(self, announcement: str) -> bool:
        """List every record of this tab that an announcement covers (through the facet)."""
        self.search.clear()
        return self.facets.choose("announcement", announcement)

    def set_date(self, on: dt.date) -> None:
        self.model.set_date(on)
        self.facets.set_date(on)
        self.refresh_detail()
