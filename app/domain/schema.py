"""The fields of every record kind, event and source: label, type, whether required, limits.

One table per kind; the parsers (``app.domain.records``), the cell and form editors, the
column labels and the messages all read these, so a rule is stated once. Labels, hints and units
are marked for translation (``app.domain.text``): the window shows them translated, exports in
English.
"""

from __future__ import annotations

from app.domain.fields import FieldSpec
from app.domain.model import CONFIDENCES, ELEMENT_CATEGORIES, EVENT_KINDS, MEASURES
from app.domain.text import QT_TRANSLATE_NOOP

T_REO = QT_TRANSLATE_NOOP("", "t REO")  # metric tons of rare-earth oxide equivalent

CONFIDENCE = FieldSpec("confidence", QT_TRANSLATE_NOOP("", "Confidence"), "choice", required=True,
                       choices=CONFIDENCES)

COMPANY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", QT_TRANSLATE_NOOP("", "Name"), "text", required=True),
    FieldSpec("name_zh", QT_TRANSLATE_NOOP("", "Chinese name"), "text", max_len=200),
    FieldSpec("aliases", QT_TRANSLATE_NOOP("", "Other names"), "names",
              hint=QT_TRANSLATE_NOOP("", "other spellings and short names, separated by ;")),
    FieldSpec("name_confidence", QT_TRANSLATE_NOOP("", "Name confidence"), "choice", required=True,
              choices=CONFIDENCES),
    FieldSpec("announcement", QT_TRANSLATE_NOOP("", "Announcement"), "text"),
    FieldSpec("listed", QT_TRANSLATE_NOOP("", "Listed"), "date"),
    FieldSpec("effective", QT_TRANSLATE_NOOP("", "In force from"), "date"),
    FieldSpec("effective_time", QT_TRANSLATE_NOOP("", "In force at (time)"), "text", max_len=40,
              hint=QT_TRANSLATE_NOOP("", "time of day, where a source gives one, e.g. 12:01 (midday)")),
    FieldSpec("uel_announcement", QT_TRANSLATE_NOOP("", "UEL entry"), "text"),
    FieldSpec("uel_date", QT_TRANSLATE_NOOP("", "UEL date"), "date"),
    FieldSpec("uel_effective", QT_TRANSLATE_NOOP("", "UEL in force from"), "date"),
    FieldSpec("uel_effective_time", QT_TRANSLATE_NOOP("", "UEL in force at (time)"), "text", max_len=40,
              hint=QT_TRANSLATE_NOOP("", "time of day, where a source gives one")),
    FieldSpec("notes", QT_TRANSLATE_NOOP("", "Notes"), "multiline", max_len=5000),
)

ELEMENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("symbol", QT_TRANSLATE_NOOP("", "Symbol"), "symbol", required=True, max_len=3),
    FieldSpec("name", QT_TRANSLATE_NOOP("", "Name"), "text", required=True, max_len=80),
    FieldSpec("atomic_number", QT_TRANSLATE_NOOP("", "Z"), "int", required=True, lo=1, hi=118),
    FieldSpec("category", QT_TRANSLATE_NOOP("", "Group"), "choice", required=True, choices=ELEMENT_CATEGORIES),
    FieldSpec("announcement", QT_TRANSLATE_NOOP("", "Announcement"), "text", required=True),
    FieldSpec("announced", QT_TRANSLATE_NOOP("", "Issued"), "date", required=True),
    FieldSpec("effective", QT_TRANSLATE_NOOP("", "Effective"), "date", required=True),
    FieldSpec("control_code", QT_TRANSLATE_NOOP("", "Control code"), "text", max_len=20),
    FieldSpec("control_code_confirmed", QT_TRANSLATE_NOOP("", "Code confirmed"), "bool", required=True),
    FieldSpec("items", QT_TRANSLATE_NOOP("", "Items covered"), "multiline", max_len=5000),
    FieldSpec("notes", QT_TRANSLATE_NOOP("", "Notes"), "multiline", max_len=5000),
)

RESERVE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("country", QT_TRANSLATE_NOOP("", "Country"), "text", required=True, max_len=80),
    FieldSpec("edition", QT_TRANSLATE_NOOP("", "Source"), "text", required=True, max_len=64),
    FieldSpec("reserves_t", QT_TRANSLATE_NOOP("", "Reserves"), "tons", unit=T_REO,
              hint=QT_TRANSLATE_NOOP("", "metric tons, e.g. 21000000 or 21 Mt")),
    # The years depend on the source (its data year and the year before); the Reserves tab
    # names them. Empty is NA (not available); USGS's "–" is 0.
    FieldSpec("production_t", QT_TRANSLATE_NOOP("", "Mine production (data year)"), "tons", unit=T_REO,
              hint=QT_TRANSLATE_NOOP("", "metric tons in the source's data year; empty for NA, 0 for '–'")),
    FieldSpec("production_prior_t", QT_TRANSLATE_NOOP("", "Mine production (year before)"), "tons", unit=T_REO,
              hint=QT_TRANSLATE_NOOP("", "metric tons in the year before the source's data year; empty for NA, "
                                         "0 for '–'")),
    FieldSpec("confidence", QT_TRANSLATE_NOOP("", "Confidence"), "choice", required=True, choices=CONFIDENCES),
    FieldSpec("note", QT_TRANSLATE_NOOP("", "Note"), "text", max_len=1000),
)

EVENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("date", QT_TRANSLATE_NOOP("", "Date"), "date", required=True),
    FieldSpec("measure", QT_TRANSLATE_NOOP("", "Measure"), "choice", required=True, choices=MEASURES),
    FieldSpec("kind", QT_TRANSLATE_NOOP("", "Kind"), "choice", required=True, choices=EVENT_KINDS),
    FieldSpec("text", QT_TRANSLATE_NOOP("", "Text"), "multiline", required=True, max_len=5000),
    FieldSpec("until", QT_TRANSLATE_NOOP("", "Until"), "date"),
    FieldSpec("until_confirmed", QT_TRANSLATE_NOOP("", "End date confirmed"), "bool", required=True),
    CONFIDENCE,
)

SOURCE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", QT_TRANSLATE_NOOP("", "Title"), "text", required=True, max_len=500),
    FieldSpec("url", QT_TRANSLATE_NOOP("", "URL"), "url", max_len=2000),
    CONFIDENCE,
)

# Lists edited as text in the record form (one entry a line), not columns of any table.
SOURCES_FIELD = FieldSpec("sources", QT_TRANSLATE_NOOP("", "Sources (one per line: title | URL | confidence)"),
                          "sources")
SHARES_FIELD = FieldSpec("shares", QT_TRANSLATE_NOOP("", "China's share (one per line: ~percent | basis | year | "
                                                         "confidence | source title | source URL)"), "shares")
