"""Tests of app.storage.quarantine: sweeping a killed writer's temp files and moving damaged
files aside (reliability.md T07, T08). No Qt."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.storage.quarantine import quarantine, sweep_temp_files

NAME = "userdata.json"


# -------------------------------------------------------------- T08 sweeping temps


def _touch(path: Path, age_s: float, data: bytes = b'{"half": ') -> Path:
    path.write_bytes(data)
    stamp = time.time() - age_s
    os.utime(path, (stamp, stamp))
    return path


def test_sweep_removes_old_leftovers_and_keeps_fresh(tmp_path: Path) -> None:
    old_ours = _touch(tmp_path / f".{NAME}.abc123_x.tmp", 600)
    old_backup_tmp = _touch(tmp_path / f".{NAME}.20260101T000000Z.bak.k2j3.tmp", 600)
    old_qsave = _touch(tmp_path / f"{NAME}.XyZabc", 600)
    fresh_ours = _touch(tmp_path / f".{NAME}.fresh99.tmp", 1)
    fresh_qsave = _touch(tmp_path / f"{NAME}.AbCdEf", 1)
    # Look-alikes that must survive: the user's own copies and other apps' temps.
    user_copy = _touch(tmp_path / f"{NAME}.backup", 600)
    user_copy_mixed = _touch(tmp_path / f"{NAME}.Backup", 600, b'{"complete": "document"}')
    other_tmp = _touch(tmp_path / ".other.json.abc.tmp", 600)
    primary = _touch(tmp_path / NAME, 600, b"{}")
    corrupt = _touch(tmp_path / f"{NAME}.corrupt.20260101T000000Z", 600)

    removed = sweep_temp_files(tmp_path, NAME)

    assert sorted(removed) == sorted([old_ours, old_backup_tmp, old_qsave])
    for kept in (fresh_ours, fresh_qsave, user_copy, user_copy_mixed, other_tmp, primary, corrupt):
        assert kept.exists(), kept.name
    for gone in removed:
        assert not gone.exists()


def test_sweep_age_threshold_and_injected_now(tmp_path: Path) -> None:
    leftover = _touch(tmp_path / f".{NAME}.a1b2c3.tmp", 0)
    mtime = leftover.stat().st_mtime
    assert sweep_temp_files(tmp_path, NAME, max_age_s=300, now=mtime + 299) == []
    assert sweep_temp_files(tmp_path, NAME, max_age_s=300, now=mtime + 301) == [leftover]


def test_sweep_missing_directory_is_quiet(tmp_path: Path) -> None:
    assert sweep_temp_files(tmp_path / "absent", NAME) == []


# ------------------------------------------------------------------- quarantine


def test_quarantine_renames_with_utc_stamp_and_counter(tmp_path: Path) -> None:
    when = datetime(2026, 11, 29, 22, 30, tzinfo=timezone.utc)
    path = tmp_path / NAME
    path.write_bytes(b"\x00garbage one")
    first = quarantine(path, now=when)
    assert first.name == f"{NAME}.corrupt.20261129T223000Z"
    assert not path.exists()
    path.write_bytes(b"garbage two")
    second = quarantine(path, now=when)
    assert second.name == f"{NAME}.corrupt.20261129T223000Z.1"
    assert first.read_bytes() == b"\x00garbage one"  # never overwritten
    assert second.read_bytes() == b"garbage two"


def test_quarantine_converts_local_time_to_utc(tmp_path: Path) -> None:
    path = tmp_path / NAME
    path.write_bytes(b"x")
    when = datetime(2026, 11, 30, 1, 30, tzinfo=timezone(timedelta(hours=3)))
    assert quarantine(path, now=when).name.endswith(".corrupt.20261129T223000Z")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_sweep_never_opens_a_fifo(tmp_path: Path) -> None:
    import threading

    pipe = tmp_path / f"{NAME}.XyZabc"  # the shape of a QSaveFile leftover
    os.mkfifo(pipe)
    old = time.time() - 3600
    os.utime(pipe, (old, old))
    done = threading.Event()
    threading.Thread(target=lambda: (sweep_temp_files(tmp_path, NAME), done.set()), daemon=True).start()
    assert done.wait(10), "sweeping blocked on a named pipe"
    assert pipe.exists()  # not ours to delete: only regular files are torn writes
