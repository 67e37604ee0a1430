"""The evidence pack without Qt: one zip with the views' CSVs (exactly as File > Export current
view writes them), the chart's bytes as given, its numbers, and a README that names the dataset,
the dates, every source the views' records cite (once, with confidence) and every local edit."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import pytest

from app.domain.chart_data import ChartSpec, chart_of
from app.domain.workspace import Workspace
from app.storage.atomic import SaveError
from app.storage.evidence import all_views, cited_sources, evidence_bytes, write_evidence
from app.storage.view_export import View, view_csv

ON = dt.date(2026, 12, 1)
MADE = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.timezone.utc)


@pytest.fixture
def workspace(bundled):
    return Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions)


def _pack(workspace, views=None):
    views = views if views is not None else all_views(workspace, ON)
    data = chart_of(workspace, ChartSpec(("usgs-mcs-2026", "article-2025")))
    return zipfile.ZipFile(io.BytesIO(evidence_bytes(workspace, views, data, b"PNG!", b"<svg/>", ON, MADE)))


def test_the_pack_holds_the_views_the_chart_and_a_readme(workspace):
    views = [View("elements", "Element restrictions", ("gallium", "germanium"), ON, 21, ('Filter: "ga"',),
                  "Name, ascending"), *all_views(workspace, ON)[::2]]
    with _pack(workspace, views) as archive:
        assert archive.namelist() == ["README.txt", "elements.csv", "companies.csv", "reserves.csv", "chart.png",
                                      "chart.svg", "chart-data.csv"]
        assert archive.read("elements.csv") == view_csv(workspace, views[0])
        assert archive.read("reserves.csv") == view_csv(workspace, views[2])
        assert archive.read("chart.png") == b"PNG!" and archive.read("chart.svg") == b"<svg/>"
        assert {i.date_time for i in archive.infolist()} == {(2026, 12, 1, 9, 30, 0)}
        readme = archive.read("README.txt").decode("utf-8")
        chart = list(csv.DictReader(io.StringIO(archive.read("chart-data.csv").decode("utf-8-sig"))))
    assert "Dataset version:  2026.12.1" in readme and "Data as of:       2025-11-10" in readme
    assert "Status date:      2026-12-01" in readme and "Made:             2026-12-01T09:30:00+00:00" in readme
    assert 'elements.csv: Element restrictions, 2 of 21 records (Filter: "ga"; sorted by Name, ascending)' in readme
    assert "Rare-earth reserves by country: USGS MCS 2026 and News article" in readme
    assert "Local edits:      none: the bundled data as published" in readme
    vietnam = [r for r in chart if r["country"] == "Vietnam"]
    assert [(r["source"], r["value_t"], r["value_Mt"], r["matches_no_usgs_edition"]) for r in vietnam] == [
        ("USGS MCS 2026", "3500000", "3.5", ""), ("News article", "24000000", "24", "yes")]
    assert next(r for r in chart if r["country"] == "Canada" and r["source"] == "News article")["label"] == \
        "not listed"


def test_sources_are_listed_once_with_their_confidence(workspace):
    views = all_views(workspace, ON)
    cited = cited_sources(workspace, views)
    keys = [(title, url) for title, url, _c, _n in cited]
    assert len(keys) == len(set(keys))
    usgs = next(c for c in cited if c[0] == "USGS Mineral Commodity Summaries 2025: Rare Earths")
    assert usgs[2] == ["HIGH"] and usgs[3] == 17  # every MCS 2025 row cites its edition
    with _pack(workspace, views) as archive:
        readme = archive.read("README.txt").decode("utf-8")
    assert readme.count("USGS Mineral Commodity Summaries 2025: Rare Earths <") == 1
    assert "- [HIGH] USGS Mineral Commodity Summaries 2025: Rare Earths " \
           "<https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-rare-earths.pdf> (17 records)" in readme
    assert "- [LOW] News article: 'China relaxes export curbs" in readme
    # a view of two elements cites only what those two cite
    few = cited_sources(workspace, [View("elements", "Elements", ("gallium",), ON)])
    gallium = workspace.record("elements", "gallium")
    assert {t for t, *_ in few} == {s.title for s in gallium.sources} | \
        {s.title for e in gallium.events for s in e.sources} | {s.source.title for s in gallium.shares}


def test_every_local_edit_is_listed(workspace):
    brazil = "usgs-mcs-2026.brazil"
    workspace.apply(workspace.stage("reserves", brazil, workspace.entry_for_field("reserves", brazil, "reserves_t",
                                                                                  20_000_000)))
    workspace.apply(workspace.stage("elements", "gallium", workspace.entry_for_field("elements", "gallium", "items",
                                                                                     "checked by me")))
    canada = "usgs-mcs-2025.canada"
    workspace.apply(workspace.stage("reserves", canada, workspace.entry_for_delete("reserves", canada)))
    with _pack(workspace) as archive:
        readme = archive.read("README.txt").decode("utf-8")
    assert "Local edits:      3 (listed below)" in readme
    edits = readme.split("Local edits\n-----------\n")[1].splitlines()
    assert len(edits) == 3
    assert any(line.startswith("- Edited reserve Brazil (USGS MCS 2026), Reserves") and
               "bundled 21000000, yours 20000000" in line for line in edits)
    assert any(line.startswith("- Edited element Ga") and "yours checked by me" in line for line in edits)
    assert any(line.startswith("- Deleted reserve") and "Canada" in line for line in edits)
    assert "Includes local edits: Brazil (USGS MCS 2026): your figure (bundled: 21,000,000 t)." in readme


def test_a_pack_that_cannot_be_written_leaves_nothing(workspace, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    data = chart_of(workspace, ChartSpec(("usgs-mcs-2026",)))
    with pytest.raises((SaveError, OSError)):
        write_evidence(blocker / "pack.zip", workspace, all_views(workspace, ON), data, b"", b"", ON)
    written = write_evidence(tmp_path / "ok" / "pack.zip", workspace, all_views(workspace, ON), data, b"p", b"s", ON)
    assert zipfile.ZipFile(written).testzip() is None
    assert sorted(p.name for p in (tmp_path / "ok").iterdir()) == ["pack.zip"]  # no temporary file left
