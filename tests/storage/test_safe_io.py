"""Tests of the crash-safe primitives in app.storage.safe_io (reliability.md T04-T08,
T12 for the JSON reader, T17 for the lock, T22 for the thinning policy). No Qt."""

from __future__ import annotations

import errno
import hashlib
import itertools
import json
import os
import socket
import stat
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.storage import safe_io
from app.storage.safe_io import (
    BackupEntry,
    BackupSet,
    DataLock,
    LoadError,
    SaveError,
    atomic_write_bytes,
    classify_oserror,
    json_dumps_bytes,
    quarantine,
    select_backups_to_keep,
    strict_json_loads,
    sweep_temp_files,
)

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
    monkeypatch.setattr(safe_io.time, "sleep", sleeps.append)
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


def _record_durability(monkeypatch) -> list[tuple]:
    events: list[tuple] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fake_fsync(fd):
        kind = "dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"
        events.append(("fsync", kind))
        return real_fsync(fd)

    def fake_replace(src, dst):
        events.append(("replace", Path(src), Path(dst)))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fake_fsync)
    monkeypatch.setattr(os, "replace", fake_replace)
    return events


@pytest.mark.skipif(sys.platform == "win32", reason="directory fsync is POSIX only")
def test_durability_call_order(monkeypatch, target: Path) -> None:
    events = _record_durability(monkeypatch)
    atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    kinds = [e[0] if e[0] == "replace" else f"fsync-{e[1]}" for e in events]
    assert kinds == ["fsync-file", "replace", "fsync-dir"]
    _, src, dst = events[1]
    assert dst == target
    assert src.parent == target.parent  # same directory: rename never crosses devices
    assert src.name.startswith(f".{NAME}.") and src.name.endswith(".tmp")


@pytest.mark.skipif(safe_io.fcntl is None, reason="needs the fcntl module")
@pytest.mark.parametrize("fullfsync_works", [True, False])
def test_darwin_tries_full_fsync_first(monkeypatch, target: Path, fullfsync_works) -> None:
    events = _record_durability(monkeypatch)

    def fake_fcntl(fd, cmd, *args):
        events.append(("fcntl", cmd))
        if not fullfsync_works:
            raise OSError(errno.ENOTSUP, "not supported by this filesystem")
        return 0

    monkeypatch.setattr(safe_io.fcntl, "F_FULLFSYNC", 51, raising=False)
    monkeypatch.setattr(safe_io.fcntl, "fcntl", fake_fcntl)
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

    monkeypatch.setattr(safe_io.tempfile, "mkstemp", refuse)
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


# --------------------------------------------------------------- strict JSON (T12)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"[" * 100_000, "nested more than 32"),
        (b"{" * 50_000, "nested more than 32"),
        (b'{"a":' * 40 + b"1" + b"}" * 40, "nested more than 32"),
        (b"NaN", "NaN"),
        (b"[Infinity]", "Infinity"),
        (b'{"x": -Infinity}', "Infinity"),
        (b"[1e400]", "too large"),
        (b'{"a": 1, "a": 2}', "'a' appears twice"),
        (b'"\\ud800"', "lone surrogate"),
        (b'{"\\udfff": 1}', "lone surrogate"),
        (b'[["ok", "\\udc80"]]', "lone surrogate"),
        (b"", "empty"),
        (b"\x00" * 64, "zero bytes"),
        (b'{"a": "\xff"}', "not valid UTF-8 text at byte 7"),
        (b'{"a": 1} trailing', "not valid JSON at byte 9"),
        (b'{"a": 1', "not valid JSON"),
        (b"\xff\xfe{\x00}\x00", "UTF-8"),  # UTF-16 is refused, not guessed
        (b"1" * 5000, "JSON"),  # beyond int max_str_digits
    ],
)
def test_strict_json_traps(data: bytes, fragment: str) -> None:
    with pytest.raises(LoadError) as info:
        strict_json_loads(data)
    assert fragment in str(info.value)


def test_strict_json_size_cap_checked_before_parsing(monkeypatch) -> None:
    def must_not_parse(*args, **kwargs):
        raise AssertionError("parsed an oversized document")

    monkeypatch.setattr(safe_io.json, "loads", must_not_parse)
    with pytest.raises(LoadError, match="too large"):
        strict_json_loads(b"[" + b"0," * 600 + b"0]", max_bytes=1000)


def test_strict_json_depth_limit_is_exact() -> None:
    assert strict_json_loads(b"[" * 32 + b"]" * 32) is not None
    with pytest.raises(LoadError):
        strict_json_loads(b"[" * 33 + b"]" * 33)
    # Brackets inside strings do not count, escaped quotes do not end a string.
    assert strict_json_loads(b'["[[[[\\"[[[[' + b"[" * 60 + b'"]') == ["[[[[\"[[[[" + "[" * 60]


def test_strict_json_accepts_bom_and_valid_surrogate_pairs() -> None:
    assert strict_json_loads(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}
    assert strict_json_loads(b'"\\ud83d\\ude00"') == "\U0001f600"
    assert strict_json_loads("\"Zoë 稀土\"".encode()) == "Zoë 稀土"


def test_strict_json_rejects_non_bytes() -> None:
    with pytest.raises(LoadError):
        strict_json_loads("{}")  # type: ignore[arg-type]


@settings(deadline=None)
@given(st.binary(max_size=20_000))
def test_strict_json_fuzz_only_loaderror(data: bytes) -> None:
    try:
        strict_json_loads(data)
    except LoadError:
        pass


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30,
)


@settings(deadline=None)
@given(json_values)
def test_strict_json_roundtrips_what_we_write(value) -> None:
    # st.text() never yields lone surrogates, and max_leaves keeps depth well under 32.
    assert strict_json_loads(json_dumps_bytes(value)) == value


JSONISH = st.sampled_from('[]{}",:\\ 0123456789.eEnNaIfitrulsu-+\ud800')


@settings(deadline=None)
@given(st.text(alphabet=JSONISH, max_size=300))
def test_strict_json_fuzz_json_like_text(text: str) -> None:
    try:
        strict_json_loads(text.encode("utf-8", "surrogatepass"))
    except LoadError:
        pass


# -------------------------------------------------------------------- json_dumps


def test_json_dumps_is_deterministic_and_sorted() -> None:
    a = json_dumps_bytes({"b": 1, "a": ["Zoë", 2.5]})
    b = json_dumps_bytes({"a": ["Zoë", 2.5], "b": 1})
    assert a == b
    assert a.endswith(b"\n")
    assert a.index(b'"a"') < a.index(b'"b"')
    assert "Zoë".encode() in a  # real UTF-8, not \u escapes


@pytest.mark.parametrize(
    "bad",
    [{"x": float("nan")}, {"x": float("inf")}, {"x": "\ud800"}, {"x": object()}, {"\udc00": 1}],
)
def test_json_dumps_refuses_what_would_not_load(bad) -> None:
    with pytest.raises(SaveError) as info:
        json_dumps_bytes(bad)
    assert info.value.kind == "invalid"


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


# ------------------------------------------------------------------------ backups


def _valid(data: bytes) -> None:
    obj = strict_json_loads(data)
    if not isinstance(obj, dict) or "n" not in obj:
        raise ValueError("not a test document")


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


START = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)


def _doc(n: int) -> bytes:
    return json_dumps_bytes({"n": n})


def _snapshot(directory: Path) -> dict[str, bytes]:
    if not directory.exists():
        return {}
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_backup_skips_unchanged_content_unless_forced(tmp_path: Path) -> None:
    clock = Clock(START)
    backups = BackupSet(tmp_path, NAME, clock)
    first = backups.backup(_doc(1), validate=_valid)
    assert first is not None and first.name == f"{NAME}.20260101T120000Z.bak"
    clock.now += timedelta(minutes=5)
    assert backups.backup(_doc(1), validate=_valid) is None
    forced = backups.backup(_doc(1), validate=_valid, reason="pre-import")
    assert forced is not None and forced.name == f"{NAME}.20260101T120500Z.pre-import.bak"
    # Same second again: a counter keeps it from overwriting the one above.
    again = backups.backup(_doc(2), validate=_valid, reason="pre import!")
    assert again is not None and again.name == f"{NAME}.20260101T120500Z-1.pre-import.bak"
    entries = backups.entries()
    assert [e.path for e in entries] == [again, forced, first]
    assert entries[0].reason == "pre-import" and entries[2].reason is None
    assert backups.newest_valid(_valid) == entries[0]


def test_backup_never_stores_invalid_bytes(tmp_path: Path) -> None:
    clock = Clock(START)
    backups = BackupSet(tmp_path, NAME, clock)
    for day in range(60):  # plenty that a prune would thin out
        clock.now = START + timedelta(days=day)
        backups.backup(_doc(day), validate=_valid)
    before = _snapshot(backups.directory)
    clock.now += timedelta(days=400)
    for bad in (b"", b"\x00" * 100, b'{"n": ', b"[]", b'{"other": 1}'):
        assert backups.backup(bad, validate=_valid) is None
        assert backups.backup(bad, validate=_valid, reason="pre-restore") is None
    assert _snapshot(backups.directory) == before


def test_backup_that_fails_verification_prunes_nothing(monkeypatch, tmp_path: Path) -> None:
    clock = Clock(START)
    backups = BackupSet(tmp_path, NAME, clock)
    for day in range(60):
        clock.now = START + timedelta(days=day)
        backups.backup(_doc(day), validate=_valid)
    before = _snapshot(backups.directory)
    clock.now += timedelta(days=400)  # a successful backup now would prune most of them

    def torn_write(path, data):
        atomic_write_bytes(path, data[: len(data) // 2])

    monkeypatch.setattr(safe_io, "atomic_write_bytes", torn_write)
    with pytest.raises(SaveError) as info:
        backups.backup(_doc(999), validate=_valid)
    assert info.value.kind == "io"
    assert _snapshot(backups.directory) == before  # torn copy removed, nothing pruned
    monkeypatch.undo()
    assert backups.backup(_doc(999), validate=_valid) is not None
    assert set(before) - set(_snapshot(backups.directory))  # now the thinning runs


def test_backup_entries_ignore_foreign_files(tmp_path: Path) -> None:
    backups = BackupSet(tmp_path, NAME, Clock(START))
    backups.directory.mkdir()
    (backups.directory / "notes.txt").write_text("mine")
    (backups.directory / f"{NAME}.2026-01-01.bak").write_text("{}")
    (backups.directory / f"{NAME}.20261399T000000Z.bak").write_text("{}")  # month 13
    assert backups.entries() == []
    backups.backup(_doc(1), validate=_valid)
    assert (backups.directory / "notes.txt").read_text() == "mine"


_serial = itertools.count(1000)


def _entries_at(times: list[datetime], reason: str | None = None) -> list[BackupEntry]:
    # Names carry the index in ``times`` plus a global serial, so lists never collide.
    return [
        BackupEntry(Path(f"b{i}-{next(_serial)}"), t, reason) for i, t in enumerate(times)
    ]


def test_thinning_policy_hand_computed() -> None:
    # One backup at noon every day of 2026-01-01 .. 2026-03-31 (a Thursday start).
    days = [START + timedelta(days=i) for i in range(90)]
    now = days[-1] + timedelta(hours=1)
    kept = select_backups_to_keep(_entries_at(days), now)
    kept_days = sorted(((int(p.name[1:].split("-")[0])) for p in kept), reverse=True)
    assert kept_days == [
        89, 88,                          # the last 2 days (day 87 is 49 h old)
        87, 86, 85, 84, 83, 82, 81,      # 7 daily (87 is also ISO week 13's and March's)
        80, 73, 66,                      # weekly: the Sundays of ISO weeks 12, 11, 10
        58, 30,                          # monthly: end of February, end of January
    ]


def test_thinning_keeps_everything_recent_and_pins_pre_migration() -> None:
    now = START + timedelta(days=200)
    recent = [now - timedelta(minutes=m) for m in range(0, 2 * 24 * 60 - 1, 7)]
    old_pin = _entries_at([START], reason="pre-migration-v1")
    old_other = _entries_at([START + timedelta(seconds=1)], reason="pre-restore")
    recent_entries = _entries_at(recent)
    kept = select_backups_to_keep(recent_entries + old_pin + old_other, now)
    assert {e.path for e in recent_entries} <= kept
    assert old_pin[0].path in kept
    assert old_other[0].path in kept  # newest of its day, week and month: kept
    many_old = _entries_at([START + timedelta(hours=h) for h in range(0, 24 * 30, 6)])
    kept = select_backups_to_keep(many_old + old_pin, now)
    assert old_pin[0].path in kept
    assert len(kept - {old_pin[0].path}) <= 7 + 4 + 6


def test_backup_recorded_via_temp_and_rename(monkeypatch, tmp_path: Path) -> None:
    events = _record_durability(monkeypatch)
    path = BackupSet(tmp_path, NAME, Clock(START)).backup(_doc(1), validate=_valid)
    monkeypatch.undo()
    replaces = [e for e in events if e[0] == "replace"]
    assert len(replaces) == 1
    _, src, dst = replaces[0]
    assert dst == path and src.parent == path.parent and src.name.endswith(".tmp")
    assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(_doc(1)).digest()


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(min_value=0, max_value=400 * 24), min_size=1, max_size=80, unique=True))
def test_thinning_properties(hours: list[int]) -> None:
    times = [START + timedelta(hours=h) for h in hours]
    now = START + timedelta(hours=max(hours), minutes=1)
    entries = _entries_at(times)
    kept = select_backups_to_keep(entries, now)
    newest = max(entries, key=lambda e: e.when)
    assert newest.path in kept
    for e in entries:
        if now - e.when < timedelta(days=2):
            assert e.path in kept
    old_kept = [e for e in entries if e.path in kept and now - e.when >= timedelta(days=2)]
    assert len(old_kept) <= 17
    assert len({e.when.date() for e in old_kept}) == len(old_kept)  # at most 1 per day


def test_json_module_untouched_by_strict_loader() -> None:
    # The hooks are passed per call: the global json module must keep its defaults.
    assert json.loads("NaN") != json.loads("NaN")
