"""The Reserves tab: a source picker with up to two sources to compare it with, a choice of
figure (reserves or mine production of one of the source's years), chart options (unit, linear
or log scale, China left out or not, shares of the world total on the labels), the bar chart
(built when the tab is first shown) and an editable table of the charted sources' figures beside
it, with the caption saying where they come from.

The table is the chart's text twin: it holds the charted rows (the compared sources', without
the countries left out), a compared row names its source beside the country, and the shown
figure's cell carries its bar's tooltip (value in the chart's unit, share, source, local edit).
A bar clicked selects its row; rows selected outline their bars.

The first source in the data is the one the tab opens on (the newest USGS edition). The
production headers name the chosen source's years ("Production 2025 (t)") through a proxy, so
the shared table model keeps one set of columns.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.domain.chart_data import ChartData, ChartSpec, chart_of
from app.domain.kinds import RESERVES
from app.domain.reserves import (
    AUTO_UNIT, FIGURES, PRODUCTION, PRODUCTION_PRIOR, UNITS, figures_in, rows_for,
)
from app.ui import theme as themes
from app.ui.columns import RESERVE_COLUMNS
from app.ui.chart_text import chart_words, figure_header_text, figure_label_text
from app.ui.i18n import QT_TRANSLATE_NOOP, tr
from app.ui.models import ReserveTableModel, SearchFilterProxy
from app.ui.record_actions import RecordActions
from app.ui.reserves_caption import compare_caption, source_caption
from app.ui.table_view import make_table, set_default_widths

DESC = Qt.SortOrder.DescendingOrder
DISPLAY = Qt.ItemDataRole.DisplayRole
TIP_ROLES = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole)
_FIGURE_COLUMNS = {"reserves": "reserves_t", PRODUCTION: PRODUCTION, PRODUCTION_PRIOR: PRODUCTION_PRIOR}
LEFT_OUT = "China"  # the country a user may leave out: its bar dwarfs every other


class ReserveProxy(SearchFilterProxy):
    """Filters to the charted rows, names their production years in the headers and, when
    sources are compared, each row's source beside its country."""

    def __init__(self, tab: ReservesTab) -> None:
        super().__init__(tab)
        self._tab = tab

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = DISPLAY):
        named = role in (DISPLAY, Qt.ItemDataRole.ToolTipRole)
        if orientation == Qt.Orientation.Horizontal and named and 0 <= section < len(RESERVE_COLUMNS):
            figure = _FIGURE_COLUMNS.get(RESERVE_COLUMNS[section].key)
            if figure is not None:
                return figure_header_text(figure, self._tab.header_edition())
        return super().headerData(section, orientation, role)

    def data(self, index, role: int = DISPLAY):
        value = super().data(index, role)
        if not index.isValid() or role not in (DISPLAY, *TIP_ROLES):
            return value
        key = RESERVE_COLUMNS[index.column()].key if index.column() < len(RESERVE_COLUMNS) else ""
        if role == DISPLAY and (key != "country" or len(self._tab.shown_sources()) < 2):
            return value
        record = self.sourceModel().record(self.mapToSource(index).row())
        if role == DISPLAY:
            edition = self._tab.workspace.edition(record.edition)
            return f"{value} · {edition.short if edition else record.edition}"
        bar = self._tab.bar_of(record.id) if _FIGURE_COLUMNS.get(key) == self._tab.shown_figure() else None
        if bar is None:
            return value
        tip = chart_words(bar.tooltip)
        return f"{value}\n\n{tip}" if value and role == Qt.ItemDataRole.ToolTipRole else tip


def _combo(name: str, items: list[tuple[str, str]], *, narrow: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(tr(name))
    if narrow:  # long source names ("News article (after 14 May 2025 …)") must not widen the window
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
    for text, data in items:
        combo.addItem(text, data)
    return combo


class ReservesTab(QWidget):
    kind = RESERVES
    auto_columns = ("usgs",)  # shown or hidden by the tab (with the article's figures), not by View > Show columns

    def __init__(self, controller, on: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.workspace = controller.workspace
        self.chart = None
        self.data: ChartData | None = None
        self._bars: dict[str, Any] = {}
        self._refresh_pending = False
        self._on = on
        editions = [(f"{e.short} ({e.published})", e.id) for e in self.workspace.editions]
        self.source = _combo(QT_TRANSLATE_NOOP("", "Source of the reserve figures"), editions, narrow=True)
        self.figure = QComboBox()
        self.figure.setAccessibleName(tr("Figure shown on the chart"))
        self.compare = _combo(QT_TRANSLATE_NOOP("", "Compare with a second source"), [("—", ""), *editions],
                              narrow=True)
        self.compare2 = _combo(QT_TRANSLATE_NOOP("", "Compare with a third source"), [("—", ""), *editions],
                               narrow=True)
        self.units = _combo(QT_TRANSLATE_NOOP("", "Unit of the chart"), [(tr("auto (Mt; t)"), AUTO_UNIT), *(
            (tr(u.name if u.metric else u.symbol), key) for key, u in UNITS.items())])  # names: chart_text
        self.scale = _combo(QT_TRANSLATE_NOOP("", "Scale of the chart"), [(tr("linear"), "linear"), (tr("log"), "log")])
        self.china = _combo(QT_TRANSLATE_NOOP("", "China on the chart"),
                            [(tr("shown"), "shown"), (tr("left out"), "left-out")])
        self.labels = _combo(QT_TRANSLATE_NOOP("", "Bar labels"),
                             [(tr("values"), "values"), (tr("values and share of world"), "shares")])
        # Remembered between runs by the window (view_state.py), in this order after the source.
        self.chart_options = {"compare": self.compare, "compare2": self.compare2, "units": self.units,
                              "scale": self.scale, "china": self.china, "labels": self.labels}
        self.export_button = QPushButton(tr("E&xport chart…"))
        self.export_button.setToolTip(tr("Save the chart as PNG or SVG, with its title, units, sources and data date"))
        self.export_button.clicked.connect(self._export_chart)
        self.model = ReserveTableModel(self.workspace, RESERVES, RESERVE_COLUMNS, self, editor=controller, on=on)
        self.proxy = ReserveProxy(self)
        self.proxy.setSourceModel(self.model)
        self.actions = RecordActions(self, controller, self)
        self.table = make_table(self.proxy, tr("Reserve figures of the charted sources"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.model.column_of("reserves"), DESC)
        set_default_widths(self.table, [column.width for column in RESERVE_COLUMNS])  # with the sort arrow shown
        self.table.customContextMenuRequested.connect(self.actions.show_context_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._select_bars())
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
        layout = QVBoxLayout(self)
        layout.addLayout(self._row(((QT_TRANSLATE_NOOP("", "&Source:"), self.source, 2),
                                    (QT_TRANSLATE_NOOP("", "Co&mpare with:"), self.compare, 1),
                                    (QT_TRANSLATE_NOOP("", "an&d:"), self.compare2, 1),
                                    (QT_TRANSLATE_NOOP("", "Sho&w:"), self.figure, 0))))
        options = self._row(((QT_TRANSLATE_NOOP("", "&Units:"), self.units, 0),
                             (QT_TRANSLATE_NOOP("", "Sc&ale:"), self.scale, 0),
                             (QT_TRANSLATE_NOOP("", "Ch&ina:"), self.china, 0),
                             (QT_TRANSLATE_NOOP("", "La&bels:"), self.labels, 0)))
        options.addStretch(1)
        options.addWidget(self.export_button)
        layout.addLayout(options)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.caption)
        self.source.currentIndexChanged.connect(self._on_source)
        for combo in (self.compare, self.compare2, self.china):
            combo.currentIndexChanged.connect(self._on_sources_changed)
        for combo in (self.figure, self.units, self.scale, self.labels):
            combo.currentIndexChanged.connect(lambda *_: self.schedule_refresh())
        self.model.dataChanged.connect(lambda *_: self.schedule_refresh())
        self.model.rowsInserted.connect(self._on_rows_changed)
        self.model.rowsRemoved.connect(lambda *_: self.schedule_refresh())
        self.model.modelReset.connect(self.schedule_refresh)
        self._on_source()

    @staticmethod
    def _row(fields) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, widget, stretch in fields:
            label = QLabel(tr(text))
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, stretch)
        return row

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
        """Show a record's row (its source is charted, its country shown) and select it."""
        record = self.workspace.record("reserves", record_id)
        if record is None:
            return False
        if record.edition not in self.shown_sources():
            self.select_source(record.edition)
        if record.country.casefold() in self._left_out():
            self.china.setCurrentIndex(self.china.findData("shown"))
        row = self.proxy.mapFromSource(self.model.index(self.model.row_of(record_id), 0)).row()
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.proxy.index(row, 0))
        if row >= 0:
            self.table.scrollTo(self.proxy.index(row, 0))
        return row >= 0

    # --- the sources, the options and the chart -----------------------------------------------
    def edition(self):
        return self.workspace.edition(self.source.currentData() or "")

    def select_source(self, edition_id: str) -> None:
        self.source.setCurrentIndex(self.source.findData(edition_id))

    def compare_with(self, *edition_ids: str) -> None:
        """Compare the chosen source with up to two others ("" or none: no comparison)."""
        ids = [*edition_ids, "", ""][:2]
        self.compare.setCurrentIndex(max(0, self.compare.findData(ids[0])))
        self.compare2.setCurrentIndex(max(0, self.compare2.findData(ids[1])))

    def shown_sources(self) -> tuple[str, ...]:
        """The charted sources: the chosen one first, then those it is compared with."""
        ids = [self.source.currentData(), self.compare.currentData(), self.compare2.currentData()]
        return tuple(dict.fromkeys(i for i in ids if i))

    def header_edition(self):
        """The edition whose years name the production headers: none when the compared sources'
        years differ (a row's production year is then its source's)."""
        editions = [self.workspace.edition(i) for i in self.shown_sources()]
        years = {e.data_year for e in editions if e is not None}
        return self.edition() if len(years) <= 1 else None

    def shown_figure(self) -> str:
        """The figure on the chart: "reserves_t", "production_t" or "production_prior_t"."""
        return self.figure.currentData() or FIGURES[0]

    def select_figure(self, figure: str) -> bool:
        index = self.figure.findData(figure)
        if index >= 0:
            self.figure.setCurrentIndex(index)
        return index >= 0

    def set_option(self, name: str, value: str) -> bool:
        """Choose a chart option by its stored value ("units": "kt", "scale": "log", "china":
        "left-out", "labels": "shares", "compare": an edition id)."""
        combo = self.chart_options[name]
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)
        return index >= 0

    def _left_out(self) -> set[str]:
        return {LEFT_OUT.casefold()} if self.china.currentData() == "left-out" else set()

    def spec(self) -> ChartSpec:
        return ChartSpec(self.shown_sources(), self.shown_figure(), self.units.currentData() or AUTO_UNIT,
                         self.scale.currentData() == "log", (LEFT_OUT,) if self._left_out() else (),
                         self.labels.currentData() == "shares")

    def _on_source(self, *_args) -> None:
        main = self.source.currentData()
        for combo in (self.compare, self.compare2):
            # The chosen source cannot also be a comparison.
            for i in range(1, combo.count()):
                combo.model().item(i).setEnabled(combo.itemData(i) != main)
            if combo.currentData() == main:
                combo.setCurrentIndex(0)
        self._on_sources_changed()

    def _on_sources_changed(self, *_args) -> None:
        shown, out = set(self.shown_sources()), self._left_out()
        if len(shown) > 1:  # the country cell also names the source
            self.table.setColumnWidth(0, max(self.table.columnWidth(0), RESERVE_COLUMNS[0].width + 110))
        self.proxy.set_predicate((lambda r: r.edition in shown and r.country.casefold() not in out) if out else
                                 (lambda r: r.edition in shown))
        editions = [self.workspace.edition(i) for i in shown]
        self.table.setColumnHidden(self.model.column_of("usgs"), all(e is None or e.is_usgs for e in editions))
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
            self.figure.addItem(figure_label_text(figure, edition), figure)
        self.figure.setCurrentIndex(max(0, self.figure.findData(keep)))
        self.figure.blockSignals(False)
        self.figure.setEnabled(len(available) > 1)
        sources = self.shown_sources()
        shown = [r for r in self.workspace.records("reserves") if r.edition in sources]
        for figure in (PRODUCTION, PRODUCTION_PRIOR):
            self.table.setColumnHidden(self.model.column_of(figure), figure not in figures_in(shown))

    def _on_rows_changed(self, _parent, first: int, _last: int) -> None:
        # A row that comes back (an undone deletion) or is added to another source: show its source.
        record = self.model.record(first)
        if record.edition not in self.shown_sources():
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
        self.chart.bar_clicked.connect(self.select_id)
        self.chart_box.addWidget(self.chart)
        self.refresh()

    def apply_theme(self, theme: themes.Theme) -> None:
        """The palette changed: the chart and the caption follow."""
        if self.chart is not None:
            self.chart.set_theme(theme)
        self.refresh()

    def chart_data(self) -> ChartData:
        """What the chart shows (worked out afresh if the chart has not been drawn yet)."""
        if self.data is None or self._refresh_pending:
            self.refresh()
        return self.data

    def bar_of(self, record_id: str):
        return self._bars.get(record_id)

    def _select_bars(self) -> None:
        if self.chart is not None:
            from app.ui.copy_rows import selected_rows

            rows = selected_rows(self.table) if self.table.selectionModel().hasSelection() else []
            record = self.model.record
            self.chart.set_selected({record(row).id for row in self.proxy.source_rows(rows)})

    def _export_chart(self) -> None:
        from app.ui.chart_export import export_chart_dialog

        export_chart_dialog(self.window(), self)

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
        comparisons = self.model.context.comparisons
        self.data = chart_of(self.workspace, self.spec(), comparisons)
        self._bars = {b.record_id: b for b in self.data.bars if b.record_id is not None}
        if self.chart is not None:
            self.chart.set_chart(self.data)
            self._select_bars()
        if len(self.data.series) > 1:
            self.caption.setText(compare_caption(self.data))
        else:
            rows = rows_for(self.workspace.records("reserves"), edition.id, figure)
            self.caption.setText(source_caption(edition, rows, comparisons, self.data, self._left_out()))
