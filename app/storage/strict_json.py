"""Strict JSON for the user's files: a reader that refuses everything Python's json accepts
but a file of ours must never contain, and a deterministic writer.

:func:`strict_json_loads` raises only :class:`LoadError` (size and depth caps, NaN, duplicate
keys, lone surrogates, invalid UTF-8), in linear time whatever the bytes, so a damaged or
hostile file can be described in a banner and never crashes or hangs start-up.
:func:`json_dumps_bytes` writes sorted keys and real UTF-8, so the same data gives the same
bytes, and refuses anything that would not load back (``SaveError(kind="invalid")``).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from app.domain.text import QT_TRANSLATE_NOOP, Msg
from app.storage.atomic import SaveError

__all__ = ["LoadError", "MAX_DEPTH", "MAX_DOCUMENT_BYTES", "json_dumps_bytes", "strict_json_loads"]

MAX_DOCUMENT_BYTES = 5_000_000
MAX_DEPTH = 32

_UTF8_BOM = b"\xef\xbb\xbf"


class LoadError(Exception):
    """Bytes that are not an acceptable document. ``reason`` is a short phrase such as
    "not valid JSON at byte 120" that fits inside a banner sentence (a ``Msg``, so the window
    can say it in the user's language); ``str(e)`` adds the path when it is known."""

    def __init__(self, reason: str, *, path: Path | str | None = None) -> None:
        self.reason = reason
        self.path = Path(path) if path is not None else None
        super().__init__(f"{self.path}: {reason}" if self.path is not None else reason)


# A whole string literal, unrolled and possessive so that an unterminated string or a
# stray backslash costs linear time, never backtracking. Brackets inside strings go
# with the string.
_STRING_LITERAL = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
# For the quick depth check (_check_depth), on the bytes: an escape (backslash and the byte after
# it), the bytes that are neither a bracket nor a quote (UTF-8's multi-byte characters never hold
# an ASCII byte), braces as brackets, and a string left holding only brackets.
_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_NOT_SYNTAX = bytes(b for b in range(256) if b not in b'[]{}"')
_AS_BRACKETS = bytes.maketrans(b"{}", b"[]")
_QUOTED = re.compile(rb'"[^"]*"')
# A \uD800-\uDFFF escape; only then can a lone surrogate appear after decoding.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class _Reject(ValueError):
    """Raised from inside json hooks with a Msg; turned into LoadError by strict_json_loads."""


def _reject_constant(name: str) -> object:
    raise _Reject(Msg(QT_TRANSLATE_NOOP("", "contains {name}, which JSON does not allow"), name=name))


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # "1e400" parses to inf otherwise
        raise _Reject(Msg(QT_TRANSLATE_NOOP("", "the number {number} is too large"), number=text[:40]))
    return value


def _check_str(value: str, what: Msg) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _Reject(Msg(QT_TRANSLATE_NOOP("", "an invalid character (a lone surrogate) in {what} {value}"),
                          what=what, value=repr(value[:40]))) from None


def _unique_pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Reject(Msg(QT_TRANSLATE_NOOP("", "the key {key} appears twice in one object"),
                                  key=repr(key[:60])))
            seen.add(key)
    return result


def _too_deep(max_depth: int) -> Msg:
    return Msg(QT_TRANSLATE_NOOP("", "nested more than {depth} levels deep"), depth=max_depth)


def _check_depth(data: bytes, text: str, max_depth: int) -> None:
    """Raise LoadError if the document nests deeper than ``max_depth`` (checked before parsing,
    so "[" * 100000 never reaches the recursive C decoder). Quick for a document that is not too
    deep: in bytes, escapes and everything but brackets and quotes go (C, linear), then the
    strings, then each pass removes the innermost pairs ("[]"): a valid document is empty after
    as many passes as it is deep. Anything else (too deep, or not valid JSON) gets the exact
    scan, whose answer is the one given."""
    if text.count("[") + text.count("{") <= max_depth:
        return
    brackets = (_ESCAPE.sub(b"", data) if b"\\" in data else data).translate(_AS_BRACKETS, _NOT_SYNTAX)
    brackets = _QUOTED.sub(b"", brackets.replace(b'""', b""))  # two quotes side by side: no bracket between
    for _ in range(max_depth):
        brackets = brackets.replace(b"[]", b"")
    if brackets:
        _check_depth_exactly(text, max_depth)


def _check_depth_exactly(text: str, max_depth: int) -> None:
    if text.count("[") + text.count("{") <= max_depth:
        return
    # Both substitutions run in C; only the brackets are walked in Python.
    brackets = _NOT_BRACKET.sub("", _STRING_LITERAL.sub("", text))
    depth = 0
    for char in brackets:
        if char in "[{":
            depth += 1
            if depth > max_depth:
                raise LoadError(_too_deep(max_depth))
        elif depth:
            depth -= 1


def _check_surrogates(obj: object) -> None:
    # Only runs when the text has a \uD8xx-\uDFxx escape. Walked with a stack rather
    # than recursion so the interpreter's recursion limit never comes into play.
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            _check_str(item, Msg(QT_TRANSLATE_NOOP("", "the text")))
        elif isinstance(item, dict):
            for key, value in item.items():
                _check_str(key, Msg(QT_TRANSLATE_NOOP("", "the key")))
                stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)


def strict_json_loads(
    data: bytes, *, max_bytes: int = MAX_DOCUMENT_BYTES, max_depth: int = MAX_DEPTH, ours: bool = False
) -> object:
    """Parse UTF-8 JSON bytes, refusing everything Python's json accepts but a file of
    ours must never contain. Raises only :class:`LoadError`.

    Refused: more than ``max_bytes`` (checked before decoding), invalid UTF-8, NaN,
    Infinity and numbers that overflow to infinity, duplicate keys, nesting deeper than
    ``max_depth``, lone surrogates from ``\\uD800``-style escapes.

    A leading UTF-8 byte order mark is accepted and ignored: Windows Notepad adds one
    when a user hand-edits the file, and the rest of the file is still exactly the
    document they meant. UTF-16/32 are not accepted.

    ``ours``: the bytes are known to be what Curbwatch's own encoder wrote (the caller has
    matched their SHA-256 with one it recorded), so the two checks only a foreign file can
    fail, duplicate keys and nesting depth, are skipped: they were a third of the time to
    read a large file (a Python call for every object). Everything else is checked as before,
    and a RecursionError is still refused.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise LoadError(Msg(QT_TRANSLATE_NOOP("", "expected bytes, got {kind}"), kind=type(data).__name__))
    data = bytes(data)
    if len(data) > max_bytes:
        raise LoadError(Msg(QT_TRANSLATE_NOOP("", "too large ({size:,} bytes; the limit is {limit:,})"),
                            size=len(data), limit=max_bytes))
    bom = 0
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
        bom = len(_UTF8_BOM)
    if not data:
        raise LoadError(Msg(QT_TRANSLATE_NOOP("", "empty")))
    if not data.strip(b"\0"):
        raise LoadError(Msg(QT_TRANSLATE_NOOP("", "only zero bytes (typical of a power cut during a write)")))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(Msg(QT_TRANSLATE_NOOP("", "not valid UTF-8 text at byte {byte}"),
                            byte=exc.start + bom)) from None
    if not ours:
        _check_depth(data, text, max_depth)
    try:
        obj = json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_finite_float,
            object_pairs_hook=None if ours else _unique_pairs,
        )
    except _Reject as exc:
        _check_depth_exactly(text, max_depth)  # too deep is said first, as when every file got the exact scan
        raise LoadError(exc.args[0]) from None
    except json.JSONDecodeError as exc:
        _check_depth_exactly(text, max_depth)
        byte = len(text[: exc.pos].encode("utf-8")) + bom
        # The json module's own words stay as they are: a value, not a text we translate.
        raise LoadError(Msg(QT_TRANSLATE_NOOP("", "not valid JSON at byte {byte} (line {line}, column {column}: "
                                                  "{problem})"),
                            byte=byte, line=exc.lineno, column=exc.colno, problem=exc.msg.removesuffix(" at"))) from None
    except RecursionError:  # belt and braces behind _check_depth
        raise LoadError(_too_deep(max_depth)) from None
    except (ValueError, TypeError, OverflowError) as exc:
        # e.g. an integer with more than 4300 digits (int max_str_digits)
        _check_depth_exactly(text, max_depth)
        raise LoadError(Msg(QT_TRANSLATE_NOOP("", "not readable as JSON ({problem})"),
                            problem=str(exc)[:120])) from None
    if _SURROGATE_ESCAPE.search(text):
        try:
            _check_surrogates(obj)
        except _Reject as exc:
            raise LoadError(exc.args[0]) from None
    return obj


def json_dumps_bytes(obj: object, *, pretty: bool = True) -> bytes:
    """Serialise deterministically (sorted keys, real UTF-8, trailing newline) so that
    saving the same data twice gives identical bytes. ``pretty`` indents by 2 spaces so
    diffs of a hand-edited file stay readable; it forces Python's pure-Python encoder
    (about 5x slower), so large documents are written compact. Raises
    ``SaveError(kind="invalid")`` for anything that would not load back: NaN/Infinity,
    lone surrogates, non-JSON types, cycles."""
    try:
        if pretty:
            text = json.dumps(obj, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False)
        else:
            text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                              allow_nan=False)
    except (ValueError, TypeError, RecursionError) as exc:
        raise SaveError("invalid", f"The data cannot be saved as JSON: {exc}.") from None
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError as exc:
        bad = exc.object[max(0, exc.start - 20) : exc.end + 20]
        raise SaveError(
            "invalid",
            f"The data contains an invalid character (a lone surrogate) near {bad!r} "
            f"and cannot be saved as UTF-8.",
        ) from None

