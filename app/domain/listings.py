"""Which of China's lists a company is on, and whether it is one of the 28 of April 2025.

The dataset holds every US entity the fact sheet names on China's 2025 lists (export control
lists of March and April, Unreliable Entity List entries of March, April and September), one
record per entity. Most users come for the 28 entities of April (MOFCOM Announcements No. 21
and No. 22 of 2025), so facets, columns and exports can pick them out with ``is_april_28``;
it reads the record's export-control announcement, so a user's correction of it is followed.
No Qt, no I/O.
"""

from __future__ import annotations

import re

from app.domain.model import Company
from app.domain.text import QT_TRANSLATE_NOOP

EXPORT_CONTROL, UEL = "export_control", "uel"
LIST_LABELS = {EXPORT_CONTROL: QT_TRANSLATE_NOOP("", "Export control list"),
               UEL: QT_TRANSLATE_NOOP("", "Unreliable Entity List")}

# "MOFCOM Announcement No. 21 of 2025" and "No. 22 of 2025"; UEL announcements live in another
# field, so they cannot be mistaken for these.
_APRIL = re.compile(r"\bNo\.?\s*(21|22)\s+of\s+2025\b", re.IGNORECASE)
APRIL_28 = "april_28"
APRIL_28_LABEL = QT_TRANSLATE_NOOP("", "The 28 of April 2025 (Nos. 21 and 22)")


def is_april_28(company: Company) -> bool:
    """True for the 28 entities of MOFCOM Announcements No. 21 and No. 22 of 2025."""
    return company.listed is not None and _APRIL.search(company.announcement) is not None


def lists_of(company: Company) -> tuple[str, ...]:
    """The lists a company is on (``EXPORT_CONTROL``, ``UEL``), in that order."""
    found = []
    if company.listed is not None or any(e.measure == EXPORT_CONTROL for e in company.events):
        found.append(EXPORT_CONTROL)
    if company.uel_date is not None or any(e.measure == UEL for e in company.events):
        found.append(UEL)
    return tuple(found)


def lists_text(company: Company) -> str:
    """"Export control list (MOFCOM Announcement No. 13 of 2025); Unreliable Entity List (…)"."""
    parts = []
    for key in lists_of(company):
        instrument = company.announcement if key == EXPORT_CONTROL else company.uel_announcement
        parts.append(f"{LIST_LABELS[key]} ({instrument})" if instrument else LIST_LABELS[key])
    return "; ".join(parts)
