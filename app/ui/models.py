"""Qt table models: thin adapters that present domain records through column definitions.

The models never own the data: they are handed records (and the date statuses are computed
for) and cache the display text per row, so ``data()`` is a list lookup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from app.domain.model import CATEGORY_LABELS, Company, Element, Reserve
from app.domain.reserves import NO_MATCH, ROUNDED, Comparison, compare_with_usgs, format_mt
from app.domain.search import fold, matches
from app.domain.status import EXPIRED, IN_FORCE, LIFTED, SUSPENDED, UNKNOWN, Status, record_status

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
FONT = Qt.ItemDataRole.FontRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3
HORIZONTAL = Qt.Orientation.Horizontal
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

STATUS_COLORS = {
    IN_FORCE: QColor("#b3261e"),
    SUSPENDED: QColor("#1f5fa8"),
    EXPIRED: QColor("#b35c00"),
    UNKNOWN: QColor("#b35c00"),
    LIFTED: QColor("#2e7d32"),
}
NO_MATCH_COLOR = QColor("#b3261e")
EDITED_BG = QColor("#fff4c2")  # a value the user changed
CONFLICT_BG = QColor("#ffd6a8")  # the user's value, kept over a newer bundled one
ADDED_BG = QColor("#e3f2e1")  # a record the user added
ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
EDIT_FLAGS = ITEM_FLAGS | Qt.ItemFlag.ItemIsEditable
_BOLD = QFont()
_BOLD.setBold(True)


@dataclass(frozen=True)
class Cell:
    text: str
    sort: Any
    tooltip: str = ""
    kind: str = ""  # a status kind or comparison kind, for colour


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    cell: Callable[[Any, dt.date], Cell]
    right: bool = False
    field: str | None = None  # the record field the column shows, when it shows one directly


def _date(value: dt.date | None) -> Cell:
    return Cell(value.isoformat() if value else "", value.isoformat() if value else "")


def _text(value: str, tooltip: str = "") -> Cell:
    return Cell(value, fold(value), tooltip)


def _status(status: Status | None) -> Cell:
    if status is None:
        return Cell("", "")
    return Cell(status.label, (status.kind, status.ends or dt.date.min), status.label, status.kind)


def _ends(status: Status | None) -> Cell:
    if status is None or status.ends is None:
        return Cell("", "")
    text = status.ends.isoformat() + ("" if status.ends_confirmed else " (unconfirmed)")
    return Cell(text, status.ends.isoformat(), "End date not confirmed by a source" if not status.ends_confirmed
                else "", status.kind)


def _name(company: Company, _on: dt.date) -> Cell:
    note = "" if company.name_confidence == "HIGH" else f"Spelling confidence {company.name_confidence}"
    return Cell(company.name, fold(company.name), note)


COMPANY_COLUMNS: tuple[Column, ...] = (
    Column("name", "Name", _name, field="name"),
    Column("status", "Status", lambda c, on: _status(record_status(c, "export_control", on))),
    Column("ends", "Status ends", lambda c, on: _ends(record_status(c, "export_control", on))),
    Column("listed", "Listed", lambda c, _o: _date(c.listed), field="listed"),
    Column("announcement", "Announcement", lambda c, _o: _text(c.announcement, c.announcement),
           field="announcement"),
    Column("uel", "UEL entry",
           lambda c, _o: Cell(c.uel_date.isoformat() if c.uel_date else "–",
                              c.uel_date.isoformat() if c.uel_date else "",
                              f"Unreliable Entity List: {c.uel_announcement}" if c.uel_date else
                              "Not on the Unreliable Entity List"),
           field="uel_date"),
)


def _element_status(element: Element, on: dt.date) -> Cell:
    return _status(record_status(element, "export_control", on))


def _share(element: Element, _on: dt.date) -> Cell:
    if not element.shares:
        return Cell("", -1.0)
    parts = [f"{'≈' if s.approximate else ''}{s.percent:g}% ({s.source.title.split(',')[0].split('(')[0].strip()})"
             for s in element.shares]
    first = element.shares[0]
    return Cell(" / ".join(f"{'≈' if s.approximate else ''}{s.percent:g}%" for s in element.shares),
                first.percent, "\n".join(parts))


ELEMENT_COLUMNS: tuple[Column, ...] = (
    Column("symbol", "Symbol", lambda e, _o: _text(e.symbol), field="symbol"),
    Column("name", "Name", lambda e, _o: _text(e.name), field="name"),
    Column("z", "Z", lambda e, _o: Cell(str(e.atomic_number), e.atomic_number), right=True, field="atomic_number"),
    Column("status", "Status", _element_status),
    Column("ends", "Status ends", lambda e, on: _ends(record_status(e, "export_control", on))),
    Column("us_ban", "US-specific (No. 46)", lambda e, on: _status(record_status(e, "us_ban", on))),
    Column("group", "Group", lambda e, _o: _text(CATEGORY_LABELS.get(e.category, e.category)), field="category"),
    Column("announcement", "Announcement", lambda e, _o: _text(e.announcement, e.announcement),
           field="announcement"),
    Column("effective", "Effective", lambda e, _o: _date(e.effective), field="effective"),
    Column("share", "China's share", _share, right=True),
)


class RecordTableModel(QAbstractTableModel):
    """Presents a list of records through column definitions, with a per-row display cache.

    With an ``editor`` (the EditController) the columns that show a field are editable:
    ``setData`` hands the typed value to the controller, which validates it and pushes an undo
    command, or refuses it with a message and changes nothing."""

    def __init__(self, columns: Sequence[Column], parent=None, *, kind: str = "", editor=None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._records: list[Any] = []
        self._rows: list[tuple[Cell, ...]] = []
        self._keys: list[str] = []
        self._on = dt.date.today()
        self.kind = kind
        self.editor = editor

    # --- feeding -------------------------------------------------------------------------
    def set_records(self, records: Sequence[Any], on: dt.date | None = None) -> None:
        self.beginResetModel()
        self._records = list(records)
        if on is not None:
            self._on = on
        self._rebuild()
        self.endResetModel()

    def update_record(self, record: Any) -> bool:
        """Refresh one row in place (an edit of an existing record). False if it is not here."""
        row = self.row_of(record.id)
        if row < 0:
            return False
        self._records[row] = record
        self._rows[row] = tuple(col.cell(record, self._on) for col in self._columns)
        self._keys[row] = self._search_key(record, self._rows[row])
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        return True

    def column_field(self, column: int) -> str | None:
        return self._columns[column].field

    def set_date(self, on: dt.date) -> None:
        self._on = on
        self._rebuild()
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, len(self._columns) - 1))

    def _rebuild(self) -> None:
        self._rows = [tuple(col.cell(r, self._on) for col in self._columns) for r in self._records]
        self._keys = [self._search_key(r, row) for r, row in zip(self._records, self._rows)]

    def _search_key(self, record: Any, row: tuple[Cell, ...]) -> str:
        extra = [getattr(record, "notes", ""), getattr(record, "items", ""), getattr(record, "uel_announcement", "")]
        return fold(" ".join([c.text for c in row] + extra))

    @property
    def on(self) -> dt.date:
        return self._on

    def record(self, row: int) -> Any:
        return self._records[row]

    def records(self) -> list[Any]:
        return list(self._records)

    def row_of(self, record_id: str) -> int:
        for row, record in enumerate(self._records):
            if record.id == record_id:
                return row
        return -1

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
        if orientation == HORIZONTAL and role == DISPLAY and 0 <= section < len(self._columns):
            return self._columns[section].label
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.editor is not None and not self.editor.read_only and self._columns[index.column()].field:
            return EDIT_FLAGS
        return ITEM_FLAGS

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid() or self.editor is None:
            return False
        name = self._columns[index.column()].field
        if not name:
            return False
        return self.editor.edit_field(self.kind, self._records[index.row()].id, name, value)

    def _marks(self, row: int, column: int) -> tuple[bool, Any]:
        """(edited, conflict) for a cell, from the workspace's record of the user's changes."""
        if self.editor is None:
            return False, None
        name = self._columns[column].field
        workspace = self.editor.workspace
        record_id = self._records[row].id
        if workspace.is_added(self.kind, record_id):
            return True, None
        if not name or not workspace.is_edited(self.kind, record_id, name):
            return False, None
        return True, workspace.conflict(self.kind, record_id, name)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row >= len(self._rows) or column >= len(self._columns):
            return None
        cell = self._rows[row][column]
        if role == DISPLAY:
            return cell.text
        if role == EDIT:
            name = self._columns[column].field
            if name is None:
                return cell.text
            value = getattr(self._records[row], name)
            return value.isoformat() if isinstance(value, dt.date) else value
        if role == BACKGROUND:
            edited, conflict = self._marks(row, column)
            if not edited:
                return None
            if conflict is not None:
                return CONFLICT_BG
            return ADDED_BG if self.editor.workspace.is_added(self.kind, self._records[row].id) else EDITED_BG
        if role == SORT_ROLE:
            return _sortable(cell.sort)
        if role == TOOLTIP:
            edited, conflict = self._marks(row, column)
            if conflict is not None:
                return (f"Conflict: you changed this; the bundled data changed it too.\n"
                        f"Bundled before: {conflict.base}\nBundled now: {conflict.bundled}\n"
                        f"Yours (kept): {conflict.mine}")
            if edited:
                record_id = self._records[row].id
                workspace = self.editor.workspace
                if workspace.is_added(self.kind, record_id):
                    return "Added by you"
                bundled = (workspace.bundled_raw(self.kind, record_id) or {}).get(self._columns[column].field)
                return f"Edited by you. Bundled value: {'(none)' if bundled in (None, '') else bundled}"
            return cell.tooltip or None
        if role == FOREGROUND:
            if cell.kind == NO_MATCH:
                return NO_MATCH_COLOR
            return STATUS_COLORS.get(cell.kind)
        if role == FONT:
            return _BOLD if cell.kind in (EXPIRED, UNKNOWN, NO_MATCH) else None
        if role == ALIGN:
            return RIGHT if self._columns[column].right else None
        if role == SEARCH_ROLE:
            return self._keys[row]
        if role == ID_ROLE:
            return self._records[row].id
        return None


def _sortable(value: Any) -> Any:
    """Sort keys Qt can compare: tuples become a padded string, None sorts first."""
    if isinstance(value, tuple):
        return "|".join(str(v) for v in value)
    if value is None:
        return ""
    return value


class SearchFilterProxy(QSortFilterProxyModel):
    """Filters rows whose folded search key contains every word typed (case and accents
    ignored), plus an optional predicate on the record; sorts on the model's sort role."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._query = ""
        self._predicate: Callable[[Any], bool] | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_query(self, text: str) -> None:
        self._change_filter(lambda: setattr(self, "_query", text))

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self._change_filter(lambda: setattr(self, "_predicate", predicate))

    def _change_filter(self, change: Callable[[], None]) -> None:
        # Qt 6.10 replaced invalidateRowsFilter() with begin/endFilterChange().
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if self._predicate is not None and not self._predicate(model.record(source_row)):
            return False
        if not self._query:
            return True
        key = model.data(model.index(source_row, 0, source_parent), SEARCH_ROLE)
        return matches(self._query, key)


def reserve_columns(comparisons: bool) -> tuple[Column, ...]:
    columns = [
        Column("country", "Country", lambda r, _o: _text(r.country), field="country"),
        Column("reserves", "Reserves (t REO)",
               lambda r, _o: Cell(f"{r.reserves_t:,}" if r.reserves_t is not None else "NA",
                                  -1 if r.reserves_t is None else r.reserves_t, format_mt(r.reserves_t)),
               right=True, field="reserves_t"),
        Column("confidence", "Confidence", lambda r, _o: _text(r.confidence), field="confidence"),
        Column("note", "Note", lambda r, _o: _text(r.note, r.note), field="note"),
    ]
    if comparisons:
        columns.insert(2, Column("usgs", "Against USGS", lambda r, _o: Cell("", "")))
    return tuple(columns)


class ReserveTableModel(RecordTableModel):
    """Reserve rows of one source; for a non-USGS source, a column compares each figure with
    every USGS edition in the data."""

    def __init__(self, parent=None, *, editor=None) -> None:
        super().__init__(reserve_columns(True), parent, kind="reserves", editor=editor)
        self._all: list[Reserve] = []
        self._editions: list = []

    def set_source(self, rows: Sequence[Reserve], all_rows: Sequence[Reserve], editions: Sequence) -> None:
        self._all = list(all_rows)
        self._editions = list(editions)
        self.set_records(rows)

    def comparison(self, row: int) -> Comparison | None:
        record = self._records[row]
        edition = next((e for e in self._editions if e.id == record.edition), None)
        if edition is None or edition.is_usgs:
            return None
        return compare_with_usgs(record, self._all, self._editions)

    def _rebuild(self) -> None:
        super()._rebuild()
        usgs_col = self.column_of("usgs")
        rows = []
        for i, row in enumerate(self._rows):
            comparison = self.comparison(i)
            cells = list(row)
            if comparison is None:
                cells[usgs_col] = Cell("USGS figure", "")
            else:
                shown = {NO_MATCH: "✗ " , ROUNDED: "≈ "}.get(comparison.kind, "✓ ")
                cells[usgs_col] = Cell(shown + comparison.text, comparison.kind, comparison.text, comparison.kind)
            rows.append(tuple(cells))
        self._rows = rows
