"""Hostile or odd files in the data folder never reach outside it and never hang start-up
(issue 8): a symlinked lock file, a named pipe in place of the user's file, a symlinked
user file. Child processes run with a timeout, so a hang fails the test instead of the suite."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from app.storage.atomic import SaveError
from app.storage.userdata import FILE_NAME
from tests.conftest import REPO

posix_only = pytest.mark.skipif(os.name != "posix", reason="symbolic links and named pipes")


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}


@posix_only
def test_export_with_a_symlinked_lock_file_leaves_its_target_alone(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    data = tmp_path / "DATA"
    data.mkdir()
    (data / "curbwatch.lock").symlink_to(victim)
    result = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data), "--export", str(tmp_path / "X")],
                            cwd=REPO, env=_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert victim.read_text() == "precious\n"
    assert (data / "curbwatch.lock").is_symlink()
    assert (tmp_path / "X" / "reserves.csv").exists()
    assert "symbolic link" in result.stderr  # the read-only reason is printed


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_as_the_user_file_does_not_hang_start_up(tmp_path):
    data = tmp_path / "DATA"
    data.mkdir()
    os.mkfifo(data / FILE_NAME)
    child = ("import sys; from app.storage.bundled import load_bundled; from app.storage.paths import "
             "bundled_data_dir; from app.storage.userdata import UserData; u = UserData(sys.argv[1], "
             "load_bundled(bundled_data_dir())); r = u.open(); print(r.state, r.read_only); print(r.messages[0])")
    try:
        result = subprocess.run([sys.executable, "-c", child, str(data)], cwd=REPO, env=_env(),
                                capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("start-up blocked on a named pipe in place of userdata.json")
    assert result.returncode == 0, result.stderr
    state, message = result.stdout.splitlines()[:2]
    assert state == "recovered_empty False" and "named pipe" in message
    moved = [p for p in data.iterdir() if p.name.startswith(f"{FILE_NAME}.corrupt.")]
    assert len(moved) == 1 and stat.S_ISFIFO(os.lstat(moved[0]).st_mode)


@posix_only
def test_a_symlinked_user_file_is_read_only_with_a_message_and_never_replaced(open_userdata, user_data_dir,
                                                                              tmp_path):
    elsewhere = tmp_path / "synced" / FILE_NAME
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(b"{}")
    user_data_dir.mkdir(parents=True)
    (user_data_dir / FILE_NAME).symlink_to(elsewhere)
    userdata, report = open_userdata()
    assert report.read_only and userdata.read_only
    assert any("symbolic link" in m and "--data-dir" in m for m in report.messages)
    with pytest.raises(SaveError):
        userdata.save(force=True)
    assert (user_data_dir / FILE_NAME).is_symlink() and elsewhere.read_bytes() == b"{}"
