"""The benchmark script keeps working (on tiny sizes; the numbers are not checked here)."""

from __future__ import annotations

from tests.benchmarks import bench


def test_benchmark_pieces_run(bundled):
    starts = bench.startup(runs=1)
    assert set(starts) == {"empty", "app"}
    assert starts["app"][0][3] is False  # pyqtgraph not imported before the first frame
    result = bench.save_latency(bundled, n=50, saves=2)
    assert len(result["save"]) == 2 and result["backups"] >= 1
