"""Editors that fit each field: a delegate for table cells, and the form dialog for whole
records and timeline events. They only collect text and choices; the kind's field specs parse
them (``app.domain.kinds``), so what is required and what is allowed is said in one place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from app.domain.kinds import kind_of
from app.domain.model import CHOICE_LABELS
from app.ui import theme as themes
from app.ui.date_field import DateLineEdit
from app.ui.i18n import confidence, tr
from app.ui.messages import refusal_text


def choice_editor(parent: QWidget | None, choices: tuple[str, ...], labels: dict[str, str] | None = None
                  ) -> QComboBox:
    combo = QComboBox(parent)
    labels = labels if labels is not None else CHOICE_LABELS
    for choice in choices:
        label = labels.get(choice)
        combo.addItem(tr(label) if label else confidence(choice), choice)
    return combo


class FieldDelegate(QStyledItemDelegate):
    """Cell editors by field type: a typed date with a picker, a choice list, a number with a
    unit, plain text."""

    def _spec(self, index) -> F.FieldSpec | None:
        model = index.model()
        while hasattr(model, "sourceModel"):
            index = model.mapToSource(index)
            model = model.sourceModel()
        name = model.column_field(index.column())
        return kind_of(model.kind).field(name) if name else None

    def createEditor(self, parent, option, index):
        field = self._spec(index)
        if field is None:
            return super().createEditor(parent, option, index)
        if field.editor == "date":
            editor = DateLineEdit(parent, required=field.required, label=tr(field.label))
            editor.picked.connect(lambda _text, e=editor: self._commit_and_close(e))
            return editor
        if field.editor == "choice":
            return choice_editor(parent, field.choices)
        editor = QLineEdit(parent)
        if field.hint:
            editor.setPlaceholderText(tr(field.hint))
        if field.editor == "tons":
            editor.setToolTip(tr("Whole metric tons of rare-earth oxide; you may type t, kt or Mt"))
        return editor

    def _commit_and_close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor, index):
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, DateLineEdit):
            editor.set_value(value)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QLineEdit):
            field = self._spec(index)
            editor.setText(field.to_text(value) if field is not None else ("" if value is None else str(value)))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
        else:
            super().setModelData(editor, model, index)


class FormDialog(QDialog):
    """A form for a set of field specs; ``values()`` returns what was entered (as typed text,
    choices and booleans) for the specs to parse."""

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
            widget = self._editor(field, values.get(field.name), (extra or {}).get(field.name))
            widget.setObjectName(field.name)
            widget.setAccessibleName(tr(field.label))
            self._widgets[field.name] = widget
            label = QLabel(tr(field.label) + (f" ({tr(field.unit)})" if field.unit else ""))
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet(f"color:{themes.current().status['in_force']}")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _editor(field: F.FieldSpec, value: Any, extra: tuple[str, tuple[str, ...], dict[str, str]] | None
                ) -> QWidget:
        if extra is not None:
            _label, choices, labels = extra
            combo = choice_editor(None, choices, labels)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            return combo
        if field.editor == "date":
            date = DateLineEdit(None, required=field.required, label=tr(field.label))
            date.set_value(value)
            return date
        if field.editor == "choice":
            combo = choice_editor(None, field.choices)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            return combo
        if field.editor == "bool":
            box = QCheckBox()
            box.setChecked(bool(value if value is not None else True))
            return box
        text = value if isinstance(value, str) else field.to_text(value)
        if field.editor == "multiline":
            area = QPlainTextEdit(text)
            area.setMinimumHeight(70)
            area.setTabChangesFocus(True)
            return area
        line = QLineEdit(text)
        if field.hint:
            line.setPlaceholderText(tr(field.hint))
        return line

    def widget(self, name: str) -> QWidget:
        return self._widgets[name]

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in self._widgets.items():
            if isinstance(widget, QComboBox):
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
                self.show_error(tr("Not saved: {reason}").format(reason=refusal_text(str(exc))))
        return None


def parse_form(specs: tuple[F.FieldSpec, ...], values: dict[str, Any]) -> dict[str, Any]:
    """Typed form values to their JSON form (raises FieldError naming the field by its label)."""
    return {field.name: F.to_json_value(field.parse(values.get(field.name))) for field in specs}
