"""The table view every tab uses: row selection, the typed cell editors, keyboard behaviour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView

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


class FrozenNameTableView(RecordTableView):
    """A record table whose first column (the name) stays in view when the other columns scroll
    sideways: a second view over the same model and selection shows only that column, laid over
    the left edge (Qt's "Frozen Column" example). Clicks, double-clicks (editing), sorting and the
    context menu on it act on the table itself."""

    def __init__(self) -> None:
        super().__init__()
        self.frozen = RecordTableView(self)
        self.frozen.setObjectName("frozen-names")
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setFrameShape(QFrame.Shape.NoFrame)
        self.frozen.setStyleSheet("QTableView#frozen-names { border-right: 1px solid palette(mid); }")
        self.frozen.horizontalHeader().sectionClicked.connect(self._sort_by_name)
        self.frozen.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.frozen.customContextMenuRequested.connect(
            lambda pos: self.customContextMenuRequested.emit(self.viewport().mapFromGlobal(
                self.frozen.viewport().mapToGlobal(pos))))
        self.horizontalHeader().sectionResized.connect(self._on_resized)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.horizontalHeader().sortIndicatorChanged.connect(
            lambda section, order: self.frozen.horizontalHeader().setSortIndicator(section, order))

    def setModel(self, model) -> None:  # noqa: N802 - Qt override
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        self.frozen.horizontalHeader().setSortIndicatorShown(True)
        model.columnsInserted.connect(lambda *_: self._hide_other_columns())
        model.modelReset.connect(self._hide_other_columns)
        self._hide_other_columns()

    def setItemDelegate(self, delegate) -> None:  # noqa: N802 - Qt override
        super().setItemDelegate(delegate)
        # A delegate of its own: a shared one would send each view the other's editors.
        self.frozen.setItemDelegate(type(delegate)(self.frozen))

    def setEditTriggers(self, triggers) -> None:  # noqa: N802 - Qt override
        super().setEditTriggers(triggers)
        self.frozen.setEditTriggers(triggers)

    def setSelectionBehavior(self, behavior) -> None:  # noqa: N802 - Qt override
        super().setSelectionBehavior(behavior)
        self.frozen.setSelectionBehavior(behavior)

    def setAlternatingRowColors(self, enable: bool) -> None:  # noqa: N802 - Qt override
        super().setAlternatingRowColors(enable)
        self.frozen.setAlternatingRowColors(enable)

    def _hide_other_columns(self) -> None:
        model = self.model()
        for column in range(model.columnCount() if model is not None else 0):
            self.frozen.setColumnHidden(column, column != 0)
        self.frozen.setColumnWidth(0, self.columnWidth(0))
        self.frozen.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        self._place()

    def _sort_by_name(self, _section: int) -> None:
        header = self.horizontalHeader()
        ascending = header.sortIndicatorSection() != 0 or header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder)

    def _on_resized(self, logical: int, _old: int, new: int) -> None:
        if logical == 0:
            self.frozen.setColumnWidth(0, new)
            self._place()

    def _place(self) -> None:
        rows = self.verticalHeader().defaultSectionSize()
        if self.frozen.verticalHeader().defaultSectionSize() != rows:
            self.frozen.verticalHeader().setDefaultSectionSize(rows)
        width = self.frameWidth()
        self.frozen.setGeometry(self.verticalHeader().width() + width, width, self.columnWidth(0),
                                self.viewport().height() + self.horizontalHeader().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place()

    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt override
        current = super().moveCursor(action, modifiers)
        if action == QAbstractItemView.CursorAction.MoveLeft and current.column() > 0:
            visible = self.visualRect(current).topLeft().x()
            if visible < self.frozen.columnWidth(0):
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() + visible - self.frozen.columnWidth(0))
        return current

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802
        if index.column() > 0:
            super().scrollTo(index, hint)
        else:  # the name is always in view: only scroll vertically
            row_top = self.rowViewportPosition(index.row())
            if row_top < 0 or row_top + self.rowHeight(index.row()) > self.viewport().height():
                super().scrollTo(self.model().index(index.row(), max(self.horizontalHeader().logicalIndexAt(
                    self.frozen.columnWidth(0) + 1), 1)), hint)

    def edit(self, index, trigger=None, event=None):  # noqa: D102 - Qt override
        # The name cell of this view lies under the frozen column: edit it there, where it shows.
        if index.isValid() and index.column() == 0 and trigger is not None:
            return self.frozen.edit(index, trigger, event)
        if trigger is None:
            return super().edit(index)
        return super().edit(index, trigger, event)


def make_table(model, name: str, *, frozen_name: bool = False) -> QTableView:
    view = FrozenNameTableView() if frozen_name else RecordTableView()
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
    header.setFirstSectionMovable(False)  # the name stays first (and frozen, where it is)
    view.setItemDelegate(FieldDelegate(view))
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    return view


def set_default_widths(view: QTableView, widths: list[int]) -> dict[int, int]:
    """Give each column its default width: the one its column asks for, or more where its header
    (the label in the current language and font, with room for the sort arrow) needs more. The
    widths are kept on the view as ``default_widths`` (View > Reset layout goes back to them)."""
    header = view.horizontalHeader()
    view.default_widths = {index: max(width, header.sectionSizeHint(index)) for index, width in enumerate(widths)}
    for index, width in view.default_widths.items():
        view.setColumnWidth(index, width)
    return view.default_widths
