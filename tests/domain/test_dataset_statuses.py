"""Statuses of every kind of measure in the bundled dataset, on dates before the as-of date
(2025-11-10), on it, and after it: a status past the as-of date says how far the data reaches,
a suspension ending within 30 days shows the days left, an ended one asks to verify."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.status import record_status

D = dt.date
TAIL = " · data to 2025-11-10, verify"

# (record id, measure): labels on 2025-04-09, 2025-09-01 (before the as-of date), 2025-11-10 (on it),
# 2025-12-01, 2026-11-01 and 2026-12-01 (after it).
DATES = (D(2025, 4, 9), D(2025, 9, 1), D(2025, 11, 10), D(2025, 12, 1), D(2026, 11, 1), D(2026, 12, 1))
EXPECTED = {
    # export control, No. 21 (4 Apr 2025): suspended, extended twice, end date of the last unconfirmed
    ("high-point-aerotechnologies-llc", "export_control"): (
        "In force since 2025-04-04", "Suspended until 2025-11-10",
        "Suspended until 2026-11-10 (end date unconfirmed)",
        "Suspended until 2026-11-10 (end date unconfirmed)" + TAIL,
        "Suspended until 2026-11-10 (end date unconfirmed) · 9 days left" + TAIL,
        "Suspension ended 2026-11-10; no later data, verify"),
    # export control, No. 22: issued 9 Apr, in force 10 Apr 12:01, lifted 12 Aug 2025
    ("echodyne", "export_control"): (
        "Announced 2025-04-09, in force from 2025-04-10", "Lifted 2025-08-12", "Lifted 2025-08-12",
        "Lifted 2025-08-12" + TAIL, "Lifted 2025-08-12" + TAIL, "Lifted 2025-08-12" + TAIL),
    # export control, No. 13 (4 Mar 2025): lifted from 10 Nov 2025 (MED)
    ("leidos", "export_control"): (
        "In force since 2025-03-04", "In force since 2025-03-04", "Lifted 2025-11-10",
        "Lifted 2025-11-10" + TAIL, "Lifted 2025-11-10" + TAIL, "Lifted 2025-11-10" + TAIL),
    # UEL No. 7 (4 Apr 2025): 90 days, 90 days, one year (end date unconfirmed)
    ("skydio", "uel"): (
        "In force since 2025-04-04", "Suspended until 2025-11-10",
        "Suspended until 2026-11-10 (end date unconfirmed)",
        "Suspended until 2026-11-10 (end date unconfirmed)" + TAIL,
        "Suspended until 2026-11-10 (end date unconfirmed) · 9 days left" + TAIL,
        "Suspension ended 2026-11-10; no later data, verify"),
    # UEL No. 8: issued 9 Apr, in force 10 Apr; suspended with no period, ceased 12 Aug 2025
    ("shield-ai-inc", "uel"): (
        "Announced 2025-04-09, in force from 2025-04-10", "Lifted 2025-08-12", "Lifted 2025-08-12",
        "Lifted 2025-08-12" + TAIL, "Lifted 2025-08-12" + TAIL, "Lifted 2025-08-12" + TAIL),
    # UEL of 4 Mar 2025: lifted from 10 Nov 2025 (MED)
    ("cubic-corporation", "uel"): (
        "In force since 2025-03-04", "In force since 2025-03-04", "Lifted 2025-11-10",
        "Lifted 2025-11-10" + TAIL, "Lifted 2025-11-10" + TAIL, "Lifted 2025-11-10" + TAIL),
    # UEL of 25 Sep 2025: nothing later in the data
    ("aerkomm", "uel"): (
        "Not in force", "Not in force", "In force since 2025-09-25", "In force since 2025-09-25" + TAIL,
        "In force since 2025-09-25" + TAIL, "In force since 2025-09-25" + TAIL),
    # element licence requirement, No. 18 (April rare earths)
    ("samarium", "export_control"): (
        "In force since 2025-04-04", "In force since 2025-04-04", "In force since 2025-04-04",
        "In force since 2025-04-04" + TAIL, "In force since 2025-04-04" + TAIL, "In force since 2025-04-04" + TAIL),
    # element licence requirement, No. 57 (October rare earths): suspended before it took effect
    ("holmium", "export_control"): (
        "Not in force", "Not in force", "Suspended until 2026-11-10", "Suspended until 2026-11-10" + TAIL,
        "Suspended until 2026-11-10 · 9 days left" + TAIL, "Suspension ended 2026-11-10; no later data, verify"),
    # No. 46 clause 1: never reported suspended
    ("gallium", "us_military"): ("In force since 2024-12-03",) * 3 + ("In force since 2024-12-03" + TAIL,) * 3,
    # No. 46 clause 2: suspended 9 Nov 2025 to 27 Nov 2026 by No. 72
    ("graphite", "us_ban"): (
        "In force since 2024-12-03", "In force since 2024-12-03", "Suspended until 2026-11-27",
        "Suspended until 2026-11-27" + TAIL, "Suspended until 2026-11-27 · 26 days left" + TAIL,
        "Suspension ended 2026-11-27; no later data, verify"),
}


@pytest.mark.parametrize("record_id, measure", list(EXPECTED))
def test_status_of_every_kind_of_measure_through_time(dataset, record_id, measure):
    record = next(r for r in [*dataset.companies, *dataset.elements] if r.id == record_id)
    got = tuple(record_status(record, measure, on, dataset.info.as_of).label for on in DATES)
    assert got == EXPECTED[record_id, measure]


def test_statuses_never_say_verify_up_to_the_as_of_date_unless_a_suspension_ended(dataset):
    for record in [*dataset.companies, *dataset.elements]:
        for measure in ("export_control", "uel", "us_military", "us_ban"):
            status = record_status(record, measure, dataset.info.as_of, dataset.info.as_of)
            if status is not None:
                assert "verify" not in status.label, (record.id, measure, status.label)


def test_every_status_after_the_as_of_date_says_so(dataset):
    on = D(2026, 12, 1)
    for record in [*dataset.companies, *dataset.elements]:
        for measure in ("export_control", "uel", "us_military", "us_ban"):
            status = record_status(record, measure, on, dataset.info.as_of)
            if status is not None:
                assert status.label.endswith(TAIL) or status.label.endswith("no later data, verify"), status.label
