"""The Reserves tab: a source picker, a choice of figure (reserves or mine production of one
of the source's years), the bar chart (built when the tab is first shown) and an editable table
of the source's figures beside it, with the caption saying where they come from.

The first source in the data is the one the tab opens on (the newest USGS edition). The
production headers name the chosen source's years ("Production 2025 (t)") through a proxy, so
the shared table model keeps one set of columns.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from app.domain.kinds import RESERVES
from app.domain.reserves import (
    FIGURES, NO_MATCH, PRODUCTION, PRODUCTION_PRIOR, figure_header, figure_label, figure_of, figures_in,
    format_mt, format_t, rows_for, world_total_text,
)
from app.ui import theme as themes
from app.ui.columns import RESERVE_COLUMNS
from app.ui.html import esc, join, styled, tag
from app.ui.models import ReserveTableModel, SearchFilterProxy
from app.ui.record_actions import RecordActions
from app.ui.table_view import make_table

DESC = Qt.SortOrder.DescendingOrder
_FIGURE_COLUMNS = {"reserves": "reserves_t", PRODUCTION: PRODUCTION, PRODUCTION_PRIOR: PRODUCTION_PRIOR}


class ReserveProxy(SearchFilterProxy):
    """Filters to the chosen source and names its production years in the headers."""

    def __init__(self, tab: ReservesTab) -> None:
        super().__init__(tab)
        self._tab = tab

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):
        named = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if orientation == Qt.Orientation.Horizontal and named and 0 <= section < len(RESERVE_COLUMNS):
            figure = _FIGURE_COLUMNS.get(RESERVE_COLUMNS[section].key)
            if figure is not None:
                return figure_header(figure, self._tab.edition())
        return super().headerData(section, orientation, role)


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
        self.figure = QComboBox()
        self.figure.setAccessibleName("Figure shown on the chart")
        self.model = ReserveTableModel(self.workspace, RESERVES, RESERVE_COLUMNS, self, editor=controller, on=on)
        self.proxy = ReserveProxy(self)
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
        shown = QLabel("Sho&w:")
        shown.setBuddy(self.figure)
        top.addWidget(shown)
        top.addWidget(self.figure)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.caption)
        self.source.currentIndexChanged.connect(self._on_source)
        self.figure.currentIndexChanged.connect(lambda *_: self.schedule_refresh())
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

    def shown_figure(self) -> str:
        """The figure on the chart: "reserves_t", "production_t" or "production_prior_t"."""
        return self.figure.currentData() or FIGURES[0]

    def select_figure(self, figure: str) -> bool:
        index = self.figure.findData(figure)
        if index >= 0:
            self.figure.setCurrentIndex(index)
        return index >= 0

    def _on_source(self, *_args) -> None:
        edition_id = self.source.currentData()
        self.proxy.set_predicate(lambda r, e=edition_id: r.edition == e)
        edition = self.edition()
        self.table.setColumnHidden(self.model.column_of("usgs"), edition is None or edition.is_usgs)
        self._fill_figures()
        self.proxy.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(RESERVE_COLUMNS) - 1)
        self.refresh()

    def _fill_figures(self) -> None:
        """The figures the chosen source has; the same kind of figure stays chosen if it can."""
        edition = self.edition()
        rows = [r for r in self.workspace.records("reserves") if edition is not None and r.edition == edition.id]
        available = figures_in(rows)
        keep = self.shown_figure()
        self.figure.blockSignals(True)
        self.figure.clear()
        for figure in available:
            self.figure.addItem(figure_label(figure, edition), figure)
        self.figure.setCurrentIndex(max(0, self.figure.findData(keep)))
        self.figure.blockSignals(False)
        self.figure.setEnabled(len(available) > 1)
        for figure in (PRODUCTION, PRODUCTION_PRIOR):
            self.table.setColumnHidden(self.model.column_of(figure), figure not in available)

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
        rows_all = [r for r in self.workspace.records("reserves") if r.edition == edition.id]
        if self.figure.findData(self.shown_figure()) < 0 or set(figures_in(rows_all)) != \
                {self.figure.itemData(i) for i in range(self.figure.count())}:
            self._fill_figures()  # an edit gave the source its first production figure, or took its last
        figure = self.shown_figure()
        rows = rows_for(self.workspace.records("reserves"), edition.id, figure)
        comparisons = self.model.context.comparisons
        if self.chart is not None:
            from app.ui.chart import Bar

            # Only reserve figures are compared with USGS; production bars are never orange.
            bars = [Bar(r.country, figure_of(r, figure), figure == "reserves_t" and not edition.is_usgs and
                        getattr(comparisons.get(r.id), "kind", "") == NO_MATCH)
                    for r in rows if figure_of(r, figure) is not None]
            if figure == "reserves_t":
                self.chart.set_bars(bars)
            else:
                self.chart.set_bars(bars, axis_title=f"{figure_label(figure, edition)}, thousand metric tons of "
                                    "rare-earth oxide (REO) equivalent", scale=1e3, value_text=format_t)
        self.caption.setText(self._caption(edition, rows, comparisons, figure))

    def _caption(self, edition, rows, comparisons, figure: str = "reserves_t") -> str:
        theme = themes.current()
        title = tag("a", edition.title, href=edition.url) if edition.url else esc(edition.title)
        first = [tag("b", "Source:"), " ", title, f". Published {edition.published}"]
        if edition.data_year:
            first.append(f"; data year {edition.data_year}")
        first.append(f". Confidence {edition.confidence}.")
        what = figure_label(figure, edition)
        parts = [join(first), join([tag("b", "Shown:"), f" {what}; metric tons of rare-earth oxide (REO) equivalent."])]
        world = world_total_text(edition, figure)
        if world:
            parts.append(esc(f"World total ({what.lower()}): {world}."))
        missing = [r.country for r in rows if figure_of(r, figure) is None]
        if missing:
            parts.append(esc(f"No figure (NA), not charted: {', '.join(missing)}."))
        zero = [r.country for r in rows if figure_of(r, figure) == 0]
        if zero and figure != "reserves_t":
            parts.append(esc(f"Zero ('–' in USGS): {', '.join(zero)}."))
        if not edition.is_usgs and figure == "reserves_t":
            bad = [r for r in rows if getattr(comparisons.get(r.id), "kind", "") == NO_MATCH]
            if bad:
                listed = ", ".join(f"{r.country} {format_mt(r.reserves_t)}" for r in bad)
                parts.append(styled(join([tag("b", "Orange bars: figures that match no USGS edition"),
                                          f" ({listed})."]), theme.warn))
        if edition.note:
            parts.append(esc(edition.note))
        if edition.how_read:
            parts.append(join([tag("b", "How it was read:"), " ", edition.how_read]))
        return join(parts, " ")
