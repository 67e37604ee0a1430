"""The table view every tab uses: row selection, the typed cell editors, keyboard behaviour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.ui.editors import FieldDelegate


class RecordTableView(QTableView):
    """Rows are what the user moves through: Home and End go to the first and last row (a plain
    QTableView moves to the first and last column of the row, which row selection hides)."""

    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt override
        cursor = QAbstractItemView.CursorAction
        if action in (cursor.MoveHome, cursor.MoveEnd):
            modifiers = modifiers | Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Ctrl+C copies the selected rows with their headers (a plain view copies one cell).
        if event.matches(QKeySequence.StandardKey.Copy):
            from app.ui.copy_rows import copy_rows

            copy_rows(self)
            event.accept()
            return
        super().keyPressEvent(event)


def make_table(model, name: str) -> QTableView:
    view = RecordTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionsMovable(True)
    view.setItemDelegate(FieldDelegate(view))
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    return view
