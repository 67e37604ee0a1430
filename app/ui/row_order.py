"""The rows of a table in sorted order, and the rows a filter keeps, in plain Python lists (no Qt:
``app.ui.row_proxy`` puts it behind a Qt proxy model).

Sorting is Python's ``sort`` on one list of keys a column: first by the first column's key as
text, then (stable) by the sorted column's key, reversed for a descending sort. Ties keep the
first column's A-Z order whichever way a column is sorted, then the source order (reversed in a
descending sort), as the tables' ``QSortFilterProxyModel`` had them. A row whose keys change is taken out and
put back where it sorts. A filter is the intersection of row sets, listed in the sorted order:
by sorting the few rows kept on their place, or by walking the order when most rows are kept.
The walks are generators that yield every ``STEP`` rows, so a caller can do them in slices.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import deque
from itertools import compress
from typing import Any, Callable, Generator, Iterable

STEP = 20_000  # rows handled between two yields
Steps = Generator[None, None, Any]


def run(steps: Steps) -> Any:
    """Run a step-wise computation to its end and return its result."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def _kind(value: Any) -> int:
    return 0 if isinstance(value, (int, float)) else 1 if isinstance(value, str) else 2


def _type_kind(cls: type) -> int:
    return 0 if issubclass(cls, (int, float)) else 1 if issubclass(cls, str) else 2  # as _kind


def _wrapped(value: Any) -> tuple[int, Any]:
    return (0, value) if _kind(value) == 0 else (1, value if isinstance(value, str) else str(value))


def sort_keys(values: list[Any]) -> tuple[list[Any], bool]:
    """Keys Python can sort, and whether they were wrapped: when a column mixes numbers and
    text (or holds anything else), each key becomes (0, number) or (1, text), numbers first."""
    kinds = {_type_kind(cls) for cls in set(map(type, values))}  # the types in C, then each type's kind once
    if len(kinds) <= 1 and 2 not in kinds:
        return values, False
    return [_wrapped(v) for v in values], True


class RowOrder:
    """Every source row, sorted (``order``), and each row's place in it (``rank``)."""

    def __init__(self) -> None:
        self.tie: list[str] = []  # source row -> the first column's key, as text
        self.primary: list[Any] = []  # source row -> the sorted column's key (None: no sort)
        self.sorting = False
        self.descending = False
        self.wrapped = False  # see sort_keys
        self.kind: int | None = None  # what the sorted column holds: 0 numbers, 1 text (None: mixed, empty)
        self.order: list[int] = []
        self.rank: list[int] = []

    # --- keys and the whole order ------------------------------------------------------------
    def set_keys(self, tie: list[Any], primary: list[Any] | None, descending: bool = False) -> None:
        """New keys for every row (``primary`` None: no sort, the source order), then sort."""
        self.tie = list(map(str, tie))
        self.set_primary(primary, descending)

    def set_primary(self, primary: list[Any] | None, descending: bool = False) -> None:
        self.sorting, self.descending = primary is not None, descending
        if primary is None:
            self.primary, self.wrapped, self.kind = [None] * len(self.tie), False, None
        else:
            self.primary, self.wrapped = sort_keys(primary)
            self.kind = None if self.wrapped or not self.primary else _kind(self.primary[0])
        self.sort()

    def sort(self) -> None:
        n = len(self.tie)
        if self.sorting:
            source = range(n - 1, -1, -1) if self.descending else range(n)
            self.order = sorted(source, key=self.tie.__getitem__)
            self.order.sort(key=self.primary.__getitem__, reverse=self.descending)
        else:
            self.order = list(range(n))
        self.rerank()

    def rerank(self) -> None:
        rank = [0] * len(self.order)
        deque(map(rank.__setitem__, self.order, range(len(self.order))), maxlen=0)  # rank[row] = place, in C
        self.rank = rank

    def fits(self, value: Any) -> bool:
        """Whether a new key can join the others without re-keying the column."""
        return not self.sorting or self.wrapped or _kind(value) == self.kind != 2 or not self.primary

    def _key(self, value: Any) -> Any:
        if not self.sorting:
            return None
        if not self.primary and not self.wrapped:
            self.kind = _kind(value)
        return _wrapped(value) if self.wrapped else value

    # --- one row at a time -------------------------------------------------------------------
    def before(self, a: int, b: int) -> bool:
        """Whether source row ``a`` sorts before source row ``b``."""
        pa, pb = self.primary[a], self.primary[b]
        if pa != pb:
            return pa > pb if self.descending else pa < pb
        ta, tb = self.tie[a], self.tie[b]
        if ta != tb:
            return ta < tb
        return a > b if self.descending else a < b

    def place(self, row: int) -> None:
        """Put source row ``row`` (not in ``order``) where it sorts; ``rank`` is then stale."""
        lo, hi = 0, len(self.order)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.before(self.order[mid], row):
                lo = mid + 1
            else:
                hi = mid
        self.order.insert(lo, row)

    def update(self, changes: Iterable[tuple[int, Any, Any]]) -> bool:
        """Rows whose keys changed: (row, first column's key, sorted column's key). False (and
        nothing changed) when a key does not fit the column's keys: re-key the whole column."""
        changes = list(changes)
        if not all(self.fits(value) for _, _, value in changes):
            return False
        before = self.order[:]
        for row, tie, value in changes:
            self.tie[row], self.primary[row] = str(tie), self._key(value)
            self.order.remove(row)
            self.place(row)
        if self.order != before:
            self.rerank()
        return True

    def insert(self, first: int, ties: list[Any], values: list[Any] | None) -> bool:
        """Source rows ``first`` ... came (the rows from ``first`` on move down). False (and
        nothing changed) when a key does not fit: re-key the whole column."""
        count = len(ties)
        if values is not None and not all(self.fits(v) for v in values):
            return False
        self.tie[first:first] = [str(t) for t in ties]
        self.primary[first:first] = [self._key(v) for v in values] if values is not None else [None] * count
        if first < len(self.order):
            self.order = [r + count if r >= first else r for r in self.order]
        for row in range(first, first + count):
            self.place(row)
        self.rerank()
        return True

    def remove(self, first: int, last: int) -> Callable[[int], int]:
        """Source rows ``first``..``last`` went; returns the old row -> new row map (-1: gone)."""
        count = last - first + 1

        def shift(row: int) -> int:
            return -1 if first <= row <= last else row - count if row > last else row

        del self.tie[first:last + 1]
        del self.primary[first:last + 1]
        self.order = [shift(r) for r in self.order if not first <= r <= last]
        self.rerank()
        return shift

    # --- the rows a filter keeps ---------------------------------------------------------------
    def kept_steps(self, sets: Iterable[set[int] | None]) -> Generator[None, None, list[int]]:
        """The rows in every one of ``sets`` (None: no filter), in the sorted order."""
        chosen = sorted((s for s in sets if s is not None), key=len)
        if not chosen:
            return list(self.order)
        kept = chosen[0]
        if len(chosen) > 1:
            smallest, kept = list(kept), set()
            for start in range(0, len(smallest), STEP):
                kept.update(r for r in smallest[start:start + STEP] if all(r in s for s in chosen[1:]))
                yield
        if len(kept) * 20 < len(self.order):
            return sorted(kept, key=self.rank.__getitem__)
        out: list[int] = []
        for start in range(0, len(self.order), STEP):
            out += [r for r in self.order[start:start + STEP] if r in kept]
            yield
        return out

    def find(self, rows: list[int], row: int) -> int:
        """Where source row ``row`` is in ``rows`` (a list in the sorted order), or -1."""
        if not 0 <= row < len(self.rank):
            return -1
        i = bisect_left(rows, self.rank[row], key=self.rank.__getitem__)
        return i if i < len(rows) and rows[i] == row else -1


def kept_steps(keep: Callable[[int], bool], count: int) -> Generator[None, None, set[int]]:
    """The rows of ``range(count)`` that ``keep`` keeps, ``STEP`` rows at a time."""
    out: set[int] = set()
    for start in range(0, count, STEP):
        out.update(filter(keep, range(start, min(start + STEP, count))))
        yield
    return out


def kept_records_steps(keep: Callable[[Any], Any], records_between: Callable[[int, int], list[Any]],
                       count: int) -> Generator[None, None, set[int]]:
    """``kept_steps`` for a ``keep`` of the row's record: the rows whose record ``keep`` finds
    true, ``STEP`` rows at a time, each slice's records taken at once (``records_between``)."""
    out: set[int] = set()
    for start in range(0, count, STEP):
        stop = min(start + STEP, count)
        out.update(compress(range(start, stop), map(keep, records_between(start, stop))))
        yield
    return out
