"""The chart's maths without Qt: units (metric and imperial, exact), labels, grouped series of
two or three sources, countries left out, shares of each edition's world total (a bound is
never turned into an exact share), log scale, ticks, and the local edits a chart includes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.domain.chart_ticks import linear_ticks, log_ticks
from app.domain.chart_data import (
    ChartSpec, build_chart, chart_of, local_edits, provenance_lines,
)
from app.domain.reserves import UNITS, exact_text, in_unit, short_text, unit_of
from app.domain.workspace import Workspace

THREE = ("usgs-mcs-2026", "usgs-mcs-2025", "article-2025")


@pytest.fixture
def workspace(bundled):
    return Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions)


def _chart(dataset, *sources, **kw):
    return build_chart(dataset.reserves, dataset.editions, ChartSpec(tuple(sources), **kw))


def _bar(data, country, source):
    return next(b for b in data.bars if b.country == country and b.source == source)


# --- units ----------------------------------------------------------------------------------------
def test_imperial_tons_are_the_exact_legal_definitions():
    pound = Decimal("0.45359237")  # kg, exact by the 1959 international agreement
    assert UNITS["long-tons"].tons * 1000 == pound * 2240
    assert UNITS["short-tons"].tons * 1000 == pound * 2000
    assert in_unit(10_160_469_088, UNITS["long-tons"]) == 10_000_000_000  # exactly, no float drift


def test_exact_text_every_metric_digit_and_imperial_to_the_ton():
    assert exact_text(44_000_000, UNITS["t"]) == "44,000,000 t"
    assert exact_text(44_000_000, UNITS["kt"]) == "44,000 kt"
    assert exact_text(4_500, UNITS["Mt"]) == "0.0045 Mt"
    assert exact_text(21_234_567, UNITS["Mt"]) == "21.234567 Mt"
    assert exact_text(44_000_000, UNITS["long-tons"]) == "43,305,087 long tons"
    assert exact_text(44_000_000, UNITS["short-tons"]) == "48,501,698 short tons"
    assert exact_text(50, UNITS["long-tons"]) == "49.21 long tons"
    assert exact_text(None, UNITS["kt"]) == "NA"


def test_short_labels_round_for_reading():
    assert short_text(44_000_000, UNITS["t"]) == "44 million t"
    assert short_text(890_000, UNITS["t"]) == "890,000 t"
    assert short_text(6_300_000, UNITS["kt"]) == "6,300 kt"
    assert short_text(150, UNITS["kt"]) == "0.15 kt"
    assert short_text(4_500, UNITS["Mt"]) == "0.0045 Mt"
    assert short_text(44_000_000, UNITS["long-tons"]) == "43.3 million long tons"
    assert short_text(890_000, UNITS["short-tons"]) == "981,057 short tons"
    assert short_text(0, UNITS["Mt"]) == "0 Mt" and short_text(None, UNITS["Mt"]) == "NA"


def test_unit_keys_and_aliases():
    assert unit_of("auto").key == "Mt" and unit_of("auto", "production_t").key == "kt"
    assert unit_of("long_tons").key == "long-tons" and unit_of("Short tons").key == "short-tons"
    for bad in ("mt", "MT", "tonnes", "furlongs"):  # "mt": a metric ton or a megatonne? refused
        with pytest.raises(ValueError, match="choose t, kt, Mt, long-tons, short-tons"):
            unit_of(bad)


# --- one source -----------------------------------------------------------------------------------
def test_one_source_as_the_table_writes_it(dataset):
    data = _chart(dataset, "usgs-mcs-2026")
    assert data.countries[:3] == ("China", "Brazil", "Australia") and len(data.countries) == 11
    assert [b.label for b in data.drawn()[:3]] == ["44 Mt", "21 Mt", "6.3 Mt"]
    assert data.axis_title == "Reserves, million metric tons of rare-earth oxide (REO) equivalent"
    assert data.title == "Rare-earth reserves by country: USGS MCS 2026"
    assert data.notes_of("na") == ["USGS MCS 2026: no figure (NA), not charted: Burma (Myanmar), India, "
                                   "Madagascar, Nigeria, Other, Thailand."]


def test_shares_of_a_lower_bound_are_upper_bounds(dataset):
    data = _chart(dataset, "usgs-mcs-2026", shares=True)
    china = _bar(data, "China", "USGS MCS 2026")
    assert china.share == "<52%" and china.label == "44 Mt · <52%"  # 44 / 85 = 51.8%: at most that
    assert "Share of the world total (more than 85 Mt): <52%" in china.tooltip
    assert any("only as more than 85 Mt" in n for n in data.notes_of("world"))
    production = _chart(dataset, "usgs-mcs-2026", figure="production_t", shares=True)
    assert _bar(production, "China", "USGS MCS 2026").share == "≈69%"  # 270,000 of 390,000 (rounded)
    article = _chart(dataset, "article-2025", shares=True)
    assert all(b.share == "" and "·" not in b.label for b in article.bars)
    assert article.notes_of("world") == ["News article gives no world total: no shares."]


# --- comparing sources ----------------------------------------------------------------------------
def test_three_sources_grouped_by_country(dataset):
    data = _chart(dataset, *THREE)
    assert [s.name for s in data.series] == ["USGS MCS 2026", "USGS MCS 2025", "News article"]
    assert data.title == "Rare-earth reserves by country: USGS MCS 2026, USGS MCS 2025 and News article"
    # the main source's order, then what only the others chart (India, Thailand in MCS 2025)
    assert data.countries[:2] == ("China", "Brazil") and data.countries[-2:] == ("India", "Thailand")
    assert len(data.bars) == 3 * len(data.countries)
    brazil = [b for b in data.bars if b.country == "Brazil"]
    assert [(b.source, b.tons, b.highlight) for b in brazil] == [
        ("USGS MCS 2026", 21_000_000, False), ("USGS MCS 2025", 21_000_000, False), ("News article", 23_000_000, True)]
    assert _bar(data, "India", "USGS MCS 2026").label == "NA"  # listed, no figure: never zero
    assert _bar(data, "Australia", "News article").label == "not listed"
    assert "News article lists only China, Brazil, Vietnam and United States." in data.notes
    assert [b.country for b in data.drawn() if b.highlight] == ["Brazil", "Vietnam"]


def test_production_of_two_editions_names_each_year(dataset):
    data = _chart(dataset, "usgs-mcs-2026", "usgs-mcs-2025", figure="production_t")
    assert [s.label for s in data.series] == ["USGS MCS 2026 (2025)", "USGS MCS 2025 (2024)"]
    assert data.axis_title.startswith("Mine production 2025 / 2024, thousand metric tons")
    us = [b.tons for b in data.bars if b.country == "United States"]
    assert us == [51_000, 45_000]
    assert data.notes_of("years")


def test_leaving_china_out_says_what_was_left_out(dataset):
    data = _chart(dataset, *THREE, unit="kt", leave_out=("china",))
    assert "China" not in data.countries and not any(b.country == "China" for b in data.bars)
    assert data.notes_of("left_out") == ["China left out (USGS MCS 2026: 44,000 kt; USGS MCS 2025: 44,000 kt; "
                                         "News article: 44,000 kt)."]
    assert data.subtitle.endswith("; China left out")
    assert _bar(data, "Brazil", "USGS MCS 2026").label == "21,000 kt"
    assert "21,000 kt (21,000,000 metric tons)" in _bar(data, "Brazil", "USGS MCS 2026").tooltip


def test_log_scale_starts_at_the_smallest_decade_and_names_zeros(dataset):
    data = _chart(dataset, "usgs-mcs-2026", figure="production_t", unit="t", log=True)
    smallest = min(b.tons for b in data.drawn() if b.tons)
    assert smallest == 110 and data.floor == 2  # Malaysia 110 t: bars start at 100 t
    assert data.extent(_bar(data, "China", "USGS MCS 2026")) == pytest.approx((2.0, 5.431363764))
    greenland = _bar(data, "Greenland", "USGS MCS 2026")
    assert greenland.tons == 0 and data.extent(greenland) == (2.0, 2.0)
    assert "Greenland (USGS MCS 2026)" in data.notes_of("log_zero")[0]
    assert data.axis_title.endswith("(log scale)")
    assert [t for _p, t in data.ticks(5.6)] == ["100", "1,000", "10,000", "100,000"]


def test_ticks():
    assert linear_ticks(47.3) == [(0.0, "0"), (10.0, "10"), (20.0, "20"), (30.0, "30"), (40.0, "40")]
    assert linear_ticks(0.0051) == [(0.0, "0"), (0.002, "0.002"), (0.004, "0.004")]
    assert [t for _p, t in linear_ticks(50_000_000)][-1] == "50 million"
    assert log_ticks(-2, 1.3) == [(-2.0, "0.01"), (-1.0, "0.1"), (0.0, "1"), (1.0, "10")]


def test_bad_specs_are_refused(dataset):
    with pytest.raises(ValueError, match="unknown source 'nope'"):
        _chart(dataset, "nope")
    with pytest.raises(ValueError, match="one to 3 sources, not 4"):
        _chart(dataset, *THREE, "usgs-mcs-2023")
    with pytest.raises(ValueError, match="unknown unit"):
        _chart(dataset, "usgs-mcs-2026", unit="stone")


def test_description_has_every_bar_in_words(dataset):
    data = _chart(dataset, *THREE)
    text = data.description()
    assert "Brazil: USGS MCS 2026 21 Mt; USGS MCS 2025 21 Mt; News article 23 Mt." in text
    assert all(b.country in text for b in data.bars)


# --- local edits ------------------------------------------------------------------------------------
def test_a_chart_knows_its_local_edits(workspace):
    spec = ChartSpec(("usgs-mcs-2026",))
    assert chart_of(workspace, spec).local_edits == ()
    brazil = "usgs-mcs-2026.brazil"
    workspace.apply(workspace.stage("reserves", brazil, workspace.entry_for_field("reserves", brazil,
                                                                                  "reserves_t", 20_000_000)))
    # a note is not on the chart: editing it is not a chart edit
    workspace.apply(workspace.stage("reserves", "usgs-mcs-2026.canada", workspace.entry_for_field(
        "reserves", "usgs-mcs-2026.canada", "note", "checked")))
    edits, deleted = local_edits(workspace, spec)
    assert set(edits) == {brazil} and edits[brazil].bundled == 21_000_000 and deleted == ()
    data = chart_of(workspace, spec)
    bar = _bar(data, "Brazil", "USGS MCS 2026")
    assert bar.tons == 20_000_000 and "Local edit: your figure (bundled: 21,000,000 t)" in bar.tooltip
    assert "No local edit: the bundled figure" in _bar(data, "China", "USGS MCS 2026").tooltip
    assert data.local_edits == ("Brazil (USGS MCS 2026): your figure (bundled: 21,000,000 t)",)
    lines = provenance_lines(data, "2026.12.1", dt.date(2025, 11, 10))
    assert lines[-2:] == ["Data as of 2025-11-10; Curbwatch dataset 2026.12.1.",
                          "Includes local edits: Brazil (USGS MCS 2026): your figure (bundled: 21,000,000 t)."]
    # an edit to another source is not in this chart
    assert chart_of(workspace, ChartSpec(("usgs-mcs-2025",))).local_edits == ()


def test_added_and_deleted_rows_are_local_edits(workspace):
    record_id, entry = workspace.entry_for_new("reserves", {"country": "Chile", "edition": "usgs-mcs-2026",
                                                            "reserves_t": 5_000_000, "confidence": "LOW"})
    workspace.apply(workspace.stage("reserves", record_id, entry))
    canada = "usgs-mcs-2026.canada"
    workspace.apply(workspace.stage("reserves", canada, workspace.entry_for_delete("reserves", canada)))
    data = chart_of(workspace, ChartSpec(("usgs-mcs-2026",)))
    assert "Canada" not in data.countries
    chile = _bar(data, "Chile", "USGS MCS 2026")
    assert chile.local.kind == "added" and "a row you added" in chile.tooltip
    assert any(e.startswith("Chile (USGS MCS 2026)") for e in data.local_edits)
    assert any(e.startswith("deleted: ") and "Canada" in e for e in data.local_edits)
