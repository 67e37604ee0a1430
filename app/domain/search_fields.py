"""What of a record the search looks in, and the words of a text (for ``app.domain.search``).

Each field of a record has a weight (a match in a name outranks one in a note) and a label
for the results (a ``FieldHit`` says which field of a result matched, and where); ``indexed_words`` are a text's folded words with their spans plus the other
spellings of the dataset's abbreviations, so "UAS" finds "Unmanned Aerial Systems" and back.
No Qt, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from app.domain.matching import _WORD  # the word pattern itself, for the ASCII fast path below
from app.domain.matching import ABBREVIATIONS, SHORT_FORMS, Word, words
from app.domain.model import CATEGORY_LABELS, Company, Dataset, Element, Reserve
from app.domain.text import QT_TRANSLATE_NOOP, Msg

# How much a match in each field counts: a record found by its name outranks one found by a note.
WEIGHTS = {"name": 1.0, "alias": 1.0, "name_zh": 1.0, "symbol": 1.0, "country": 1.0, "announcement": 0.8,
           "uel_announcement": 0.8, "control_code": 0.8, "source": 0.8, "group": 0.7, "items": 0.7,
           "notes": 0.6, "timeline": 0.6, "note": 0.6}
LABELS = {  # for the results (the window shows tr(label))
    "name": QT_TRANSLATE_NOOP("", "Name"), "alias": QT_TRANSLATE_NOOP("", "Alias"),
    "name_zh": QT_TRANSLATE_NOOP("", "Chinese name"), "symbol": QT_TRANSLATE_NOOP("", "Symbol"),
    "country": QT_TRANSLATE_NOOP("", "Country"), "announcement": QT_TRANSLATE_NOOP("", "Announcement"),
    "uel_announcement": QT_TRANSLATE_NOOP("", "UEL announcement"),
    "control_code": QT_TRANSLATE_NOOP("", "Control code"), "source": QT_TRANSLATE_NOOP("", "Source"),
    "group": QT_TRANSLATE_NOOP("", "Group"), "items": QT_TRANSLATE_NOOP("", "Items covered"),
    "notes": QT_TRANSLATE_NOOP("", "Notes"), "timeline": QT_TRANSLATE_NOOP("", "Timeline"),
    "note": QT_TRANSLATE_NOOP("", "Note")}
# A record's own fields all weigh 1.0, so their postings need no weight.
OWN_FIELDS = frozenset(name for name, weight in WEIGHTS.items() if weight == 1.0)


@dataclass(frozen=True)
class FieldHit:
    """Why a record matched: one of its fields, its whole text and the matched words' spans."""

    field: str  # key of WEIGHTS ("name", "alias", "timeline", ...)
    label: str  # for display: "Name", "Timeline 2025-05-14", ... (a Msg: the window shows tr_msg(label))
    text: str
    spans: tuple[tuple[int, int], ...]  # (start, end) in ``text``, sorted, not overlapping
    score: float  # 0-100: how well this field alone answers the query
    event_id: str = ""  # for a timeline hit, the event

    @property
    def matched_words(self) -> tuple[str, ...]:
        return tuple(self.text[s:e] for s, e in self.spans)

    def snippet(self, width: int = 90) -> tuple[str, tuple[tuple[int, int], ...]]:
        """A window of about ``width`` characters around the first match, with spans moved into it."""
        if len(self.text) <= width or not self.spans:
            return self.text, self.spans
        start = max(0, min(self.spans[0][0] - width // 3, len(self.text) - width))
        end = start + width
        prefix = "…" if start else ""
        suffix = "…" if end < len(self.text) else ""
        shift = len(prefix) - start
        spans = tuple((s + shift, min(e, end) + shift) for s, e in self.spans if s >= start and s < end)
        return prefix + self.text[start:end] + suffix, spans


@dataclass(frozen=True)
class SearchResult:
    kind: str  # "companies", "elements" or "reserves"
    record_id: str
    title: str  # the record as a person names it
    record: Any
    score: float  # 0-100
    hits: tuple[FieldHit, ...]  # best first; at least one


def title(kind: str, record: Any, dataset: Dataset) -> str:
    if kind == "elements":
        return f"{record.name} ({record.symbol})"
    if kind == "reserves":
        edition = dataset.edition(record.edition)
        return f"{record.country} ({edition.short if edition else record.edition})"
    return record.name


def texts(record: Any, dataset: Dataset) -> Iterable[tuple[str, str]]:
    """(field, text) of everything searchable in a record, in the order of ``fields``."""
    if isinstance(record, Company):
        yield "name", record.name
        for alias in record.aliases:
            yield "alias", alias
        yield "name_zh", record.name_zh
        yield "announcement", record.announcement
        yield "uel_announcement", record.uel_announcement
        yield "notes", record.notes
    elif isinstance(record, Element):
        yield "name", record.name
        yield "symbol", record.symbol
        yield "group", CATEGORY_LABELS.get(record.category, record.category)
        yield "announcement", record.announcement
        yield "control_code", record.control_code
        yield "items", record.items
        yield "notes", record.notes
    elif isinstance(record, Reserve):
        edition = dataset.edition(record.edition)
        yield "country", record.country
        yield "source", edition.short if edition else record.edition
        yield "note", record.note
    for event in getattr(record, "events", ()):
        yield "timeline", event.text


def fields(record: Any, dataset: Dataset) -> Iterable[tuple[str, str, str, str]]:
    """(field, label, text, event id) of everything searchable in a record, empty ones left out."""
    events = iter(getattr(record, "events", ()))
    for name, text in texts(record, dataset):
        event = next(events) if name == "timeline" else None
        if text:
            label = (Msg(QT_TRANSLATE_NOOP("", "Timeline {date}"), date=event.date.isoformat()) if event is not None
                     else Msg(LABELS[name]))
            yield name, label, text, event.id if event is not None else ""


def fast_words(text: str) -> list[Word]:
    """``matching.words`` with a fast path: folding ASCII text is lowering it."""
    if not text.isascii():
        return words(text)
    out = []
    for m in _WORD.finditer(text):
        folded = m.group().lower().replace(".", "").replace("'", "")
        if folded:
            out.append(Word(folded, m.start(), m.end()))
    return out


_MULTI_WORD = tuple((long, shorts) for long, shorts in SHORT_FORMS.items() if len(long) >= 2)


@lru_cache(maxsize=16_384)  # shared texts (announcements, timelines) come back result after result
def indexed_words(text: str) -> tuple[tuple[str, int, int], ...]:
    """The words of a field plus the other spellings of its abbreviations, all with spans."""
    found = fast_words(text)
    out = [(w.text, w.start, w.end) for w in found]
    plain = [w.text for w in found]
    for w in found:
        for extra in ABBREVIATIONS.get(w.text, ()) + SHORT_FORMS.get((w.text,), ()):
            out.append((extra, w.start, w.end))
    for long, shorts in _MULTI_WORD:
        for i, word in enumerate(plain):
            if word == long[0] and tuple(plain[i:i + len(long)]) == long:
                out.extend((short, found[i].start, found[i + len(long) - 1].end) for short in shorts)
    return tuple(out)


def merge_spans(spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple((s, e) for s, e in out)
