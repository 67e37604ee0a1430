"""When the app writes (issue 8): each committed edit is in the journal at once; the full
save comes once edits pause and never later than a second after the first unsaved edit,
however fast edits keep coming (holding Ctrl+Z starved it); and SIGTERM, logout and quit
save too. The clock is injected: nothing here asserts how long anything took."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from app.storage.userdata import FILE_NAME, JOURNAL_NAME
from tests.conftest import REPO

BRAZIL = "usgs-mcs-2025.brazil"


@pytest.fixture
def controller(qtbot, open_userdata):
    from app.ui.controller import EditController

    userdata, _ = open_userdata()
    controller = EditController(userdata)
    now = {"ms": 0.0}
    controller._clock_ms = lambda: now["ms"]
    controller.now = now
    return controller


def test_edits_less_than_the_pause_apart_never_postpone_the_save_past_a_second(controller):
    from app.ui.controller import MAX_SAVE_DELAY_MS, SAVE_DELAY_MS

    due = []  # when the save would run, for each edit
    for step in range(12):  # an edit every 200 ms (holding Ctrl+Z), for 2.4 s
        controller.now["ms"] = step * 200.0
        controller.edit_field("reserves", BRAZIL, "reserves_t", str(1000 + step))
        due.append(controller.now["ms"] + controller._save_timer.interval())
        assert controller._save_timer.isActive()
        assert controller._save_timer.interval() <= SAVE_DELAY_MS
        if due[-1] >= MAX_SAVE_DELAY_MS:
            break
    assert max(due) <= MAX_SAVE_DELAY_MS  # the save is due a second after the first edit at the latest
    controller._save_timer.timeout.emit()  # the timer fires
    assert not controller.dirty
    on_disk = json.loads((controller.userdata.path).read_bytes())
    assert on_disk["data"]["records"]["reserves"][BRAZIL]["fields"]["reserves_t"] == 1000 + step
    # A new burst starts a new second.
    controller.now["ms"] += 5_000
    controller.edit_field("reserves", BRAZIL, "reserves_t", "7")
    assert controller._save_timer.interval() == SAVE_DELAY_MS


def test_each_committed_edit_is_in_the_journal_before_the_save(controller, user_data_dir):
    controller.edit_field("reserves", BRAZIL, "reserves_t", "4242")
    assert controller.dirty  # not saved yet ...
    assert b'"reserves_t":4242' in (user_data_dir / JOURNAL_NAME).read_bytes()  # ... but durable
    controller.undo_stack.undo()
    journal = (user_data_dir / JOURNAL_NAME).read_bytes()
    assert journal.rstrip().rsplit(b"\n", 1)[-1].find(b'"entry":null') > 0  # the undo is a line too


SIGTERM_CHILD = r"""
import sys
from PySide6.QtWidgets import QApplication
from app.storage.bundled import load_bundled
from app.storage.paths import bundled_data_dir
from app.storage.userdata import UserData
from app.ui import controller as controller_module
from app.ui.controller import EditController
from app.ui.lifecycle import install_save_on_exit

# No timer may save before the signal: only the signal handling can.
controller_module.SAVE_DELAY_MS = controller_module.MAX_SAVE_DELAY_MS = 3_600_000
app = QApplication([])
userdata = UserData(sys.argv[1], load_bundled(bundled_data_dir()))
userdata.open()
controller = EditController(userdata)
install_save_on_exit(app, controller)
controller.edit_field("reserves", "usgs-mcs-2025.brazil", "reserves_t", "31337")
print("edited", controller.dirty, flush=True)
code = app.exec()
print("quit", controller.dirty, flush=True)
userdata.close()
sys.exit(code)
"""


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
def test_sigterm_after_an_edit_saves_it_and_quits(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", SIGTERM_CHILD, str(data)], cwd=REPO, env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert child.stdout.readline().split() == ["edited", "True"], child.stderr.read()
        assert not (data / FILE_NAME).exists()  # only the journal has it so far
        child.send_signal(signal.SIGTERM)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 0, err
    assert out.split() == ["quit", "False"]
    on_disk = json.loads((data / FILE_NAME).read_bytes())
    assert on_disk["data"]["records"]["reserves"][BRAZIL]["fields"]["reserves_t"] == 31337


def test_logout_and_quit_save_the_edits(controller, qapp):
    from PySide6.QtCore import SIGNAL

    from app.ui.lifecycle import install_save_on_exit

    before = qapp.receivers(SIGNAL("commitDataRequest(QSessionManager&)"))
    saver = install_save_on_exit(qapp, controller)
    assert qapp.receivers(SIGNAL("commitDataRequest(QSessionManager&)")) == before + 1
    controller.edit_field("reserves", BRAZIL, "reserves_t", "55")
    assert controller.dirty
    saver.on_commit_data(None)  # what the session manager's request at logout calls
    assert not controller.dirty
    controller.edit_field("reserves", BRAZIL, "reserves_t", "56")
    qapp.aboutToQuit.emit()
    assert not controller.dirty
    saver.setParent(None)  # disconnect from the shared test QApplication
    saver.deleteLater()
