"""A table's predicate is worked out a slice of records at a time (row_order.kept_records_steps),
keeping exactly the rows the row-by-row filter kept: truthy and falsy answers of any type,
across slice boundaries, in the same number of steps (the proxy's rows against the old proxy's: test_large_tables)."""

from __future__ import annotations

import random

from app.ui.row_order import STEP, kept_records_steps, kept_steps, run


def test_bulk_predicate_keeps_the_rows_one_by_one_kept():
    rng = random.Random(3)
    answers = [0, 1, "", "x", None, [], [0], True, False, 2.5]
    for count in (0, 1, STEP - 1, STEP, STEP + 1, 3 * STEP + 17):
        records = [rng.choice(answers) for _ in range(count)]
        keep = lambda record: record  # noqa: E731 - answers of every type, as a predicate may give
        calls = []
        between = lambda a, b: calls.append((a, b)) or records[a:b]  # noqa: E731
        steps = kept_records_steps(keep, between, count)
        one_by_one = kept_steps(lambda row: bool(keep(records[row])), count)
        assert run(steps) == run(one_by_one) == {i for i, r in enumerate(records) if r}
        assert calls == [(a, min(a + STEP, count)) for a in range(0, count, STEP)]

