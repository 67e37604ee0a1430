"""Announcement No. 46 of 2024 as two measures (fact sheet 6d): clause 1 (US military users and
uses) in force and never reported suspended; clause 2 suspended 9 Nov 2025 to 27 Nov 2026.
Both show for gallium, germanium, antimony and graphite, and only for them."""

from __future__ import annotations

import datetime as dt

from app.domain.kinds import ELEMENTS
from app.domain.model import MEASURE_LABELS, MEASURES
from app.domain.status import measures_of, record_status

D = dt.date
NO46 = {"Ga", "Ge", "Sb", "C"}


def test_two_measures_for_the_four_no46_elements_only(dataset):
    for element in dataset.elements:
        has = {m for m in measures_of(element) if m in ("us_military", "us_ban")}
        assert has == ({"us_military", "us_ban"} if element.symbol in NO46 else set()), element.symbol
    assert ELEMENTS.measures == ("export_control", "us_military", "us_ban")
    assert "us_military" in MEASURES and "clause 1" in MEASURE_LABELS["us_military"]
    assert "clause 2" in MEASURE_LABELS["us_ban"]


def test_after_9_november_2025_clause_1_in_force_clause_2_suspended(dataset):
    for element in (e for e in dataset.elements if e.symbol in NO46):
        for on in (D(2025, 11, 9), D(2026, 6, 1), D(2026, 11, 27)):
            assert record_status(element, "us_military", on).kind == "in_force"
            clause2 = record_status(element, "us_ban", on)
            assert (clause2.kind, clause2.ends) == ("suspended", D(2026, 11, 27))
        assert not any(e.kind == "suspended" for e in element.events if e.measure == "us_military")
        later = record_status(element, "us_ban", D(2026, 11, 28), dataset.info.as_of)
        assert later.label == "Suspension ended 2026-11-27; no later data, verify"
        assert record_status(element, "us_military", D(2024, 12, 2)).kind == "none"
        assert record_status(element, "us_military", D(2024, 12, 3)).label == "In force since 2024-12-03"
