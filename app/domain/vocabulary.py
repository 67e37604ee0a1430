"""The words of the data, sorted, and what a query word stands for among them (for
``app.domain.search``).

A query word finds a word when it is equal, a prefix of it (typing in progress), a word it is
part of (Chinese, which has no spaces), or, when none of those exists, a rapidfuzz misspelling
of a whole word or of a word's start. Work over the whole vocabulary yields every ``step``
words, so a caller can run it a slice at a time between events. No Qt, no I/O.
"""

from __future__ import annotations

import bisect
from typing import Generator, Iterable

from app.domain.matching import is_cjk, is_short, sorted_steps

FUZZY_CUTOFF = 75  # rapidfuzz ratio for a whole word
PREFIX_FUZZY_CUTOFF = 80  # ratio of a query word against the start of a longer word
EXACT, PREFIX, FUZZY, FUZZY_PREFIX = 1.0, 0.9, 0.8, 0.7  # how much each kind of word match counts


class Vocabulary:
    """Sorted words; ``lookup_steps`` gives the words a query word stands for, with how well."""

    def __init__(self, step: int) -> None:
        self.step = step
        self.words: list[str] = []
        self._cjk: list[str] = []
        self._truncated: dict[int, tuple[list[str], dict[str, list[str]]]] = {}

    @classmethod
    def steps(cls, words: Iterable[str], step: int) -> Generator[None, None, Vocabulary]:
        """The vocabulary of ``words`` made a slice at a time (280,000 words at 1,000,000 records)."""
        made = cls(step)
        made.words = yield from sorted_steps(words, step)
        for start in range(0, len(made.words), step):
            made._cjk += [w for w in made.words[start:start + step] if is_cjk(w)]
            yield
        return made

    def add(self, words: Iterable[str]) -> None:
        """Words new to the data, put in their places (an edit: no sort of the whole vocabulary)."""
        for word in words:
            for into in (self.words, self._cjk) if is_cjk(word) else (self.words,):
                at = bisect.bisect_left(into, word)
                if at == len(into) or into[at] != word:
                    into.insert(at, word)
        self._truncated = {}

    def remove(self, words: Iterable[str]) -> None:
        """Words no record holds any more."""
        for word in words:
            for into in (self.words, self._cjk):
                at = bisect.bisect_left(into, word)
                if at < len(into) and into[at] == word:
                    del into[at]
        self._truncated = {}

    def prefixed(self, word: str) -> list[str]:
        """The words that start with ``word`` (itself included)."""
        start = bisect.bisect_left(self.words, word)
        out = []
        for candidate in self.words[start:]:
            if not candidate.startswith(word):
                break
            out.append(candidate)
        return out

    def _truncation_steps(self, length: int) -> Generator[None, None, tuple[list[str], dict[str, list[str]]]]:
        if length not in self._truncated:
            back: dict[str, list[str]] = {}
            for i, word in enumerate(self.words):
                if len(word) > length:
                    back.setdefault(word[:length], []).append(word)
                if i % self.step == self.step - 1:
                    yield
            self._truncated[length] = (list(back), back)
        return self._truncated[length]

    def lookup_steps(self, query_word: str) -> Generator[None, None, dict[str, float]]:
        """Data words a query word stands for, each with how well (EXACT ... FUZZY_PREFIX)."""
        found: dict[str, float] = {}
        for word in self.prefixed(query_word):
            found[word] = EXACT if word == query_word else PREFIX
        if is_cjk(query_word):
            for word in self._cjk:
                if query_word in word:
                    found.setdefault(word, PREFIX)
            return found
        if found or is_short(query_word):
            return found
        yield
        # Not in the data as typed: then, and only then, a misspelling. rapidfuzz (2.7 MB) is
        # imported here, at the first misspelling, not with the window.
        from rapidfuzz import fuzz, process

        for word, score, _ in process.extract(query_word, self.words, scorer=fuzz.ratio,
                                              score_cutoff=FUZZY_CUTOFF, limit=None):
            found[word] = FUZZY * score / 100
        yield
        choices, back = yield from self._truncation_steps(len(query_word))
        for start, score, _ in process.extract(query_word, choices, scorer=fuzz.ratio,
                                               score_cutoff=PREFIX_FUZZY_CUTOFF, limit=None):
            for word in back[start]:
                found[word] = max(found.get(word, 0.0), FUZZY_PREFIX * score / 100)
        return found
