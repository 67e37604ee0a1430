"""The command line of the installed package, run as a user would: from another folder,
against a wheel built from this checkout (so data/ and resources/ must travel inside it)."""

from __future__ import annotations

import csv
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """Build the wheel and install it (without dependencies: the test venv has them) into a
    private site folder; return the environment that puts it first on the path."""
    root = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(root / "dist"), str(REPO)], check=True, timeout=300)
    wheel = next((root / "dist").glob("curbwatch-*.whl"))
    site = root / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
                   check=True, timeout=300)
    env = dict(os.environ, PYTHONPATH=str(site), QT_QPA_PLATFORM="offscreen")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    return site, env, elsewhere


def run(installed, *args, timeout=120):
    site, env, cwd = installed
    script = site / "bin" / "curbwatch"
    command = [str(script), *args] if script.exists() else [sys.executable, "-m", "app", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def test_runs_from_the_wheel_not_the_checkout(installed):
    site, env, cwd = installed
    result = subprocess.run([sys.executable, "-c", "import app, app.storage.paths as p; "
                             "print(app.__file__); print(p.bundled_data_dir())"],
                            cwd=cwd, env=env, capture_output=True, text=True, timeout=60)
    module, data = result.stdout.split()
    assert Path(module).is_relative_to(site) and Path(data).is_relative_to(site)
    assert (Path(data) / "companies.json").exists()


def test_version(installed):
    result = run(installed, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Curbwatch 0.1.0; dataset 2026.12.1 (as of 2025-11-10")


def test_export(installed, tmp_path):
    result = run(installed, "--export", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    with open(tmp_path / "out" / "companies.csv", encoding="utf-8-sig", newline="") as f:
        companies = list(csv.DictReader(f))
    assert len(companies) == 45 and "name" in companies[0]
    with open(tmp_path / "out" / "elements.csv", encoding="utf-8-sig", newline="") as f:
        elements = list(csv.DictReader(f))
    assert {"symbol", "name"} <= set(elements[0]) and len(elements) == 21
    with open(tmp_path / "out" / "reserves.csv", encoding="utf-8-sig", newline="") as f:
        reserves = list(csv.DictReader(f))
    china = [r for r in reserves if r["country"] == "China" and r["source"] == "USGS MCS 2025"]
    assert china and china[0]["reserves_t"] == "44000000"
    assert all(r["reserves_t"] == "" or r["reserves_t"].isdigit() for r in reserves)
    for name in ("companies", "elements", "reserves"):
        assert (tmp_path / "out" / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbfid,")
    assert {r["dataset_version"] for r in companies + elements + reserves} == {"2026.12.1"}


def test_screenshot(installed, tmp_path):
    result = run(installed, "--screenshot", str(tmp_path / "shots"))
    assert result.returncode == 0, result.stderr
    for name in ("companies", "elements", "reserves"):
        png = (tmp_path / "shots" / f"{name}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", png[16:24])
        assert (width, height) == (1280, 800)
    assert "Traceback" not in result.stderr


def test_bad_arguments_are_reported(installed):
    result = run(installed, "--on", "2025-02-30")
    assert result.returncode == 2 and "not a date" in result.stderr
