"""Forgiving search over every record: an index of names, aliases, Chinese names, symbols,
announcements, items covered, notes and timeline text, ranked results that say why they matched
(the field, its text and the spans of the matched words, for highlighting).

A query word finds a word of the data when it is equal, a prefix of it (typing in progress),
or, when neither exists anywhere in the data, a rapidfuzz misspelling of it ("insito" -> Insitu,
"brwn" -> Brown). Case, accents, punctuation and word order do not matter; legal-form and stop
words in a query are ignored; the dataset's abbreviations work both ways (UAS / Unmanned Aerial
Systems, Intl / International, Tech / Technologies, Comms / Communications). Every query word
must be found somewhere in a record (across its fields).

Also ``fold``/``matches``: the plain substring filter the tables used before. No Qt, no I/O.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from rapidfuzz import fuzz, process

from app.domain.matching import (ABBREVIATIONS, LEGAL_FORMS, SHORT_FORMS, STOPWORDS, fold, is_cjk, is_short,  # noqa: F401
                                 matches, words)
from app.domain.model import CATEGORY_LABELS, Company, Dataset, Element, Reserve

__all__ = ["fold", "matches", "FieldHit", "SearchResult", "SearchIndex", "KINDS"]

KINDS = ("companies", "elements", "reserves")
FUZZY_CUTOFF = 75  # rapidfuzz ratio for a whole word
PREFIX_FUZZY_CUTOFF = 80  # ratio of a query word against the start of a longer word
EXACT, PREFIX, FUZZY, FUZZY_PREFIX = 1.0, 0.9, 0.8, 0.7  # how much each kind of word match counts

# How much a match in each field counts: a record found by its name outranks one found by a note.
WEIGHTS = {"name": 1.0, "alias": 1.0, "name_zh": 1.0, "symbol": 1.0, "country": 1.0, "announcement": 0.8,
           "uel_announcement": 0.8, "control_code": 0.8, "source": 0.8, "group": 0.7, "items": 0.7,
           "notes": 0.6, "timeline": 0.6, "note": 0.6}
LABELS = {"name": "Name", "alias": "Alias", "name_zh": "Chinese name", "symbol": "Symbol", "country": "Country",
          "announcement": "Announcement", "uel_announcement": "UEL announcement", "control_code": "Control code",
          "source": "Source", "group": "Group", "items": "Items covered", "notes": "Notes", "timeline": "Timeline",
          "note": "Note"}


@dataclass(frozen=True)
class FieldHit:
    """Why a record matched: one of its fields, its whole text and the matched words' spans."""

    field: str  # key of WEIGHTS ("name", "alias", "timeline", ...)
    label: str  # for display: "Name", "Timeline 2025-05-14", ...
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


@dataclass(frozen=True)
class _Field:
    record: int
    field: str
    label: str
    text: str
    event_id: str = ""


def _title(kind: str, record: Any, dataset: Dataset) -> str:
    if kind == "elements":
        return f"{record.name} ({record.symbol})"
    if kind == "reserves":
        edition = dataset.edition(record.edition)
        return f"{record.country} ({edition.short if edition else record.edition})"
    return record.name


def _fields(kind: str, record: Any, dataset: Dataset) -> Iterable[tuple[str, str, str, str]]:
    """(field, label, text, event id) of everything searchable in a record."""
    if isinstance(record, Company):
        yield "name", LABELS["name"], record.name, ""
        for alias in record.aliases:
            yield "alias", LABELS["alias"], alias, ""
        yield "name_zh", LABELS["name_zh"], record.name_zh, ""
        yield "announcement", LABELS["announcement"], record.announcement, ""
        yield "uel_announcement", LABELS["uel_announcement"], record.uel_announcement, ""
        yield "notes", LABELS["notes"], record.notes, ""
    elif isinstance(record, Element):
        yield "name", LABELS["name"], record.name, ""
        yield "symbol", LABELS["symbol"], record.symbol, ""
        yield "group", LABELS["group"], CATEGORY_LABELS.get(record.category, record.category), ""
        yield "announcement", LABELS["announcement"], record.announcement, ""
        yield "control_code", LABELS["control_code"], record.control_code, ""
        yield "items", LABELS["items"], record.items, ""
        yield "notes", LABELS["notes"], record.notes, ""
    elif isinstance(record, Reserve):
        edition = dataset.edition(record.edition)
        yield "country", LABELS["country"], record.country, ""
        yield "source", LABELS["source"], edition.short if edition else record.edition, ""
        yield "note", LABELS["note"], record.note, ""
    for event in getattr(record, "events", ()):
        yield "timeline", f"{LABELS['timeline']} {event.date.isoformat()}", event.text, event.id


def _indexed_words(text: str) -> list[tuple[str, int, int]]:
    """The words of a field plus the other spellings of its abbreviations, all with spans."""
    found = words(text)
    out = [(w.text, w.start, w.end) for w in found]
    plain = [w.text for w in found]
    for w in found:
        for extra in ABBREVIATIONS.get(w.text, ()) + SHORT_FORMS.get((w.text,), ()):
            out.append((extra, w.start, w.end))
    for long, shorts in SHORT_FORMS.items():
        if len(long) < 2:
            continue
        for i in range(len(plain) - len(long) + 1):
            if tuple(plain[i:i + len(long)]) == long:
                out.extend((short, found[i].start, found[i + len(long) - 1].end) for short in shorts)
    return out


class SearchIndex:
    """Built once per dataset (cheap: rebuild it when the data changes); ``search`` is called
    on every keystroke."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._records: list[tuple[str, Any, str]] = []  # (kind, record, title)
        self._fields: list[_Field] = []
        self._postings: dict[str, list[tuple[int, int, int]]] = {}  # word -> (field, start, end)
        for kind, records in (("companies", dataset.companies), ("elements", dataset.elements),
                              ("reserves", dataset.reserves)):
            for record in records:
                self._records.append((kind, record, _title(kind, record, dataset)))
                for name, label, text, event_id in _fields(kind, record, dataset):
                    if not text:
                        continue
                    self._fields.append(_Field(len(self._records) - 1, name, label, text, event_id))
                    for word, start, end in _indexed_words(text):
                        self._postings.setdefault(word, []).append((len(self._fields) - 1, start, end))
        self._vocab = sorted(self._postings)
        self._cjk_vocab = [w for w in self._vocab if is_cjk(w)]
        self._truncated: dict[int, tuple[list[str], dict[str, list[str]]]] = {}

    # --- word lookup ---------------------------------------------------------------------
    def _prefixed(self, word: str) -> list[str]:
        start = bisect.bisect_left(self._vocab, word)
        out = []
        for candidate in self._vocab[start:]:
            if not candidate.startswith(word):
                break
            out.append(candidate)
        return out

    def _truncations(self, length: int) -> tuple[list[str], dict[str, list[str]]]:
        if length not in self._truncated:
            back: dict[str, list[str]] = {}
            for word in self._vocab:
                if len(word) > length:
                    back.setdefault(word[:length], []).append(word)
            self._truncated[length] = (list(back), back)
        return self._truncated[length]

    def lookup(self, query_word: str) -> dict[str, float]:
        """Data words a query word stands for, each with how well (EXACT ... FUZZY_PREFIX)."""
        found: dict[str, float] = {}
        for word in self._prefixed(query_word):
            found[word] = EXACT if word == query_word else PREFIX
        if is_cjk(query_word):
            for word in self._cjk_vocab:
                if query_word in word:
                    found.setdefault(word, PREFIX)
            return found
        if found or is_short(query_word):
            return found
        # Not in the data as typed: then, and only then, a misspelling.
        for word, score, _ in process.extract(query_word, self._vocab, scorer=fuzz.ratio,
                                              score_cutoff=FUZZY_CUTOFF, limit=None):
            found[word] = FUZZY * score / 100
        choices, back = self._truncations(len(query_word))
        for start, score, _ in process.extract(query_word, choices, scorer=fuzz.ratio,
                                               score_cutoff=PREFIX_FUZZY_CUTOFF, limit=None):
            for word in back[start]:
                found[word] = max(found.get(word, 0.0), FUZZY_PREFIX * score / 100)
        return found

    # --- searching -----------------------------------------------------------------------
    @staticmethod
    def query_words(query: str) -> list[str]:
        """The words of a query that count: legal-form and stop words go, unless nothing else is left."""
        typed = list(dict.fromkeys(w.text for w in words(query)))
        kept = [w for w in typed if w not in LEGAL_FORMS and w not in STOPWORDS]
        return kept or typed

    def search(self, query: str, *, kinds: Sequence[str] = KINDS, limit: int | None = None) -> list[SearchResult]:
        """Records matching every word of ``query``, best first (empty query: no results)."""
        qwords = self.query_words(query)
        if not qwords:
            return []
        # per record: per query word, best weighted quality; per field: matched spans and words
        best: dict[int, list[float]] = {}
        field_spans: dict[int, set[tuple[int, int]]] = {}
        field_quality: dict[int, list[float]] = {}
        for qi, qword in enumerate(qwords):
            hits = self.lookup(qword)
            if not hits:
                return []
            for word, quality in hits.items():
                for f, start, end in self._postings[word]:
                    fld = self._fields[f]
                    if self._records[fld.record][0] not in kinds:
                        continue
                    weighted = quality * WEIGHTS[fld.field]
                    scores = best.setdefault(fld.record, [0.0] * len(qwords))
                    scores[qi] = max(scores[qi], weighted)
                    field_spans.setdefault(f, set()).add((start, end))
                    fq = field_quality.setdefault(f, [0.0] * len(qwords))
                    fq[qi] = max(fq[qi], quality)
        by_record: dict[int, list[FieldHit]] = {}
        for f, spans in field_spans.items():
            fld = self._fields[f]
            fq = field_quality[f]
            score = 100 * sum(fq) / len(qwords) * WEIGHTS[fld.field]
            by_record.setdefault(fld.record, []).append(
                FieldHit(fld.field, fld.label, fld.text, _merge(spans), round(score, 1), fld.event_id))
        results = []
        for r, scores in best.items():
            if min(scores) <= 0:
                continue  # a query word found nowhere in this record
            kind, record, title = self._records[r]
            hits = sorted(by_record[r], key=lambda h: -h.score)
            results.append(SearchResult(kind, record.id, title, record, round(100 * sum(scores) / len(scores), 1),
                                        tuple(hits)))
        results.sort(key=lambda s: (-s.score, KINDS.index(s.kind), s.title.casefold()))
        return results[:limit] if limit is not None else results

    def matching_ids(self, query: str, kind: str) -> set[str]:
        """Ids of the records of one kind the query finds (for a tab's own filter box)."""
        return {r.record_id for r in self.search(query, kinds=(kind,))}


def _merge(spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple((s, e) for s, e in out)
