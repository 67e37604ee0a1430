"""Test configuration: headless Qt, and no test ever touches the real user data folder or
the real QSettings (both are pointed into a per-session temporary folder before Qt loads)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SANDBOX = Path(tempfile.mkdtemp(prefix="curbwatch-tests-"))
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_SANDBOX / _var.lower())
os.environ["HOME"] = str(_SANDBOX / "home")
os.environ.pop("CURBWATCH_DATA_DIR", None)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path, monkeypatch):
    """Every test gets its own data folder through the documented override."""
    data_dir = tmp_path / "userdata"
    monkeypatch.setenv("CURBWATCH_DATA_DIR", str(data_dir))
    yield data_dir


@pytest.fixture
def user_data_dir(_isolated_user_dirs):
    return _isolated_user_dirs


@pytest.fixture(scope="session")
def bundled():
    from app.storage.bundled import load_bundled
    from app.storage.paths import bundled_data_dir

    return load_bundled(bundled_data_dir())


@pytest.fixture(scope="session")
def dataset(bundled):
    return bundled.dataset


@pytest.fixture
def open_userdata(bundled, user_data_dir):
    """Open the user layer in the test's data folder (fresh each call, like a restart)."""
    opened = []

    def _open(directory=None):
        from app.storage.userdata import UserData

        userdata = UserData(directory or user_data_dir, bundled)
        report = userdata.open()
        opened.append(userdata)
        return userdata, report

    yield _open
    for userdata in opened:
        userdata.close()


@pytest.fixture
def make_window(qtbot, open_userdata):
    """A main window over the test's data folder, as `curbwatch` builds it."""
    import datetime as dt

    def _make(on=dt.date(2026, 11, 29), directory=None):
        from app.ui.controller import EditController
        from app.ui.main_window import MainWindow

        userdata, report = open_userdata(directory)
        controller = EditController(userdata)
        window = MainWindow(controller, on)
        window.show_open_messages(report.messages)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        return window

    return _make


def load_bundled_for_tests():
    from app.storage.bundled import load_bundled
    from app.storage.paths import bundled_data_dir

    return load_bundled(bundled_data_dir())
