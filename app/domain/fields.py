"""Field specs and strict parsers: one validator for the bundled files, the user layer, imports
and the cells of the tables.

Every parser takes the JSON form of a value (what a file holds) or the text a user typed, and
returns the domain value or raises ``FieldError`` naming the field and the rule broken.

Decisions worth knowing:
- Dates are ISO ``YYYY-MM-DD`` only, between 1900-01-01 and 2100-12-31 (a suspension may end
  years ahead, so "today + 1 year" would be too tight).
- Tonnages are whole metric tons. Typed text may carry a unit (``t``, ``kt``, ``Mt``) and
  thousands separators in proper groups (``44,000,000``); ``1,5`` is refused rather than read
  as a locale decimal, because the same keystrokes mean 15 or 1.5 depending on the reader.
  ``-0`` is refused like any negative; ``NaN``, ``inf``, ``1e309`` and ``1_000`` are refused
  because a strict regex is used instead of ``float()``.
- Text is stripped; control characters, bidirectional overrides and lone surrogates are
  refused (they corrupt saves or disguise what is displayed).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from app.domain.model import CONFIDENCES

DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)
TONS_MAX = 10_000_000_000  # 10,000 Mt: two orders of magnitude above world reserves
ID_RE = re.compile(r"^[A-Za-z0-9_.-]{1,64}\Z")  # \Z: "$" would also take a trailing newline
# ASCII digits only: \d would also take Arabic-Indic or fullwidth digits, which int() accepts.
_DATE_RE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_NUMBER_RE = re.compile(r"^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$")
_DECIMAL_COMMA_RE = re.compile(r"^[0-9]+,[0-9]{1,2}$|^[0-9]+,[0-9]{4,}$")
_UNITS = {"": 1, "t": 1, "kt": 1_000, "mt": 1_000_000}
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Invisible format characters: zero-width spaces and joiners, direction marks, line and paragraph
# separators, the byte order mark, and tag characters. Any of them lets one name look like another.
_INVISIBLE = set("\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u2060\ufeff\u00ad")


class FieldError(ValueError):
    """A value that breaks a field's rule. ``str()`` names the field (by its label when the
    field spec gave one: the user sees labels, not keys) and the rule."""

    def __init__(self, field: str, rule: str, value: Any = None, *, label: str | None = None) -> None:
        self.field = field
        self.rule = rule
        self.value = value
        self.label = label
        shown = "" if value is None else f" (got {_truncate(value)})"
        super().__init__(f"{label or field}: {rule}{shown}")


_BAD_COMMON = ("\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + "".join(sorted(_BIDI | _INVISIBLE))
               + "\U000e0000-\U000e007f")
_BAD_MULTILINE = re.compile(f"[{_BAD_COMMON}]")
_BAD_LINE = re.compile(f"[\t\n{_BAD_COMMON}]")


def _truncate(value: Any, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_text(field: str, value: Any, *, max_len: int = 200, required: bool = True,
               multiline: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise FieldError(field, "must be text", value)
    if len(value) > max_len * 4:  # refuse huge input before scanning it
        raise FieldError(field, f"must be at most {max_len} characters", f"{len(value)} characters")
    text = value.strip()
    if required and not text:
        raise FieldError(field, "must not be empty")
    if len(text) > max_len:
        raise FieldError(field, f"must be at most {max_len} characters", f"{len(text)} characters")
    # One scan in C for the common case (nothing wrong); the loop below only runs to say what.
    if not (_BAD_MULTILINE if multiline else _BAD_LINE).search(text):
        return text
    for ch in text:
        if "\ud800" <= ch <= "\udfff":
            raise FieldError(field, "contains an invalid character (lone surrogate)")
        if ch in _BIDI:
            raise FieldError(field, "contains a bidirectional override character")
        if ch in _INVISIBLE or "\U000e0000" <= ch <= "\U000e007f":
            raise FieldError(field, f"contains an invisible character (U+{ord(ch):04X})")
        if unicodedata.category(ch) == "Cc" and not (multiline and ch in "\n\t"):
            raise FieldError(field, "contains a control character", ch)
    return text


def parse_date(field: str, value: Any, *, required: bool = True) -> dt.date | None:
    if isinstance(value, dt.date):
        text = value.isoformat()
    elif value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise FieldError(field, "is required (YYYY-MM-DD)")
        return None
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise FieldError(field, "must be a date YYYY-MM-DD", value)
    match = _DATE_RE.match(text)
    if not match:
        raise FieldError(field, "must be a date YYYY-MM-DD", value)
    try:
        date = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise FieldError(field, "is not a date that exists", value) from None
    if not DATE_MIN <= date <= DATE_MAX:
        raise FieldError(field, f"must be between {DATE_MIN} and {DATE_MAX}", value)
    return date


def parse_tons(field: str, value: Any, *, required: bool = False) -> int | None:
    """Whole metric tons from a JSON number or typed text such as ``3.5 Mt`` or ``890,000``."""
    if type(value) is int and 0 <= value <= TONS_MAX:
        return value  # what a file holds: already whole tons in range (the rules below agree)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise FieldError(field, "is required")
        return None
    if isinstance(value, bool):
        raise FieldError(field, "must be a number of metric tons", value)
    # Imported here: files hold whole tons (returned above), and ``decimal`` is 0.3 MB at start-up.
    from decimal import Decimal, InvalidOperation

    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise FieldError(field, "must be a finite number", value)
        amount = Decimal(repr(value))
    elif isinstance(value, str):
        if len(value) > 64:
            raise FieldError(field, "must be a number of metric tons", value)
        text = value.strip().lower()
        unit = ""
        for suffix in ("mt", "kt", "t"):
            if text.endswith(suffix):
                text, unit = text[: -len(suffix)].strip(), suffix
                break
        if text.startswith("-"):
            raise FieldError(field, "must not be negative", value)
        if _DECIMAL_COMMA_RE.match(text):
            raise FieldError(field, "a decimal comma is not accepted: write 1.5 (a point), or 1,500 "
                             "with full groups of three digits", value)
        if not _NUMBER_RE.match(text):
            raise FieldError(field, "must be a number of metric tons, e.g. 21000000 or 21 Mt", value)
        try:
            amount = Decimal(text.replace(",", "")) * _UNITS[unit]
        except InvalidOperation:
            raise FieldError(field, "must be a number of metric tons", value) from None
    else:
        raise FieldError(field, "must be a number of metric tons", value)
    if amount < 0:
        raise FieldError(field, "must not be negative", value)
    if amount > TONS_MAX:
        raise FieldError(field, f"must be at most {TONS_MAX:,} t", value)
    if amount != amount.to_integral_value():
        raise FieldError(field, "must be whole metric tons", value)
    return int(amount)


def parse_int(field: str, value: Any, *, lo: int, hi: int) -> int:
    if isinstance(value, bool):
        raise FieldError(field, "must be a whole number", value)
    if isinstance(value, str):
        text = value.strip()
        if not re.fullmatch(r"[0-9]{1,6}", text):
            raise FieldError(field, "must be a whole number", value)
        value = int(text)
    if not isinstance(value, int):
        raise FieldError(field, "must be a whole number", value)
    if not lo <= value <= hi:
        raise FieldError(field, f"must be between {lo} and {hi}", value)
    return value


def parse_choice(field: str, value: Any, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise FieldError(field, f"must be one of {', '.join(choices)}", value)
    return value


def parse_bool(field: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldError(field, "must be true or false", value)
    return value


def parse_id(field: str, value: Any) -> str:
    if not isinstance(value, str) or not ID_RE.match(value):
        raise FieldError(field, "must be 1-64 letters, digits, '.', '_' or '-'", value)
    return value


def parse_symbol(field: str, value: Any) -> str:
    text = parse_text(field, value, max_len=3)
    if not re.fullmatch(r"[A-Z][a-z]{0,2}", text):
        raise FieldError(field, "must be a chemical symbol such as Ga or Sm", value)
    return text


def parse_sources_text(field: str, value: Any) -> list[dict[str, str]]:
    """Sources typed one per line as ``title | URL | confidence`` (URL and confidence may be
    left out; confidence defaults to MED) to their JSON form."""
    text = parse_text(field, value, max_len=20_000, required=False, multiline=True)
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) > 3:
            raise FieldError(field, f"line {number}: write title | URL | confidence", line)
        title = parse_text(f"{field} line {number} title", parts[0], max_len=500)
        url = parse_text(f"{field} line {number} URL", parts[1] if len(parts) > 1 else "", max_len=2000,
                         required=False)
        url = parse_url(f"{field} line {number} URL", url)
        confidence = (parts[2] if len(parts) > 2 and parts[2] else "MED").upper()
        out.append({"title": title, "url": url, "confidence": parse_choice(f"{field} line {number} confidence",
                                                                          confidence, CONFIDENCES)})
    return out


def parse_url(field: str, value: Any) -> str:
    """Empty, or a web or file address: a source link is opened by a click, so no other
    schemes (javascript:, data:, ...) get in."""
    url = parse_text(field, value, max_len=2000, required=False)
    if url and not re.match(r"^(https?://|file:)", url, re.IGNORECASE):
        raise FieldError(field, "must start with http://, https:// or file:", url)
    return url


def sources_to_text(sources: list[dict[str, str]]) -> str:
    return "\n".join(" | ".join(p for p in (s.get("title", ""), s.get("url", ""), s.get("confidence", "")))
                     for s in sources)


def parse_names(field: str, value: Any, *, max_len: int = 200) -> tuple[str, ...]:
    """Other names of a record: a JSON list of text, or typed text separated by ";"."""
    if value is None:
        return ()
    if isinstance(value, str):
        items = [part for part in value.split(";")]
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        raise FieldError(field, "must be a list of names", value)
    if len(items) > 50:
        raise FieldError(field, "must have at most 50 names", f"{len(items)} names")
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise FieldError(field, "must be a list of names", item)
        text = parse_text(field, item, max_len=max_len, required=False)
        if text and text not in out:
            out.append(text)
    return tuple(out)


_EDITORS = {"text": "text", "multiline": "multiline", "date": "date", "tons": "tons", "int": "int",
            "choice": "choice", "bool": "bool", "symbol": "text", "url": "text", "names": "text",
            "sources": "multiline", "shares": "multiline"}


@dataclass(frozen=True)
class FieldSpec:
    """A field of a record kind: its label, its type, whether it is required, and its limits.

    ``parse`` turns the JSON form or typed text into the domain value, raising ``FieldError``
    that names the field by its label (what the user sees). Editors ask ``required`` (whether
    "none" may be chosen), ``editor`` and ``choices``; nothing else keeps its own list."""

    name: str
    label: str
    type: str = "text"  # a key of _EDITORS
    required: bool = False
    max_len: int = 200
    lo: int | None = None
    hi: int | None = None
    choices: tuple[str, ...] = ()
    unit: str = ""
    hint: str = ""  # placeholder / help for the editor

    def __post_init__(self) -> None:
        if self.type not in _EDITORS:
            raise ValueError(f"unknown field type {self.type!r}")

    @property
    def editor(self) -> str:
        return _EDITORS[self.type]

    @property
    def optional(self) -> bool:
        return not self.required

    def parse(self, value: Any) -> Any:
        try:
            return self._parse(value)
        except FieldError as err:
            if err.label is None and err.field == self.name:
                raise FieldError(err.field, err.rule, err.value, label=self.label) from None
            raise

    def _parse(self, value: Any) -> Any:
        name, kind = self.name, self.type
        if kind in ("text", "multiline"):
            return parse_text(name, value, max_len=self.max_len, required=self.required,
                              multiline=kind == "multiline")
        if kind == "date":
            return parse_date(name, value, required=self.required)
        if kind == "tons":
            return parse_tons(name, value, required=self.required)
        if kind == "int":
            return parse_int(name, value, lo=self.lo if self.lo is not None else 0,
                             hi=self.hi if self.hi is not None else 999_999)
        if kind == "choice":
            return parse_choice(name, value, self.choices)
        if kind == "bool":
            return parse_bool(name, value)
        if kind == "symbol":
            return parse_symbol(name, value)
        if kind == "url":
            return parse_url(name, value)
        if kind == "names":
            return parse_names(name, value, max_len=self.max_len)
        if kind == "sources":
            return parse_sources_text(name, value)
        return parse_shares_text(name, value)

    def to_text(self, value: Any) -> str:
        """The value as an editor shows it (the inverse of parsing typed text)."""
        if value is None:
            return ""
        if self.type == "names":
            return "; ".join(value)
        if self.type == "sources":
            return sources_to_text(value)
        if self.type == "shares":
            return shares_to_text(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)


def parse_shares_text(field: str, value: Any) -> list[dict[str, Any]]:
    """China's shares of world production typed one per line as
    ``percent | basis | year | confidence | source title | source URL`` (a leading ``~`` on the
    percent marks it approximate) to their JSON form."""
    text = parse_text(field, value, max_len=20_000, required=False, multiline=True)
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{field} line {number}"
        parts = [part.strip() for part in line.split("|")]
        if len(parts) not in (5, 6):
            raise FieldError(where, "write percent | basis | year | confidence | source title | source URL", line)
        approximate = parts[0].startswith(("~", "≈"))
        number_text = parts[0].lstrip("~≈").rstrip("%").strip()
        if not re.fullmatch(r"[0-9]{1,3}(\.[0-9]{1,2})?", number_text) or float(number_text) > 100:
            raise FieldError(f"{where} percent", "must be a number from 0 to 100", parts[0])
        percent = float(number_text)
        out.append({
            "percent": int(percent) if percent.is_integer() else percent,
            "approximate": approximate,
            "basis": parse_text(f"{where} basis", parts[1], max_len=500),
            "year": parse_int(f"{where} year", parts[2], lo=1900, hi=2100),
            "confidence": parse_choice(f"{where} confidence", parts[3].upper(), CONFIDENCES),
            "source": {"title": parse_text(f"{where} source title", parts[4], max_len=500),
                       "url": parse_url(f"{where} source URL", parts[5] if len(parts) > 5 else ""),
                       "confidence": parts[3].upper()},
        })
    return out


def shares_to_text(shares: list[dict[str, Any]]) -> str:
    lines = []
    for share in shares:
        percent = f"{'~' if share.get('approximate') else ''}{share.get('percent')}"
        source = share.get("source") or {}
        lines.append(" | ".join(str(p) for p in (percent, share.get("basis", ""), share.get("year", ""),
                                                share.get("confidence", ""), source.get("title", ""),
                                                source.get("url", ""))))
    return "\n".join(lines)


def to_json_value(value: Any) -> Any:
    """The JSON form of a parsed scalar (dates become ISO strings)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value
