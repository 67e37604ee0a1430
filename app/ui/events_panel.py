"""The editable timeline events of a record (those implied by its fields are shown in the
detail text and edited through the record)."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.kinds import Kind
from app.domain.model import EVENT_KIND_LABELS, MEASURE_LABELS
from app.domain.records import new_event_id
from app.domain.schema import EVENT_FIELDS
from app.ui.editors import FormDialog
from app.ui.i18n import QT_TRANSLATE_NOOP, tr


class EventsPanel(QWidget):
    COLUMNS = (QT_TRANSLATE_NOOP("", "Date"), QT_TRANSLATE_NOOP("", "Measure"), QT_TRANSLATE_NOOP("", "Kind"),
               QT_TRANSLATE_NOOP("", "Until"), QT_TRANSLATE_NOOP("", "Text"))

    def __init__(self, kind: Kind, controller, current_record: Callable[[], Any], status_date: Callable,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.controller = controller
        self._current_record = current_record
        self._status_date = status_date
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setAccessibleName(tr("Timeline events of the selected {noun}").format(noun=tr(kind.noun)))
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda *_: self.edit_event())
        self.add_button = QPushButton(tr("&Add event…"))
        self.edit_button = QPushButton(tr("Ed&it event…"))
        self.delete_button = QPushButton(tr("Delete e&vent"))
        self.add_button.clicked.connect(lambda: self.add_event())
        self.edit_button.clicked.connect(lambda: self.edit_event())
        self.delete_button.clicked.connect(lambda: self.delete_event())
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(tr("<b>Timeline events</b>")))
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
            values = (event.date.isoformat(), tr(MEASURE_LABELS.get(event.measure, event.measure)),
                      tr(EVENT_KIND_LABELS.get(event.kind, event.kind)), event.until.isoformat() if event.until else "",
                      event.text)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, event.id)
                item.setToolTip(event.text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(4, 200)
        editable = record is not None and not self.controller.read_only
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
        dialog = FormDialog(title, EVENT_FIELDS, values, self,
                            extra={"measure": (tr("Measure"), self.kind.measures, MEASURE_LABELS)},
                            note=tr("“Until” is the last day of a suspension; leave it empty for other events."))
        return dialog.ask()

    def _raw(self, record) -> dict[str, Any]:
        return self.controller.workspace.raw(self.kind.key, record.id)

    def add_event(self, values: dict[str, Any] | None = None) -> bool:
        record = self._current_record()
        if record is None:
            return False
        on = self._status_date()
        event = values or self._dialog(tr("Add event to {record}").format(record=record.name),
                                       {"date": on.isoformat(), "measure": "export_control", "kind": "note",
                                        "until_confirmed": True, "confidence": "MED"})
        if event is None:
            return False
        raw = self._raw(record)
        events = raw.setdefault("events", [])
        events.append({"id": new_event_id(events, event["date"], event["kind"]), **event, "sources": []})
        return self.controller.edit_record(self.kind.key, record.id, raw,
                                           tr("Add event {date} to {record}").format(date=event["date"],
                                                                                     record=record.name))

    def edit_event(self, values: dict[str, Any] | None = None) -> bool:
        record, event_id = self._current_record(), self._selected_event_id()
        if record is None or event_id is None:
            return False
        raw = self._raw(record)
        index = next(i for i, e in enumerate(raw["events"]) if e["id"] == event_id)
        current = raw["events"][index]
        new = values or self._dialog(tr("Edit event of {record}").format(record=record.name), current)
        if new is None:
            return False
        raw["events"][index] = {**current, **new}
        return self.controller.edit_record(self.kind.key, record.id, raw,
                                           tr("Edit event {date} of {record}").format(date=current["date"],
                                                                                      record=record.name))

    def delete_event(self) -> bool:
        record, event_id = self._current_record(), self._selected_event_id()
        if record is None or event_id is None:
            return False
        raw = self._raw(record)
        gone = next(e for e in raw["events"] if e["id"] == event_id)
        raw["events"] = [e for e in raw["events"] if e["id"] != event_id]
        return self.controller.edit_record(self.kind.key, record.id, raw,
                                           tr("Delete event {date} of {record}").format(date=gone["date"],
                                                                                        record=record.name))
