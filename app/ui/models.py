"""The table model: a thin Qt adapter over one kind of record in the Workspace.

It follows the workspace by itself: a change to one record of its kind becomes
``dataChanged``, ``rowsInserted`` or ``rowsRemoved`` for that row (a whole-layer change, such as
a restore, resets it). Display text is cached per row, so ``data()`` is a list lookup; a row's
folded search key is made when first asked for. The proxy (``app.ui.row_proxy``) takes a
column's sort keys as one list (``sort_values``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Iterable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.domain.kinds import Kind
from app.domain.reserves import NO_MATCH, compare_all
from app.domain.matching import fold
from app.domain.status import EXPIRED, UNKNOWN
from app.domain.workspace import Workspace
from app.ui import theme as themes
from app.ui.columns import Cell, Column, Context
from app.ui.i18n import tr
from app.ui.row_proxy import ID_ROLE, SEARCH_ROLE, SORT_ROLE, SearchFilterProxy  # noqa: F401 - the tables' proxy

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
FONT = Qt.ItemDataRole.FontRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
HORIZONTAL = Qt.Orientation.Horizontal
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
EDIT_FLAGS = ITEM_FLAGS | Qt.ItemFlag.ItemIsEditable
_BOLD = QFont()
_BOLD.setBold(True)


class RecordTableModel(QAbstractTableModel):
    """The records of one kind through column definitions. With an ``editor`` (the
    EditController) the columns that show a field are editable: ``setData`` hands the typed
    value to the controller, which validates it and pushes an undo command, or refuses it with
    a message and changes nothing."""

    def __init__(self, workspace: Workspace, kind: Kind, columns: Sequence[Column], parent=None, *,
                 editor=None, on: dt.date | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.kind = kind.key
        self.kind_info = kind
        self.editor = editor
        self._columns = tuple(columns)
        self.context = Context()
        if on is not None:
            self.context.on = on
        self._records: list[Any] = []
        self._rows: list[tuple[Cell, ...] | None] = []  # a row's cells, made when first asked for
        self._keys: list[str | None] = []  # folded search keys, made when first asked for
        self._row_of: dict[str, int] = {}
        self._sort_cache: dict[int, list[Any]] = {}  # column -> every row's sort key, once asked for
        self._theme = themes.current()
        self._reload()
        workspace.listeners.append(self._on_change)
        self.destroyed.connect(lambda *_: _forget(workspace, self._on_change))

    # --- following the workspace ---------------------------------------------------------
    def _on_change(self, kind: str, record_id: str | None) -> None:
        if kind not in ("", self.kind):
            return
        if record_id is None:  # the whole layer, or many records of this kind at once
            self.beginResetModel()
            self._reload()
            self.endResetModel()
        else:
            self._before_row_change()
            self._apply_change(record_id)

    def _before_row_change(self) -> None:
        """Hook for what other rows depend on (the reserve comparisons)."""

    def _apply_change(self, record_id: str) -> None:
        record = self.workspace.record(self.kind, record_id)
        row = self._row_of.get(record_id)
        if record is None and row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            for seq in (self._records, self._rows, self._keys, *self._sort_cache.values()):
                del seq[row]
            self._reindex()
            self.endRemoveRows()
        elif record is not None and row is None:
            row = len(self._records)
            self.beginInsertRows(QModelIndex(), row, row)
            self._records.append(record)
            self._rows.append(None)
            self._keys.append(None)
            for column, values in self._sort_cache.items():
                values.append(self._sort_value(row, column))
            self._row_of[record_id] = row
            self.endInsertRows()
        elif record is not None and row is not None:
            self._records[row] = record
            self._rows[row] = None
            self._keys[row] = None
            for column, values in self._sort_cache.items():
                values[row] = self._sort_value(row, column)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def _reload(self) -> None:
        self._records = list(self.workspace.records(self.kind))
        self.context.as_of = self.workspace.info.as_of  # statuses past it say how far the data reaches
        self._rebuild()

    def _rebuild(self) -> None:
        # Cells are made for the rows shown (and a column's sort keys for every row): a tab of
        # a million records opens without computing seven million cells first.
        self._rows = [None] * len(self._records)
        self._keys = [None] * len(self._rows)
        self._sort_cache = {}
        self._reindex()

    def _reindex(self) -> None:
        self._row_of = {r.id: i for i, r in enumerate(self._records)}

    def _cells(self, record: Any) -> tuple[Cell, ...]:
        return tuple(col.cell(record, self.context) for col in self._columns)

    def _row(self, row: int) -> tuple[Cell, ...]:
        cells = self._rows[row]
        if cells is None:
            cells = self._rows[row] = self._cells(self._records[row])
        return cells

    def _search_key(self, record: Any, row: tuple[Cell, ...]) -> str:
        extra = [getattr(record, name, "") for name in ("notes", "items", "uel_announcement", "name_zh")]
        extra += list(getattr(record, "aliases", ()))
        return fold(" ".join([c.text for c in row] + [e for e in extra if isinstance(e, str)]))

    # --- reading --------------------------------------------------------------------------
    @property
    def on(self) -> dt.date:
        return self.context.on

    def set_date(self, on: dt.date) -> None:
        self.context.on = on
        self._rebuild()
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, len(self._columns) - 1))

    def set_theme(self, theme: themes.Theme) -> None:
        self._theme = theme
        if self._records:  # colours only: the proxy need not sort or filter again
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, len(self._columns) - 1),
                                  [BACKGROUND, FOREGROUND])

    def sort_values(self, column: int, rows: range) -> list[Any]:
        """The sort keys of ``rows`` in ``column`` (what ``data(index, SORT_ROLE)`` gives), as one
        list; a column's keys are worked out once and then follow the changes."""
        values = self._sort_cache.get(column)
        if values is None:
            values = self._sort_cache[column] = self._column_keys(column)
        return values[rows.start:rows.stop] if rows.step == 1 else [values[r] for r in rows]

    def _column_keys(self, column: int) -> list[Any]:
        """Every row's ``_sort_value`` in ``column``, in one pass through the column's own key
        (equal to its cells' keys) when it has one: a table of 100,000 rows is sorted at start."""
        key, context = self._columns[column].sort, self.context
        if key is None:
            return [self._sort_value(r, column) for r in range(len(self._records))]
        keys = [key(record, context) for record in self._records]
        return [k if type(k) in _PLAIN else _sortable(k) for k in keys]

    def _sort_value(self, row: int, column: int) -> Any:
        cells, spec = self._rows[row], self._columns[column]
        if cells is None and spec.sort is not None:  # the key alone, without making the cell
            return _sortable(spec.sort(self._records[row], self.context))
        cell = cells[column] if cells is not None else spec.cell(self._records[row], self.context)
        return _sortable(cell.sort)

    def search_key(self, row: int) -> str:
        """The folded text of a row's cells and other searchable fields (the plain filter's key)."""
        key = self._keys[row]
        if key is None:
            key = self._keys[row] = self._search_key(self._records[row], self._row(row))
        return key

    def column_field(self, column: int) -> str | None:
        return self._columns[column].field

    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def record(self, row: int) -> Any:
        return self._records[row]

    def records(self) -> list[Any]:
        return list(self._records)

    def records_between(self, start: int, stop: int) -> list[Any]:
        """The records of rows ``start`` to ``stop`` (a filter's slice, without a call per row)."""
        return self._records[start:stop]

    def row_of(self, record_id: str) -> int:
        return self._row_of.get(record_id, -1)

    def rows_of(self, record_ids: Iterable[str]) -> set[int]:
        """The rows of these records (ids of no row left out), for a filter of many ids."""
        rows = set(map(self._row_of.get, record_ids))
        rows.discard(None)
        return rows

    def column_of(self, key: str) -> int:
        for i, col in enumerate(self._columns):
            if col.key == key:
                return i
        raise KeyError(key)

    # --- Qt interface --------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == HORIZONTAL and 0 <= section < len(self._columns):
            if role == DISPLAY:
                return tr(self._columns[section].label)
            if role == TOOLTIP:
                return tr(self._columns[section].tooltip or self._columns[section].label)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return self.column_flags(index.column()) if index.isValid() else Qt.ItemFlag.NoItemFlags

    def column_flags(self, column: int) -> Qt.ItemFlag:
        """Every row of a column has the same flags (the proxy asks this, not a row at a time)."""
        if self.editor is not None and not self.editor.read_only and self._columns[column].field:
            return EDIT_FLAGS
        return ITEM_FLAGS

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid() or self.editor is None:
            return False
        name = self._columns[index.column()].field
        if not name:
            return False
        return self.editor.edit_field(self.kind, self._records[index.row()].id, name, value)

    def _marks(self, row: int, column: int) -> tuple[bool, bool, Any]:
        """(edited, added, conflict) for a cell, from the workspace's record of the user's changes."""
        if self.editor is None:
            return False, False, None
        record_id = self._records[row].id
        if self.workspace.is_added(self.kind, record_id):
            return True, True, None
        name = self._columns[column].field
        if not name or not self.workspace.is_edited(self.kind, record_id, name):
            return False, False, None
        return True, False, self.workspace.conflict(self.kind, record_id, name)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row >= len(self._rows) or column >= len(self._columns):
            return None
        cell = self._row(row)[column]
        if role == DISPLAY:
            return cell.text
        if role == EDIT:
            name = self._columns[column].field
            if name is None:
                return cell.text
            value = getattr(self._records[row], name)
            return value.isoformat() if isinstance(value, dt.date) else value
        if role == BACKGROUND:
            edited, added, conflict = self._marks(row, column)
            if not edited:
                return None
            return QColor(self._theme.conflict if conflict else self._theme.added if added else self._theme.edited)
        if role == SORT_ROLE:
            return _sortable(cell.sort)
        if role == TOOLTIP:
            return self._tooltip(row, column, cell)
        if role == FOREGROUND:
            return self._theme.status_color(cell.kind) if cell.kind else None
        if role == FONT:
            return _BOLD if cell.kind in (EXPIRED, UNKNOWN, NO_MATCH) else None
        if role == ALIGN:
            return RIGHT if self._columns[column].right else None
        if role == SEARCH_ROLE:
            return self.search_key(row)
        if role == ID_ROLE:
            return self._records[row].id
        return None

    def _tooltip(self, row: int, column: int, cell: Cell) -> str | None:
        edited, added, conflict = self._marks(row, column)
        if conflict is not None:
            return tr("Conflict: you changed this; the bundled data changed it too.\nBundled before: {base}\n"
                      "Bundled now: {bundled}\nYours (kept): {mine}").format(
                base=conflict.base, bundled=conflict.bundled, mine=conflict.mine)
        if added:
            return tr("Added by you")
        if edited:
            record_id = self._records[row].id
            bundled = (self.workspace.bundled_raw(self.kind, record_id) or {}).get(self._columns[column].field)
            return tr("Edited by you. Bundled value: {value}").format(
                value=tr("(none)") if bundled in (None, "") else bundled)
        return cell.tooltip or (cell.text if len(cell.text) > 30 else None)


def _forget(workspace: Workspace, listener: Callable) -> None:
    if listener in workspace.listeners:
        workspace.listeners.remove(listener)


class ReserveTableModel(RecordTableModel):
    """Every reserve row of every source (a proxy shows one source). The comparison of each
    non-USGS figure with the USGS editions is computed once per change, here, and shared."""

    def _reload(self) -> None:
        self.context.comparisons = compare_all(self.workspace.records("reserves"), self.workspace.editions)
        super()._reload()

    def _before_row_change(self) -> None:
        before = self.context.comparisons
        self.context.comparisons = compare_all(self.workspace.records("reserves"), self.workspace.editions)
        column = self.column_of("usgs")
        for record_id, comparison in self.context.comparisons.items():
            row = self._row_of.get(record_id)
            if row is not None and before.get(record_id) != comparison:
                if self._rows[row] is not None:  # else made from the new comparisons when first shown
                    cells = list(self._rows[row])
                    cells[column] = self._columns[column].cell(self._records[row], self.context)
                    self._rows[row] = tuple(cells)
                if column in self._sort_cache:
                    self._sort_cache[column][row] = self._sort_value(row, column)
                self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def comparison(self, row: int):
        return self.context.comparisons.get(self._records[row].id)


_PLAIN = frozenset({int, float, str})  # sort keys _sortable gives back as they are


def _sortable(value: Any) -> Any:
    """Sort keys Qt can compare: tuples become a padded string, None sorts first."""
    if isinstance(value, tuple):
        return "|".join(str(v) for v in value)
    if value is None:
        return ""
    return value
