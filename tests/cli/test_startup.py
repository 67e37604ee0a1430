"""Start-up outside the usual case: no display at all, and screenshots while the app is open.

Each case runs `python -m app` in a subprocess, as a user would, with DISPLAY, WAYLAND_DISPLAY
and QT_QPA_PLATFORM removed from its environment where the case is about having no display."""

from __future__ import annotations

import hashlib
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="DISPLAY/WAYLAND_DISPLAY decide only on Linux")

# Holds the data lock (as an open Curbwatch does) until its stdin closes.
HOLD_LOCK = """
import sys
from app.storage.lock import DataLock
lock = DataLock(sys.argv[1])
assert lock.acquire()
print("held", flush=True)
sys.stdin.read()
"""


def _no_display_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["CURBWATCH_DATA_DIR"] = str(data_dir)
    return env


def _run(args, env, timeout=180):
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=timeout)


def _png_size(path: Path) -> tuple[int, int]:
    png = path.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


def _tree(directory: Path) -> dict[str, str]:
    """Every file under ``directory`` with a hash of its bytes (the lock file's owner text aside)."""
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file() and p.name != "curbwatch.lock"}


@linux_only
def test_no_display_says_so_in_one_line_and_exits_2(tmp_path):
    result = _run([], _no_display_env(tmp_path / "data"), timeout=60)
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no display found" in lines[0]
    assert "--export" in lines[0] and "--screenshot" in lines[0] and "--version" in lines[0]
    assert "xcb" not in result.stderr and result.stdout == ""
    assert not (tmp_path / "data").exists(), "nothing is opened before the display is known"


@linux_only
def test_a_platform_the_user_chose_is_respected(tmp_path):
    env = _no_display_env(tmp_path / "data")
    env["QT_QPA_PLATFORM"] = "minimal"
    code = ("import os, sys\n"
            "from app import main as m\n"
            "assert m._prepare_platform(window=True) is None\n"
            "assert m._prepare_platform(window=False) is None\n"
            "print(os.environ['QT_QPA_PLATFORM'])\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "minimal"


def test_export_and_screenshot_need_no_display(tmp_path):
    env = _no_display_env(tmp_path / "data")
    shots = _run(["--screenshot", str(tmp_path / "shots")], env)
    assert shots.returncode == 0, (shots.returncode, shots.stderr)
    for name in ("companies", "elements", "reserves"):
        assert _png_size(tmp_path / "shots" / f"{name}.png") == (1280, 800)
    export = _run(["--export", str(tmp_path / "csv")], env)
    assert export.returncode == 0, (export.returncode, export.stderr)
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == ["companies.csv", "elements.csv", "reserves.csv"]
    assert "Traceback" not in shots.stderr + export.stderr
    assert "propagateSizeHints" not in shots.stderr  # the offscreen platform's noise stays off the terminal


def test_screenshots_while_the_app_is_open_show_no_read_only_banner(tmp_path):
    """Another process holds the data lock, as a running Curbwatch does. The pictures must
    show the app as a user sees it: the user's data, and no read-only banner."""
    data = tmp_path / "data"
    env = dict(os.environ, CURBWATCH_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
    # A user edit, saved the ordinary way, so the screenshot has something of the user's to show.
    seed = ("import sys\n"
            "from app.storage.bundled import load_bundled\n"
            "from app.storage.paths import bundled_data_dir\n"
            "from app.storage.userdata import UserData\n"
            "u = UserData(sys.argv[1], load_bundled(bundled_data_dir())); u.open()\n"
            "ws = u.workspace\n"
            "ws.set_entry('companies', 'echodyne', ws.entry_for_field('companies', 'echodyne', 'name', "
            "'Echodyne EDITED'))\n"
            "u.save(); u.close()\n")
    subprocess.run([sys.executable, "-c", seed, str(data)], cwd=REPO, env=env, check=True, timeout=60)
    before = _tree(data)

    # Records what each picture holds: the banner texts and the Companies names at grab time.
    probe = ("import sys\n"
             "from app.ui.main_window import MainWindow\n"
             "grab = MainWindow.grab\n"
             "def spy(self, *a):\n"
             "    model = self.companies.model\n"
             "    names = [model.index(r, 0).data() for r in range(model.rowCount())]\n"
             "    print('BANNERS', repr(self.banner_texts()), 'EDITED', 'Echodyne EDITED' in names, flush=True)\n"
             "    return grab(self, *a)\n"
             "MainWindow.grab = spy\n"
             "from app.main import main\n"
             "sys.exit(main(sys.argv[1:]))\n")
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(data)], cwd=REPO, env=env, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == "held"
        result = subprocess.run([sys.executable, "-c", probe, "--screenshot", str(tmp_path / "shots")], cwd=REPO,
                                env=env, capture_output=True, text=True, timeout=180)
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
        holder.stdout.close()
    assert result.returncode == 0, result.stderr
    seen = [line for line in result.stdout.splitlines() if line.startswith("BANNERS")]
    assert len(seen) == 3, result.stdout
    for line in seen:  # the data-age notice may show; no read-only banner may
        assert line.endswith("EDITED True") and "read-only" not in line.lower(), line
    assert "read-only" not in result.stdout.lower() and "read-only" not in result.stderr.lower()
    for name in ("companies", "elements", "reserves"):
        assert _png_size(tmp_path / "shots" / f"{name}.png") == (1280, 800)
    assert _tree(data) == before, "a screenshot never writes the user's data"


def test_screenshots_never_create_or_write_the_data_folder(tmp_path):
    data = tmp_path / "never-made"
    env = dict(os.environ, CURBWATCH_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
    result = _run(["--screenshot", str(tmp_path / "shots")], env)
    assert result.returncode == 0, result.stderr
    assert not data.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_screenshot_copy_skips_what_is_not_a_regular_file(tmp_path):
    """The private copy of the data folder reads only regular files: a FIFO cannot hang it."""
    from app.main import _copy_data_folder

    source = tmp_path / "data"
    (source / "backups").mkdir(parents=True)
    (source / "userdata.json").write_bytes(b"{}")
    (source / "backups" / "one.json").write_bytes(b"[1]")
    os.mkfifo(source / "pipe")
    (source / "curbwatch.lock").write_text("123\nhost\n")
    (tmp_path / "elsewhere.txt").write_text("linked")
    (source / "link.txt").symlink_to(tmp_path / "elsewhere.txt")
    _copy_data_folder(source, tmp_path / "copy")
    copied = sorted(str(p.relative_to(tmp_path / "copy")) for p in (tmp_path / "copy").rglob("*") if p.is_file())
    assert copied == ["backups/one.json", "link.txt", "userdata.json"]
    assert not (tmp_path / "copy" / "link.txt").is_symlink()
    assert (tmp_path / "elsewhere.txt").read_text() == "linked"


FIRST_PAINT_PROBE = """
import sys
from app.ui.main_window import MainWindow
paint = MainWindow.paintEvent
LATER = ('app.storage.bundled', 'app.storage.userdata', 'app.domain.workspace', 'app.ui.record_tab',
         'app.ui.reserves_tab', 'app.storage.dataset_update', 'app.ui.html_delegate', 'rapidfuzz')
# Loaded by nothing a start needs (resident memory at start-up, issue 12): OpenSSL's libcrypto for
# hashing (3.6 MB), socket (0.5 MB), html's entity table (0.4 MB), the Qt dialog classes.
HEAVY = ('_hashlib', 'socket', 'html', 'app.ui.dialogs')
def first(self, event):
    if self._first_paint:  # what the real start-up has loaded when the window first paints
        print('FRAME', self.controller is None, self.statusBar().currentMessage(),
              'LOADED', [m for m in LATER if m in sys.modules], flush=True)
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        def later():
            if self.controller is None or not self.built_tabs():  # not yet: look again
                QTimer.singleShot(20, later)
                return
            QTimer.singleShot(100, shown)  # what follows the first frame has run
        def shown():
            built = len(self.built_tabs())
            for index in (0, 1):  # the other tabs, built as they are first shown (a run may start on any)
                self.tabs.setCurrentIndex(index)
            heavy = [m for m in HEAVY if m in sys.modules]  # (the Reserves chart's pyqtgraph brings socket)
            self.tabs.setCurrentIndex(2)
            print('TABS', built, len(self.built_tabs()), 'DATASET', self.workspace.info.dataset_version, 'UPDATE',
                  'app.storage.dataset_update' in sys.modules, 'HEAVY', heavy, flush=True)
            QApplication.quit()
        QTimer.singleShot(0, later)
    paint(self, event)
MainWindow.paintEvent = first
from app.main import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_first_frame_is_drawn_before_the_data_is_read(tmp_path):
    """`curbwatch` as a user starts it: the window's frame ("Opening your data…") is painted
    before the data is read or the tables, search and update code are imported; then the data
    is opened and the tab shown built (the others when first shown), and the record tabs built
    without the modules in HEAVY. The dataset-update code is
    loaded only when the data folder holds an imported dataset, and then that dataset is used."""
    data = tmp_path / "data"
    env = dict(os.environ, CURBWATCH_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", FIRST_PAINT_PROBE], cwd=REPO, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "FRAME True Opening your data… LOADED []", result.stdout
    assert lines[1].startswith("TABS 1 3 DATASET ") and lines[1].endswith(" UPDATE False HEAVY []"), result.stdout

    from tests.update_files import build_zip

    imported = subprocess.run([sys.executable, "-m", "app", "--import-dataset", str(build_zip(tmp_path / "u.zip"))],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert imported.returncode == 0, imported.stderr
    result = subprocess.run([sys.executable, "-c", FIRST_PAINT_PROBE], cwd=REPO, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "FRAME True Opening your data… LOADED []", result.stdout
    assert lines[1].startswith("TABS 1 3 DATASET 2026.12.2 UPDATE True HEAVY"), result.stdout
