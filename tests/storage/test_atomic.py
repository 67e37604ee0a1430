"""Tests of app.storage.atomic: atomic durable writes and the typed SaveError
(reliability.md T04-T06). No Qt."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

import pytest

from app.storage import atomic
from app.storage.atomic import SaveError, atomic_write_bytes, classify_oserror
from tests.storage.durability import record_durability

NAME = "userdata.json"


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "data" / NAME
    path.parent.mkdir()
    path.write_bytes(b'{"old": true}\n')
    return path


def _listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


# ---------------------------------------------------------------- atomic write basics


def test_atomic_write_replaces_content_and_leaves_no_temp(target: Path) -> None:
    atomic_write_bytes(target, b"new bytes")
    assert target.read_bytes() == b"new bytes"
    assert _listing(target.parent) == [NAME]


def test_atomic_write_creates_missing_file_private(tmp_path: Path) -> None:
    path = tmp_path / "fresh.json"
    atomic_write_bytes(path, b"{}")
    assert path.read_bytes() == b"{}"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_atomic_write_keeps_existing_permissions(target: Path) -> None:
    target.chmod(0o640)
    atomic_write_bytes(target, b"x")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_atomic_write_missing_directory_is_typed_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(tmp_path / "nope" / NAME, b"x")
    assert info.value.kind == "io"
    assert info.value.errno == errno.ENOENT
    assert str(tmp_path / "nope" / NAME) in str(info.value)


# ------------------------------------------------------------- T04 replace failures


def _replace_failing(monkeypatch, exc_factory, fail_times: int | None):
    """Make os.replace fail ``fail_times`` times (None: always); returns the call log."""
    calls: list[tuple[str, str]] = []
    real_replace = os.replace

    def fake_replace(src, dst):
        calls.append((str(src), str(dst)))
        if fail_times is None or len(calls) <= fail_times:
            raise exc_factory()
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", fake_replace)
    return calls


def _record_sleep(monkeypatch) -> list[float]:
    sleeps: list[float] = []
    monkeypatch.setattr(atomic.time, "sleep", sleeps.append)
    return sleeps


@pytest.mark.parametrize("platform", ["linux", "win32"])
def test_replace_always_refused_keeps_old_file(monkeypatch, target: Path, platform) -> None:
    old = target.read_bytes()
    calls = _replace_failing(monkeypatch, lambda: PermissionError(errno.EACCES, "denied"), None)
    sleeps = _record_sleep(monkeypatch)
    monkeypatch.setattr(sys, "platform", platform)
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    assert info.value.kind == "locked"
    assert info.value.path == target
    assert str(target) in str(info.value)
    assert target.read_bytes() == old
    assert _listing(target.parent) == [NAME]
    if platform == "win32":
        assert len(calls) == 5  # retried, then gave up
        assert sleeps == [0.01, 0.02, 0.04, 0.08]
    else:
        assert len(calls) == 1  # POSIX has no transient sharing violations
        assert sleeps == []


def test_replace_windows_transient_lock_retries_then_succeeds(monkeypatch, target: Path) -> None:
    calls = _replace_failing(monkeypatch, lambda: PermissionError(errno.EACCES, "in use"), 2)
    sleeps = _record_sleep(monkeypatch)
    monkeypatch.setattr(sys, "platform", "win32")
    atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    assert len(calls) == 3
    assert sum(sleeps) <= 0.5
    assert target.read_bytes() == b"new"
    assert _listing(target.parent) == [NAME]


def test_replace_windows_sharing_violation_by_winerror(monkeypatch, target: Path) -> None:
    def sharing_violation():
        exc = OSError(errno.EINVAL, "sharing violation")
        exc.winerror = 32  # what Windows reports when another process holds the file
        return exc

    calls = _replace_failing(monkeypatch, sharing_violation, 1)
    _record_sleep(monkeypatch)
    monkeypatch.setattr(sys, "platform", "win32")
    atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    assert len(calls) == 2
    assert target.read_bytes() == b"new"


@pytest.mark.parametrize("platform", ["linux", "win32"])
def test_replace_exdev_is_never_retried(monkeypatch, target: Path, platform) -> None:
    old = target.read_bytes()
    calls = _replace_failing(monkeypatch, lambda: OSError(errno.EXDEV, "cross-device link"), None)
    sleeps = _record_sleep(monkeypatch)
    monkeypatch.setattr(sys, "platform", platform)
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    assert len(calls) == 1 and sleeps == []
    assert info.value.kind == "io"
    assert info.value.errno == errno.EXDEV
    assert str(target) in str(info.value) and "cross-device" in str(info.value).lower()
    assert target.read_bytes() == old
    assert _listing(target.parent) == [NAME]


# ---------------------------------------------------------- T05 durability ordering


@pytest.mark.skipif(sys.platform == "win32", reason="directory fsync is POSIX only")
def test_durability_call_order(monkeypatch, target: Path) -> None:
    events = record_durability(monkeypatch)
    atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    kinds = [e[0] if e[0] == "replace" else f"fsync-{e[1]}" for e in events]
    assert kinds == ["fsync-file", "replace", "fsync-dir"]
    _, src, dst = events[1]
    assert dst == target
    assert src.parent == target.parent  # same directory: rename never crosses devices
    assert src.name.startswith(f".{NAME}.") and src.name.endswith(".tmp")


@pytest.mark.skipif(atomic.fcntl is None, reason="needs the fcntl module")
@pytest.mark.parametrize("fullfsync_works", [True, False])
def test_darwin_tries_full_fsync_first(monkeypatch, target: Path, fullfsync_works) -> None:
    events = record_durability(monkeypatch)

    def fake_fcntl(fd, cmd, *args):
        events.append(("fcntl", cmd))
        if not fullfsync_works:
            raise OSError(errno.ENOTSUP, "not supported by this filesystem")
        return 0

    monkeypatch.setattr(atomic.fcntl, "F_FULLFSYNC", 51, raising=False)
    monkeypatch.setattr(atomic.fcntl, "fcntl", fake_fcntl)
    monkeypatch.setattr(sys, "platform", "darwin")
    atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    kinds = [e[0] if e[0] != "fsync" else f"fsync-{e[1]}" for e in events]
    if fullfsync_works:
        assert kinds == ["fcntl", "replace", "fsync-dir"]
    else:
        assert kinds == ["fcntl", "fsync-file", "replace", "fsync-dir"]
    assert events[0] == ("fcntl", 51)
    assert target.read_bytes() == b"new"


# ---------------------------------------------------------------- T06 disk full


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_disk_full_keeps_old_file_and_recovers(monkeypatch, target: Path, where) -> None:
    old = target.read_bytes()
    real = getattr(os, where)

    def full(fd, *args):
        if fd > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, *args)

    monkeypatch.setattr(os, where, full)
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(target, b"new" * 1000)
    monkeypatch.undo()  # "the user freed some space"
    err = info.value
    assert err.kind == "disk_full" and err.errno == errno.ENOSPC
    assert "free" in str(err).lower() and "space" in str(err).lower()
    assert str(target) in str(err)
    assert target.read_bytes() == old
    assert _listing(target.parent) == [NAME]
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"


def test_mkstemp_refused_is_read_only(monkeypatch, target: Path) -> None:
    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(target, b"new")
    assert info.value.kind == "read_only"
    assert target.read_bytes() == b'{"old": true}\n'


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (OSError(errno.ENOSPC, "full"), "disk_full"),
        (OSError(errno.EDQUOT, "quota"), "disk_full"),
        (OSError(errno.EROFS, "ro"), "read_only"),
        (PermissionError(errno.EACCES, "denied"), "read_only"),
        (PermissionError(errno.EPERM, "not permitted"), "read_only"),
        (OSError(errno.EBUSY, "busy"), "locked"),
        (OSError(errno.EIO, "io"), "io"),
        (OSError("no errno at all"), "io"),
    ],
)
def test_classify_oserror(exc, kind, tmp_path: Path) -> None:
    err = classify_oserror(exc, tmp_path / NAME)
    assert err.kind == kind
    assert err.errno == exc.errno
    assert err.path == tmp_path / NAME
    assert str(tmp_path / NAME) in str(err)


def test_classify_windows_sharing_violation(tmp_path: Path) -> None:
    exc = PermissionError(errno.EACCES, "used by another process")
    exc.winerror = 32
    assert classify_oserror(exc, tmp_path).kind == "locked"


def test_save_error_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError):
        SaveError("oops")
