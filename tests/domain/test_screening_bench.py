"""The find-and-screen benchmark keeps working (tiny sizes; no time is checked here)."""

from __future__ import annotations

from tests.benchmarks import bench


def test_find_and_screen_benchmark_runs(bundled):
    result = bench.find_and_screen(bundled, names=200, runs=1, scale=2)
    assert result["screen_names"] == 200 and result["big_companies"] == 2 * len(bundled.dataset.companies)
    assert result["screen_possible"] >= 200 // 50  # one name in fifty is a listed company's
    assert len(result["keystroke"]) == sum(len(q) for q in bench.SEARCH_QUERIES)
