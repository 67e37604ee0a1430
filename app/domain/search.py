"""Search keys that ignore case and accents, so "oceaneering" finds "Oceaneering" and
"estadao" finds "Estadão"."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` for substring matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def matches(query: str, key: str) -> bool:
    """True when every word of ``query`` occurs in the folded ``key``."""
    return all(word in key for word in fold(query).split())
