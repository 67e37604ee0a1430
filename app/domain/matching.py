"""Name normalisation shared by search and screening: words with their spans in the original
text, case/accent folding, legal-form and generic business words, and the abbreviations the
dataset's own words are written with.

No Qt, no I/O. The word lists are deliberately short and plain: every entry is a word that
occurs in company names generally (so it says nothing about *which* company is meant), or a
spelling of a word the dataset uses.
"""

from __future__ import annotations

import heapq
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Generator, Iterable

# Legal forms neither help nor hurt a match: they are dropped before scoring names.
LEGAL_FORMS = frozenset({
    "inc", "incorporated", "llc", "lc", "pllc", "corp", "corporation", "co", "cos", "company", "companies",
    "ltd", "limited", "lp", "llp", "lllp", "partnership", "plc", "gmbh", "ag", "kg", "sa", "sas", "sarl",
    "srl", "spa", "bv", "nv", "pty", "pte", "kk", "oy", "ab", "sdn", "bhd",
})
# Words that carry no identity in a name (dropped like legal forms when scoring names).
STOPWORDS = frozenset({"the", "a", "an", "and", "of", "for", "de", "du", "la", "le", "et", "as"})

# Common business words: in a name they count for little, and alone they never make a match.
GENERIC_WORDS = frozenset({
    "technologies", "international", "engineering", "systems", "solutions", "services", "group",
    "holdings", "industries", "enterprises", "global", "laboratories", "operations", "logistics",
    "communications", "defense", "aerospace", "federal", "american", "national", "manufacturing",
    "products", "trading", "consulting", "partners", "associates", "resources", "electronics", "energy",
    "networks", "research", "development", "security", "capital", "management", "investments",
    "ventures", "dynamics", "devices", "instruments", "materials", "applications", "innovations",
    "integrated", "advanced", "applied", "digital", "software", "data", "design", "sciences",
    "scientific", "medical", "health", "supply", "equipment", "machinery", "automation", "controls",
    "power", "media", "support", "worldwide", "general", "united", "usa", "us", "america", "china",
    "north", "south", "east", "west", "new", "first", "industrial", "commercial", "corporate",
    "business", "agency", "institute", "center", "centre", "association", "foundation", "trust",
    "fund", "bank", "network", "service", "product", "system", "solution", "industry", "enterprise",
    "laboratory", "aviation", "marine", "electric", "motors", "chemicals", "metals", "mining",
    "pharmaceuticals", "transport", "shipping", "import", "export", "imports", "exports", "supplies",
    "distribution", "agencies", "tactical", "aerial", "unmanned", "vehicles", "drones", "world", "precision",
})

# Short forms of words the data uses, to their one canonical long form (both directions are
# derived from this one table).
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "uas": ("unmanned", "aerial", "systems"),
    "intl": ("international",),
    "tech": ("technologies",),
    "techs": ("technologies",),
    "technology": ("technologies",),
    "comms": ("communications",),
    "comm": ("communications",),
    "communication": ("communications",),
    "eng": ("engineering",),
    "engg": ("engineering",),
    "labs": ("laboratories",),
    "lab": ("laboratories",),
    "sys": ("systems",),
    "svcs": ("services",),
    "mfg": ("manufacturing",),
    "natl": ("national",),
    "hldgs": ("holdings",),
    "grp": ("group",),
    "defence": ("defense",),
    "ops": ("operations",),
}
# Long form (as a word tuple) -> short forms, for indexing the data so a short query finds it.
SHORT_FORMS: dict[tuple[str, ...], tuple[str, ...]] = {}
for _short, _long in ABBREVIATIONS.items():
    SHORT_FORMS[_long] = SHORT_FORMS.get(_long, ()) + (_short,)

# Chinese legal-form suffixes, longest first (a Chinese name is one run of characters).
CJK_LEGAL_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司")

# Dotted initials ("L.P.", "U.S.") are one word; apostrophes stay inside a word ("People's").
_WORD = re.compile(r"(?:[^\W_]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")
_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Word:
    """A normalised word and where it stands in the original text."""

    text: str
    start: int
    end: int


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` (NFKD also turns full-width letters into ASCII)."""
    if type(text) is str and text.isascii():  # NFKD leaves ASCII as it is, with no combining marks
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def matches(query: str, key: str) -> bool:
    """True when every word of ``query`` occurs in the folded ``key`` (plain substring test)."""
    return all(word in key for word in fold(query).split())


def is_cjk(word: str) -> bool:
    return _CJK.search(word) is not None


def words(text: str) -> list[Word]:
    """The words of ``text``, folded, with dots and apostrophes removed, and their spans."""
    out = []
    for m in _WORD.finditer(text):
        folded = fold(m.group()).replace(".", "").replace("'", "").replace("’", "")
        if folded:
            out.append(Word(folded, m.start(), m.end()))
    return out


def strip_cjk_legal(word: str) -> str:
    for suffix in CJK_LEGAL_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word


def name_words(text: str) -> list[str]:
    """The words that identify a name: legal forms and stop words dropped, abbreviations
    expanded to their long form. "Kratos UAS, Inc." -> kratos unmanned aerial systems."""
    out: list[str] = []
    for w in words(text):
        word = strip_cjk_legal(w.text) if is_cjk(w.text) else w.text
        if word in LEGAL_FORMS or word in STOPWORDS:
            continue
        out.extend(ABBREVIATIONS.get(word, (word,)))
    return out


def is_generic(word: str) -> bool:
    return word in GENERIC_WORDS


def is_short(word: str) -> bool:
    """Too short for a typo to be told from another word: only an exact match counts."""
    return len(word) <= (2 if is_cjk(word) else 3)


def sorted_steps(items: Iterable[str], step: int) -> Generator[None, None, list[str]]:
    """``sorted(items)`` in pieces of ``step`` merged a slice at a time, yielding between them:
    280,000 words in one sort would be a step of 150 ms."""
    unsorted, pieces = list(items), []
    for start in range(0, len(unsorted), step * 2):
        pieces.append(sorted(unsorted[start:start + step * 2]))
        yield
    merged, out = heapq.merge(*pieces), []
    while len(out) < len(unsorted):
        out.extend(itertools.islice(merged, step))
        yield
    return out
