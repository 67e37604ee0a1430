"""`curbwatch --chart FILE.{png,svg} [--source ID[,ID,ID]] [--units U]` and `curbwatch --evidence
FILE.zip`: the files written are opened and read back (the PNG loads, the SVG parses and names
its sources, the pack holds its files), the user's edits are said, bad arguments fail clearly
and write nothing, and no display is needed."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import pytest
from PySide6.QtGui import QImage

from app.main import main
from tests.conftest import REPO

SVG = "{http://www.w3.org/2000/svg}"


def _run(capsys, *args):
    code = main([*map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out.strip(), captured.err.strip()


def _texts(path) -> list[str]:
    return [" ".join("".join(e.itertext()).split()) for e in ET.parse(path).getroot().iter(f"{SVG}text")]


def test_svg_of_three_sources_in_kilotons(tmp_path, capsys, qapp):
    target = tmp_path / "out" / "compare.svg"
    code, out, err = _run(capsys, "--chart", target, "--source", "usgs-mcs-2026,usgs-mcs-2025,article-2025",
                          "--units", "kt")
    assert code == 0, err
    assert out == str(target)
    texts = _texts(target)
    assert "Rare-earth reserves by country: USGS MCS 2026, USGS MCS 2025 and News article" in texts
    assert "Reserves, thousand metric tons of rare-earth oxide (REO) equivalent" in texts
    assert texts.count("44,000 kt") == 3 and "24,000 kt" in texts
    assert "Data as of 2025-11-10; Curbwatch dataset 2026.12.1." in texts
    assert "No local edits: the bundled data as published." in texts


def test_png_in_long_tons_by_default_source(tmp_path, capsys, qapp):
    target = tmp_path / "chart.png"
    code, out, err = _run(capsys, "--chart", target, "--units", "long-tons")
    assert code == 0, err
    assert out == str(target)
    image = QImage(str(target))
    assert not image.isNull() and image.width() == 2400 and image.height() > 800


def test_the_users_edits_are_charted_and_said(tmp_path, capsys, open_userdata, qapp):
    userdata, _ = open_userdata()
    workspace = userdata.workspace
    workspace.set_entry("reserves", "usgs-mcs-2026.brazil",
                        workspace.entry_for_field("reserves", "usgs-mcs-2026.brazil", "reserves_t", 30_000_000))
    userdata.save()
    userdata.close()
    target = tmp_path / "chart.svg"
    code, _out, err = _run(capsys, "--chart", target)
    assert code == 0, err
    texts = _texts(target)
    assert "30 Mt" in texts
    assert "Includes local edits: Brazil (USGS MCS 2026): your figure (bundled: 21,000,000 t)." in texts


def test_evidence_pack(tmp_path, capsys, qapp):
    target = tmp_path / "pack.zip"
    code, out, err = _run(capsys, "--evidence", target, "--on", "2026-12-01", "--source", "article-2025")
    assert code == 0, err
    assert out == str(target)
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
        readme = archive.read("README.txt").decode("utf-8")
        assert len(archive.read("companies.csv").decode("utf-8-sig").splitlines()) == 1 + 45
        image = QImage()
        assert image.loadFromData(archive.read("chart.png"))
        assert "Rare-earth reserves by country: News article" in archive.read("chart.svg").decode("utf-8")
    assert "Status date:      2026-12-01" in readme and "Local edits:      none" in readme
    assert "[LOW] News article: 'China relaxes export curbs for 28 US firms" in readme


@pytest.mark.parametrize("args,message", [
    (["--chart", "{tmp}/chart.pdf"], "--chart {tmp}/chart.pdf: choose a file ending in .png or .svg"),
    (["--evidence", "{tmp}/pack.tar"], "--evidence {tmp}/pack.tar: choose a file ending in .zip"),
    (["--chart", "{tmp}/chart.png", "--units", "mt"], "unknown unit 'mt': choose t, kt, Mt, long-tons, short-tons"),
    (["--chart", "{tmp}/chart.png", "--source", "usgs-mcs-2099"], "unknown source 'usgs-mcs-2099': choose from"),
    (["--chart", "{tmp}/chart.png", "--source", "usgs-mcs-2026,usgs-mcs-2025,usgs-mcs-2024,article-2025"],
     "--source compares at most 3 sources, not 4"),
])
def test_bad_arguments_fail_clearly_and_write_nothing(tmp_path, capsys, args, message):
    code, out, err = _run(capsys, *[a.format(tmp=tmp_path) for a in args])
    assert code == 2 and out == ""
    assert err.startswith("curbwatch: " + message.format(tmp=tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_target_fails_clearly(tmp_path, capsys, qapp):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _out, err = _run(capsys, "--chart", blocker / "chart.svg")
    assert code == 2 and err.startswith("curbwatch: not written:")
    assert blocker.read_text() == "x"


def test_no_display_is_needed(tmp_path, user_data_dir):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["CURBWATCH_DATA_DIR"] = str(user_data_dir)
    target = tmp_path / "chart.svg"
    result = subprocess.run([sys.executable, "-m", "app", "--chart", str(target)], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(target) and result.stderr == ""
    assert "Rare-earth reserves by country: USGS MCS 2026" in _texts(target)
