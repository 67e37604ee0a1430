"""The Reserves tab: a source picker, the bar chart (built when the tab is first shown) and an
editable table of the same figures beside it, with the caption saying where they come from."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from app.domain.kinds import RESERVES
from app.domain.reserves import NO_MATCH, format_mt, rows_for
from app.ui import theme as themes
from app.ui.columns import RESERVE_COLUMNS
from app.ui.html import esc, join, styled, tag
from app.ui.models import ReserveTableModel, SearchFilterProxy
from app.ui.record_actions import RecordActions
from app.ui.table_view import make_table

DESC = Qt.SortOrder.DescendingOrder


class ReservesTab(QWidget):
    kind = RESERVES

    def __init__(self, controller, on: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.workspace = controller.workspace
        self.chart = None
        self._refresh_pending = False
        self._on = on
        self.source = QComboBox()
        self.source.setAccessibleName("Source of the reserve figures")
        for edition in self.workspace.editions:
            self.source.addItem(f"{edition.short} ({edition.published})", edition.id)
        self.model = ReserveTableModel(self.workspace, RESERVES, RESERVE_COLUMNS, self, editor=controller, on=on)
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.actions = RecordActions(self, controller, self)
        self.table = make_table(self.proxy, "Reserve figures of the chosen source")
        for index, column in enumerate(RESERVE_COLUMNS):
            self.table.setColumnWidth(index, column.width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.model.column_of("reserves"), DESC)
        self.table.customContextMenuRequested.connect(self.actions.show_context_menu)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setOpenExternalLinks(True)
        self.chart_box = QVBoxLayout()
        self.chart_holder = QWidget()
        self.chart_holder.setLayout(self.chart_box)
        self.chart_box.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("reserves-splitter")
        self.splitter.addWidget(self.chart_holder)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([720, 540])
        self.chart_holder.setMinimumWidth(360)
        top = QHBoxLayout()
        label = QLabel("&Source:")
        label.setBuddy(self.source)
        top.addWidget(label)
        top.addWidget(self.source, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.caption)
        self.source.currentIndexChanged.connect(self._on_source)
        self.model.dataChanged.connect(lambda *_: self.schedule_refresh())
        self.model.rowsInserted.connect(self._on_rows_changed)
        self.model.rowsRemoved.connect(lambda *_: self.schedule_refresh())
        self.model.modelReset.connect(self.schedule_refresh)
        self._on_source()

    # --- RecordView (for RecordActions) ----------------------------------------------------
    def current_record(self):
        index = self.table.currentIndex()
        return self.model.record(self.proxy.mapToSource(index).row()) if index.isValid() else None

    def source_index(self, index: QModelIndex) -> QModelIndex:
        return self.proxy.mapToSource(index)

    def status_date(self) -> dt.date:
        return self._on

    def new_record_context(self) -> dict[str, Any]:
        return {"edition": self.source.currentData()}

    def form_choices(self) -> dict:
        editions = {e.id: e.short for e in self.workspace.editions}
        return {"edition": ("Source", tuple(editions), editions)}

    def select_id(self, record_id: str) -> bool:
        record = self.workspace.record("reserves", record_id)
        if record is None:
            return False
        if record.edition != self.source.currentData():
            self.select_source(record.edition)
        row = self.proxy.mapFromSource(self.model.index(self.model.row_of(record_id), 0)).row()
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.proxy.index(row, 0))
        return row >= 0

    # --- the source and the chart -----------------------------------------------------------
    def edition(self):
        return self.workspace.edition(self.source.currentData() or "")

    def select_source(self, edition_id: str) -> None:
        self.source.setCurrentIndex(self.source.findData(edition_id))

    def _on_source(self, *_args) -> None:
        edition_id = self.source.currentData()
        self.proxy.set_predicate(lambda r, e=edition_id: r.edition == e)
        edition = self.edition()
        self.table.setColumnHidden(self.model.column_of("usgs"), edition is None or edition.is_usgs)
        self.refresh()

    def _on_rows_changed(self, _parent, first: int, _last: int) -> None:
        # A row that comes back (an undone deletion) or is added to another source: show its source.
        record = self.model.record(first)
        if record.edition != self.source.currentData():
            self.select_source(record.edition)
        self.schedule_refresh()

    def schedule_refresh(self) -> None:
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self.refresh)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.ensure_chart()

    def ensure_chart(self) -> None:
        if self.chart is not None:
            return
        from app.ui.chart import ReserveChart  # pyqtgraph: imported on first show only

        self.chart = ReserveChart(theme=themes.current())
        self.chart_box.addWidget(self.chart)
        self.refresh()

    def refresh(self) -> None:
        self._refresh_pending = False
        edition = self.edition()
        if edition is None:
            return
        rows = rows_for(self.workspace.records("reserves"), edition.id)
        comparisons = self.model.context.comparisons
        if self.chart is not None:
            from app.ui.chart import Bar

            self.chart.set_bars([Bar(r.country, r.reserves_t, not edition.is_usgs and
                                     getattr(comparisons.get(r.id), "kind", "") == NO_MATCH)
                                 for r in rows if r.reserves_t is not None])
        self.caption.setText(self._caption(edition, rows, comparisons))

    def _caption(self, edition, rows, comparisons) -> str:
        theme = themes.current()
        title = tag("a", edition.title, href=edition.url) if edition.url else esc(edition.title)
        first = [tag("b", "Source:"), " ", title, f". Published {edition.published}"]
        if edition.data_year:
            first.append(f"; data year {edition.data_year}")
        first.append(f". Confidence {edition.confidence}.")
        parts = [join(first), esc("Units: metric tons of rare-earth oxide (REO) equivalent.")]
        missing = [r.country for r in rows if r.reserves_t is None]
        if missing:
            parts.append(esc(f"No figure (NA), not charted: {', '.join(missing)}."))
        if not edition.is_usgs:
            bad = [r for r in rows if getattr(comparisons.get(r.id), "kind", "") == NO_MATCH]
            if bad:
                listed = ", ".join(f"{r.country} {format_mt(r.reserves_t)}" for r in bad)
                parts.append(styled(join([tag("b", "Orange bars: figures that match no USGS edition"),
                                          f" ({listed})."]), theme.warn))
        if edition.note:
            parts.append(esc(edition.note))
        return join(parts, " ")
