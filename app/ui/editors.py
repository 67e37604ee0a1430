"""Editors that fit each field: a delegate for table cells, and form dialogs for whole records
and timeline events. They only collect text/choices; validation is the domain's."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from app.domain import fields as F
from app.domain.model import CATEGORY_LABELS, MEASURE_LABELS

NO_DATE = QDate(1899, 12, 31)  # shown as "none" in optional date editors
CHOICE_LABELS = {**CATEGORY_LABELS, **MEASURE_LABELS, "announced": "Announced", "in_force": "In force",
                 "suspended": "Suspended", "lifted": "Lifted", "changed_unknown": "Changed (outcome unconfirmed)",
                 "note": "Note"}
OPTIONAL_DATES = {"effective", "uel_date", "until"}


def date_editor(parent: QWidget | None, optional: bool) -> QDateEdit:
    editor = QDateEdit(parent)
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("yyyy-MM-dd")
    editor.setMaximumDate(QDate(2100, 12, 31))
    if optional:
        editor.setMinimumDate(NO_DATE)
        editor.setSpecialValueText("none")
    else:
        editor.setMinimumDate(QDate(1900, 1, 1))
    return editor


def set_date(editor: QDateEdit, value: Any) -> None:
    if isinstance(value, str) and value:
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            value = None
    if isinstance(value, dt.date):
        editor.setDate(QDate(value.year, value.month, value.day))
    else:
        editor.setDate(editor.minimumDate())


def date_text(editor: QDateEdit) -> str:
    date = editor.date()
    if date == NO_DATE and editor.specialValueText():
        return ""
    return f"{date.year():04d}-{date.month():02d}-{date.day():02d}"


def choice_editor(parent: QWidget | None, choices: tuple[str, ...]) -> QComboBox:
    combo = QComboBox(parent)
    for choice in choices:
        combo.addItem(CHOICE_LABELS.get(choice, choice), choice)
    return combo


class FieldDelegate(QStyledItemDelegate):
    """Cell editors by field type: date picker, choice list, number with unit, plain text."""

    def _spec(self, index) -> F.FieldSpec | None:
        model = index.model()
        while hasattr(model, "sourceModel"):
            index = model.mapToSource(index)
            model = model.sourceModel()
        name = model.column_field(index.column())
        return F.spec(model.kind, name) if name else None

    def createEditor(self, parent, option, index):
        field = self._spec(index)
        if field is None:
            return super().createEditor(parent, option, index)
        if field.editor == "date":
            return date_editor(parent, field.name in OPTIONAL_DATES)
        if field.editor == "choice":
            return choice_editor(parent, field.choices)
        editor = QLineEdit(parent)
        if field.editor == "tons":
            editor.setPlaceholderText("metric tons, e.g. 21000000 or 21 Mt")
            editor.setToolTip("Whole metric tons of rare-earth oxide; you may type t, kt or Mt")
        return editor

    def setEditorData(self, editor, index):
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDateEdit):
            set_date(editor, value)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QLineEdit):
            field = self._spec(index)
            if field is not None and field.editor == "tons" and isinstance(value, int):
                editor.setText(str(value))
            else:
                editor.setText("" if value is None else str(value))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QDateEdit):
            model.setData(index, date_text(editor))
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
        else:
            super().setModelData(editor, model, index)


class FormDialog(QDialog):
    """A form for a set of field specs; ``values()`` returns what was entered (as typed text,
    choices and booleans) for the domain to parse."""

    def __init__(self, title: str, specs: tuple[F.FieldSpec, ...], values: dict[str, Any],
                 parent: QWidget | None = None, extra: dict[str, tuple[str, tuple[str, ...], dict[str, str]]] | None
                 = None, note: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._widgets: dict[str, QWidget] = {}
        self._specs = specs
        form = QFormLayout()
        for field in specs:
            if extra and field.name in extra:
                label, choices, labels = extra[field.name]
                combo = QComboBox()
                for choice in choices:
                    combo.addItem(labels.get(choice, choice), choice)
                combo.setCurrentIndex(max(combo.findData(values.get(field.name)), 0))
                widget: QWidget = combo
            elif field.editor == "date":
                widget = date_editor(None, field.name in OPTIONAL_DATES)
                set_date(widget, values.get(field.name))
            elif field.editor == "choice":
                widget = choice_editor(None, field.choices)
                widget.setCurrentIndex(max(widget.findData(values.get(field.name)), 0))
            elif field.editor == "bool":
                widget = QCheckBox()
                widget.setChecked(bool(values.get(field.name, True)))
            elif field.editor == "multiline":
                widget = QPlainTextEdit(str(values.get(field.name) or ""))
                widget.setMinimumHeight(70)
            else:
                value = values.get(field.name)
                widget = QLineEdit("" if value is None else str(value))
                if field.editor == "tons":
                    widget.setPlaceholderText("metric tons, e.g. 21000000 or 21 Mt")
            widget.setObjectName(field.name)
            self._widgets[field.name] = widget
            form.addRow(field.label + ("" if not field.unit else f" ({field.unit})"), widget)
        layout = QVBoxLayout(self)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b3261e")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def widget(self, name: str) -> QWidget:
        return self._widgets[name]

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in self._widgets.items():
            if isinstance(widget, QDateEdit):
                out[name] = date_text(widget) or None
            elif isinstance(widget, QComboBox):
                out[name] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                out[name] = widget.isChecked()
            elif isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
            else:
                out[name] = widget.text()
        return out

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def ask(self) -> dict[str, Any] | None:
        """Run the dialog until it is cancelled or its values parse; their JSON form, or None.
        A value that does not parse keeps the dialog open with the reason."""
        while self.exec() == QDialog.DialogCode.Accepted:
            try:
                return parse_form(self._specs, self.values())
            except F.FieldError as exc:
                self.show_error(f"Not saved: {exc}")
        return None


def parse_form(specs: tuple[F.FieldSpec, ...], values: dict[str, Any]) -> dict[str, Any]:
    """Typed form values to their JSON form (raises FieldError naming the field)."""
    out = {}
    for field in specs:
        out[field.name] = F.to_json_value(field.parse(values.get(field.name)))
    return out
