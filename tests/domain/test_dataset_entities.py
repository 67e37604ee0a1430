"""Every US entity the fact sheet names on China's 2025 lists: one record per entity with every
list it is on, the ids of the 28 of April unchanged, the UEL measures of 4 Mar 2025 lifted from
10 Nov 2025 (MED), issue and effective dates kept apart, Chinese names and other spellings."""

from __future__ import annotations

import datetime as dt

from app.domain.listings import EXPORT_CONTROL, UEL, is_april_28, lists_of, lists_text
from app.domain.matching import name_words
from app.domain.model import Company

D = dt.date

# The ids of the 28 of April as first bundled (dataset 2025.11.1): users' edits are keyed by them.
APRIL_IDS = [
    "high-point-aerotechnologies-llc", "universal-logistics-holdings-inc", "source-intelligence-inc",
    "coalition-for-a-prosperous-america", "sierra-nevada-corporation", "edge-autonomy-operations-llc",
    "cyberlux-corporation", "hudson-technologies-co", "saronic-technologies-inc", "oceaneering-international-inc",
    "stick-rudder-enterprises-llc", "cubic-corporation", "s3-aerodefense", "tcom-limited-partnership", "textore",
    "act1-federal", "american-photonics", "novotech-inc", "echodyne", "marvin-engineering-company-inc", "exovera",
    "teledyne-brown-engineering-inc", "brinc-drones-inc", "synexxus-inc", "firestorm-labs-inc",
    "kratos-unmanned-aerial-systems-inc", "domo-tactical-communications", "insitu-inc"]

NO13 = ["Leidos", "Gibbs & Cox", "IP Video Market Info", "Sourcemap", "Skydio", "Rapid Flight", "Red Six Solutions",
        "Shield AI", "HavocAI", "Neros Technologies", "Group W", "Aerkomm", "General Dynamics Land Systems",
        "General Atomics Aeronautical Systems", "AeroVironment"]
UEL_MARCH = ["TCOM LP", "Stick Rudder Enterprises", "Teledyne Brown Engineering", "Huntington Ingalls Industries",
             "S3 AeroDefense", "Cubic Corporation", "TextOre", "ACT1 Federal", "Exovera", "Planate Management Group"]
UEL_NO7_ONLY = ["Skydio", "Red Six Solutions", "HavocAI", "Neros Technologies", "Rapid Flight"]
UEL_NO8_ONLY = ["Shield AI", "Group W"]


def _find(dataset, name: str) -> Company:
    """The one record a name the fact sheet uses refers to (by its name or one of its aliases)."""
    words = tuple(name_words(name))
    found = [c for c in dataset.companies
             if words in {tuple(name_words(n)) for n in (c.name, *c.aliases)}]
    assert len(found) == 1, (name, [c.id for c in found])
    return found[0]


def test_45_entities_one_record_each_and_the_28_keep_their_ids(dataset):
    ids = [c.id for c in dataset.companies]
    assert len(ids) == len(set(ids)) == 45 == 28 + 15 + 2
    assert ids[:28] == APRIL_IDS
    assert [c.id for c in dataset.companies if is_april_28(c)] == APRIL_IDS
    names = [tuple(name_words(c.name)) for c in dataset.companies]
    assert len(set(names)) == len(names)  # no entity twice under two spellings


def test_the_15_of_announcement_no13_lifted_from_10_november(dataset):
    for name in NO13:
        company = _find(dataset, name)
        assert company.announcement == "MOFCOM Announcement No. 13 of 2025" and company.listed == D(2025, 3, 4)
        assert not is_april_28(company)
        lifted = [e for e in company.events if e.measure == "export_control" and e.kind == "lifted"]
        assert [(e.date, e.confidence) for e in lifted] == [(D(2025, 11, 10), "MED")]
        assert company.sources and all(e.sources for e in company.events)


def test_the_ten_of_the_uel_of_4_march_lifted_from_10_november_med(dataset):
    for name in UEL_MARCH:
        company = _find(dataset, name)
        assert company.uel_date == D(2025, 3, 4)
        uel = [e for e in company.events if e.measure == UEL]
        assert [(e.date, e.kind, e.confidence) for e in uel] == [(D(2025, 11, 10), "lifted", "MED")]
        assert "portuguese.people.com.cn" in uel[0].sources[0].url
        assert not any(e.kind == "changed_unknown" for e in company.events)
    march = [_find(dataset, n) for n in UEL_MARCH]
    assert sum(1 for c in march if is_april_28(c)) == 8
    for name in ("Huntington Ingalls Industries", "Planate Management Group"):
        company = _find(dataset, name)
        assert lists_of(company) == (UEL,) and company.listed is None and company.announcement == ""


def test_uel_only_firms_of_april_have_their_uel_events(dataset):
    for name in UEL_NO7_ONLY:
        company = _find(dataset, name)
        assert lists_of(company) == (EXPORT_CONTROL, UEL) and company.uel_announcement.endswith("No. 7")
        uel = [(e.date, e.kind, e.until, e.until_confirmed) for e in company.events if e.measure == UEL]
        assert uel == [(D(2025, 5, 14), "suspended", D(2025, 8, 12), True),
                       (D(2025, 8, 12), "suspended", D(2025, 11, 10), True),
                       (D(2025, 11, 10), "suspended", D(2026, 11, 10), False)]  # one year, end date unconfirmed
    for name in UEL_NO8_ONLY:
        company = _find(dataset, name)
        assert company.uel_announcement.endswith("No. 8")
        assert (company.uel_date, company.uel_effective, company.uel_effective_time) == \
            (D(2025, 4, 9), D(2025, 4, 10), "12:01 (midday)")
        uel = [(e.date, e.kind, e.until) for e in company.events if e.measure == UEL]
        assert uel == [(D(2025, 5, 14), "suspended", None), (D(2025, 8, 12), "lifted", None)]


def test_aerkomm_on_no13_and_the_uel_of_25_september_without_an_invented_number(dataset):
    aerkomm = _find(dataset, "Aerkomm")
    assert aerkomm.announcement == "MOFCOM Announcement No. 13 of 2025" and aerkomm.uel_date == D(2025, 9, 25)
    assert "No." not in aerkomm.uel_announcement
    assert "Export control list (MOFCOM Announcement No. 13 of 2025); Unreliable Entity List" in lists_text(aerkomm)


def test_issue_and_effective_dates_kept_apart(dataset):
    for company in dataset.companies:
        if company.announcement == "MOFCOM Announcement No. 22 of 2025":
            assert (company.listed, company.effective, company.effective_time) == \
                (D(2025, 4, 9), D(2025, 4, 10), "12:01 (midday)")
        if company.announcement == "MOFCOM Announcement No. 21 of 2025":
            assert company.effective == company.listed == D(2025, 4, 4)  # effective on publication
        if company.uel_announcement.endswith("No. 8"):
            assert (company.uel_date, company.uel_effective) == (D(2025, 4, 9), D(2025, 4, 10))


def test_chinese_names_and_other_spellings_from_the_fact_sheet(dataset):
    by_id = {c.id: c for c in dataset.companies}
    assert by_id["high-point-aerotechnologies-llc"].name_zh == "高點航空技術公司"
    assert by_id["american-photonics"].name_zh == "美國光子公司"
    assert {c.id for c in dataset.companies if c.name_zh} == {"high-point-aerotechnologies-llc", "american-photonics"}
    assert "Kratos UAS" in by_id["kratos-unmanned-aerial-systems-inc"].aliases
    assert "TCOM LP" in by_id["tcom-limited-partnership"].aliases
    assert "High Point Aerotechnologies LLC" in by_id["high-point-aerotechnologies-llc"].aliases
    # The VNA text's truncated "ACT1 Federa" is a typo, not a spelling: not an alias.
    assert by_id["act1-federal"].aliases == ()
    for name in [*NO13, *UEL_MARCH]:
        _find(dataset, name)  # every name the sheet uses finds exactly one record
