"""File > Screen a list of names…: paste names or open a text/CSV file, screen them against the
listed companies (the user's data, with their edits) with a progress bar and Cancel, then sort,
filter and export the report, and open a matched record from its row.

The work runs in chunks on the UI thread's event loop (a chunk of 500 names takes well under
0.1 s), so the window keeps answering; Cancel keeps what was screened so far."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSlider,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import MEASURE_LABELS
from app.domain.screening import DEFAULT_THRESHOLD, KEEP_FROM, Screener, ScreeningRun
from app.storage.atomic import SaveError
from app.storage.screening_io import NameListError, file_columns, parse_names, read_names, report_rows, write_report
from app.ui.i18n import QT_TRANSLATE_NOOP, tr, tr_msg
from app.ui.status_text import status_text

COLUMNS = (QT_TRANSLATE_NOOP("", "Input"), QT_TRANSLATE_NOOP("", "Outcome"), QT_TRANSLATE_NOOP("", "Match"),
           QT_TRANSLATE_NOOP("", "Score"), QT_TRANSLATE_NOOP("", "Matched on"), QT_TRANSLATE_NOOP("", "Status"))
_SOURCE = (0, 5, 1, 2, 3, 4)  # where each shown column is in a report row
RECORD_ID = 7
OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 1  # the report's English outcome, which the Show filter reads

def shown_rows(run: ScreeningRun) -> list[list[Any]]:
    """The report rows (in ``report_rows``' order and layout) as the window shows them: outcome and
    status in the user's language, a match's Chinese name beside it where the data has one. The
    CSV keeps ``report_rows``' English."""
    rows: list[list[Any]] = []
    for result in run.results:
        possible = result.possible(run.threshold)
        for match in possible:
            company = match.record
            name = f"{company.name} {company.name_zh}" if company.name_zh else company.name
            status = tr("; ").join(tr("{measure}: {status}").format(measure=tr(MEASURE_LABELS.get(m, m)),
                                                                     status=status_text(s))
                                    for m, s in match.statuses)
            rows.append([result.input, name, match.score, match.matched_on, status, tr("possible match")])
        if not possible:
            outcome = tr("cleared ({reason})").format(reason=tr(result.note)) if result.note else tr("cleared")
            rows.append([result.input, "", "", "", "", outcome])
    return rows


class ReportModel(QAbstractTableModel):
    """The report rows (the same rows the CSV gets) of a run at its threshold."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[list[Any]] = []
        self.shown: list[list[Any]] = []

    def set_run(self, run: ScreeningRun | None) -> None:
        self.beginResetModel()
        self.rows = report_rows(run) if run is not None else []
        self.shown = shown_rows(run) if run is not None else []
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == OUTCOME_ROLE:
            return str(self.rows[index.row()][5])
        value = self.shown[index.row()][_SOURCE[index.column()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value)
        if role == Qt.ItemDataRole.UserRole:  # sorting: scores as numbers
            return value if isinstance(value, int) else str(value).casefold()
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return str(value)
        return None

    def record_id(self, row: int) -> str:
        return str(self.rows[row][RECORD_ID])


class ScreeningDialog(QDialog):
    open_record = Signal(str)  # a matched company's id

    def __init__(self, workspace, on, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Screen a list of names"))
        self.resize(980, 640)
        self.workspace = workspace
        self.on = on
        self.run: ScreeningRun | None = None
        self._chunks = None
        self._names: list[str] = []
        self.names = QPlainTextEdit()
        self.names.setAccessibleName(tr("Names to screen, one a line"))
        self.names.setPlaceholderText(tr("Paste names here, one a line, or open a text or CSV file"))
        self.names.setTabChangesFocus(True)
        self.names.setMaximumHeight(140)
        self.open_button = QPushButton(tr("&Open file…"))
        self.open_button.clicked.connect(lambda: self.open_file())
        self.threshold = QSlider(Qt.Orientation.Horizontal)
        self.threshold.setAccessibleName(tr("Threshold for a possible match"))
        self.threshold.setRange(KEEP_FROM, 100)
        self.threshold.setValue(DEFAULT_THRESHOLD)
        # The report is redone when the handle is let go, not at every value it passes while
        # dragged (2.2 s each for 10,000 names); the label follows the drag.
        self.threshold.setTracking(False)
        self.threshold.sliderMoved.connect(lambda value: self.threshold_label.setText(f"{value}"))
        self.threshold.valueChanged.connect(self._on_threshold)
        self.threshold_label = QLabel()
        self.screen_button = QPushButton(tr("&Screen"))
        self.screen_button.setDefault(True)
        self.screen_button.clicked.connect(lambda: self.start())
        self.progress = QProgressBar()
        self.progress.setAccessibleName(tr("Screening progress"))
        self.progress.hide()
        self.cancel_button = QPushButton(tr("&Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.show_filter = QComboBox()
        self.show_filter.setAccessibleName(tr("Show"))
        for label, key in ((tr("All names"), ""), (tr("Possible matches"), "possible"), (tr("Cleared"), "cleared")):
            self.show_filter.addItem(label, key)
        self.show_filter.currentIndexChanged.connect(self._on_filter)
        self.model = ReportModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterKeyColumn(1)
        self.proxy.setFilterRole(OUTCOME_ROLE)
        self.table = QTableView()
        self.table.setAccessibleName(tr("Screening report"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((220, 150, 230, 50, 200)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._open_row)
        self.export_button = QPushButton(tr("&Export report…"))
        self.export_button.clicked.connect(lambda: self.export())
        self.export_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(QLabel(tr("Threshold:")))
        top.addWidget(self.threshold, 1)
        top.addWidget(self.threshold_label)
        top.addWidget(self.screen_button)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.show_filter)
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Names are matched against the companies' names, other names and Chinese names; "
                          "statuses are for {on}. Generic words alone (Technologies, Inc, Corp) never make a "
                          "match.").format(on=on.isoformat()))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.names)
        layout.addLayout(top)
        layout.addLayout(running)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._on_threshold(self.threshold.value())

    # --- input --------------------------------------------------------------------------------
    def open_file(self, path: str | None = None, column: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, tr("Open a list of names"), "",
                                                  tr("Lists of names (*.txt *.csv *.tsv);;All files (*)"))
            if not path:
                return False
        try:
            if column is None and Path(path).suffix.lower() in (".csv", ".tsv"):
                columns = file_columns(path)
                if len(columns) > 1 and "name" not in [c.casefold() for c in columns]:
                    column, ok = QInputDialog.getItem(self, tr("Which column?"),
                                                      tr("The column that holds the names:"), columns, 0, False)
                    if not ok:
                        return False
            names = read_names(path, column=column)
        except (NameListError, OSError) as exc:
            self.summary.setText(tr("Not opened: {reason}").format(reason=tr_msg(exc)))
            return False
        self.names.setPlainText("\n".join(names.names))
        read = tr("{n} names read from {path}").format(n=f"{len(names.names):,}", path=path)
        if names.column:
            read = tr("{read} (column “{column}”)").format(read=read, column=names.column)
        self.summary.setText(read)
        return True

    # --- the run ------------------------------------------------------------------------------
    def start(self) -> bool:
        try:
            self._names = parse_names(self.names.toPlainText()).names
        except NameListError as exc:
            self.summary.setText(tr("Not screened: {reason}").format(reason=tr_msg(exc)))
            return False
        if not self._names:
            self.summary.setText(tr("Paste or open some names first."))
            return False
        info = self.workspace.info
        self.run = ScreeningRun([], self.threshold.value(), self.on, info.dataset_version, info.as_of,
                                self.workspace.change_count() > 0, total=len(self._names))
        self._chunks = Screener(self.workspace.records("companies"), self.on).iter_chunks(self._names)
        self.progress.setRange(0, len(self._names))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.screen_button.setEnabled(False)
        QTimer.singleShot(0, self._step)
        return True

    def _step(self) -> None:
        if self._chunks is None:
            return
        chunk = next(self._chunks, None)
        if chunk is None:
            self._finish(cancelled=False)
            return
        self.run.results.extend(chunk)
        self.progress.setValue(len(self.run.results))
        QTimer.singleShot(0, self._step)

    def cancel(self) -> None:
        if self._chunks is not None:
            self._finish(cancelled=True)

    def _finish(self, *, cancelled: bool) -> None:
        self._chunks = None
        self.run.cancelled = cancelled
        self.progress.hide()
        self.cancel_button.hide()
        self.screen_button.setEnabled(True)
        self.export_button.setEnabled(True)
        self._show_run()

    def running(self) -> bool:
        return self._chunks is not None

    def _show_run(self) -> None:
        run = self.run
        self.model.set_run(run)
        if run is None:
            return
        done = len(run.results)
        text = tr("{done} names screened: {matches} possible matches for {names} names, {cleared} cleared "
                  "(threshold {threshold}). Double-click or press Enter on a match to open the company.").format(
            done=f"{done:,}", matches=f"{run.possible_matches:,}", names=f"{run.possible_names:,}",
            cleared=f"{run.cleared_names:,}", threshold=run.threshold)
        if run.cancelled:
            text = tr("Cancelled after {done} of {total} names. {summary}").format(
                done=f"{done:,}", total=f"{run.total:,}", summary=text)
        self.summary.setText(text)

    def _on_threshold(self, value: int) -> None:
        self.threshold_label.setText(f"{value}")
        if self.run is not None and not self.running():
            self.run.threshold = value
            self._show_run()

    def _on_filter(self, _index: int) -> None:
        key = self.show_filter.currentData()
        self.proxy.setFilterFixedString({"possible": "possible match", "cleared": "cleared"}.get(key, ""))

    def _open_row(self, index: QModelIndex) -> None:
        record_id = self.model.record_id(self.proxy.mapToSource(index).row())
        if record_id:
            self.open_record.emit(record_id)

    def export(self, path: str | None = None) -> bool:
        if self.run is None:
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export the screening report"), "screening-report.csv",
                                                  tr("CSV (*.csv)"))
            if not path:
                return False
        try:
            write_report(path, self.run)
        except (SaveError, OSError) as exc:
            self.summary.setText(tr("Not exported: {reason}").format(reason=tr_msg(exc)))
            return False
        self.summary.setText(tr("{summary} Report written to {path}.").format(summary=self.summary.text(), path=path))
        return True
