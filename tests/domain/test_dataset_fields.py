"""The fields the 2026.12.1 dataset added, as the parsers take them: a company on the UEL only,
times of day that need their in-force date, mine production figures, an edition's world totals,
and sources with distinct ids."""

from __future__ import annotations

import json
import shutil

import pytest

from app.domain.records import RecordError, parse_company, parse_edition, parse_reserve
from app.storage.bundled import DataError, load_bundled
from app.storage.paths import bundled_data_dir


def test_a_company_on_the_uel_only_is_allowed_one_on_no_list_is_not():
    company = parse_company({"id": "x", "name": "X", "uel_announcement": "UEL of 4 Mar 2025",
                             "uel_date": "2025-03-04"})
    assert company.listed is None and company.uel_date is not None
    with pytest.raises(RecordError, match="needs a listing"):
        parse_company({"id": "x", "name": "X"})


@pytest.mark.parametrize("field, issued", [("effective_time", "listed"), ("uel_effective_time", "uel_date")])
def test_a_time_of_day_needs_its_in_force_date(field, issued):
    raw = {"id": "x", "name": "X", "announcement": "No. 22", "listed": "2025-04-09",
           "uel_announcement": "UEL No. 8", "uel_date": "2025-04-09", field: "12:01 (midday)"}
    with pytest.raises(RecordError) as info:
        parse_company(raw)
    assert info.value.field == field and "in-force date" in info.value.rule
    raw[field.replace("_time", "")] = "2025-04-10"
    assert getattr(parse_company(raw), field) == "12:01 (midday)"


def test_production_figures_are_whole_tons_na_or_zero():
    row = parse_reserve({"id": "r", "country": "Canada", "edition": "e", "production_t": 0,
                         "production_prior_t": None})
    assert (row.production_t, row.production_prior_t, row.reserves_t) == (0, None, None)
    with pytest.raises(RecordError, match="production_t"):
        parse_reserve({"id": "r", "country": "Canada", "edition": "e", "production_t": -1})


def test_world_totals_are_optional_and_checked():
    base = {"id": "e", "title": "T", "short": "S", "published": "2026", "url": "", "confidence": "MED",
            "is_usgs": True}
    assert parse_edition(base).world is None
    world = parse_edition({**base, "world": {"reserves_t": 85_000_000, "reserves_more_than": True}}).world
    assert world.reserves_t == 85_000_000 and world.reserves_more_than and world.production_t is None
    with pytest.raises(RecordError, match="world"):
        parse_edition({**base, "world": {"reserves": 1}})
    with pytest.raises(RecordError, match="world.reserves_t"):
        parse_edition({**base, "world": {"reserves_t": "lots"}})


def test_two_sources_with_one_id_are_refused(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), target)
    path = target / "reserves.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["editions"].append(dict(doc["editions"][0]))
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataError, match="two sources share an id"):
        load_bundled(target)
