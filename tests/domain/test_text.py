"""Msg, the domain's sentences to translate: joining many of them stays shallow."""

from __future__ import annotations

from app.domain.text import Msg


def _depth(msg) -> int:
    inner = [v for v in getattr(msg, "params", {}).values() if isinstance(v, Msg)]
    return 1 + max(map(_depth, inner), default=0)


def test_joining_thousands_of_parts_is_shallow_and_reads_as_before():
    """A chart's description joins a line per country: 25,000 lines nested one per line (past
    Python's recursion limit when translated, and a growing string rebuilt each time). Pairs of
    neighbours, then pairs of pairs, read the same."""
    lines = [f"Land {i}: {i} t." for i in range(5000)]
    joined = Msg.join_lines(lines)
    assert str(joined) == "\n".join(lines) and _depth(joined) <= 15
    assert str(Msg.join_list(["a", "b", "c"])) == "a, b, c" and str(Msg.join(["A.", "", "B."])) == "A. B."
    assert str(Msg.join_lines([])) == "" and str(Msg.join_lines(["one"])) == "one"
