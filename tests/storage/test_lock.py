"""Tests of app.storage.lock.DataLock (reliability.md T17). No Qt."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

from app.storage.lock import DataLock


# ---------------------------------------------------------------------- DataLock


def test_lock_excludes_second_holder_and_reports_owner(tmp_path: Path) -> None:
    first, second = DataLock(tmp_path), DataLock(tmp_path)
    assert first.acquire() and first.held
    assert first.acquire()  # idempotent for the holder
    assert not second.acquire() and not second.held
    assert second.error is None  # refused because held, not because of an error
    assert second.owner() == (os.getpid(), socket.gethostname())
    first.release()
    assert not first.held
    assert second.acquire()
    second.release()
    assert (tmp_path / "curbwatch.lock").exists()  # never deleted (unlink races)


def test_lock_unopenable_sets_error(monkeypatch, tmp_path: Path) -> None:
    real_open = os.open

    def refuse(path, flags, *args):
        if str(path).endswith("curbwatch.lock"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    lock = DataLock(tmp_path)
    assert lock.acquire() is False
    assert isinstance(lock.error, PermissionError)
    assert not lock.held


def test_lock_owner_unknown_when_no_file(tmp_path: Path) -> None:
    assert DataLock(tmp_path).owner() == (None, None)
