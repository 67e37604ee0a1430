"""Tests of app.storage.lock.DataLock (reliability.md T17). No Qt."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

import pytest

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


# ------------------------------------------------- hostile lock files (issue 8)


def _within(seconds: float, fn):
    """Run ``fn`` in a daemon thread; fail (instead of hanging the suite) if it blocks."""
    import threading

    result: dict = {}

    def run() -> None:
        try:
            result["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            result["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"blocked for more than {seconds} s"
    if "error" in result:
        raise result["error"]
    return result["value"]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links without privileges")
def test_symlinked_lock_file_never_touches_its_target(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    data = tmp_path / "data"
    data.mkdir()
    (data / "curbwatch.lock").symlink_to(victim)
    lock = DataLock(data)
    assert lock.acquire() is False and not lock.held
    assert "symbolic link" in str(lock.error)
    lock.release()
    assert lock.owner() == (None, None)  # nothing read through the link either
    assert victim.read_text() == "precious\n"
    assert (data / "curbwatch.lock").is_symlink()


@pytest.mark.skipif(os.name != "posix", reason="hard links to a file the user owns")
def test_hard_linked_lock_file_is_refused(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    data = tmp_path / "data"
    data.mkdir()
    os.link(victim, data / "curbwatch.lock")
    lock = DataLock(data)
    assert lock.acquire() is False
    assert "hard links" in str(lock.error)
    assert victim.read_text() == "precious\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_fifo_lock_file_is_refused_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "curbwatch.lock")
    lock = DataLock(tmp_path)
    assert _within(10, lock.acquire) is False
    assert "named pipe" in str(lock.error)
    assert _within(10, lock.owner) == (None, None)
