"""Offline guarantee: with every network access blocked (creating a socket raises), start-up,
every tab, editing, export and screenshots all work, and no network module is even loaded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO

BLOCKED = r"""
import socket, sys
class NetworkBlocked(RuntimeError):
    pass
def refuse(*args, **kwargs):
    raise NetworkBlocked("network access attempted")
socket.socket = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
socket.socketpair = refuse

from app.main import main
data, out = sys.argv[1], sys.argv[2]
assert main(["--data-dir", data, "--screenshot", out + "/shots"]) == 0
assert main(["--data-dir", data, "--export", out + "/csv"]) == 0

import datetime as dt
from PySide6.QtWidgets import QApplication
app = QApplication.instance() or QApplication([])
from app.storage.bundled import load_bundled
from app.storage.paths import bundled_data_dir
from app.storage.userdata import UserData
from app.ui.controller import EditController
from app.ui.main_window import MainWindow
userdata = UserData(data, load_bundled(bundled_data_dir())); userdata.open()
controller = EditController(userdata)
window = MainWindow(controller, dt.date.today()); window.show()
for i in range(window.tabs.count()):
    window.tabs.setCurrentIndex(i); app.processEvents()
model = window.companies.model
assert model.setData(model.index(model.row_of("echodyne"), 0), "Echo (offline edit)")
assert controller.save_now()
window.close(); userdata.close()
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("requests", "urllib3", "http") or "QtNetwork" in m)
print("OK", loaded)
"""


def test_everything_works_with_the_network_blocked(tmp_path):
    result = subprocess.run([sys.executable, "-c", BLOCKED, str(tmp_path / "data"), str(tmp_path)], cwd=REPO,
                            capture_output=True, text=True, timeout=180,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "NetworkBlocked" not in result.stderr
    assert result.stdout.strip().splitlines()[-1] == "OK []"
    for name in ("companies", "elements", "reserves"):
        assert (tmp_path / "shots" / f"{name}.png").stat().st_size > 10_000
        assert (tmp_path / "csv" / f"{name}.csv").exists()
    assert b"Echo (offline edit)" in (tmp_path / "data" / "userdata.json").read_bytes()


def _can_unshare() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _can_unshare(), reason="needs unshare -n (root, Linux) for a network namespace")
def test_cli_in_a_network_namespace_with_no_network(tmp_path):
    """Below Python too: in a namespace with no network interface at all (not even loopback up),
    Qt's own C++ code could not reach anything either."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for args in (["--screenshot", str(tmp_path / "shots")], ["--export", str(tmp_path / "csv")], ["--version"]):
        result = subprocess.run(["unshare", "-n", sys.executable, "-m", "app", "--data-dir", str(tmp_path / "d"),
                                 *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=180)
        assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "shots").glob("*.png"))) == 3
