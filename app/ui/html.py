"""HTML built from parts that are already escaped.

``Markup`` is text known to be HTML; everything else that goes into ``tag``/``join`` is
escaped on the way in, so data from a file can never become markup by forgetting a call.

Escaping is ``html.escape(text, quote=True)``'s, as one ``str.translate`` (a test checks the
two agree): importing ``html`` loads its table of 2,231 named entities, 0.4 MB at start-up,
for a function that needs five.
"""

from __future__ import annotations

from typing import Iterable

# What html.escape(quote=True) replaces, and with what.
ESCAPES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#x27;"}


class Markup(str):
    """A string that is already HTML (made by this module)."""


def esc(value: object) -> Markup:
    if isinstance(value, Markup):
        return value
    return Markup(("" if value is None else str(value)).translate(ESCAPES))


def join(parts: Iterable[object], sep: object = "") -> Markup:
    return Markup(esc(sep).join(esc(p) for p in parts))


def tag(name: str, *children: object, **attrs: object) -> Markup:
    """``<name attr="...">children</name>``; attribute names use ``_`` for ``-`` and a
    trailing ``_`` for Python keywords (``class_``)."""
    attributes = "".join(f' {key.rstrip("_").replace("_", "-")}="{esc(value)}"'
                         for key, value in attrs.items() if value is not None)
    return Markup(f"<{name}{attributes}>{join(children)}</{name}>")


def br() -> Markup:
    return Markup("<br>")


def styled(text: object, colour: str, bold: bool = False) -> Markup:
    return tag("span", text, style=f"color:{colour}" + (";font-weight:bold" if bold else ""))
