"""The main window: three tabs (Companies, Element restrictions, Reserves), the status date,
the dataset's as-of date, banners for anything the user must know, and the Edit menu."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any, Callable

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, QPoint, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.domain import fields as F
from app.domain.model import MEASURE_LABELS, Dataset
from app.domain.reserves import NO_MATCH, compare_with_usgs, format_mt, rows_for
from app.ui.controller import KIND_NOUN, EditController
from app.ui.detail import company_html, element_html
from app.ui.editors import CHOICE_LABELS, FieldDelegate, FormDialog
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
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setItemDelegate(FieldDelegate(view))
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    return view


class Banner(QFrame):
    """A message that stays until dismissed (or until its cause goes away)."""

    STYLES = {"info": "#e8f0fb;#1f4f8a", "warning": "#fff4d6;#7a4a00", "error": "#fde7e5;#8c1d18"}

    def __init__(self, level: str, text: str, parent: QWidget | None = None, closable: bool = True,
                 actions: tuple[tuple[str, Callable[[], Any]], ...] = ()) -> None:
        super().__init__(parent)
        background, colour = self.STYLES[level].split(";")
        self.setStyleSheet(f"Banner {{ background:{background}; border:1px solid {colour}; border-radius:3px }}"
                           f" QLabel {{ color:{colour} }}")
        self.level = level
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        for label, callback in actions:
            button = QPushButton(label)
            button.clicked.connect(callback)
            layout.addWidget(button)
        if closable:
            close = QPushButton("Dismiss")
            close.setFlat(True)
            close.clicked.connect(self.dismiss)
            layout.addWidget(close)

    def text(self) -> str:
        return self.label.text()

    def dismiss(self) -> None:
        # Hidden and detached at once (deleteLater only acts on the next event-loop pass);
        # the Python wrapper stays valid, so a later dismiss() is harmless.
        self.hide()
        self.setParent(None)


class EventsPanel(QWidget):
    """The editable events of a record's timeline (those implied by its fields are shown in
    the detail text and edited through the record)."""

    COLUMNS = ("Date", "Measure", "Kind", "Until", "Text")

    def __init__(self, tab: "RecordTab") -> None:
        super().__init__(tab)
        self.tab = tab
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda *_: self.edit_event())
        self.add_button = QPushButton("Add event…")
        self.edit_button = QPushButton("Edit event…")
        self.delete_button = QPushButton("Delete event")
        self.add_button.clicked.connect(lambda: self.add_event())
        self.edit_button.clicked.connect(lambda: self.edit_event())
        self.delete_button.clicked.connect(lambda: self.delete_event())
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("<b>Timeline events</b>"))
        buttons.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def show_record(self, record) -> None:
        self.table.setRowCount(0)
        events = list(record.events) if record is not None else []
        for row, event in enumerate(events):
            self.table.insertRow(row)
            values = (event.date.isoformat(), MEASURE_LABELS.get(event.measure, event.measure),
                      CHOICE_LABELS.get(event.kind, event.kind), event.until.isoformat() if event.until else "",
                      event.text)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, event.id)
                item.setToolTip(event.text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(4, 200)
        editable = record is not None and not self.tab.controller.read_only
        self.add_button.setEnabled(editable)
        self.edit_button.setEnabled(editable and bool(events))
        self.delete_button.setEnabled(editable and bool(events))

    def _selected_event_id(self) -> str | None:
        row = self.table.currentRow()
        if row < 0:
            row = 0 if self.table.rowCount() else -1
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _dialog(self, title: str, values: dict[str, Any]) -> dict[str, Any] | None:
        measures = ("export_control", "uel") if self.tab.kind == "companies" else ("export_control", "us_ban")
        dialog = FormDialog(title, F.EVENT_FIELDS, values, self,
                            extra={"measure": ("Measure", measures, MEASURE_LABELS)},
                            note="“Until” is the last day of a suspension; leave it at “none” for other events.")
        return dialog.ask()

    def add_event(self, values: dict[str, Any] | None = None) -> bool:
        record = self.tab.current_record()
        if record is None:
            return False
        on = self.tab.model.on
        event = values or self._dialog(f"Add event to {record.name}",
                                       {"date": on.isoformat(), "measure": "export_control", "kind": "note",
                                        "until_confirmed": True, "confidence": "MED"})
        if event is None:
            return False
        raw = self.tab.controller.workspace.raw(self.tab.kind, record.id)
        taken = {e["id"] for e in raw.get("events", [])}
        base = f"user-{event['date']}-{event['kind']}"
        event_id, n = base, 2
        while event_id in taken:
            event_id, n = f"{base}-{n}", n + 1
        raw.setdefault("events", []).append({"id": event_id, **event, "sources": []})
        return self.tab.controller.edit_record(self.tab.kind, record.id, raw,
                                               f"Add event {event['date']} to {record.name}")

    def edit_event(self, values: dict[str, Any] | None = None) -> bool:
        record, event_id = self.tab.current_record(), self._selected_event_id()
        if record is None or event_id is None:
            return False
        raw = self.tab.controller.workspace.raw(self.tab.kind, record.id)
        index = next(i for i, e in enumerate(raw["events"]) if e["id"] == event_id)
        current = raw["events"][index]
        new = values or self._dialog(f"Edit event of {record.name}", current)
        if new is None:
            return False
        raw["events"][index] = {**current, **new}
        return self.tab.controller.edit_record(self.tab.kind, record.id, raw,
                                               f"Edit event {current['date']} of {record.name}")

    def delete_event(self) -> bool:
        record, event_id = self.tab.current_record(), self._selected_event_id()
        if record is None or event_id is None:
            return False
        raw = self.tab.controller.workspace.raw(self.tab.kind, record.id)
        gone = next(e for e in raw["events"] if e["id"] == event_id)
        raw["events"] = [e for e in raw["events"] if e["id"] != event_id]
        return self.tab.controller.edit_record(self.tab.kind, record.id, raw,
                                               f"Delete event {gone['date']} of {record.name}")


class RecordActions:
    """Context menu, add, edit and delete for a tab showing one kind of record. The tab
    provides ``kind``, ``controller``, ``model``, ``table``, ``current_record``, ``select_id``,
    ``form``, ``new_defaults`` and ``to_source`` (view index -> model index)."""

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        menu = self.build_context_menu(index)
        if menu is not None:
            menu.exec(self.table.viewport().mapToGlobal(pos))

    def build_context_menu(self, index: QModelIndex) -> QMenu | None:
        if not index.isValid():
            return None
        self.table.setCurrentIndex(index)
        source = self.to_source(index)
        record = self.model.record(source.row())
        field = self.model.column_field(source.column())
        workspace = self.controller.workspace
        menu = QMenu(self)
        writable = not self.controller.read_only
        edited = workspace.edited_fields(self.kind, record.id)
        added = workspace.is_added(self.kind, record.id)
        revert_cell = menu.addAction("Revert to bundled value",
                                     lambda: self.controller.revert_field(self.kind, record.id, field))
        revert_cell.setEnabled(writable and not added and field is not None and field in edited)
        if field and workspace.conflict(self.kind, record.id, field):
            menu.addAction("Keep my value (resolve conflict)",
                           lambda: self.controller.keep_mine(self.kind, record.id, field)).setEnabled(writable)
        revert_row = menu.addAction("Revert row to bundled",
                                    lambda: self.controller.revert_record(self.kind, record.id))
        revert_row.setEnabled(writable and not added and bool(edited))
        menu.addSeparator()
        # Lambdas: QAction.triggered would pass its "checked" flag as ``values``.
        menu.addAction(f"Edit {KIND_NOUN[self.kind]}…", lambda: self.edit_current()).setEnabled(writable)
        menu.addAction(f"Delete {KIND_NOUN[self.kind]}", lambda: self.delete_current()).setEnabled(writable)
        return menu

    def edit_current(self, values: dict[str, Any] | None = None) -> bool:
        record = self.current_record()
        if record is None:
            return False
        raw = self.controller.workspace.raw(self.kind, record.id)
        new = values if values is not None else self.form(f"Edit {self.controller.workspace.label(self.kind, record.id)}",
                                                          raw)
        if new is None:
            return False
        merged = {**raw, **new}
        return self.controller.edit_record(self.kind, record.id, merged)

    def add_new(self, values: dict[str, Any] | None = None) -> str | None:
        defaults = self.new_defaults()
        new = values if values is not None else self.form(f"Add {KIND_NOUN[self.kind]}", defaults)
        if new is None:
            return None
        record_id = self.controller.add_record(self.kind, {k: v for k, v in {**defaults, **new}.items()
                                                           if v is not None or k in new})
        if record_id:
            self.select_id(record_id)
        return record_id

    def delete_current(self) -> bool:
        record = self.current_record()
        if record is None:
            return False
        return self.controller.delete_record(self.kind, record.id)


class RecordTab(RecordActions, QWidget):
    """Search box (+ optional filter), sortable editable table, detail pane and events."""

    def __init__(self, kind: str, columns, html: Callable, placeholder: str, widths: dict[int, int],
                 controller: EditController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.controller = controller
        self.model = RecordTableModel(columns, self, kind=kind, editor=controller)
        self._html = html
        self.proxy = SearchFilterProxy(self)
        self.proxy.setSourceModel(self.model)
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
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(True)
        self.events = EventsPanel(self)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.detail)
        right.addWidget(self.events)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setSizes([520, 180])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName(f"{kind}-splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([800, 460])
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        layout.addWidget(self.splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)

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

    def select_id(self, record_id: str) -> bool:
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        proxy_row = self.proxy.mapFromSource(self.model.index(row, 0)).row()
        if proxy_row < 0:
            self.search.clear()
            proxy_row = self.proxy.mapFromSource(self.model.index(row, 0)).row()
        self.select_row(proxy_row)
        return True

    def to_source(self, index: QModelIndex) -> QModelIndex:
        return self.proxy.mapToSource(index)

    def current_record(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(self.proxy.mapToSource(index).row())

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.refresh_detail()

    def refresh_detail(self) -> None:
        record = self.current_record()
        if record is None:
            self.detail.setHtml("<p><i>Select a row to see its timeline and sources.</i></p>")
        else:
            self.detail.setHtml(self._marks_html(record) + self._html(record, self.model.on))
        self.events.show_record(record)

    def _marks_html(self, record) -> str:
        workspace = self.controller.workspace
        notes = []
        if workspace.is_added(self.kind, record.id):
            notes.append("You added this record.")
        elif workspace.is_orphaned(self.kind, record.id):
            notes.append("This record is no longer in the bundled data; your edited copy is kept.")
        edited = workspace.edited_fields(self.kind, record.id)
        if edited and not workspace.is_added(self.kind, record.id):
            notes.append("You changed: " + ", ".join(sorted(edited)) + ".")
        for conflict in workspace.conflicts(self.kind, record.id):
            notes.append(f"Conflict on {conflict.field}: bundled was {escape(str(conflict.base))}, is now "
                         f"{escape(str(conflict.bundled))}; yours ({escape(str(conflict.mine))}) is kept.")
        if not notes:
            return ""
        return ('<p style="background:#fff4c2;padding:4px">' + "<br>".join(escape(n) if "Conflict" not in n else n
                                                                        for n in notes) + "</p>")

    def set_records(self, records, on: dt.date) -> None:
        current = self.current_record()
        self.model.set_records(records, on)
        self._update_count()
        if current is None or not self.select_id(current.id):
            if self.proxy.rowCount():
                self.select_row(0)
        self.refresh_detail()

    def update_record(self, record) -> None:
        if self.model.update_record(record):
            if (current := self.current_record()) is not None and current.id == record.id:
                self.refresh_detail()

    def set_date(self, on: dt.date) -> None:
        self.model.set_date(on)
        self.refresh_detail()

    def record_specs(self) -> tuple[F.FieldSpec, ...]:
        extra = (F.SHARES_FIELD,) if self.kind == "elements" else ()
        return F.FIELDS_BY_KIND[self.kind] + extra + (F.SOURCES_FIELD,)

    def form(self, title: str, values: dict[str, Any]) -> dict[str, Any] | None:
        values = {**values, "sources": F.sources_to_text(values.get("sources") or []),
                  "shares": F.shares_to_text(values.get("shares") or [])}
        dialog = FormDialog(title, self.record_specs(), values, self)
        return dialog.ask()

    def new_defaults(self) -> dict[str, Any]:
        today = self.model.on.isoformat()
        if self.kind == "companies":
            return {"name": "", "name_confidence": "MED", "announcement": "", "listed": today,
                    "uel_announcement": "", "notes": "", "events": [], "sources": []}
        return {"symbol": "", "name": "", "atomic_number": 1, "category": "mineral", "announcement": "",
                "announced": today, "effective": today, "control_code": "", "control_code_confirmed": True,
                "items": "", "notes": "", "events": [], "sources": [], "shares": []}

class ElementsTab(RecordTab):
    FILTERS = (("All elements and minerals", None), ("Rare earths", "rare_earth"), ("Other minerals", "mineral"))

    def __init__(self, controller: EditController, parent: QWidget | None = None) -> None:
        super().__init__("elements", ELEMENT_COLUMNS, element_html, "Search elements, announcements, items…",
                         {0: 55, 1: 95, 2: 35, 3: 365, 4: 85, 5: 330, 6: 100, 7: 260, 8: 85}, controller, parent)
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


class ReservesTab(RecordActions, QWidget):
    """Source picker, bar chart (built on first show) and an editable table of the same values."""

    kind = "reserves"

    def __init__(self, controller: EditController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.dataset: Dataset | None = None
        self.chart = None
        self._refresh_pending = False
        self.source = QComboBox()
        self.source.currentIndexChanged.connect(self._refresh)
        self.model = ReserveTableModel(self, editor=controller)
        self.table = _table(self.model)
        self.table.setColumnWidth(0, 125)
        self.table.setColumnWidth(1, 105)
        self.table.setColumnWidth(2, 260)
        self.table.setColumnWidth(3, 80)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.customContextMenuRequested.connect(self._context_menu)
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

    def schedule_refresh(self) -> None:
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self._refresh)

    def current_record(self):
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def select_id(self, record_id: str) -> bool:
        if self._refresh_pending:
            self._refresh()
        record = next((r for r in self.dataset.reserves if r.id == record_id), None) if self.dataset else None
        if record is None:
            return False
        if record.edition != self.source.currentData():
            self.select_source(record.edition)
        row = self.model.row_of(record_id)
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))
        return row >= 0

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

    def _refresh(self, *_args) -> None:
        self._refresh_pending = False
        if self.dataset is None:
            return
        edition = self.dataset.edition(self.source.currentData() or "")
        if edition is None:
            return
        current = self.current_record()
        rows = rows_for(self.dataset.reserves, edition.id)
        self.model.set_source(rows, self.dataset.reserves, self.dataset.editions)
        self.table.setColumnHidden(self.model.column_of("usgs"), edition.is_usgs)
        if current is not None and (row := self.model.row_of(current.id)) >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
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
                parts.append('<span style="color:#b35c00"><b>Orange bars: figures that match no USGS edition</b> ('
                             + escape(", ".join(f"{r.country} {format_mt(r.reserves_t)}" for r in bad)) + ").</span>")
        if edition.note:
            parts.append(escape(edition.note))
        return " ".join(parts)

    # --- record actions (RecordActions) ---------------------------------------------------
    @staticmethod
    def to_source(index: QModelIndex) -> QModelIndex:
        return index  # no proxy: the table shows the model directly

    def record_specs(self) -> tuple[F.FieldSpec, ...]:
        return F.RESERVE_FIELDS

    def form(self, title: str, values: dict[str, Any]) -> dict[str, Any] | None:
        editions = {e.id: e.short for e in self.dataset.editions}
        dialog = FormDialog(title, F.RESERVE_FIELDS, values, self,
                            extra={"edition": ("Source", tuple(editions), editions)})
        return dialog.ask()

    def new_defaults(self) -> dict[str, Any]:
        return {"country": "", "edition": self.source.currentData(), "reserves_t": None, "confidence": "MED",
                "note": ""}



class MainWindow(QMainWindow):
    def __init__(self, controller: EditController, on: dt.date, parent: QWidget | None = None, *,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.controller = controller
        self.workspace = controller.workspace
        self.on = on
        self.settings = settings
        self._save_banner: Banner | None = None
        self._edit_banner: Banner | None = None
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.companies = RecordTab("companies", COMPANY_COLUMNS, company_html,
                                   "Search companies, announcements, notes… (case and accents ignored)",
                                   {0: 240, 1: 420, 2: 150, 3: 85, 4: 230}, controller, self)
        self.elements = ElementsTab(controller, self)
        self.reserves = ReservesTab(controller, self)
        self.tabs.addTab(self.companies, "Companies")
        self.tabs.addTab(self.elements, "Element restrictions")
        self.tabs.addTab(self.reserves, "Reserves")
        self.banners = QVBoxLayout()
        self.banners.setContentsMargins(6, 4, 6, 0)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.banners)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

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
        self.save_state = QLabel()
        self.statusBar().addPermanentWidget(self.save_state)
        self.statusBar().addPermanentWidget(self.as_of_status)
        self._build_menus()

        controller.rejected.connect(self._on_rejected)
        controller.save_failed.connect(self._on_save_failed)
        controller.saved.connect(self._on_saved)
        controller.dirty_changed.connect(lambda _dirty: self._update_save_state())
        self.workspace.listeners.append(self._on_workspace_change)
        self.set_dataset(self.workspace.dataset)
        self._update_save_state()
        if controller.read_only:
            reason = controller.userdata.store.read_only_reason if controller.userdata.store else None
            self.add_banner("warning", "Read-only: " + (reason or "your data folder cannot be written.")
                            + " You can look things up and export, but edits are off.", closable=False)

    # --- menus ----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction("&Export CSV…", self.export_dialog)
        file_menu.addAction("Open &data folder", self.open_data_folder)
        self.restore_action = file_menu.addAction("&Restore from backup…", self.restore_dialog)
        self.restore_action.setEnabled(not self.controller.read_only)
        file_menu.addSeparator()
        quit_action = file_menu.addAction("&Quit", self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)

        edit = bar.addMenu("&Edit")
        self.undo_action = self.controller.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.controller.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self.add_action = edit.addAction("&Add record…", lambda: self.current_tab().add_new())
        self.add_action.setShortcut(QKeySequence("Ctrl+N"))
        self.edit_action = edit.addAction("&Edit record…", lambda: self.current_tab().edit_current())
        self.edit_action.setShortcut(QKeySequence("Ctrl+E"))
        self.delete_action = edit.addAction("&Delete record", lambda: self.current_tab().delete_current())
        self.delete_action.setShortcut(QKeySequence("Ctrl+Del"))
        edit.addSeparator()
        edit.addAction("Show my &changes…", self.show_changes)
        self.reset_action = edit.addAction("&Reset all data to bundled…", self.confirm_reset)
        for action in (self.add_action, self.edit_action, self.delete_action, self.reset_action):
            action.setEnabled(not self.controller.read_only)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(f"&About {APP_NAME}", self.show_about)

    def current_tab(self):
        return self.tabs.currentWidget()

    # --- banners and save state -----------------------------------------------------------
    def add_banner(self, level: str, text: str, closable: bool = True, actions=()) -> Banner:
        banner = Banner(level, text, self, closable, actions)
        self.banners.addWidget(banner)
        return banner

    def banner_texts(self) -> list[str]:
        out = []
        for i in range(self.banners.count()):
            widget = self.banners.itemAt(i).widget()
            if isinstance(widget, Banner):
                out.append(widget.text())
        return out

    def _on_rejected(self, message: str) -> None:
        if self._edit_banner is not None and self._edit_banner.parent() is not None:
            self._edit_banner.dismiss()
        self._edit_banner = self.add_banner("error", message)
        self.statusBar().showMessage(message, 8000)

    def _on_save_failed(self, message: str) -> None:
        error = self.controller.last_error
        if error is not None and error.kind == "changed_on_disk":
            text = (f"Your latest changes are not saved: {self.controller.userdata.path} was changed by another "
                    f"program since Curbwatch read it. Overwrite it with your data (the other version is backed "
                    f"up first), or reload it (your unsaved changes are dropped).")
            actions = (("Overwrite", self.overwrite_on_disk), ("Reload", self.reload_from_disk))
        else:
            text = f"Your latest changes are not saved yet: {message} Curbwatch keeps them and will try again."
            actions = ()
        if self._save_banner is not None:
            self._save_banner.dismiss()
        self._save_banner = self.add_banner("error", text, closable=False, actions=actions)
        self._update_save_state()

    def overwrite_on_disk(self) -> bool:
        return self.controller.save_now(force=True)

    def reload_from_disk(self) -> None:
        # The reload replaces the workspace's layer, which refreshes every view through the
        # workspace listener.
        for message in self.controller.reload():
            self.add_banner("warning", message)

    def _on_saved(self) -> None:
        if self._save_banner is not None:
            self._save_banner.dismiss()
            self._save_banner = None
        self._update_save_state()

    def _update_save_state(self) -> None:
        if self.controller.read_only:
            self.save_state.setText("Read-only")
        elif self.controller.last_error is not None:
            self.save_state.setText('<span style="color:#b3261e"><b>Not saved</b></span>')
        elif self.controller.dirty:
            self.save_state.setText("Saving…")
        else:
            count = self.workspace.change_count()
            self.save_state.setText(f"All changes saved ({count} changed record{'s' if count != 1 else ''})"
                                    if count else "No changes of yours")

    # --- data flow ------------------------------------------------------------------------
    def set_dataset(self, dataset: Dataset) -> None:
        self.companies.set_records(dataset.companies, self.on)
        self.elements.set_records(dataset.elements, self.on)
        self.reserves.set_dataset(dataset)
        self._update_labels()

    def _on_workspace_change(self, kind: str, record_id: str | None) -> None:
        dataset = self.workspace.dataset
        tab = {"companies": self.companies, "elements": self.elements}.get(kind)
        if tab is not None and record_id is not None:
            records = dataset.companies if kind == "companies" else dataset.elements
            record = next((r for r in records if r.id == record_id), None)
            in_model = tab.model.row_of(record_id) >= 0
            if record is not None and in_model:
                tab.update_record(record)
            else:
                tab.set_records(records, self.on)
            self.reserves.dataset = dataset
        elif kind == "reserves":
            self.reserves.dataset = dataset
            if record_id is not None:
                record = next((r for r in dataset.reserves if r.id == record_id), None)
                if record is not None and record.edition != self.reserves.source.currentData():
                    self.reserves.select_source(record.edition)
            # The rows re-sort by value, so the model is rebuilt; wait until the cell editor
            # that made this change has closed (rebuilding under it confuses the view).
            self.reserves.schedule_refresh()
        else:
            self.set_dataset(dataset)
        self._update_save_state()

    def _update_labels(self) -> None:
        info = self.workspace.info
        self.as_of.setText(f"Dataset {info.dataset_version}, <b>as of {info.as_of.isoformat()}</b>")
        self.as_of_status.setText(f"{APP_NAME} {__version__} · data as of {info.as_of.isoformat()} · "
                                  f"statuses computed for {self.on.isoformat()}")

    def _on_date(self, qdate: QDate) -> None:
        self.on = dt.date(qdate.year(), qdate.month(), qdate.day())
        self.companies.set_date(self.on)
        self.elements.set_date(self.on)
        self._update_labels()

    # --- dialogs --------------------------------------------------------------------------
    def show_changes(self) -> None:
        from app.ui.changes import ChangesDialog as Dialog

        Dialog(self.controller, self).exec()

    def confirm_reset(self) -> bool:
        count = self.workspace.change_count()
        if not count:
            QMessageBox.information(self, APP_NAME, "You have no changes to reset.")
            return False
        answer = QMessageBox.question(
            self, "Reset all data to bundled",
            f"Discard all your changes ({count} record{'s' if count != 1 else ''}) and go back to the bundled "
            f"data? A backup is made first, and Edit > Undo brings them back.",
            QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Reset:
            return False
        return self.controller.reset_all()

    def show_about(self) -> None:
        info = self.workspace.info
        folder = self.controller.userdata.data_dir
        box = QMessageBox(self)
        box.setWindowTitle(f"About {APP_NAME}")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            f"<h3>{APP_NAME} {__version__}</h3>"
            f"<p>Offline reference for China's 2025 export controls.</p>"
            f"<p><b>Dataset</b> {escape(info.dataset_version)}, as of {info.as_of.isoformat()}<br>"
            f"<b>Your data folder</b> {escape(str(folder))}<br>"
            f"<b>Licence</b> MIT</p>"
            f"<p>Sources: MOFCOM announcements as reported by Xinhua, People's Daily, CRI and others; "
            f"USGS Mineral Commodity Summaries; every record lists its own sources and confidence.</p>")
        open_button = box.addButton("Open data folder", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            self.open_data_folder()

    def restore_dialog(self) -> bool:
        from PySide6.QtWidgets import QInputDialog

        entries = self.controller.userdata.backups()
        if not entries:
            QMessageBox.information(self, APP_NAME, "There are no backups yet. Curbwatch makes one at most every "
                                    "ten minutes while you edit, and before every merge, reset or restore.")
            return False
        labels = [f"{e.when.strftime('%Y-%m-%d %H:%M:%S')} UTC" + (f"  ({e.reason})" if e.reason else "")
                  for e in entries]
        choice, ok = QInputDialog.getItem(self, "Restore from backup",
                                          "Replace your current data with the backup of:\n(your current data is "
                                          "backed up first)", labels, 0, False)
        if not ok:
            return False
        restored = self.controller.restore_backup(entries[labels.index(choice)])
        if restored:
            self.statusBar().showMessage(f"Restored the backup of {choice}", 8000)
        return restored

    def open_data_folder(self) -> bool:
        folder = self.controller.userdata.data_dir
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.add_banner("error", f"The data folder {folder} cannot be opened: {exc.strerror or exc}.")
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def export_dialog(self) -> None:
        directory = QFileDialog.getExistingDirectory(self, "Export CSV to folder")
        if directory:
            self.export_to(directory)

    def export_to(self, directory: str) -> bool:
        from pathlib import Path

        from app.storage.export import export_csv
        from app.storage.safe_io import SaveError

        try:
            paths = export_csv(self.workspace, Path(directory), self.on)
        except (SaveError, OSError) as exc:
            self.add_banner("error", f"Export failed: {exc}")
            return False
        self.statusBar().showMessage(f"Exported {len(paths)} files to {directory}", 8000)
        return True

    # --- window state and quitting --------------------------------------------------------
    def restore_state(self) -> None:
        if self.settings is None:
            return
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        tab = self.settings.value("window/tab")
        if tab is not None:
            self.tabs.setCurrentIndex(int(tab))

    def closeEvent(self, event) -> None:
        if not self.controller.save_now() and self.controller.dirty:
            answer = self.ask_unsaved()
            if answer == QMessageBox.StandardButton.Retry:
                if not self.controller.save_now():
                    event.ignore()
                    return
            elif answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        if self.settings is not None:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/tab", self.tabs.currentIndex())
        super().closeEvent(event)

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        error = self.controller.last_error
        return QMessageBox.warning(
            self, APP_NAME,
            f"Your latest changes could not be saved.\n\n{error or ''}\n\nTry again, quit and lose them, or cancel "
            f"and keep working (you can still export them with File > Export CSV).",
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Retry)
