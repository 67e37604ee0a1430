"""Refusals from the domain ("Reserves: must not be negative (got '-5')") in the user's language.

The domain words its validation messages in English, naming the field by its label and the rule
broken; the storage and the command line keep that English. The window translates the label
(every field label is in the catalogue) and, where the rule is one of the known ones below, the
rule, filling in its values. A rule not listed here is shown as the domain wrote it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.domain import schema as S
from app.domain.kinds import KINDS
from app.ui.i18n import QT_TRANSLATE_NOOP, tr

# (pattern of the English rule, its template). Patterns are anchored; named groups fill the
# template's fields. More specific rules come before the general ones they would also match.
RULES: tuple[tuple[str, str], ...] = (
    (r"must be text", QT_TRANSLATE_NOOP("", "must be text")),
    (r"must be at most (?P<n>[0-9,]+) characters", QT_TRANSLATE_NOOP("", "must be at most {n} characters")),
    (r"must not be empty", QT_TRANSLATE_NOOP("", "must not be empty")),
    (r"contains an invalid character \(lone surrogate\)",
     QT_TRANSLATE_NOOP("", "contains an invalid character (lone surrogate)")),
    (r"contains a bidirectional override character",
     QT_TRANSLATE_NOOP("", "contains a bidirectional override character")),
    (r"contains an invisible character \((?P<code>U\+[0-9A-F]+)\)",
     QT_TRANSLATE_NOOP("", "contains an invisible character ({code})")),
    (r"contains a control character", QT_TRANSLATE_NOOP("", "contains a control character")),
    (r"is required \(YYYY-MM-DD\)", QT_TRANSLATE_NOOP("", "is required (YYYY-MM-DD)")),
    (r"must be a date YYYY-MM-DD", QT_TRANSLATE_NOOP("", "must be a date YYYY-MM-DD")),
    (r"is not a date that exists", QT_TRANSLATE_NOOP("", "is not a date that exists")),
    (r"must be between (?P<lo>\S+) and (?P<hi>\S+)", QT_TRANSLATE_NOOP("", "must be between {lo} and {hi}")),
    (r"is required", QT_TRANSLATE_NOOP("", "is required")),
    (r"must be a number of metric tons, e\.g\. 21000000 or 21 Mt",
     QT_TRANSLATE_NOOP("", "must be a number of metric tons, e.g. 21000000 or 21 Mt")),
    (r"must be a number of metric tons", QT_TRANSLATE_NOOP("", "must be a number of metric tons")),
    (r"must be a finite number", QT_TRANSLATE_NOOP("", "must be a finite number")),
    (r"must not be negative", QT_TRANSLATE_NOOP("", "must not be negative")),
    (r"a decimal comma is not accepted: write 1\.5 \(a point\), or 1,500 with full groups of three digits",
     QT_TRANSLATE_NOOP("", "a decimal comma is not accepted: write 1.5 (a point), or 1,500 with full groups of "
                           "three digits")),
    (r"must be at most (?P<n>[0-9,]+) t", QT_TRANSLATE_NOOP("", "must be at most {n} t")),
    (r"must be whole metric tons", QT_TRANSLATE_NOOP("", "must be whole metric tons")),
    (r"must be a whole number", QT_TRANSLATE_NOOP("", "must be a whole number")),
    (r"must be one of (?P<choices>.+)", QT_TRANSLATE_NOOP("", "must be one of {choices}")),
    (r"must be true or false", QT_TRANSLATE_NOOP("", "must be true or false")),
    (r"must be a chemical symbol such as Ga or Sm",
     QT_TRANSLATE_NOOP("", "must be a chemical symbol such as Ga or Sm")),
    (r"must start with http://, https:// or file:",
     QT_TRANSLATE_NOOP("", "must start with http://, https:// or file:")),
    (r"must be a list of names", QT_TRANSLATE_NOOP("", "must be a list of names")),
    (r"must have at most 50 names", QT_TRANSLATE_NOOP("", "must have at most 50 names")),
    (r"must be a number from 0 to 100", QT_TRANSLATE_NOOP("", "must be a number from 0 to 100")),
    (r"line (?P<n>[0-9]+): write title \| URL \| confidence",
     QT_TRANSLATE_NOOP("", "line {n}: write title | URL | confidence")),
    (r"write percent \| basis \| year \| confidence \| source title \| source URL",
     QT_TRANSLATE_NOOP("", "write percent | basis | year | confidence | source title | source URL")),
    (r"must not be after the date it took effect \((?P<other>[^:]+): (?P<date>[^)]*)\)",
     QT_TRANSLATE_NOOP("", "must not be after the date it took effect ({other}: {date})")),
    (r"is before the date it was announced", QT_TRANSLATE_NOOP("", "is before the date it was announced")),
    (r"is before the announcement date", QT_TRANSLATE_NOOP("", "is before the announcement date")),
    (r"only a suspension has an end date", QT_TRANSLATE_NOOP("", "only a suspension has an end date")),
    (r"ends \((?P<end>[0-9-]+)\) before it starts \((?P<start>[0-9-]+)\)",
     QT_TRANSLATE_NOOP("", "ends ({end}) before it starts ({start})")),
    (r"a company needs a listing \(export control list or UEL\)",
     QT_TRANSLATE_NOOP("", "a company needs a listing (export control list or UEL)")),
    (r"an export control listing's time of day needs its in-force date",
     QT_TRANSLATE_NOOP("", "an export control listing's time of day needs its in-force date")),
    (r"an UEL entry's time of day needs its in-force date",
     QT_TRANSLATE_NOOP("", "an UEL entry's time of day needs its in-force date")),
    (r"an export control listing needs both its announcement and its date",
     QT_TRANSLATE_NOOP("", "an export control listing needs both its announcement and its date")),
    (r"an UEL entry needs both its announcement and its date",
     QT_TRANSLATE_NOOP("", "an UEL entry needs both its announcement and its date")),
    (r"an export control listing needs its announcement date first",
     QT_TRANSLATE_NOOP("", "an export control listing needs its announcement date first")),
    (r"an UEL entry needs its announcement date first",
     QT_TRANSLATE_NOOP("", "an UEL entry needs its announcement date first")),
    (r"already used by (?P<other>.+)", QT_TRANSLATE_NOOP("", "already used by {other}")),
    (r"unknown source (?P<source>.+)", QT_TRANSLATE_NOOP("", "unknown source {source}")),
    # Record-level rules (app.domain.records, app.domain.workspace): about a field's key, not its label.
    (r"is missing", QT_TRANSLATE_NOOP("", "is missing")),
    (r"unknown field", QT_TRANSLATE_NOOP("", "unknown field")),
    (r"must be an object", QT_TRANSLATE_NOOP("", "must be an object")),
    (r"must be a list", QT_TRANSLATE_NOOP("", "must be a list")),
    (r"has more than (?P<n>[0-9,]+) entries", QT_TRANSLATE_NOOP("", "has more than {n} entries")),
    (r"duplicate event id (?P<id>.+)", QT_TRANSLATE_NOOP("", "duplicate event id {id}")),
    (r"cannot be changed", QT_TRANSLATE_NOOP("", "cannot be changed")),
    (r"(?P<id>'.*') is already used", QT_TRANSLATE_NOOP("", "{id} is already used")),
)
# Whole refusals that name no field.
SENTENCES: tuple[tuple[str, str], ...] = (
    (r"a record you added has no bundled version; delete it instead",
     QT_TRANSLATE_NOOP("", "a record you added has no bundled version; delete it instead")),
    (r"(?P<kind>companies|elements|reserves) has no record (?P<id>.+)",
     QT_TRANSLATE_NOOP("", "{kind} has no record {id}")),
)
_COMPILED = tuple((re.compile(pattern + r"\Z"), template) for pattern, template in RULES)
_SENTENCES = tuple((re.compile(pattern + r"\Z"), template) for pattern, template in SENTENCES)
# A field named by its key or path ("id", "events[2].until", "record"), as record-level rules name it.
_FIELD_KEY = re.compile(r"(?P<field>[a-z_][a-z0-9_]*(?:\[[0-9]+\]|\.[a-z_][a-z0-9_]*)*): (?P<rule>.+)\Z",
                        re.DOTALL)
_GOT = re.compile(r"^(?P<rule>.*?) \(got (?P<value>.*)\)\Z", re.DOTALL)
EXTRA_LABELS = (QT_TRANSLATE_NOOP("", "Status date"), QT_TRANSLATE_NOOP("", "Country and source"))


@lru_cache(maxsize=1)
def known_labels() -> tuple[str, ...]:
    """Every field label a refusal may start with, longest first (so "UEL in force from" is
    found before a shorter label that begins it)."""
    labels = {spec.label for kind in KINDS.values() for spec in kind.form_fields}
    labels |= {spec.label for spec in (*S.EVENT_FIELDS, *S.SOURCE_FIELDS)}
    labels |= {kind.unique_what.capitalize() for kind in KINDS.values() if kind.unique_what}
    labels |= set(EXTRA_LABELS)
    return tuple(sorted(labels, key=len, reverse=True))


def rule_text(rule: str) -> str:
    """A rule in the user's language (as written when it is not a known one)."""
    got = _GOT.match(rule)
    if got is not None:
        return tr("{rule} (got {value})").format(rule=rule_text(got["rule"]), value=got["value"])
    for pattern, template in _COMPILED:
        match = pattern.match(rule)
        if match is not None:
            values = match.groupdict()
            if "other" in values and values["other"] in known_labels():
                values["other"] = tr(values["other"])
            return tr(template).format(**values)
    return rule


def refusal_text(message: str) -> str:
    """"<field label>: <rule>" in the user's language; a known rule about a field key ("id: cannot
    be changed") with the key as it is; other messages as they are."""
    for label in known_labels():
        if message.startswith(label + ": "):
            return tr("{field}: {rule}").format(field=tr(label), rule=rule_text(message[len(label) + 2:]))
    for pattern, template in _SENTENCES:
        match = pattern.match(message)
        if match is not None:
            values = match.groupdict()
            if "kind" in values:  # a kind of record by its key ("companies"): in words, as the tabs name it
                values["kind"] = tr(KINDS[values["kind"]].plural)
            return tr(template).format(**values)
    keyed = _FIELD_KEY.match(message)
    if keyed is not None:
        rule = rule_text(keyed["rule"])
        if rule != keyed["rule"]:
            return tr("{field}: {rule}").format(field=keyed["field"], rule=rule)
    return message
