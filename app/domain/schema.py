"""The fields of every record kind, event and source: label, type, whether required, limits.

One table per kind; the parsers (``app.domain.records``), the cell and form editors, the
column labels and the messages all read these, so a rule is stated once.
"""

from __future__ import annotations

from app.domain.fields import FieldSpec
from app.domain.model import CONFIDENCES, ELEMENT_CATEGORIES, EVENT_KINDS, MEASURES

CONFIDENCE = FieldSpec("confidence", "Confidence", "choice", required=True, choices=CONFIDENCES)

COMPANY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "Name", "text", required=True),
    FieldSpec("name_zh", "Chinese name", "text", max_len=200),
    FieldSpec("aliases", "Other names", "names", hint="other spellings and short names, separated by ;"),
    FieldSpec("name_confidence", "Name confidence", "choice", required=True, choices=CONFIDENCES),
    FieldSpec("announcement", "Announcement", "text"),
    FieldSpec("listed", "Listed", "date"),
    FieldSpec("effective", "In force from", "date"),
    FieldSpec("effective_time", "In force at (time)", "text", max_len=40,
              hint="time of day, where a source gives one, e.g. 12:01 (midday)"),
    FieldSpec("uel_announcement", "UEL entry", "text"),
    FieldSpec("uel_date", "UEL date", "date"),
    FieldSpec("uel_effective", "UEL in force from", "date"),
    FieldSpec("uel_effective_time", "UEL in force at (time)", "text", max_len=40,
              hint="time of day, where a source gives one"),
    FieldSpec("notes", "Notes", "multiline", max_len=5000),
)

ELEMENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("symbol", "Symbol", "symbol", required=True, max_len=3),
    FieldSpec("name", "Name", "text", required=True, max_len=80),
    FieldSpec("atomic_number", "Z", "int", required=True, lo=1, hi=118),
    FieldSpec("category", "Group", "choice", required=True, choices=ELEMENT_CATEGORIES),
    FieldSpec("announcement", "Announcement", "text", required=True),
    FieldSpec("announced", "Issued", "date", required=True),
    FieldSpec("effective", "Effective", "date", required=True),
    FieldSpec("control_code", "Control code", "text", max_len=20),
    FieldSpec("control_code_confirmed", "Code confirmed", "bool", required=True),
    FieldSpec("items", "Items covered", "multiline", max_len=5000),
    FieldSpec("notes", "Notes", "multiline", max_len=5000),
)

RESERVE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("country", "Country", "text", required=True, max_len=80),
    FieldSpec("edition", "Source", "text", required=True, max_len=64),
    FieldSpec("reserves_t", "Reserves", "tons", unit="t REO", hint="metric tons, e.g. 21000000 or 21 Mt"),
    # The years depend on the source (its data year and the year before); the Reserves tab
    # names them. Empty is NA (not available); USGS's "–" is 0.
    FieldSpec("production_t", "Mine production (data year)", "tons", unit="t REO",
              hint="metric tons in the source's data year; empty for NA, 0 for '–'"),
    FieldSpec("production_prior_t", "Mine production (year before)", "tons", unit="t REO",
              hint="metric tons in the year before the source's data year; empty for NA, 0 for '–'"),
    FieldSpec("confidence", "Confidence", "choice", required=True, choices=CONFIDENCES),
    FieldSpec("note", "Note", "text", max_len=1000),
)

EVENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("date", "Date", "date", required=True),
    FieldSpec("measure", "Measure", "choice", required=True, choices=MEASURES),
    FieldSpec("kind", "Kind", "choice", required=True, choices=EVENT_KINDS),
    FieldSpec("text", "Text", "multiline", required=True, max_len=5000),
    FieldSpec("until", "Until", "date"),
    FieldSpec("until_confirmed", "End date confirmed", "bool", required=True),
    CONFIDENCE,
)

SOURCE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "Title", "text", required=True, max_len=500),
    FieldSpec("url", "URL", "url", max_len=2000),
    CONFIDENCE,
)

# Lists edited as text in the record form (one entry a line), not columns of any table.
SOURCES_FIELD = FieldSpec("sources", "Sources (one per line: title | URL | confidence)", "sources")
SHARES_FIELD = FieldSpec("shares", "China's share (one per line: ~percent | basis | year | confidence | "
                         "source title | source URL)", "shares")
