"""The depth check of app.storage.strict_json: its quick pass (on the bytes, pairs of brackets
removed a level at a time) gives every document the answer the exact scan gives, for valid
documents of any depth and for text that is not JSON at all, with brackets, quotes and escapes
inside strings. No Qt."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.storage import strict_json as SJ
from app.storage.strict_json import LoadError, strict_json_loads

MAX = 4  # a small limit, so that random documents fall on both sides of it


def outcome(check, text: str) -> str:
    try:
        check(text.encode("utf-8", "surrogatepass"), text, MAX)
    except LoadError as exc:
        return str(exc)
    return "ok"


def exact(_data: bytes, text: str, max_depth: int) -> None:
    SJ._check_depth_exactly(text, max_depth)


def reference(text: str):
    """strict_json_loads as it was: the exact scan first, then the parser."""
    data = text.encode("utf-8", "surrogatepass")
    try:
        SJ._check_depth_exactly(data.decode("utf-8", "surrogatepass"), MAX)
        return strict_json_loads(data, max_depth=10_000)
    except LoadError as exc:
        return str(exc)


def loads(text: str):
    try:
        return strict_json_loads(text.encode("utf-8", "surrogatepass"), max_depth=MAX)
    except LoadError as exc:
        return str(exc)


texts = st.text(alphabet=st.sampled_from('[]{}"\\,: 1a'), max_size=60)
leaves = st.none() | st.booleans() | st.integers() | st.text(alphabet=st.sampled_from('[]{}"\\ab\n/é'), max_size=6)
values = st.recursive(leaves, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(alphabet=st.sampled_from('[]{}"\\k'), max_size=3), inner, max_size=3),
                      max_leaves=12)


@settings(deadline=None, max_examples=400)
@given(values)
def test_valid_documents_get_the_exact_answer(value) -> None:
    text = json.dumps(value, ensure_ascii=False)
    assert outcome(SJ._check_depth, text) == outcome(exact, text)
    assert loads(text) == reference(text)


@settings(deadline=None, max_examples=400)
@given(texts)
def test_any_text_gets_the_answer_it_got_before(text: str) -> None:
    assert loads(text) == reference(text)


@pytest.mark.parametrize("depth", [1, 3, 4, 5, 6, 40])
@pytest.mark.parametrize("inside", ['"[[[{{"', '"\\\\"', '"\\"[["', '"a\\n"', "1"])
def test_nesting_at_and_around_the_limit(depth: int, inside: str) -> None:
    for open_, close in (("[", "]"), ('{"k":', "}")):
        text = open_ * depth + inside + close * depth
        assert loads(text) == reference(text)
        assert (outcome(SJ._check_depth, text) == "ok") == (depth <= MAX)
