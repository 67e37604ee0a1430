"""The benchmark keeps working: each of its pieces runs on tiny sizes and gives the fields the
table reads (the numbers are not checked here: no test asserts a time)."""

from __future__ import annotations

from tests.benchmarks import bench, synth


def test_start_up_children_measure_the_first_frame_and_the_chart(tmp_path):
    empty = bench.run_child("startup", "empty", str(tmp_path))
    app = bench.run_child("startup", "app", str(tmp_path))
    assert {"first", "ready", "rss", "pyqtgraph", "built"} <= set(app) and app["first"] > 0 and empty["rss"] > 0
    assert app["pyqtgraph"] is False  # pyqtgraph not imported before the first frame
    assert app["ready"] >= app["first"]
    chart = bench.run_child("reserves", "app", str(tmp_path))
    floor = bench.run_child("reserves", "floor", str(tmp_path))
    assert chart["ms"] > 0 and chart["bars"] > 0 and floor["bars"] == bench.CHART_BARS


def test_typing_children_type_into_the_filter_box(tmp_path):
    keys = bench.run_child("typing", "300", "keys", str(tmp_path / "a"), "1")
    assert len(keys["keys"]) > 5 and keys["shown"] >= 1
    stall = bench.run_child("typing", "300", "stall", str(tmp_path / "b"), "1")
    assert stall["keys"] > 5 and stall["ticks"] > 10 and stall["stall"] > 0


def test_in_process_pieces_run(bundled, tmp_path):
    result = bench.save_latency(bundled, n=50, saves=2)
    assert len(result["save"]) == 2 and result["backups"] >= 1
    assert bench.layer_folder(bundled, 30, tmp_path / "layer") > 0
    assert set(bench.merge_costs(bundled, sizes=(20,))) == {20}
    found = bench.find_and_screen(bundled, names=60, runs=1, scale=2)
    assert found["screen_names"] == 60 and found["chunk_gap_max"] >= 0


def test_sizes_and_the_table(tmp_path, capsys):
    (tmp_path / "curbwatch").mkdir()
    (tmp_path / "curbwatch" / "lib.so").write_bytes(b"x" * 2048)
    (tmp_path / "curbwatch_0.1.0_amd64.deb").write_bytes(b"!<arch>\ndebian-binary data.tar.xz" + b"\0" * 100)
    sizes = bench.build_sizes(tmp_path)
    assert sizes["deb"][1] == "deb xz" and sizes["bundle"][0] > 0
    table = bench.Table()
    table.budget("figure", "1 ms", "2 ms", "0.50x", "≤ 1x", True)
    table.budget("other", "3 ms", "", "", "≤ 1 ms", False)
    table.note("detail", "value")
    table.print()
    out = capsys.readouterr().out
    assert "| figure | 1 ms | 2 ms | 0.50x | ≤ 1x | pass |" in out and "**FAIL**" in out and "| detail | value |" in out
    assert "CPUs" in bench.machine()


def test_synthetic_records_parse_and_repeat():
    from app.domain.records import parse_company

    first = synth.companies(50)
    assert first == synth.companies(50) and len({r["id"] for r in first}) == 50
    assert all(parse_company(r).id == r["id"] for r in first)
    assert set(synth.names(first, 5)) <= {r["name"] for r in first}
