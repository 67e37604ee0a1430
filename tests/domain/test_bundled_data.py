"""The bundled dataset: complete, sourced, and faithful to the fact sheet's confidence marks."""

from __future__ import annotations

import datetime as dt

from app.domain.listings import is_april_28
from app.domain.status import record_status


def test_the_28_of_april_among_45_entities(dataset):
    companies = dataset.companies
    assert len(companies) == 45  # the 28 of April + the 15 of No. 13 + 2 UEL-only entities of 4 Mar 2025
    assert sum(1 for c in companies if is_april_28(c)) == 28
    by_announcement = {}
    for c in companies:
        by_announcement.setdefault(c.announcement, []).append(c)
    assert len(by_announcement["MOFCOM Announcement No. 21 of 2025"]) == 16
    assert len(by_announcement["MOFCOM Announcement No. 22 of 2025"]) == 12
    assert len(by_announcement["MOFCOM Announcement No. 13 of 2025"]) == 15
    assert len(by_announcement[""]) == 2
    assert {c.listed for c in by_announcement["MOFCOM Announcement No. 21 of 2025"]} == {dt.date(2025, 4, 4)}
    assert {c.listed for c in by_announcement["MOFCOM Announcement No. 22 of 2025"]} == {dt.date(2025, 4, 9)}


def test_every_record_and_event_has_a_source(dataset):
    for record in [*dataset.companies, *dataset.elements]:
        assert record.sources, record.id
        for event in record.events:
            assert event.sources, (record.id, event.id)
    for edition in dataset.editions:
        assert edition.title and edition.confidence


def test_uel_overlap_matches_the_fact_sheet(dataset):
    april = [c for c in dataset.companies if is_april_28(c)]
    on_uel = {c.name for c in april if c.uel_date}
    # 6 (UEL 4 Apr) + 4 (UEL 9 Apr) + 8 (UEL 4 Mar) + 2 (UEL 25 Sep) of the 28
    assert len(on_uel) == 20
    # all 17 of the UEL of April (11 + 6), all 10 of 4 Mar, and the 3 of 25 Sep
    everyone = [c for c in dataset.companies if c.uel_date]
    by_date = {}
    for c in everyone:
        by_date.setdefault(c.uel_date, set()).add(c.name)
    assert {d: len(n) for d, n in by_date.items()} == {
        dt.date(2025, 4, 4): 11, dt.date(2025, 4, 9): 6, dt.date(2025, 3, 4): 10, dt.date(2025, 9, 25): 3}
    by_name = {c.name: c for c in dataset.companies}
    assert by_name["Sierra Nevada Corporation"].uel_date == dt.date(2025, 4, 9)
    assert by_name["Insitu, Inc."].uel_date == dt.date(2025, 4, 4)
    assert by_name["Saronic Technologies, Inc."].uel_date == dt.date(2025, 9, 25)
    assert by_name["Cubic Corporation"].uel_date == dt.date(2025, 3, 4)


def test_unconfirmed_end_dates_are_marked_not_asserted(dataset):
    one_year = [e for c in dataset.companies for e in c.events if e.date == dt.date(2025, 11, 10)
                and e.kind == "suspended"]
    assert one_year and all(not e.until_confirmed and e.confidence == "MED" for e in one_year)
    status = record_status(dataset.companies[0], "export_control", dt.date(2026, 11, 29))
    assert status.label == "Suspension ended 2026-11-10; no later data, verify"
    assert not status.ends_confirmed and status.needs_verification


def test_elements_seven_april_five_october_and_other_minerals(dataset):
    by_announcement = {}
    for e in dataset.elements:
        by_announcement.setdefault(e.announcement, set()).add(e.symbol)
    assert by_announcement["MOFCOM/GAC Announcement No. 18 of 2025"] == {"Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y"}
    assert by_announcement["MOFCOM/GAC Announcement No. 57 of 2025"] == {"Ho", "Er", "Tm", "Eu", "Yb"}
    minerals = {e.symbol for e in dataset.elements if e.category == "mineral"}
    assert minerals == {"Ga", "Ge", "C", "Sb", "W", "Te", "Bi", "Mo", "In"}
    z = {e.symbol: e.atomic_number for e in dataset.elements}
    assert (z["Sm"], z["Dy"], z["Lu"], z["Sc"], z["Y"], z["Ga"], z["Ge"]) == (62, 66, 71, 21, 39, 31, 32)


def test_no46_clause2_and_its_suspension(dataset):
    by_symbol = {e.symbol: e for e in dataset.elements}
    for symbol in ("Ga", "Ge", "Sb", "C"):
        status = record_status(by_symbol[symbol], "us_ban", dt.date(2026, 1, 1))
        assert status.kind == "suspended" and status.ends == dt.date(2026, 11, 27)
    assert record_status(by_symbol["Ga"], "us_ban", dt.date(2025, 1, 1)).kind == "in_force"
    assert record_status(by_symbol["Sm"], "us_ban", dt.date(2026, 1, 1)) is None


def test_gallium_and_germanium_shares_from_two_sources(dataset):
    by_symbol = {e.symbol: e for e in dataset.elements}
    ga = {s.percent for s in by_symbol["Ga"].shares}
    ge = {s.percent for s in by_symbol["Ge"].shares}
    assert {80, 99} <= ga and 60 in ge
    assert any("Critical Raw Materials Alliance" in s.source.title for s in by_symbol["Ga"].shares)
    assert any("USGS" in s.source.title for s in by_symbol["Ga"].shares)


def test_reserve_sources_usgs_2025_and_the_article(dataset):
    editions = {e.id: e for e in dataset.editions}
    assert editions["usgs-mcs-2025"].is_usgs and not editions["article-2025"].is_usgs
    assert [e.id for e in dataset.editions][0] == "usgs-mcs-2026"  # the newest edition opens the Reserves tab
    article = {r.country: r.reserves_t for r in dataset.reserves if r.edition == "article-2025"}
    assert article == {"China": 44_000_000, "Vietnam": 24_000_000, "Brazil": 23_000_000,
                       "United States": 2_000_000}
    usgs = {r.country: r.reserves_t for r in dataset.reserves if r.edition == "usgs-mcs-2025"}
    assert usgs["China"] == 44_000_000 and usgs["Vietnam"] == 3_500_000 and usgs["Brazil"] == 21_000_000
    assert usgs["United States"] == 1_900_000 and usgs["Thailand"] == 4_500
