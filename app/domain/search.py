"""Forgiving search over every record: an index of names, aliases, Chinese names, symbols,
announcements, items covered, notes and timeline text, ranked results that say why they matched
(the field, its text and the spans of the matched words, for highlighting).

A query word finds a word of the data when it is equal, a prefix of it (typing in progress),
or, when neither exists anywhere in the data, a rapidfuzz misspelling of it ("insito" -> Insitu,
"brwn" -> Brown). Case, accents, punctuation and word order do not matter; legal-form and stop
words in a query are ignored; the dataset's abbreviations work both ways (UAS / Unmanned Aerial
Systems, Intl / International, Tech / Technologies, Comms / Communications). Every query word
must be found somewhere in a record (across its fields).

The index is built for 1,000,000 records: a record's own words (name, aliases, symbol, country)
are posted per record, while the texts many records share (an announcement, the timeline of a
listing, a note) are indexed once per distinct set of them (a "group"). Why a record matched is
worked out from its fields only for the results returned; what a query word stands for among the
data's words is ``app.domain.vocabulary``'s. ``matching_steps`` does the filter-box
work in small steps, so a window can stay responsive at any size. No Qt, no I/O.
"""

from __future__ import annotations

from typing import Any, Generator, Sequence

from app.domain.kinds import KIND_KEYS
from app.domain.matching import LEGAL_FORMS, STOPWORDS, words
from app.domain.model import Dataset
from app.domain.search_fields import (OWN_FIELDS, WEIGHTS, FieldHit, SearchResult, fields, indexed_words,
                                      merge_spans, texts, title)
from app.domain.vocabulary import Vocabulary

__all__ = ["FieldHit", "SearchResult", "SearchIndex", "KINDS"]

KINDS = KIND_KEYS
STEP = 20_000  # elements touched between two yields of the step-wise filter
FEW = 2_000  # candidates left few enough to check one by one for the query's next word


class _Part:
    """The postings of one kind: own words per record, shared texts per group of records."""

    def __init__(self) -> None:
        self.own: dict[str, list[int]] = {}  # word -> record positions
        self.shared: dict[str, list[int]] = {}  # word -> groups
        self.groups: dict[tuple, int] = {}  # the shared (field, text) pairs -> group
        self.group_words: list[dict[str, float]] = []  # group -> word -> best field weight
        self.group_records: list[list[int]] = []  # group -> record positions


class SearchIndex:
    """Built once per dataset and updated record by record (``update``); ``search`` and
    ``matching_ids`` are called on every keystroke. Made with ``build=False``, it indexes its
    records when asked: ``build(steps)`` a thousand records a step (a window can do it between
    events), ``matching_steps`` as it goes, any other call at once."""

    def __init__(self, dataset: Dataset, *, build: bool = True) -> None:
        self.dataset = dataset
        self._records: list[Any] = []  # position -> record
        self._kind_at: list[str] = []  # position -> kind
        self._group_at: list[int] = []  # position -> its group in its kind's part
        self._dead: set[int] = set()  # positions of records replaced or removed by ``update``
        self._where: dict[str, dict[str, int]] = {k: {} for k in KINDS}  # kind -> id -> live position
        self._parts = {kind: _Part() for kind in KINDS}
        self._vocab_set: set[str] = set()
        self._word_cache: dict[str, frozenset[str]] = {}
        self._vocab = Vocabulary(STEP)
        self._pending: Generator[None, None, None] | None = self._indexing()
        if build:
            self.build()

    # --- building and updating -----------------------------------------------------------
    def _indexing(self) -> Generator[None, None, None]:
        for kind, records in (("companies", self.dataset.companies), ("elements", self.dataset.elements),
                              ("reserves", self.dataset.reserves)):
            for i, record in enumerate(records):
                self._add(kind, record)
                if i % 1000 == 999:
                    yield
        self._word_cache = {}
        yield
        self._vocab = yield from Vocabulary.steps(self._vocab_set, STEP)

    def ready(self) -> bool:
        """Whether every record is indexed."""
        return self._pending is None

    def build(self, steps: int | None = None) -> bool:
        """Index the records not indexed yet: all of them, or ``steps`` steps of about a thousand
        records; True once every record is."""
        while self._pending is not None and (steps is None or steps > 0):
            try:
                next(self._pending)
            except StopIteration:
                self._pending = None
            steps = None if steps is None else steps - 1
        return self._pending is None

    def _word_set(self, text: str) -> frozenset[str]:
        found = self._word_cache.get(text)
        if found is None:
            found = frozenset(w for w, _, _ in indexed_words(text))
            if len(self._word_cache) < 100_000:
                self._word_cache[text] = found
        return found

    def _add(self, kind: str, record: Any) -> int:
        position = len(self._records)
        self._records.append(record)
        self._kind_at.append(kind)
        part = self._parts[kind]
        own: set[str] = set()
        shared = []
        for name, text in texts(record, self.dataset):
            if not text:
                continue
            if name in OWN_FIELDS:
                own.update(w for w, _, _ in indexed_words.__wrapped__(text))  # unique: not cached
            else:
                shared.append((name, text))
        key = tuple(shared)
        group = part.groups.get(key)
        if group is None:
            group = len(part.group_records)
            part.groups[key] = group
            weights: dict[str, float] = {}
            for name, text in shared:
                weight = WEIGHTS[name]
                for word in self._word_set(text):
                    if weights.get(word, 0.0) < weight:
                        weights[word] = weight
            part.group_words.append(weights)
            part.group_records.append([])
            for word in weights:
                part.shared.setdefault(word, []).append(group)
            self._vocab_set.update(weights)
        part.group_records[group].append(position)
        self._group_at.append(group)
        for word in own:
            postings = part.own.get(word)
            if postings is None:
                part.own[word] = [position]
                self._vocab_set.add(word)
            else:
                postings.append(position)
        self._where[kind][record.id] = position
        return position

    def update(self, kind: str, record_id: str, record: Any | None) -> None:
        """The record ``record_id`` of ``kind`` is now ``record`` (None: it is gone)."""
        self.build()
        old = self._where[kind].pop(record_id, None)
        if old is not None:
            self._dead.add(old)
            gone = {w for w in self._words_of(self._records[old]) if not self._alive(w)}
            self._vocab_set.difference_update(gone)
            self._vocab.remove(gone)
        if record is not None:
            new = self._words_of(record) - self._vocab_set
            self._add(kind, record)
            self._vocab.add(new)

    def _words_of(self, record: Any) -> set[str]:
        return {w for _, text in texts(record, self.dataset) if text for w, _, _ in indexed_words(text)}

    def _alive(self, word: str) -> bool:
        for part in self._parts.values():
            if any(r not in self._dead for r in part.own.get(word, ())):
                return True
            for group in part.shared.get(word, ()):
                if any(r not in self._dead for r in part.group_records[group]):
                    return True
        return False

    # --- word lookup ---------------------------------------------------------------------
    def lookup(self, query_word: str) -> dict[str, float]:
        """Data words a query word stands for, each with how well (EXACT ... FUZZY_PREFIX)."""
        self.build()
        return _run(self._vocab.lookup_steps(query_word))

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
        self.build()
        lookups = []
        for qword in qwords:
            hits = self.lookup(qword)
            if not hits:
                return []
            lookups.append(hits)
        results = []
        for kind in KINDS:
            if kind in kinds:
                results += self._ranked(kind, lookups)
        # Ties keep the order the words were found in: the query's first word's data words in
        # lookup order, then the record's place in the data.
        results.sort(key=lambda r: (-r[0], KINDS.index(self._kind_at[r[2]]), r[3], r[1], r[2]))
        if limit is not None:
            results = results[:limit]
        return [self._result(position, score, lookups) for score, _, position, _ in results]

    def _ranked(self, kind: str, lookups: list[dict[str, float]]) -> list[tuple[float, int, int, str]]:
        part = self._parts[kind]
        best: list[dict[int, float]] = []
        first: dict[int, int] = {}  # record -> rank of the first of the query's first word's data words in it
        for qi, hits in enumerate(lookups):
            scores: dict[int, float] = {}
            group_best: dict[int, float] = {}
            group_first: dict[int, int] = {}
            for rank, (word, quality) in enumerate(hits.items()):
                for position in part.own.get(word, ()):
                    if scores.get(position, 0.0) < quality:
                        scores[position] = quality
                    if qi == 0 and position not in first:
                        first[position] = rank
                for group in part.shared.get(word, ()):
                    weighted = quality * part.group_words[group][word]
                    if group_best.get(group, 0.0) < weighted:
                        group_best[group] = weighted
                    group_first.setdefault(group, rank)
            for group, weighted in group_best.items():
                rank = group_first[group]
                for position in part.group_records[group]:
                    if scores.get(position, 0.0) < weighted:
                        scores[position] = weighted
                    if qi == 0 and first.get(position, rank + 1) > rank:
                        first[position] = rank
            best.append(scores)
        found = set(best[0]).intersection(*best[1:]) - self._dead
        out = []
        for position in found:
            score = round(100 * sum(b[position] for b in best) / len(best), 1)
            named = title(kind, self._records[position], self.dataset)
            out.append((score, first[position], position, named.casefold()))
        return out

    def _result(self, position: int, score: float, lookups: list[dict[str, float]]) -> SearchResult:
        kind, record = self._kind_at[position], self._records[position]
        ranks = [{word: rank for rank, word in enumerate(hits)} for hits in lookups]
        hits_found = []
        for order, (name, label, text, event_id) in enumerate(fields(record, self.dataset)):
            spans: set[tuple[int, int]] = set()
            quality = [0.0] * len(lookups)
            seen = (len(lookups), 0)
            for word, start, end in indexed_words(text):
                for qi, hits in enumerate(lookups):
                    if word in hits:
                        spans.add((start, end))
                        quality[qi] = max(quality[qi], hits[word])
                        seen = min(seen, (qi, ranks[qi][word]))
            if spans:
                field_score = 100 * sum(quality) / len(lookups) * WEIGHTS[name]
                hit = FieldHit(name, label, text, merge_spans(spans), round(field_score, 1), event_id)
                hits_found.append((seen, order, hit))
        hits_found.sort(key=lambda h: (h[0], h[1]))
        ordered = sorted((h for _, _, h in hits_found), key=lambda h: -h.score)
        return SearchResult(kind, record.id, title(kind, record, self.dataset), record, score, tuple(ordered))

    def matching_ids(self, query: str, kind: str) -> set[str]:
        """Ids of the records of one kind the query finds (for a tab's own filter box)."""
        return _run(self.matching_steps(query, kind))

    def matching_steps(self, query: str, kind: str) -> Generator[None, None, set[str]]:
        """``matching_ids`` as a generator that yields every few thousand elements of work and
        returns the ids: a caller can run it a slice at a time between events."""
        qwords = self.query_words(query)
        while not self.build(steps=1):  # an index still being built: a step at a time, too
            yield
        part = self._parts[kind]
        found: set[int] | None = None
        for qword in qwords:
            hits = yield from self._vocab.lookup_steps(qword)
            if found is not None and len(found) < FEW:
                found = {p for p in found if self._has_word(kind, p, hits)}
                yield
                if not found:
                    return set()
                continue
            these: set[int] = set()
            groups: set[int] = set()
            work = 0
            for word in hits:
                groups.update(part.shared.get(word, ()))
                postings = part.own.get(word, ())
                work += 1
                for start in range(0, len(postings), STEP):
                    these.update(postings[start:start + STEP])
                    work += min(STEP, len(postings) - start)
                    if work >= STEP:
                        work = 0
                        yield
            for group in groups:
                members = part.group_records[group]
                for start in range(0, len(members), STEP):
                    these.update(members[start:start + STEP])
                    yield
            if found is None:
                found = these
            else:  # the intersection, a slice at a time
                small, large = (found, these) if len(found) <= len(these) else (these, found)
                found, listed = set(), list(small)
                for start in range(0, len(listed), STEP):
                    found.update(p for p in listed[start:start + STEP] if p in large)
                    yield
            yield
            if not found:
                return set()
        if not found:
            return set()
        found -= self._dead
        yield
        records, ids, positions = self._records, set(), list(found)
        for start in range(0, len(positions), STEP):
            ids.update([records[p].id for p in positions[start:start + STEP]])
            yield
        return ids


    def _has_word(self, kind: str, position: int, hits: dict[str, float]) -> bool:
        """Whether one of ``hits`` is a word of the record at ``position`` (a few candidates
        are checked one by one rather than through the postings of every word in ``hits``)."""
        group_words = self._parts[kind].group_words[self._group_at[position]]
        if len(hits) < len(group_words):
            if any(word in group_words for word in hits):
                return True
        elif any(word in hits for word in group_words):
            return True
        return any(word in hits for name, text in texts(self._records[position], self.dataset)
                   if text and name in OWN_FIELDS for word, _, _ in indexed_words(text))


def _run(steps: Generator[None, None, Any]) -> Any:
    """Run a step-wise computation to its end and return its result."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


