"""Tests of app.storage.backups: verified generations and the thinning policy
(reliability.md T10, T22). No Qt."""

from __future__ import annotations

import hashlib
import itertools
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.storage import backups as backups_module
from app.storage.atomic import SaveError, atomic_write_bytes
from app.storage.backups import BackupEntry, BackupSet, select_backups_to_keep
from app.storage.strict_json import json_dumps_bytes, strict_json_loads
from tests.storage.durability import record_durability

NAME = "userdata.json"


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
    found = backups.newest_usable(lambda raw: _valid(raw) or "ok")
    assert found is not None and found[0] == entries[0] and found[1] == "ok"
    entries[0].path.write_bytes(b"\x00")  # damaged: the next one down is chosen
    assert backups.newest_usable(lambda raw: _valid(raw) or "ok")[0] == entries[1]


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

    monkeypatch.setattr(backups_module, "atomic_write_bytes", torn_write)
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
    events = record_durability(monkeypatch)
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
