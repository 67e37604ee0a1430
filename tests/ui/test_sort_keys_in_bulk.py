"""The sort keys and row order worked out in bulk (a large table at start) equal the ones worked
out row by row: a column's keys through its own key function or its cells, each row's rank in
the order, the kinds of keys a column mixes, and the rows a filter keeps."""

from __future__ import annotations

import datetime as dt
import random

from app.domain.kinds import COMPANIES, ELEMENTS, RESERVES
from app.domain.workspace import Workspace
from app.ui import row_order
from app.ui.columns import COMPANY_COLUMNS, ELEMENT_COLUMNS, RESERVE_COLUMNS
from app.ui.models import RecordTableModel, ReserveTableModel

ON = dt.date(2026, 11, 29)


def test_every_columns_keys_in_bulk_equal_each_rows(bundled):
    ws = Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions, bundled_records=bundled.records)
    for cls, kind, columns in ((RecordTableModel, COMPANIES, COMPANY_COLUMNS),
                               (RecordTableModel, ELEMENTS, ELEMENT_COLUMNS),
                               (ReserveTableModel, RESERVES, RESERVE_COLUMNS)):
        model = cls(ws, kind, columns, on=ON)
        for row in range(0, model.rowCount(), 3):  # some rows' cells made (shown), the others not
            model.data(model.index(row, 0))
        for column in range(len(columns)):
            rows = range(model.rowCount())
            assert model.sort_values(column, rows) == [model._sort_value(r, column) for r in rows], columns[column].key


def test_the_kinds_of_keys_a_column_mixes():
    class Text(str):
        pass

    for values in ([1, 2.5, True], ["a", Text("b")], [1, "a"], [None, 1], [(1, 2)], [], [dt.date.min]):
        expected = {row_order._kind(v) for v in values}
        wrapped = len(expected) > 1 or 2 in expected
        assert row_order.sort_keys(values) == (([row_order._wrapped(v) for v in values], True) if wrapped
                                               else (values, False))


def test_ranks_and_kept_rows_in_bulk_equal_row_by_row():
    rng = random.Random(5)
    order = row_order.RowOrder()
    keys = [rng.choice([None, 1, 5, "x"]) if rng.random() < 0.1 else rng.randrange(50) for _ in range(500)]
    order.set_keys([f"name {rng.randrange(100)}" for _ in keys], keys, descending=True)
    assert sorted(order.order) == list(range(500))
    assert all(order.rank[row] == place for place, row in enumerate(order.order))
    keep = {r for r in range(500) if rng.random() < 0.4}
    assert row_order.run(row_order.kept_steps(keep.__contains__, 500)) == keep
