"""The tables' filter and sort proxy (``SearchFilterProxy``): its row map is a Python list.

``QSortFilterProxyModel`` asks Python once a row to filter and once a comparison to sort: 0.7 s
to filter 100,000 rows and 18 s to sort them. Here the source model hands over a column's sort
keys as one list and ``app.ui.row_order`` sorts and filters in Python lists; a filter is the
intersection of row sets (the ids a search found, the rows a predicate keeps, the rows whose
search key holds every word typed). Every change (a filter, a sort, a row edited, added or
removed in the source) is one ``layoutChanged`` that moves the persistent indexes (the
selection, the current row) with their rows. From ``large`` source rows on, a filter is worked
out a slice at a time between events (``busy``; ``filtered`` when done), so the window never
stalls; a newer filter replaces one still being worked out.
"""

from __future__ import annotations

import time
from typing import Any, Callable, Generator, Iterable

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal

from app.domain.matching import matches
from app.ui.row_order import STEP, RowOrder, Steps, kept_records_steps, kept_steps, run

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
LARGE = 200_000  # source rows from which a filter is computed in slices
SLICE_S = 0.02  # work done between two returns to the event loop
FILTERS = ("ids", "predicate", "query")
_KEY_ROLES = {int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole), int(SORT_ROLE), int(SEARCH_ROLE)}
Index = QModelIndex | QPersistentModelIndex


class SearchFilterProxy(QAbstractProxyModel):
    """Filters rows by the ids a search found, a predicate on the record and the words typed
    (case and accents ignored), and sorts on the source's sort role; ties keep the first
    column's A-Z order whichever way the column is sorted, then the source order."""

    filtered = Signal()  # a filter's rows are in place (at once, or after its last slice)
    large = LARGE

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[int] = []  # proxy row -> source row, in the sorted order
        self._sorted = RowOrder()
        self._column, self._order_by = -1, ASC
        self._sort_role = SORT_ROLE
        self._ids: set[str] | None = None
        self._ids_steps: Steps | None = None
        self._predicate: Callable[[Any], bool] | None = None
        self._query = ""
        self._sets: dict[str, set[int] | None] = dict.fromkeys(FILTERS)
        self._dirty: set[str] = set()  # the row sets still to recompute (a dropped job leaves its own)
        self._job: Steps | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._work)
        self._saved: list[tuple[QPersistentModelIndex, QPersistentModelIndex]] = []

    # --- the source ------------------------------------------------------------------------
    def setSourceModel(self, model) -> None:  # noqa: N802 - Qt override
        old = self.sourceModel()
        if old is not None:
            for signal, slot in self._connections(old):
                signal.disconnect(slot)
        self.beginResetModel()
        super().setSourceModel(model)
        if model is not None:
            for signal, slot in self._connections(model):
                signal.connect(slot)
        self._rebuild()
        self.endResetModel()

    def _connections(self, model) -> list[tuple[Any, Callable]]:
        return [(model.dataChanged, self._on_data_changed), (model.rowsInserted, self._on_rows_inserted),
                (model.rowsAboutToBeRemoved, self._finish_job), (model.rowsRemoved, self._on_rows_removed),
                (model.modelAboutToBeReset, self.beginResetModel), (model.modelReset, self._on_reset),
                (model.layoutAboutToBeChanged, self._before_source_layout),
                (model.layoutChanged, self._on_source_layout), (model.headerDataChanged, self.headerDataChanged),
                (model.columnsInserted, self._reset_now), (model.columnsRemoved, self._reset_now)]

    def _count(self) -> int:
        model = self.sourceModel()
        return model.rowCount() if model is not None else 0

    def _record(self, row: int) -> Any:
        return self.sourceModel().record(row)

    def _id(self, row: int) -> Any:
        model = self.sourceModel()
        return model.record(row).id if hasattr(model, "record") else model.index(row, 0).data(ID_ROLE)

    # --- Qt interface ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not 0 <= row < len(self._rows) or not 0 <= column < self.columnCount():
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        return QModelIndex()

    def sibling(self, row: int, column: int, index: Index) -> QModelIndex:
        return self.index(row, column)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt override
        return not parent.isValid() and bool(self._rows) and self.columnCount() > 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def mapToSource(self, proxy: Index) -> QModelIndex:  # noqa: N802 - Qt override
        model = self.sourceModel()
        if model is None or not proxy.isValid() or not 0 <= proxy.row() < len(self._rows):
            return QModelIndex()
        return model.index(self._rows[proxy.row()], proxy.column())

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Without mapping the index: Qt asks this of every selected cell (125,000 calls when all
        # 25,000 rows of the Reserves tab are selected), and a column's rows share their flags.
        model = self.sourceModel()
        if model is None or not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        column_flags = getattr(model, "column_flags", None)
        return column_flags(index.column()) if column_flags is not None else model.flags(self.mapToSource(index))

    def source_rows(self, rows: Iterable[int]) -> list[int]:
        """The source model's rows of these rows of the proxy (valid ones), without an index each."""
        kept = self._rows
        return [kept[row] for row in rows if 0 <= row < len(kept)]

    def mapFromSource(self, source: Index) -> QModelIndex:  # noqa: N802 - Qt override
        row = self._sorted.find(self._rows, source.row()) if source.isValid() else -1
        return self.index(row, source.column()) if row >= 0 else QModelIndex()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        source = self.mapToSource(index)
        return source.data(role) if source.isValid() else None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        model = self.sourceModel()
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows) else None
        return model.headerData(section, orientation, role) if model is not None else None

    # --- what the tabs used of QSortFilterProxyModel -----------------------------------------
    def setSortRole(self, role: int) -> None:  # noqa: N802 - Qt name
        self._sort_role = role
        self.invalidate()

    def sortColumn(self) -> int:  # noqa: N802 - Qt name
        return self._column

    def sortOrder(self) -> Qt.SortOrder:  # noqa: N802 - Qt name
        return self._order_by

    def sort(self, column: int, order: Qt.SortOrder = ASC) -> None:
        self._finish_job()
        self._column, self._order_by = column, order
        self._sorted.set_primary(self._primary_keys(), order == DESC)
        self._apply(self._kept())

    def invalidate(self) -> None:
        """Sort and filter again from the source (what QSortFilterProxyModel.invalidate does)."""
        self._finish_job()
        self._set_keys()
        self._schedule(set(FILTERS))

    # --- filtering ---------------------------------------------------------------------------
    def set_query(self, text: str) -> None:
        """Keep the rows whose search key holds every word of ``text`` (case and accents ignored)."""
        self._query = text
        self._schedule({"query"})

    def set_ids(self, ids: Iterable[str] | Steps | None) -> None:
        """Keep only these records (the ids a SearchIndex found), or every record (None). ``ids``
        may be a step-wise search (``SearchIndex.matching_steps``): it then runs with the filter."""
        self._ids_steps = ids if isinstance(ids, Generator) else None
        if self._ids_steps is None:
            self._ids = None if ids is None else set(ids)
        self._schedule({"ids"})

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self._predicate = predicate
        self._schedule({"predicate"})

    def busy(self) -> bool:
        """Whether a filter is still being worked out (in slices, for a large table)."""
        return self._job is not None

    def _schedule(self, parts: set[str]) -> None:
        self._dirty |= parts
        self._job = self._filter_steps()
        if self._count() < self.large:
            self._finish_job()
        else:
            self._timer.start()

    def _finish_job(self, *_args) -> None:
        self._timer.stop()
        job, self._job = self._job, None
        if job is not None:
            self._apply(run(job))
            self.filtered.emit()

    def _work(self) -> None:
        deadline = time.perf_counter() + SLICE_S
        while self._job is not None and time.perf_counter() < deadline:
            try:
                next(self._job)
            except StopIteration as done:
                self._job = None
                self._timer.stop()
                self._apply(done.value)
                self.filtered.emit()

    def _filter_steps(self) -> Steps:
        """Recompute the row sets that changed, then return the rows shown."""
        if "ids" in self._dirty:
            if self._ids_steps is not None:
                self._ids = yield from self._ids_steps
                self._ids_steps = None
            model = self.sourceModel()
            if self._ids is None:
                self._sets["ids"] = None
            elif hasattr(model, "rows_of"):
                rows: set[int] = set()
                ids = list(self._ids)
                for start in range(0, len(ids), STEP):
                    rows |= model.rows_of(ids[start:start + STEP])
                    yield
                self._sets["ids"] = rows
            else:
                self._sets["ids"] = {r for r in range(self._count()) if self._id(r) in self._ids}
            self._dirty.discard("ids")
        for name, active, keep in (("predicate", self._predicate is not None, self._predicate_match),
                                   ("query", bool(self._query.strip()), self._query_match)):
            if name in self._dirty:
                if not active:
                    self._sets[name] = None
                elif name == "predicate" and hasattr(self.sourceModel(), "records_between"):
                    model = self.sourceModel()
                    self._sets[name] = yield from kept_records_steps(self._predicate, model.records_between,
                                                                     self._count())
                else:
                    self._sets[name] = yield from kept_steps(keep, self._count())
                self._dirty.discard(name)
        yield
        return (yield from self._sorted.kept_steps(self._sets.values()))

    def _predicate_match(self, row: int) -> bool:
        return bool(self._predicate(self._record(row)))

    def _query_match(self, row: int) -> bool:
        model = self.sourceModel()
        key = model.search_key(row) if hasattr(model, "search_key") else model.index(row, 0).data(SEARCH_ROLE)
        return matches(self._query, key or "")

    def _kept(self) -> list[int]:
        return run(self._sorted.kept_steps(self._sets.values()))

    def _refresh_sets(self, rows: Iterable[int]) -> None:
        """Rows whose data changed: in or out of the predicate's and the query's sets."""
        for name, keep in (("predicate", self._predicate_match), ("query", self._query_match)):
            kept = self._sets[name]
            if kept is not None:
                for row in rows:
                    (kept.add if keep(row) else kept.discard)(row)

    # --- sort keys -----------------------------------------------------------------------------
    def _keys_of(self, column: int, rows: range) -> list[Any]:
        model = self.sourceModel()
        if hasattr(model, "sort_values") and self._sort_role == SORT_ROLE:
            return model.sort_values(column, rows)
        return [model.index(r, column).data(self._sort_role) for r in rows]

    def _primary_keys(self, rows: range | None = None) -> list[Any] | None:
        if not 0 <= self._column < self.columnCount():
            return None
        return self._keys_of(self._column, range(self._count()) if rows is None else rows)

    def _set_keys(self) -> None:
        tie = self._keys_of(0, range(self._count())) if self.columnCount() else [""] * self._count()
        self._sorted.set_keys(tie, self._primary_keys(), self._order_by == DESC)

    def _rebuild(self) -> None:
        """Keys, order and every row set from the source as it is now (no signal)."""
        self._timer.stop()
        self._job = None
        self._set_keys()
        self._dirty = set(FILTERS)
        self._rows = run(self._filter_steps())

    # --- the rows shown, and the persistent indexes ------------------------------------------
    def _apply(self, rows: list[int], remap: Callable[[int], int] | None = None) -> None:
        """Show ``rows`` (in the sorted order): one layout change, each persistent index following
        its source row (``remap``: a source row's new number after rows came or went)."""
        if rows == self._rows and remap is None:
            return
        self.layoutAboutToBeChanged.emit()
        old, persistent = self._rows, self.persistentIndexList()
        self._rows = rows
        moved = []
        for index in persistent:
            source = old[index.row()] if 0 <= index.row() < len(old) else -1
            source = remap(source) if remap is not None and source >= 0 else source
            row = self._sorted.find(rows, source) if source >= 0 else -1
            moved.append(self.createIndex(row, index.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # --- following the source ----------------------------------------------------------------
    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        first, last = top_left.row(), bottom_right.row()
        if not roles or _KEY_ROLES & {int(r) for r in roles}:  # else colours only: nothing moves
            self._finish_job()
            rows = range(first, last + 1)
            sorting = 0 <= self._column < self.columnCount()
            changes = [(r, self._keys_of(0, range(r, r + 1))[0],
                        self._keys_of(self._column, range(r, r + 1))[0] if sorting else None)
                       for r in rows] if len(rows) <= 64 else None
            if changes is None or not self._sorted.update(changes):
                self._set_keys()
            self._refresh_sets(rows)
            self._apply(self._kept())
        shown = [p for p in (self._sorted.find(self._rows, r) for r in range(first, last + 1)) if p >= 0] \
            if last - first < 256 else range(len(self._rows))
        if shown:
            self.dataChanged.emit(self.index(min(shown), top_left.column()),
                                  self.index(max(shown), bottom_right.column()), list(roles or ()))

    def _on_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._finish_job()
        added = range(first, last + 1)
        count = len(added)
        if first < len(self._sorted.rank):  # rows from ``first`` on move down: renumber what points at them
            self._rows = [r + count if r >= first else r for r in self._rows]
            for name, kept in self._sets.items():
                if kept is not None:
                    self._sets[name] = {r + count if r >= first else r for r in kept}
        primary = self._primary_keys(added)
        if not self._sorted.insert(first, self._keys_of(0, added), primary):
            self._set_keys()
        if self._sets["ids"] is not None:
            self._sets["ids"].update(r for r in added if self._id(r) in self._ids)
        self._refresh_sets(added)
        self._apply(self._kept())

    def _on_rows_removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        shift = self._sorted.remove(first, last)
        for name, kept in self._sets.items():
            if kept is not None:
                self._sets[name] = {shift(r) for r in kept if not first <= r <= last}
        self._apply(self._kept(), remap=shift)

    def _on_reset(self) -> None:
        self._rebuild()
        self.endResetModel()

    def _reset_now(self, *_args) -> None:
        self.beginResetModel()
        self._on_reset()

    def _before_source_layout(self, *_args) -> None:
        self._finish_job()
        self.layoutAboutToBeChanged.emit()
        self._saved = [(QPersistentModelIndex(p), QPersistentModelIndex(self.mapToSource(p)))
                       for p in self.persistentIndexList()]

    def _on_source_layout(self, *_args) -> None:
        self._rebuild()
        for proxy, source in self._saved:
            row = self._sorted.find(self._rows, source.row()) if source.isValid() else -1
            self.changePersistentIndex(proxy, self.createIndex(row, proxy.column()) if row >= 0 else QModelIndex())
        self._saved = []
        self.layoutChanged.emit()
