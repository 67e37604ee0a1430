"""Status on a date, computed from events, for every kind of event; what the label says about the
date it takes effect, the days left of a suspension and how far the data reaches."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.model import Company, Element, Event
from app.domain.status import (
    ANNOUNCED, EXPIRED, IN_FORCE, LIFTED, NOT_LISTED, SUSPENDED, UNKNOWN, data_age_text, measure_events, measures_of,
    record_status, status_on,
)

D = dt.date


def ev(date, kind, until=None, confirmed=True, measure="export_control"):
    return Event(id=f"e-{date}-{kind}", date=date, measure=measure, kind=kind, text=kind, until=until,
                 until_confirmed=confirmed)


def test_no_events_is_not_in_force():
    assert status_on([], D(2025, 1, 1)).kind == NOT_LISTED


def test_announced_then_in_force():
    events = [ev(D(2025, 4, 9), "announced"), ev(D(2025, 4, 10), "in_force")]
    assert status_on(events, D(2025, 4, 8)).kind == NOT_LISTED
    assert status_on(events, D(2025, 4, 9)).kind == ANNOUNCED
    assert status_on(events, D(2025, 4, 10)).kind == IN_FORCE


def test_suspension_until_is_inclusive_then_reported_as_ended():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 5, 14), "suspended", D(2025, 8, 12))]
    assert status_on(events, D(2025, 5, 13)).kind == IN_FORCE
    during = status_on(events, D(2025, 8, 12))
    assert (during.kind, during.ends) == (SUSPENDED, D(2025, 8, 12))
    after = status_on(events, D(2025, 8, 13))
    assert after.kind == EXPIRED
    assert after.label == "Suspension ended 2025-08-12; no later data, verify"
    assert after.needs_verification


def test_extension_replaces_the_earlier_end_date():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 5, 14), "suspended", D(2025, 8, 12)),
              ev(D(2025, 8, 12), "suspended", D(2025, 11, 10))]
    status = status_on(events, D(2025, 9, 1))
    assert (status.kind, status.ends) == (SUSPENDED, D(2025, 11, 10))


def test_open_ended_suspension():
    events = [ev(D(2025, 4, 9), "in_force"), ev(D(2025, 5, 14), "suspended")]
    status = status_on(events, D(2030, 1, 1))
    assert status.kind == SUSPENDED and status.ends is None and "no end date" in status.label


def test_lifting_ends_measure_and_suspension():
    events = [ev(D(2025, 4, 9), "in_force"), ev(D(2025, 5, 14), "suspended", D(2025, 8, 12)),
              ev(D(2025, 8, 12), "lifted")]
    assert status_on(events, D(2025, 8, 12)).kind == LIFTED
    assert status_on(events, D(2027, 1, 1)).label == "Lifted 2025-08-12"


def test_unconfirmed_end_date_is_said():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 11, 10), "suspended", D(2026, 11, 10), confirmed=False)]
    during = status_on(events, D(2026, 1, 1))
    assert "(end date unconfirmed)" in during.label and not during.ends_confirmed and during.needs_verification
    after = status_on(events, D(2026, 11, 29))
    assert "ended 2026-11-10" in after.label and not after.ends_confirmed


def test_change_with_unconfirmed_outcome():
    events = [ev(D(2025, 3, 4), "in_force"), ev(D(2025, 11, 10), "changed_unknown")]
    assert status_on(events, D(2025, 12, 1)).kind == UNKNOWN


def test_note_changes_nothing():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 11, 1), "note")]
    assert status_on(events, D(2025, 12, 1)).kind == IN_FORCE


def test_suspension_before_entry_into_force_still_holds():
    # October 2025 rare earths: suspended on 7 Nov, the day before they were due to take effect.
    events = [ev(D(2025, 10, 9), "announced"), ev(D(2025, 11, 7), "suspended", D(2026, 11, 10)),
              ev(D(2025, 11, 8), "in_force")]
    assert status_on(events, D(2025, 11, 8)).kind == SUSPENDED


def test_record_status_uses_fields_and_events_per_measure():
    company = Company(id="x", name="X", announcement="No. 22", listed=D(2025, 4, 9), effective=D(2025, 4, 10),
                      uel_announcement="UEL No. 8", uel_date=D(2025, 4, 9),
                      events=(ev(D(2025, 5, 14), "suspended", D(2025, 8, 12)),
                              ev(D(2025, 8, 12), "lifted", measure="uel")))
    assert record_status(company, "export_control", D(2025, 4, 9)).kind == ANNOUNCED
    assert record_status(company, "export_control", D(2025, 6, 1)).kind == SUSPENDED
    assert record_status(company, "uel", D(2025, 6, 1)).kind == IN_FORCE
    assert record_status(company, "uel", D(2025, 9, 1)).kind == LIFTED
    dates = [e.date for e in measure_events(company, "export_control")]
    assert dates == sorted(dates) == [D(2025, 4, 9), D(2025, 4, 10), D(2025, 5, 14)]


@pytest.mark.parametrize("on, expected", [
    (D(2025, 4, 3), NOT_LISTED), (D(2025, 4, 4), IN_FORCE), (D(2025, 6, 1), SUSPENDED),
    (D(2025, 10, 1), SUSPENDED), (D(2026, 6, 1), SUSPENDED), (D(2026, 11, 29), EXPIRED),
])
def test_bundled_no21_company_through_time(dataset, on, expected):
    company = next(c for c in dataset.companies if c.name.startswith("High Point"))
    assert record_status(company, "export_control", on).kind == expected


def test_in_force_again_after_a_suspension_ran_out():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 5, 14), "suspended", D(2025, 8, 12)),
              ev(D(2025, 9, 1), "in_force")]
    assert status_on(events, D(2025, 8, 20)).kind == EXPIRED
    assert status_on(events, D(2025, 10, 1)).label == "In force since 2025-09-01"


def test_in_force_during_a_suspension_keeps_it():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 5, 14), "suspended", D(2025, 8, 12)),
              ev(D(2025, 6, 1), "in_force")]
    assert status_on(events, D(2025, 7, 1)).kind == SUSPENDED


def test_unconfirmed_change_after_a_lifting_is_reported():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 5, 14), "lifted"), ev(D(2025, 11, 10), "changed_unknown")]
    assert status_on(events, D(2025, 12, 1)).kind == UNKNOWN
    events.append(ev(D(2026, 1, 1), "lifted"))
    assert status_on(events, D(2026, 2, 1)).kind == LIFTED


# --- labels that say more than the kind ------------------------------------------------------

AS_OF = D(2025, 11, 10)


def test_announced_says_when_it_takes_effect():
    events = [ev(D(2025, 4, 9), "announced"), ev(D(2025, 4, 10), "in_force")]
    assert status_on(events, D(2025, 4, 9)).label == "Announced 2025-04-09, in force from 2025-04-10"
    assert status_on([ev(D(2025, 4, 9), "announced")], D(2025, 4, 9)).label == \
        "Announced 2025-04-09, not yet in force"


def test_issue_and_effective_dates_of_both_company_instruments():
    company = Company(id="x", name="X", announcement="No. 22", listed=D(2025, 4, 9), effective=D(2025, 4, 10),
                      effective_time="12:01 (midday)", uel_announcement="UEL No. 8", uel_date=D(2025, 4, 9),
                      uel_effective=D(2025, 4, 10), uel_effective_time="12:01 (midday)")
    for measure in ("export_control", "uel"):
        assert record_status(company, measure, D(2025, 4, 9)).label == \
            "Announced 2025-04-09, in force from 2025-04-10"
        assert record_status(company, measure, D(2025, 4, 10)).label == "In force since 2025-04-10"
        announced, in_force = measure_events(company, measure)
        assert "12:01 (midday)" in announced.text and "12:01 (midday)" in in_force.text


def test_a_missing_effective_date_is_said_not_guessed():
    company = Company(id="x", name="X", announcement="No. 13", listed=D(2025, 3, 4))
    (only,) = measure_events(company, "export_control")
    assert only.date == D(2025, 3, 4) and "no separate effective date recorded" in only.text


@pytest.mark.parametrize("days, shown", [(30, "30 days left"), (1, "1 day left"), (0, "last day")])
def test_a_suspension_ending_within_30_days_shows_the_days_left(days, shown):
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 11, 10), "suspended", D(2026, 11, 10), confirmed=False)]
    status = status_on(events, D(2026, 11, 10) - dt.timedelta(days=days))
    assert status.days_left == days
    assert status.label == f"Suspended until 2026-11-10 (end date unconfirmed) · {shown}"


def test_no_days_left_before_the_last_30_days_or_for_an_open_suspension():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 11, 10), "suspended", D(2026, 11, 10))]
    status = status_on(events, D(2026, 10, 10))  # 31 days before
    assert status.days_left is None and "left" not in status.label
    assert status_on([ev(D(2025, 5, 14), "suspended")], D(2025, 6, 1)).days_left is None


# Every kind of status, on a date up to the as-of date (unchanged) and after it (says how far
# the data reaches); an ended suspension keeps its own wording.
@pytest.mark.parametrize("events, on, before", [
    ([ev(D(2025, 4, 4), "in_force")], D(2026, 12, 1), "In force since 2025-04-04"),
    ([ev(D(2025, 4, 4), "in_force"), ev(D(2025, 11, 7), "suspended", D(2027, 11, 10))], D(2026, 12, 1),
     "Suspended until 2027-11-10"),
    ([ev(D(2025, 5, 14), "suspended")], D(2026, 12, 1), "Suspended, no end date stated"),
    ([ev(D(2025, 4, 4), "in_force"), ev(D(2025, 8, 12), "lifted")], D(2026, 12, 1), "Lifted 2025-08-12"),
    ([ev(D(2025, 10, 9), "announced"), ev(D(2027, 1, 1), "in_force")], D(2026, 12, 1),
     "Announced 2025-10-09, in force from 2027-01-01"),
    ([ev(D(2027, 1, 1), "in_force")], D(2026, 12, 1), "Not in force"),
])
def test_statuses_after_the_as_of_date_say_how_far_the_data_reaches(events, on, before):
    assert status_on(events, on).label == before  # without an as-of date: as before
    assert status_on(events, AS_OF, AS_OF).data_to is None  # on the as-of date itself: as before
    after = status_on(events, on, AS_OF)
    assert after.label == f"{before} · data to 2025-11-10, verify"
    assert after.beyond_data and after.data_to == AS_OF and after.kind == status_on(events, on).kind


def test_an_unconfirmed_change_after_the_as_of_date_says_verify_once():
    events = [ev(D(2025, 3, 4), "in_force"), ev(D(2025, 11, 10), "changed_unknown")]
    assert status_on(events, D(2026, 1, 1), AS_OF).label == \
        "Changed 2025-11-10, outcome unconfirmed; verify · data to 2025-11-10"


def test_an_ended_suspension_keeps_its_wording_after_the_as_of_date():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 11, 10), "suspended", D(2026, 11, 10), confirmed=False)]
    status = status_on(events, D(2026, 12, 1), AS_OF)
    assert status.label == "Suspension ended 2026-11-10; no later data, verify" and status.kind == EXPIRED


def test_days_left_and_data_reach_together():
    events = [ev(D(2025, 4, 4), "in_force"), ev(D(2025, 11, 10), "suspended", D(2026, 11, 10), confirmed=False)]
    assert status_on(events, D(2026, 11, 1), AS_OF).label == \
        "Suspended until 2026-11-10 (end date unconfirmed) · 9 days left · data to 2025-11-10, verify"


def test_data_age_text():
    assert data_age_text(AS_OF, AS_OF) == ""
    assert data_age_text(AS_OF, D(2026, 12, 1)).startswith("The data reaches 2025-11-10, 386 days before")


def test_measures_in_a_fixed_order_and_none_without_a_listing():
    element = Element(id="ga", symbol="Ga", name="Gallium", atomic_number=31, category="mineral",
                      announcement="No. 23", announced=D(2023, 7, 3), effective=D(2023, 8, 1),
                      events=(ev(D(2025, 11, 9), "suspended", D(2026, 11, 27), measure="us_ban"),
                              ev(D(2024, 12, 3), "in_force", measure="us_military")))
    assert measures_of(element) == ["export_control", "us_military", "us_ban"]
    uel_only = Company(id="y", name="Y", uel_announcement="UEL of 4 Mar 2025", uel_date=D(2025, 3, 4))
    assert measures_of(uel_only) == ["uel"]
    assert record_status(uel_only, "export_control", D(2025, 6, 1)) is None
