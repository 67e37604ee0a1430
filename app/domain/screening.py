"""Screening a list of names against the listed companies (their names, aliases and Chinese
names): each input name gets its best matches, each with a score from 0 to 100, the name or
alias that matched, and the company's status on the status date.

How a score is made (see ``score_words``): legal forms and stop words are dropped and known
abbreviations expanded (``app.domain.matching``); the words of the input and of the listed name
are paired one to one (a word may also pair with two adjacent words written as one:
"Echo Dyne" / "Echodyne"), each pair scoring its rapidfuzz ``ratio``, pairs under
``WORD_CUTOFF`` counting nothing and short words or words with digits pairing only when equal.
A generic business word weighs ``GENERIC_WEIGHT`` of a distinctive one. The score is the mean of
how much of the input's weight and how much of the listed name's weight the pairs cover, so
extra or missing distinctive words cost, legal forms cost nothing. No pair of distinctive words,
no match: generic words alone never match, and an input made only of legal-form, stop or generic
words clears (unless it is word for word a listed name). Only a word-for-word match scores 100.

No Qt, no I/O. Work is done in chunks so a caller can report progress and cancel.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass, field
from typing import Callable, Iterator, Sequence

from rapidfuzz import fuzz, process

from app.domain.matching import is_generic, is_short, name_words
from app.domain.matching import words as words_of
from app.domain.model import MEASURE_LABELS, Company, Element
from app.domain.status import Status, measures_of, record_status
from app.domain.text import QT_TRANSLATE_NOOP

# Chosen from the table in tests/domain/test_screening_table.py: every true match there scores
# at least 80, every decoy at most 75 (see the module docstring of that test).
DEFAULT_THRESHOLD = 80
KEEP_FROM = 50  # matches scoring less are not kept (a threshold slider can go down to here)
MATCHES_PER_NAME = 5
WORD_CUTOFF = 75  # rapidfuzz ratio under which two words are not the same word misspelt
GENERIC_WEIGHT = 0.25
CHUNK = 500
NEAR_MEMO = 200_000  # words remembered between chunks
_DIGIT = re.compile(r"\d")

NAME, ALIAS, CHINESE = "name", "alias", "Chinese name"
# Why a name could not match at all (the window shows tr(note)).
CLEARED_LEGAL_ONLY = QT_TRANSLATE_NOOP("", "only legal-form words")
CLEARED_GENERIC_ONLY = QT_TRANSLATE_NOOP("", "only generic words")
CLEARED_EMPTY = QT_TRANSLATE_NOOP("", "empty name")


def measure_status(record: Company | Element, measure: str, on: dt.date, as_of: dt.date | None = None) -> Status | None:
    """The one place screening and facets ask for a status (so an ``as_of`` is one change)."""
    return record_status(record, measure, on, as_of)


def status_text(statuses: Sequence[tuple[str, Status]]) -> str:
    """"Export control: Suspended until …; Unreliable Entity List: …" for a report cell."""
    return "; ".join(f"{MEASURE_LABELS.get(m, m)}: {s.label}" for m, s in statuses)


@dataclass(frozen=True)
class Match:
    record: Company
    score: int  # 0-100; 100 only when the words are the same
    matched_on: str  # the name, alias or Chinese name of the record that matched, as in the data
    field: str  # NAME, ALIAS or CHINESE
    statuses: tuple[tuple[str, Status], ...]  # (measure, status on the status date)

    @property
    def status(self) -> str:
        return status_text(self.statuses)


@dataclass(frozen=True)
class ScreenResult:
    input: str
    matches: tuple[Match, ...]  # best first, every one scoring at least the screener's keep_from
    note: str = ""  # why a name could not match at all (CLEARED_*), else ""

    def possible(self, threshold: int) -> tuple[Match, ...]:
        return tuple(m for m in self.matches if m.score >= threshold)

    def cleared(self, threshold: int) -> bool:
        return not self.possible(threshold)

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None


@dataclass
class ScreeningRun:
    """A finished (or cancelled) run with what a report needs to say about it."""

    results: list[ScreenResult]
    threshold: int
    on: dt.date
    dataset_version: str
    as_of: dt.date | None
    local_edits: bool
    total: int = 0  # names submitted (more than len(results) when cancelled)
    cancelled: bool = False
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def possible_names(self) -> int:
        return sum(1 for r in self.results if not r.cleared(self.threshold))

    @property
    def possible_matches(self) -> int:
        return sum(len(r.possible(self.threshold)) for r in self.results)

    @property
    def cleared_names(self) -> int:
        return len(self.results) - self.possible_names


@dataclass(frozen=True)
class _Entry:
    company: int
    text: str
    field: str
    words: tuple[str, ...]
    weights: tuple[float, ...]
    distinctive: tuple[bool, ...]


def _weigh(words: Sequence[str], *, fallback: bool) -> tuple[tuple[float, ...], tuple[bool, ...]]:
    distinctive = tuple(not is_generic(w) for w in words)
    if fallback and words and not any(distinctive):
        # A listed name made only of generic words is all the identity that record has.
        distinctive = tuple(True for _ in words)
    return tuple(1.0 if d else GENERIC_WEIGHT for d in distinctive), distinctive


@functools.lru_cache(maxsize=1 << 14)
def _units(words: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Each word, and each two adjacent words written as one."""
    out = [(i, i + 1, w) for i, w in enumerate(words)]
    out += [(i, i + 2, words[i] + words[i + 1]) for i in range(len(words) - 1)]
    return out


@functools.lru_cache(maxsize=1 << 16)
def _exact_only(text: str) -> bool:
    return is_short(text) or _DIGIT.search(text) is not None


def _word_sim(a: str, b: str, fuzzy: dict[tuple[str, str], float] | None) -> float:
    if a == b:
        return 100.0
    if _exact_only(a) or _exact_only(b):
        return 0.0
    if fuzzy is not None:
        return fuzzy.get((a, b), 0.0)
    score = fuzz.ratio(a, b, score_cutoff=WORD_CUTOFF)
    return score


def _part_ok(part: str, piece: str) -> bool:
    return part == piece or (not _exact_only(part) and fuzz.ratio(part, piece) >= WORD_CUTOFF)


def _joined_ok(parts: Sequence[str], whole: str) -> bool:
    """Two words written as one ("Echo Dyne" / "Echodyne") only if each word matches its end
    of the whole, so "Acme Technologies" is not "Aerotechnologies" by sheer shared length."""
    head, tail = parts
    return _part_ok(head, whole[: len(head)]) and _part_ok(tail, whole[max(0, len(whole) - len(tail)):])


def score_words(words: Sequence[str], weights: Sequence[float], distinctive: Sequence[bool],
                other: Sequence[str], other_weights: Sequence[float], other_distinctive: Sequence[bool],
                fuzzy: dict[tuple[str, str], float] | None = None) -> int:
    """Score (0-100) of an input's name words against a listed name's (see the module docstring)."""
    if not words or not other:
        return 0
    if list(words) == list(other) or sorted(words) == sorted(other):
        return 100
    pairs = []
    for i0, i1, a in _units(tuple(words)):
        for j0, j1, b in _units(tuple(other)):
            if i1 - i0 == 2 and j1 - j0 == 2:
                continue  # two words against two words: the single-word pairs already say it
            sim = _word_sim(a, b, fuzzy)
            if sim < WORD_CUTOFF:
                continue
            if i1 - i0 == 2 and not _joined_ok(words[i0:i1], b):
                continue
            if j1 - j0 == 2 and not _joined_ok(other[j0:j1], a):
                continue
            pairs.append((sim, i1 - i0 + j1 - j0, i0, i1, j0, j1))
    pairs.sort(key=lambda p: (-p[0], -p[1]))
    used_in = [False] * len(words)
    used_other = [False] * len(other)
    got_in = got_other = 0.0
    anchored = False
    for sim, _, i0, i1, j0, j1 in pairs:
        if any(used_in[i0:i1]) or any(used_other[j0:j1]):
            continue
        used_in[i0:i1] = [True] * (i1 - i0)
        used_other[j0:j1] = [True] * (j1 - j0)
        got_in += sim / 100 * sum(weights[i0:i1])
        got_other += sim / 100 * sum(other_weights[j0:j1])
        anchored = anchored or (any(distinctive[i0:i1]) and any(other_distinctive[j0:j1]))
    if not anchored:
        return 0
    score = 50 * (got_in / sum(weights) + got_other / sum(other_weights))
    return min(99, math.floor(score))


class Screener:
    """Screens names against ``companies`` with statuses on ``on``. Build one per dataset and
    date (a few milliseconds); use it from one thread at a time (a worker thread is fine: it
    remembers words between chunks but shares nothing else)."""

    def __init__(self, companies: Sequence[Company], on: dt.date, *, keep_from: int = KEEP_FROM,
                 limit: int = MATCHES_PER_NAME, as_of: dt.date | None = None) -> None:
        self.companies = list(companies)
        self.on, self.as_of = on, as_of
        self.keep_from = keep_from
        self.limit = limit
        self._statuses = [self._statuses_of(c) for c in self.companies]
        self._entries: list[_Entry] = []
        for index, company in enumerate(self.companies):
            named = [(company.name, NAME)] + [(a, ALIAS) for a in company.aliases] + \
                ([(company.name_zh, CHINESE)] if company.name_zh else [])
            seen: set[tuple[str, ...]] = set()
            for text, kind in named:
                words = tuple(name_words(text))
                if not words or words in seen:
                    continue
                seen.add(words)
                weights, distinctive = _weigh(words, fallback=True)
                self._entries.append(_Entry(index, text, kind, words, weights, distinctive))
        self._by_unit: dict[str, set[int]] = {}
        self._by_word_set: dict[tuple[str, ...], list[int]] = {}
        for n, entry in enumerate(self._entries):
            self._by_word_set.setdefault(tuple(sorted(entry.words)), []).append(n)
            for _, _, unit in _units(entry.words):
                self._by_unit.setdefault(unit, set()).add(n)
        self._vocab = list(self._by_unit)
        self._fuzzy_vocab = [u for u in self._vocab if not _exact_only(u)]
        self._by_length: dict[int, list[str]] = {}
        self._near_memo: dict[str, tuple[tuple[str, float], ...]] = {}

    def _statuses_of(self, company: Company) -> tuple[tuple[str, Status], ...]:
        out = []
        for measure in measures_of(company):
            status = measure_status(company, measure, self.on, self.as_of)
            if status is not None:
                out.append((measure, status))
        return tuple(out)

    # --- screening -----------------------------------------------------------------------
    def screen_one(self, name: str) -> ScreenResult:
        return self.screen_chunk([name])[0]

    def screen_chunk(self, names: Sequence[str]) -> list[ScreenResult]:
        prepared = {}
        for name in names:
            if name not in prepared:
                prepared[name] = self._prepare(name)
        queries = {u for p in prepared.values() if p is not None for _, _, u in _units(p[0]) if not _exact_only(u)}
        near = {query: self._near(query) for query in queries}
        fuzzy = {(query, unit): score for query, found in near.items() for unit, score in found}
        done: dict[str, ScreenResult] = {}
        for name in names:
            if name not in done:
                done[name] = self._screen_prepared(name, prepared[name], fuzzy, near)
        return [done[name] for name in names]

    def iter_chunks(self, names: Sequence[str], chunk_size: int = CHUNK) -> Iterator[list[ScreenResult]]:
        """Results chunk by chunk, in input order: stop iterating to cancel."""
        for start in range(0, len(names), chunk_size):
            yield self.screen_chunk(names[start:start + chunk_size])

    def _prepare(self, name: str) -> tuple[tuple[str, ...], tuple[float, ...], tuple[bool, ...], str] | None:
        words = tuple(name_words(name))
        if not words:
            return None
        weights, distinctive = _weigh(words, fallback=False)
        return words, weights, distinctive, "" if any(distinctive) else CLEARED_GENERIC_ONLY

    def _near(self, unit: str) -> tuple[tuple[str, float], ...]:
        """Units of the listed names within WORD_CUTOFF of ``unit`` (memoised: lists repeat words)."""
        found = self._near_memo.get(unit)
        if found is None:
            # ratio >= 75 needs the shorter string to be at least 0.6 of the longer one.
            length = len(unit)
            if length not in self._by_length:
                self._by_length[length] = [u for u in self._fuzzy_vocab if 0.6 * length <= len(u) <= length / 0.6]
            found = tuple((other, score) for other, score, _ in process.extract(
                unit, self._by_length[length], scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF, limit=None))
            if len(self._near_memo) < NEAR_MEMO:
                self._near_memo[unit] = found
        return found

    def _screen_prepared(self, name: str, prepared, fuzzy: dict[tuple[str, str], float],
                         near: dict[str, tuple[tuple[str, float], ...]]) -> ScreenResult:
        if prepared is None:
            return ScreenResult(name, (), CLEARED_LEGAL_ONLY if words_of(name) else CLEARED_EMPTY)
        words, weights, distinctive, note = prepared
        if note:
            # Only a listed name made of exactly these generic words can match.
            scored = [(100, n) for n in self._by_word_set.get(tuple(sorted(words)), ())]
        else:
            candidates: set[int] = set()
            for i0, i1, unit in _units(words):
                if not any(distinctive[i0:i1]):
                    continue
                candidates |= self._by_unit.get(unit, set())
                for other, _ in near.get(unit, ()):
                    candidates |= self._by_unit[other]
            scored = []
            for n in candidates:
                e = self._entries[n]
                score = score_words(words, weights, distinctive, e.words, e.weights, e.distinctive, fuzzy)
                if score >= self.keep_from:
                    scored.append((score, n))
        best: dict[int, tuple[int, int]] = {}
        for score, n in scored:
            company = self._entries[n].company
            if company not in best or score > best[company][0]:
                best[company] = (score, n)
        ranked = sorted(best.values(), key=lambda s: (-s[0], self._entries[s[1]].text))[: self.limit]
        matches = tuple(self._match(score, self._entries[n]) for score, n in ranked)
        return ScreenResult(name, matches, note if not matches else "")

    def _match(self, score: int, entry: _Entry) -> Match:
        return Match(self.companies[entry.company], score, entry.text, entry.field, self._statuses[entry.company])


def screen(companies: Sequence[Company], names: Sequence[str], on: dt.date, *,
           threshold: int = DEFAULT_THRESHOLD, dataset_version: str = "", as_of: dt.date | None = None,
           local_edits: bool = False, progress: Callable[[int, int], bool | None] | None = None,
           chunk_size: int = CHUNK) -> ScreeningRun:
    """Screen ``names`` in chunks. ``progress(done, total)`` is called after each chunk; when it
    returns False the run stops and comes back marked ``cancelled`` with the results so far."""
    screener = Screener(companies, on, keep_from=min(KEEP_FROM, threshold), as_of=as_of)
    run = ScreeningRun([], threshold, on, dataset_version, as_of, local_edits, total=len(names))
    for chunk in screener.iter_chunks(names, chunk_size):
        run.results.extend(chunk)
        if progress is not None and progress(len(run.results), len(names)) is False:
            run.cancelled = len(run.results) < len(names)
            break
    return run
