"""Facets and their counts: companies by list, announcement and status; elements by group and status."""

from __future__ import annotations

import datetime as dt

from app.domain.facets import facets, passes, record_values
from app.domain.screening import measure_status

ON = dt.date(2025, 12, 1)


def _counts(facet_list, key):
    facet = next(f for f in facet_list if f.key == key)
    return {v.key: v.count for v in facet.values}


def test_company_facets_count_the_data(dataset):
    companies = dataset.companies
    found = facets(companies, ON)
    assert [f.key for f in found] == ["list", "announcement", "status"]
    lists = _counts(found, "list")
    # two entities are on the Unreliable Entity List only (UEL of 4 Mar 2025)
    assert lists["export_control"] == sum(1 for c in companies if c.listed is not None) == len(companies) - 2
    assert lists["uel"] == sum(1 for c in companies if c.uel_date is not None)
    announcements = _counts(found, "announcement")
    assert announcements["MOFCOM Announcement No. 21 of 2025"] == 16
    assert announcements["MOFCOM Announcement No. 22 of 2025"] == 12
    status = _counts(found, "status")
    kinds = [s.kind for s in (measure_status(c, "export_control", ON) for c in companies) if s is not None]
    assert status["lifted"] == kinds.count("lifted") == 12 + 15  # No. 22 (Aug 2025) and No. 13 (Nov 2025)
    assert status["suspended"] == kinds.count("suspended") == 16
    assert status["none"] == 2  # the UEL-only entities
    assert sum(status.values()) == len(companies)


def test_counts_follow_the_other_facets_choices(dataset):
    chosen = {"announcement": {"MOFCOM Announcement No. 22 of 2025"}}
    found = facets(dataset.companies, ON, chosen)
    assert _counts(found, "status")["lifted"] == 12 and _counts(found, "status")["suspended"] == 0
    # a facet's own choice does not narrow its own counts
    assert _counts(found, "announcement")["MOFCOM Announcement No. 21 of 2025"] == 16
    picked = _kept(dataset.companies, {**chosen, "status": {"suspended"}})
    assert picked == []
    picked = _kept(dataset.companies, {"status": {"suspended", "lifted"}})
    assert len(picked) == 28 + 15  # the 28 of April and the 15 of No. 13 (lifted 10 Nov 2025)


def _kept(records, chosen):
    """The records the facet bar's filter keeps (FacetBar.predicate: passes on record_values)."""
    return [r for r in records if passes(record_values(r, ON), chosen)]


def test_status_facet_follows_the_date(dataset):
    before = _counts(facets(dataset.companies, dt.date(2025, 4, 20)), "status")
    assert before["in_force"] == len(dataset.companies) - 2  # all but the two on the UEL only
    later = _counts(facets(dataset.companies, dt.date(2027, 1, 1)), "status")
    assert later["verify"] == 16  # suspension ended 2026-11-10, no later data


def test_element_facets(dataset):
    found = facets(dataset.elements, ON)
    assert [f.key for f in found] == ["group", "announcement", "status"]
    groups = _counts(found, "group")
    assert groups == {"rare_earth": 12, "mineral": 9}
    assert sum(_counts(found, "status").values()) == len(dataset.elements)
    assert record_values(dataset.elements[0], ON)["group"] == {"rare_earth"}


def test_links_through_announcements(dataset):
    from app.domain.facets import announcements_of, covered_by, listed_with

    insitu = next(c for c in dataset.companies if c.id == "insitu-inc")
    assert announcements_of(insitu) == ["MOFCOM Announcement No. 22 of 2025",
                                        "UEL Working Mechanism Announcement [2025] No. 7"]
    no22 = covered_by(dataset, "MOFCOM Announcement No. 22 of 2025")
    assert len(no22) == 12 and all(c.announcement.endswith("No. 22 of 2025") for c in no22)
    others = listed_with(dataset, insitu)
    assert len(others["MOFCOM Announcement No. 22 of 2025"]) == 11 and insitu not in others[
        "MOFCOM Announcement No. 22 of 2025"]
    uel7 = "UEL Working Mechanism Announcement [2025] No. 7"
    assert [c.id for c in others[uel7]] == [c.id for c in dataset.companies
                                            if c.uel_announcement == uel7 and c.id != "insitu-inc"]
    assert len(others[uel7]) >= 5  # BRINC, Synexxus, Firestorm, Kratos UAS, Domo among the 28
    samarium = next(e for e in dataset.elements if e.id == "samarium")
    assert [e.id for e in covered_by(dataset, samarium.announcement)] == \
        ["samarium", "gadolinium", "terbium", "dysprosium", "lutetium", "scandium", "yttrium"]
