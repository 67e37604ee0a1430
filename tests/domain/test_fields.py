"""One validator for files, imports and cells: each bad value names the field and the rule."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain import fields as F


@pytest.mark.parametrize("text, expected", [
    ("21000000", 21_000_000), (" 12 ", 12), ("21 Mt", 21_000_000), ("3.5 Mt", 3_500_000),
    ("890 kt", 890_000), ("44,000,000", 44_000_000), ("4,500 t", 4_500), ("0", 0), ("10000000000", 10**10),
    (44_000_000, 44_000_000), ("", None),
])
def test_tons_accepted(text, expected):
    assert F.parse_tons("reserves_t", text) == expected


@pytest.mark.parametrize("text, rule", [
    ("abc", "number"), ("-1", "negative"), ("-0.0", "negative"), ("NaN", "number"), ("inf", "number"),
    ("1e309", "number"), ("1_000", "number"), ("1,5", "decimal comma"), ("1.5 t", "whole"),
    ("10000000001", "at most"), (float("nan"), "finite"), (True, "number"), ("9" * 100, "number"),
])
def test_tons_refused(text, rule):
    with pytest.raises(F.FieldError) as info:
        F.parse_tons("reserves_t", text)
    assert "reserves_t" in str(info.value) and rule in str(info.value)


@pytest.mark.parametrize("text", ["0000-01-01", "1799-12-31", "2999-01-01", "2024-02-30", "24/02/2024", "2024-2-3"])
def test_dates_refused(text):
    with pytest.raises(F.FieldError) as info:
        F.parse_date("listed", text)
    assert str(info.value).startswith("listed:")


def test_date_limits_inclusive():
    assert F.parse_date("d", "1900-01-01") == dt.date(1900, 1, 1)
    assert F.parse_date("d", "2100-12-31") == dt.date(2100, 12, 31)
    assert F.parse_date("d", "2024-02-29") == dt.date(2024, 2, 29)


@pytest.mark.parametrize("text, rule", [
    ("", "empty"), ("   ", "empty"), ("a" * 201, "at most 200"), ("a\x00b", "control"),
    ("a\ud800b", "surrogate"), ("evil\u202etxt", "bidirectional"), ("x" * 1_000_000, "at most"),
])
def test_names_refused(text, rule):
    with pytest.raises(F.FieldError) as info:
        F.parse_text("name", text)
    assert "name" in str(info.value) and rule in str(info.value)


def test_name_limit_inclusive_and_stripped():
    assert F.parse_text("name", " " + "a" * 200 + " ") == "a" * 200


def test_choice_and_symbol():
    with pytest.raises(F.FieldError, match="confidence: must be one of"):
        F.parse_choice("confidence", "SURE", F.CONFIDENCES)
    assert F.parse_symbol("symbol", "Ga") == "Ga"
    with pytest.raises(F.FieldError, match="symbol"):
        F.parse_symbol("symbol", "ga")


def test_sources_text_round_trip_and_rules():
    sources = [{"title": "USGS MCS 2025", "url": "https://pubs.usgs.gov/x.pdf", "confidence": "HIGH"},
               {"title": "People's Daily p.15", "url": "", "confidence": "MED"}]
    assert F.parse_sources_text("sources", F.sources_to_text(sources)) == sources
    assert F.parse_sources_text("sources", "Only a title") == [{"title": "Only a title", "url": "",
                                                                 "confidence": "MED"}]
    for text, rule in [("a | b | c | d", "title | URL | confidence"), ("t | ftp://x", "must start with"),
                       ("t | https://x | SURE", "must be one of"), (" | https://x", "must not be empty")]:
        with pytest.raises(F.FieldError) as info:
            F.parse_sources_text("sources", text)
        assert rule in str(info.value)


def test_shares_text_round_trip_and_rules(bundled):
    gallium = next(e for e in bundled.raw["elements"] if e["id"] == "gallium")
    assert F.parse_shares_text("shares", F.shares_to_text(gallium["shares"])) == gallium["shares"]
    for text, rule in [("80 | basis | 2023 | HIGH", "percent | basis"), ("180 | b | 2023 | HIGH | CRMA", "0 to 100"),
                       ("~80 | b | 1800 | HIGH | CRMA", "between 1900"), ("80 | b | 2023 | SURE | CRMA", "one of")]:
        with pytest.raises(F.FieldError) as info:
            F.parse_shares_text("shares", text)
        assert rule in str(info.value)
