"""The main window: three tabs (Companies, Element restrictions, Reserves), a status date and
the dataset's as-of date always in view."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.domain.model import Dataset
from app.domain.reserves import NO_MATCH, compare_with_usgs, format_mt, rows_for
from app.ui.detail import company_html, element_html
from app.ui.models import (
    COMPANY_COLUMNS,
    ELEMENT_COLUMNS,
    RecordTableModel,
    ReserveTableModel,
    SearchFilterProxy,
)

ASC = Qt.SortOrder.AscendingOrder


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class RecordTab(QWidget):
    """Search box (+ optional filter), sortable table and a detail pane for one kind of record."""

    def __init__(self, model: RecordTableModel, html: Callable, placeholder: str,
                 widths: dict[int, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._html = html
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_query)
        self.count = QLabel()
        self.filters = QHBoxLayout()
        self.filters.addWidget(self.search, 1)
        self.filters.addWidget(self.count)
        self.table = _table(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, ASC)  # setSortingEnabled sorts descending at once; undo that
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(True)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([800, 460])
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        layout.addWidget(self.splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    def _on_query(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_count()
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.select_row(0)

    def _update_count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total}" if shown != total else f"{total} records")

    def select_row(self, proxy_row: int) -> None:
        index = self.proxy.index(proxy_row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def current_record(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(self.proxy.mapToSource(index).row())

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.refresh_detail()

    def refresh_detail(self) -> None:
        record = self.current_record()
        self.detail.setHtml(self._html(record, self.model.on) if record is not None else
                            "<p><i>Select a row to see its timeline and sources.</i></p>")

    def set_records(self, records, on: dt.date) -> None:
        current = self.current_record()
        self.model.set_records(records, on)
        self._update_count()
        row = self.model.row_of(current.id) if current is not None else -1
        if row >= 0:
            self.select_row(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        elif self.proxy.rowCount():
            self.select_row(0)
        self.refresh_detail()

    def set_date(self, on: dt.date) -> None:
        self.model.set_date(on)
        self.refresh_detail()


class ElementsTab(RecordTab):
    FILTERS = (("All elements and minerals", None), ("Rare earths", "rare_earth"), ("Other minerals", "mineral"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(RecordTableModel(ELEMENT_COLUMNS), element_html, "Search elements, announcements, items…",
                         {0: 55, 1: 95, 2: 35, 3: 250, 4: 100, 5: 250, 6: 100, 7: 260, 8: 85}, parent)
        self.category = QComboBox()
        for label, key in self.FILTERS:
            self.category.addItem(label, key)
        self.category.currentIndexChanged.connect(self._on_category)
        self.filters.insertWidget(0, self.category)

    def _on_category(self, _index: int) -> None:
        key = self.category.currentData()
        self.proxy.set_predicate(None if key is None else (lambda e, k=key: e.category == k))
        self._update_count()
        if self.proxy.rowCount():
            self.select_row(0)


class ReservesTab(QWidget):
    """Source picker, bar chart (built on first show) and a table of the same values."""

    chart_ready = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset: Dataset | None = None
        self.chart = None
        self.source = QComboBox()
        self.source.currentIndexChanged.connect(self._refresh)
        self.model = ReserveTableModel(self)
        self.table = _table(self.model)
        self.table.setColumnWidth(0, 125)
        self.table.setColumnWidth(1, 105)
        self.table.setColumnWidth(2, 260)
        self.table.setColumnWidth(3, 80)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setOpenExternalLinks(True)
        self.chart_box = QVBoxLayout()
        self.chart_holder = QWidget()
        self.chart_holder.setLayout(self.chart_box)
        self.chart_box.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.chart_holder)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([720, 540])
        self.chart_holder.setMinimumWidth(360)
        top = QHBoxLayout()
        top.addWidget(QLabel("Source:"))
        top.addWidget(self.source, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.caption)

    def set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset
        current = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        for edition in dataset.editions:
            self.source.addItem(f"{edition.short} ({edition.published})", edition.id)
        index = self.source.findData(current) if current else 0
        self.source.setCurrentIndex(max(index, 0))
        self.source.blockSignals(False)
        self._refresh()

    def select_source(self, edition_id: str) -> None:
        self.source.setCurrentIndex(self.source.findData(edition_id))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ensure_chart()

    def ensure_chart(self) -> None:
        if self.chart is not None:
            return
        from app.ui.chart import ReserveChart  # pyqtgraph: imported on first show only

        self.chart = ReserveChart()
        self.chart_box.addWidget(self.chart)
        self._refresh()
        self.chart_ready.emit()

    def _refresh(self, *_args) -> None:
        if self.dataset is None:
            return
        edition = self.dataset.edition(self.source.currentData() or "")
        if edition is None:
            return
        rows = rows_for(self.dataset.reserves, edition.id)
        self.model.set_source(rows, self.dataset.reserves, self.dataset.editions)
        self.table.setColumnHidden(self.model.column_of("usgs"), edition.is_usgs)
        if self.chart is not None:
            from app.ui.chart import Bar

            bars = []
            for row in rows:
                if row.reserves_t is None:
                    continue
                highlight = (not edition.is_usgs and
                             compare_with_usgs(row, self.dataset.reserves, self.dataset.editions).kind == NO_MATCH)
                bars.append(Bar(row.country, row.reserves_t, highlight))
            self.chart.set_bars(bars)
        self.caption.setText(self._caption(edition, rows))

    def _caption(self, edition, rows) -> str:
        from html import escape

        title = escape(edition.title)
        if edition.url:
            title = f'<a href="{escape(edition.url, quote=True)}">{title}</a>'
        parts = [f"<b>Source:</b> {title}. Published {escape(edition.published)}"]
        if edition.data_year:
            parts[0] += f"; data year {edition.data_year}"
        parts[0] += f". Confidence {escape(edition.confidence)}."
        parts.append("Units: metric tons of rare-earth oxide (REO) equivalent.")
        missing = [r.country for r in rows if r.reserves_t is None]
        if missing:
            parts.append(f"No figure (NA), not charted: {escape(', '.join(missing))}.")
        if not edition.is_usgs:
            bad = [r for r in rows
                   if compare_with_usgs(r, self.dataset.reserves, self.dataset.editions).kind == NO_MATCH]
            if bad:
                parts.append('<span style="color:#b3261e"><b>Orange bars: figures that match no USGS edition</b> ('
                             + escape(", ".join(f"{r.country} {format_mt(r.reserves_t)}" for r in bad)) + ").</span>")
        if edition.note:
            parts.append(escape(edition.note))
        return " ".join(parts)


class MainWindow(QMainWindow):
    def __init__(self, dataset: Dataset, on: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.dataset = dataset
        self.on = on
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.companies = RecordTab(RecordTableModel(COMPANY_COLUMNS), company_html,
                                   "Search companies, announcements, notes… (case and accents ignored)",
                                   {0: 240, 1: 300, 2: 110, 3: 85, 4: 230}, self)
        self.elements = ElementsTab(self)
        self.reserves = ReservesTab(self)
        self.tabs.addTab(self.companies, "Companies")
        self.tabs.addTab(self.elements, "Element restrictions")
        self.tabs.addTab(self.reserves, "Reserves")
        self.setCentralWidget(self.tabs)

        toolbar = QToolBar("Status date")
        toolbar.setObjectName("status-date")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(" Status on: "))
        self.date_edit = QDateEdit(QDate(on.year, on.month, on.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.dateChanged.connect(self._on_date)
        toolbar.addWidget(self.date_edit)
        self.as_of = QLabel()
        toolbar.addWidget(QLabel("   "))
        toolbar.addWidget(self.as_of)
        self.addToolBar(toolbar)
        self.as_of_status = QLabel()
        self.statusBar().addPermanentWidget(self.as_of_status)
        self.set_dataset(dataset)

    def set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.companies.set_records(dataset.companies, self.on)
        self.elements.set_records(dataset.elements, self.on)
        self.reserves.set_dataset(dataset)
        self._update_labels()

    def _update_labels(self) -> None:
        info = self.dataset.info
        self.as_of.setText(f"Dataset {info.dataset_version}, <b>as of {info.as_of.isoformat()}</b>")
        self.as_of_status.setText(f"{APP_NAME} {__version__} · data as of {info.as_of.isoformat()} · "
                                  f"statuses computed for {self.on.isoformat()}")

    def _on_date(self, qdate: QDate) -> None:
        self.on = dt.date(qdate.year(), qdate.month(), qdate.day())
        self.companies.set_date(self.on)
        self.elements.set_date(self.on)
        self._update_labels()
