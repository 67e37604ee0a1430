"""What the export says about the 2026.12.1 dataset on the dates the issue names (2025-04-09,
2025-12-01, 2026-12-01): announced-then-in-force wording, how far the data reaches, days left,
both clauses of No. 46, every listed entity with its lists, and production beside reserves."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from app.domain.workspace import Workspace
from app.storage.export import export_csv

D = dt.date
TAIL = " · data to 2025-11-10, verify"


@pytest.fixture
def workspace(bundled):
    return Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions)


def _export(workspace, tmp_path, on):
    export_csv(workspace, tmp_path, on)
    tables = {}
    for name in ("companies", "elements", "reserves"):
        with open(tmp_path / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
            tables[name] = {r["id"]: r for r in csv.DictReader(f)}
    return tables


def test_on_9_april_2025_no22_and_uel_no8_are_announced_in_force_from_10_april(workspace, tmp_path):
    t = _export(workspace, tmp_path, D(2025, 4, 9))
    echodyne = t["companies"]["echodyne"]
    assert echodyne["status"] == "Announced 2025-04-09, in force from 2025-04-10"
    assert (echodyne["listed"], echodyne["effective"], echodyne["effective_time"]) == \
        ("2025-04-09", "2025-04-10", "12:01 (midday)")
    sierra = t["companies"]["sierra-nevada-corporation"]
    assert sierra["uel_status"] == "Announced 2025-04-09, in force from 2025-04-10"
    assert (sierra["uel_date"], sierra["uel_effective"]) == ("2025-04-09", "2025-04-10")
    assert t["companies"]["high-point-aerotechnologies-llc"]["status"] == "In force since 2025-04-04"
    assert all(TAIL not in r["status"] for r in t["companies"].values())


def test_on_1_december_2025_every_status_says_how_far_the_data_reaches(workspace, tmp_path):
    t = _export(workspace, tmp_path, D(2025, 12, 1))
    companies, elements = t["companies"], t["elements"]
    assert len(companies) == 45 and sum(r["april_28"] == "yes" for r in companies.values()) == 28
    assert companies["leidos"]["status"] == "Lifted 2025-11-10" + TAIL
    assert companies["cubic-corporation"]["uel_status"] == "Lifted 2025-11-10" + TAIL
    assert companies["huntington-ingalls-industries"]["status"] == ""
    assert companies["huntington-ingalls-industries"]["lists"].startswith("Unreliable Entity List (")
    assert companies["high-point-aerotechnologies-llc"]["name_zh"] == "高點航空技術公司"
    assert companies["kratos-unmanned-aerial-systems-inc"]["aliases"] == "Kratos UAS"
    assert elements["gallium"]["us_military_status"] == "In force since 2024-12-03" + TAIL
    assert elements["gallium"]["us_ban_status"] == "Suspended until 2026-11-27" + TAIL
    assert elements["gallium"]["us_ban_ends"] == "2026-11-27"
    for row in [*companies.values(), *elements.values()]:
        for column in ("status", "uel_status", "us_military_status", "us_ban_status"):
            assert not row.get(column) or row[column].endswith(TAIL), (row["id"], column, row[column])


def test_on_1_december_2026_ended_suspensions_and_days_left(workspace, tmp_path):
    t = _export(workspace, tmp_path, D(2026, 12, 1))
    companies, elements = t["companies"], t["elements"]
    assert companies["high-point-aerotechnologies-llc"]["status"] == \
        "Suspension ended 2026-11-10; no later data, verify"
    assert companies["high-point-aerotechnologies-llc"]["status_ends"] == "2026-11-10 (unconfirmed)"
    assert elements["graphite"]["us_ban_status"] == "Suspension ended 2026-11-27; no later data, verify"
    assert elements["graphite"]["us_military_status"] == "In force since 2024-12-03" + TAIL
    soon = _export(workspace, tmp_path / "soon", D(2026, 11, 20))
    assert soon["elements"]["gallium"]["us_ban_status"] == "Suspended until 2026-11-27 · 7 days left" + TAIL


def test_reserves_with_production_and_na_left_empty(workspace, tmp_path):
    reserves = _export(workspace, tmp_path, D(2026, 12, 1))["reserves"]
    china = reserves["usgs-mcs-2026.china"]
    assert (china["source"], china["reserves_t"], china["production_t"], china["production_year"],
            china["production_prior_t"], china["production_prior_year"]) == \
        ("USGS MCS 2026", "44000000", "270000", "2025", "270000", "2024")
    india = reserves["usgs-mcs-2026.india"]
    assert (india["reserves_t"], india["production_t"]) == ("", "2900")  # NA stays empty, never 0
    assert reserves["usgs-mcs-2026.canada"]["production_t"] == "0"  # USGS "–"
    assert reserves["usgs-mcs-2025.united-states"]["production_prior_year"] == "2023"
    article = reserves["article-2025.vietnam"]
    assert article["production_t"] == article["production_year"] == ""
    assert article["usgs_comparison"].startswith("Matches no USGS edition (USGS MCS 2026, 2025: 3.5 Mt")
