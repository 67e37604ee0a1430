"""Tests of app.storage.strict_json: the strict reader and the deterministic writer
(reliability.md T12). No Qt."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.storage import strict_json
from app.storage.atomic import SaveError
from app.storage.strict_json import LoadError, json_dumps_bytes, strict_json_loads


# --------------------------------------------------------------- strict JSON (T12)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"[" * 100_000, "nested more than 32"),
        (b"{" * 50_000, "nested more than 32"),
        (b'{"a":' * 40 + b"1" + b"}" * 40, "nested more than 32"),
        (b"NaN", "NaN"),
        (b"[Infinity]", "Infinity"),
        (b'{"x": -Infinity}', "Infinity"),
        (b"[1e400]", "too large"),
        (b'{"a": 1, "a": 2}', "'a' appears twice"),
        (b'"\\ud800"', "lone surrogate"),
        (b'{"\\udfff": 1}', "lone surrogate"),
        (b'[["ok", "\\udc80"]]', "lone surrogate"),
        (b"", "empty"),
        (b"\x00" * 64, "zero bytes"),
        (b'{"a": "\xff"}', "not valid UTF-8 text at byte 7"),
        (b'{"a": 1} trailing', "not valid JSON at byte 9"),
        (b'{"a": 1', "not valid JSON"),
        (b"\xff\xfe{\x00}\x00", "UTF-8"),  # UTF-16 is refused, not guessed
        (b"1" * 5000, "JSON"),  # beyond int max_str_digits
    ],
)
def test_strict_json_traps(data: bytes, fragment: str) -> None:
    with pytest.raises(LoadError) as info:
        strict_json_loads(data)
    assert fragment in str(info.value)


def test_strict_json_size_cap_checked_before_parsing(monkeypatch) -> None:
    def must_not_parse(*args, **kwargs):
        raise AssertionError("parsed an oversized document")

    monkeypatch.setattr(strict_json.json, "loads", must_not_parse)
    with pytest.raises(LoadError, match="too large"):
        strict_json_loads(b"[" + b"0," * 600 + b"0]", max_bytes=1000)


def test_strict_json_depth_limit_is_exact() -> None:
    assert strict_json_loads(b"[" * 32 + b"]" * 32) is not None
    with pytest.raises(LoadError):
        strict_json_loads(b"[" * 33 + b"]" * 33)
    # Brackets inside strings do not count, escaped quotes do not end a string.
    assert strict_json_loads(b'["[[[[\\"[[[[' + b"[" * 60 + b'"]') == ["[[[[\"[[[[" + "[" * 60]


def test_strict_json_accepts_bom_and_valid_surrogate_pairs() -> None:
    assert strict_json_loads(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}
    assert strict_json_loads(b'"\\ud83d\\ude00"') == "\U0001f600"
    assert strict_json_loads("\"Zoë 稀土\"".encode()) == "Zoë 稀土"


def test_strict_json_rejects_non_bytes() -> None:
    with pytest.raises(LoadError):
        strict_json_loads("{}")  # type: ignore[arg-type]


@settings(deadline=None)
@given(st.binary(max_size=20_000))
def test_strict_json_fuzz_only_loaderror(data: bytes) -> None:
    try:
        strict_json_loads(data)
    except LoadError:
        pass


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30,
)


@settings(deadline=None)
@given(json_values)
def test_strict_json_roundtrips_what_we_write(value) -> None:
    # st.text() never yields lone surrogates, and max_leaves keeps depth well under 32.
    assert strict_json_loads(json_dumps_bytes(value)) == value


JSONISH = st.sampled_from('[]{}",:\\ 0123456789.eEnNaIfitrulsu-+\ud800')


@settings(deadline=None)
@given(st.text(alphabet=JSONISH, max_size=300))
def test_strict_json_fuzz_json_like_text(text: str) -> None:
    try:
        strict_json_loads(text.encode("utf-8", "surrogatepass"))
    except LoadError:
        pass


# -------------------------------------------------------------------- json_dumps


def test_json_dumps_is_deterministic_and_sorted() -> None:
    a = json_dumps_bytes({"b": 1, "a": ["Zoë", 2.5]})
    b = json_dumps_bytes({"a": ["Zoë", 2.5], "b": 1})
    assert a == b
    assert a.endswith(b"\n")
    assert a.index(b'"a"') < a.index(b'"b"')
    assert "Zoë".encode() in a  # real UTF-8, not \u escapes


@pytest.mark.parametrize(
    "bad",
    [{"x": float("nan")}, {"x": float("inf")}, {"x": "\ud800"}, {"x": object()}, {"\udc00": 1}],
)
def test_json_dumps_refuses_what_would_not_load(bad) -> None:
    with pytest.raises(SaveError) as info:
        json_dumps_bytes(bad)
    assert info.value.kind == "invalid"


def test_json_module_untouched_by_strict_loader() -> None:
    # The hooks are passed per call: the global json module must keep its defaults.
    assert json.loads("NaN") != json.loads("NaN")
