"""Edit > Show my changes: every change the user made (record, field, bundled value, yours),
conflicts with a newer bundled dataset first, each revertible."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain.kinds import kind_of
from app.domain.workspace import Change
from app.ui import theme as themes
from app.ui.controller import EditController
from app.ui.i18n import QT_TRANSLATE_NOOP, tr


def _show(value: Any) -> str:
    if value is None:
        return tr("(none)")
    if isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) < 120 else text[:117] + "…"
    return str(value)


def _field_label(kind: str, name: str) -> str:
    return tr(kind_of(kind).field_label(name)) if name else tr("(whole record)")


class ChangesDialog(QDialog):
    HEADERS = (QT_TRANSLATE_NOOP("", "Kind"), QT_TRANSLATE_NOOP("", "Record"), QT_TRANSLATE_NOOP("", "Field"),
               QT_TRANSLATE_NOOP("", "Bundled value"), QT_TRANSLATE_NOOP("", "Your value"), "")
    ACTIONS = {"added": QT_TRANSLATE_NOOP("", "added"), "edited": QT_TRANSLATE_NOOP("", "edited"),
               "deleted": QT_TRANSLATE_NOOP("", "deleted")}

    def __init__(self, controller: EditController, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(tr("My changes"))
        self.resize(980, 480)
        self.summary = QLabel()
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setHorizontalHeaderLabels([tr(h) if h else "" for h in self.HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.revert_button = QPushButton(tr("Revert selected"))
        self.revert_button.clicked.connect(self.revert_selected)
        self.keep_button = QPushButton(tr("Keep mine (resolve conflict)"))
        self.keep_button.clicked.connect(self.keep_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.revert_button)
        row.addWidget(self.keep_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.changes: list[Change] = []
        self.refresh()

    def refresh(self) -> None:
        changes = self.controller.workspace.changes()
        self.changes = sorted(changes, key=lambda c: (c.conflict is None, c.kind, c.label, c.field))
        self.table.setRowCount(len(self.changes))
        for row, change in enumerate(self.changes):
            if change.conflict:
                status = tr("conflict: bundled now {value}").format(value=_show(change.conflict.bundled))
            elif change.orphaned:
                status = tr("no longer bundled")
            else:
                status = tr(self.ACTIONS[change.action]) if change.action in self.ACTIONS else change.action
            values = (tr(kind_of(change.kind).label), change.label, _field_label(change.kind, change.field),
                      _show(change.bundled) if change.action != "added" else tr("(not in bundled data)"),
                      _show(change.mine) if change.action != "deleted" else tr("(deleted)"), status)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if change.conflict is not None:
                    item.setBackground(QColor(themes.current().conflict))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column, width in ((1, 240), (3, 220), (4, 220)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), width))
        conflicts = sum(1 for c in self.changes if c.conflict)
        count = len(self.changes)
        text = (tr("{n} change") if count == 1 else tr("{n} changes")).format(n=count)
        if conflicts:
            text = tr("{changes}, {n} in conflict with the bundled data").format(changes=text, n=conflicts)
        self.summary.setText(tr("{changes}. Reverting is undoable (Edit > Undo).").format(changes=text))
        self.revert_button.setEnabled(bool(self.changes) and not self.controller.read_only)
        self.keep_button.setEnabled(conflicts > 0 and not self.controller.read_only)

    def _selected(self) -> list[Change]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.changes[r] for r in rows if r < len(self.changes)]

    def revert_selected(self) -> None:
        for change in self._selected():
            if change.action == "edited":
                self.controller.revert_field(change.kind, change.record_id, change.field)
            elif change.action == "deleted":
                self.controller.revert_record(change.kind, change.record_id)
            else:  # added by the user: reverting removes it
                self.controller.delete_record(change.kind, change.record_id)
        self.refresh()

    def keep_selected(self) -> None:
        for change in self._selected():
            if change.conflict is not None:
                self.controller.keep_mine(change.kind, change.record_id, change.field)
        self.refresh()

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
