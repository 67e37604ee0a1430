"""Tests of app.storage.docstore.DocumentStore (reliability.md T01, T03, T09, T10, T12,
T16-T18, T20-T22). Everything runs in tmp_path; the kill and lock tests use real child
processes (tests/storage/crash_child.py). No Qt."""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.storage import docstore as docstore_module
from app.storage.docstore import LOAD_STATES, DocumentStore
from app.storage.atomic import SaveError
from app.storage.backups import select_backups_to_keep
from app.storage.lock import DataLock
from app.storage.quarantine import sweep_temp_files
from app.storage.strict_json import json_dumps_bytes, strict_json_loads

from . import crash_child

NAME = "userdata.json"
FORMAT = "curbwatch-test"
CHILD = Path(crash_child.__file__).resolve()
START = datetime(2026, 11, 28, 14, 2, tzinfo=timezone.utc)


class Clock:
    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def tick(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def validate(data: dict[str, Any]) -> None:
    items = data.get("items")
    if not isinstance(items, list):
        raise ValueError("items must be a list")
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise ValueError(f"items[{index}] must be text")
    unknown = set(data) - {"items", "note"}
    if unknown:
        raise ValueError(f"unknown field {sorted(unknown)[0]!r}")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "data"
    directory.mkdir()
    return directory


@pytest.fixture
def make_store(data_dir: Path):
    stores: list[DocumentStore] = []

    def factory(**overrides: Any) -> DocumentStore:
        kwargs: dict[str, Any] = dict(
            format_name=FORMAT,
            schema_version=1,
            validate=validate,
            app_version="1.0.0",
            clock=Clock(),
        )
        kwargs.update(overrides)
        store = DocumentStore(kwargs.pop("path", data_dir / NAME), **kwargs)
        stores.append(store)
        return store

    yield factory
    for store in stores:
        store.close()


def envelope(data: Any, *, version: int = 1, fmt: str = FORMAT, **extra: Any) -> bytes:
    doc = {"format": fmt, "schema_version": version, "app_version": "1.0.0",
           "saved_at": "2026-11-28T14:02:00Z", "data": data}
    doc.update(extra)
    return json_dumps_bytes(doc)


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` (except the lock) with its bytes."""
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.name != "curbwatch.lock"
    }


def on_disk_data(path: Path) -> Any:
    return strict_json_loads(path.read_bytes())["data"]


# --------------------------------------------------------------------- T01 basics


def _nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


EDGE = {
    "items": ["Zoë – 稀土 ✓", "x" * 200, "0", "1800-01-01", "", "emoji \U0001f600", "tab\tnl\n"],
    "note": {"nested": [1, 2.5, -0.0, True, None, {"deep": "ok"}], "big": 10**30},
}


def test_save_load_roundtrip_exact(make_store, data_dir: Path) -> None:
    store = make_store()
    report = store.load()
    assert (report.state, report.data, report.read_only) == ("new", None, False)
    store.save(EDGE)
    store.close()

    again = make_store()
    report = again.load()
    assert report.state == "ok" and report.messages == []
    assert report.data == EDGE
    doc = json.loads((data_dir / NAME).read_bytes())
    assert doc["format"] == FORMAT and doc["schema_version"] == 1
    assert doc["app_version"] == "1.0.0"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", doc["saved_at"])
    assert again.data_dir == data_dir


def test_saving_is_deterministic(tmp_path: Path) -> None:
    outputs = []
    for name in ("a", "b"):
        directory = tmp_path / name
        directory.mkdir()
        store = DocumentStore(directory / NAME, format_name=FORMAT, schema_version=1,
                              validate=validate, app_version="1.0.0", clock=Clock())
        store.load()
        store.save(dict(reversed(list(EDGE.items()))))
        store.close()
        outputs.append((directory / NAME).read_bytes())
    assert outputs[0] == outputs[1]


def test_unchanged_save_writes_nothing(make_store, data_dir: Path) -> None:
    clock = Clock()
    store = make_store(clock=clock)
    store.load()
    store.save({"items": ["a"]})
    clock.tick(hours=1)
    store.save({"items": ["b"]})
    before = snapshot(data_dir)
    clock.tick(hours=1)
    store.save({"items": ["b"]})  # e.g. the quit-time flush with nothing new
    assert snapshot(data_dir) == before


def test_save_before_load_and_after_close_is_refused(make_store, data_dir: Path) -> None:
    store = make_store()
    with pytest.raises(SaveError) as info:
        store.save({"items": []})
    assert info.value.kind == "not_loaded"
    store.load()
    store.close()
    with pytest.raises(SaveError) as info:
        store.save({"items": []})
    assert info.value.kind == "not_loaded"
    assert not (data_dir / NAME).exists()


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [
        ({"items": "abc"}, "items must be a list"),
        ({"items": [1]}, "items[0] must be text"),
        ({"items": [], "bogus": 1}, "unknown field"),
        ({"items": ["\ud800"]}, "surrogate"),
        ({"items": [], "note": float("nan")}, "JSON"),
        ({"items": [], "note": _nested(33)},
         "would not load back"),
        ({"items": ["x" * 1000] * 5100}, "would not load back"),
        (["not", "a", "dict"], "not an object"),
    ],
)
def test_invalid_data_is_refused_and_file_untouched(make_store, data_dir, bad, fragment) -> None:
    store = make_store()
    store.load()
    store.save({"items": ["good"]})
    before = snapshot(data_dir)
    with pytest.raises(SaveError) as info:
        store.save(bad)
    assert info.value.kind == "invalid"
    assert fragment in str(info.value)
    assert snapshot(data_dir) == before
    store.save({"items": ["still works"]})


def test_disk_full_during_save_keeps_file_and_later_save_works(monkeypatch, make_store,
                                                               data_dir: Path) -> None:
    store = make_store()
    store.load()
    store.save({"items": ["v1"]})
    before = snapshot(data_dir)
    real_write = os.write

    def full(fd, data):
        if fd > 2:
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(SaveError) as info:
        store.save({"items": ["v2"]})
    monkeypatch.undo()
    assert info.value.kind == "disk_full" and "free space" in str(info.value)
    assert str(data_dir / NAME) in str(info.value) and info.value.path == data_dir / NAME
    assert snapshot(data_dir) == before
    store.save({"items": ["v2"]})
    assert on_disk_data(data_dir / NAME) == {"items": ["v2"]}


# ----------------------------------------------------------- T03 kill -9 save loop


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill9_during_save_and_backup_rotation_keeps_a_valid_copy(tmp_path: Path) -> None:
    path = tmp_path / "data" / NAME
    path.parent.mkdir()
    rows = 300  # about 50 KB: writes take long enough to be interrupted
    seed = crash_child.open_store(path)
    seed.load()
    seed.save(crash_child.make_state(0, rows))
    seed.close()

    rng = random.Random(20261129)
    kills, previous_gen = 0, 0
    started = time.monotonic()
    while kills < 100:
        assert time.monotonic() - started < 60, f"only {kills} kills in 60 s"
        with subprocess.Popen(
            [sys.executable, str(CHILD), "loop", str(path), str(rows)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        ) as child:
            line = child.stdout.readline()
            if not line.startswith(b"ready"):
                child.kill()
                child.wait()
                pytest.fail(f"child did not start: {line!r} {child.stderr.read()!r}")
            time.sleep(rng.uniform(0.0, 0.06))
            child.send_signal(signal.SIGKILL)
            child.wait()
        kills += 1

        backups_dir = path.parent / "backups"
        # The kernel dropped the dead child's lock: we get it at once (T17).
        store = crash_child.open_store(path)
        report = store.load()
        try:
            assert not report.read_only, report.read_only_reason
            assert report.state == "ok", report.messages  # never missing, never damaged
            gen = report.data["gen"]
            assert report.data == crash_child.make_state(gen, rows)
            assert gen >= previous_gen
            for entry in store.backups.entries():
                doc = strict_json_loads(entry.path.read_bytes())
                crash_child.validate_state(doc["data"])
            bak_names = {e.path.name for e in store.backups.entries()}
            for leftover in backups_dir.glob("*") if backups_dir.exists() else []:
                assert leftover.name in bak_names or re.fullmatch(
                    rf"\.{re.escape(NAME)}\..+\.tmp", leftover.name
                ), leftover.name
            assert not list(path.parent.glob("*.corrupt*"))
        finally:
            store.close()
        previous_gen = gen

    assert previous_gen > 25, "the child hardly ever finished a save between kills"
    leftovers = list(path.parent.rglob("*.tmp"))
    assert leftovers, "no kill landed in the middle of a write"
    # Whatever temp files the kills left are swept once they are old enough.
    later = time.time() + 301
    sweep_temp_files(path.parent, NAME, now=later)
    sweep_temp_files(path.parent / "backups", NAME, now=later)
    assert not [p for p in path.parent.rglob("*.tmp")]
    print(f"{kills} kills, last generation {previous_gen}, "
          f"{len(leftovers)} temp files left by kills mid-write")


# --------------------------------------------------- T09 corrupt primary recovered


def _with_data(good: bytes, data: Any) -> bytes:
    doc = json.loads(good)
    doc["data"] = data
    return json_dumps_bytes(doc)


def _without(good: bytes, key: str) -> bytes:
    doc = json.loads(good)
    del doc[key]
    return json_dumps_bytes(doc)


def _with(good: bytes, key: str, value: Any) -> bytes:
    doc = json.loads(good)
    doc[key] = value
    return json_dumps_bytes(doc)


CORRUPTIONS = {
    "empty": lambda good: b"",
    "truncated_half": lambda good: good[: len(good) // 2],
    "truncated_end": lambda good: good[:-3],
    "truncated_1_byte": lambda good: good[:1],
    "nul_filled": lambda good: b"\x00" * len(good),
    "invalid_utf8": lambda good: good.replace(b"second", b"sec\xffnd"),
    "trailing_garbage": lambda good: good + b"}garbage",
    "top_level_list": lambda good: b"[1, 2, 3]\n",
    "wrong_type_field": lambda good: _with_data(good, {"items": "second"}),
    "data_not_object": lambda good: _with_data(good, ["second"]),
    "wrong_format": lambda good: _with(good, "format", "someone-else"),
    "missing_schema_version": lambda good: _without(good, "schema_version"),
    "string_schema_version": lambda good: _with(good, "schema_version", "1"),
    "bool_schema_version": lambda good: _with(good, "schema_version", True),
    "nan": lambda good: good.replace(b'"second"', b"NaN"),
    "duplicate_key": lambda good: good.replace(b'"items"', b'"items": [], "items"', 1),
    "deep": lambda good: b"[" * 100_000,
}


@pytest.mark.parametrize("with_backup", [True, False], ids=["backup", "no-backup"])
@pytest.mark.parametrize("corruption", sorted(CORRUPTIONS))
def test_corrupt_primary_is_quarantined_and_recovered(make_store, data_dir: Path,
                                                      corruption: str, with_backup: bool) -> None:
    clock = Clock()
    store = make_store(clock=clock)
    store.load()
    if with_backup:
        store.save({"items": ["first"]})
        clock.tick(minutes=30)
    store.save({"items": ["second"]})
    store.close()
    primary = data_dir / NAME
    bad = CORRUPTIONS[corruption](primary.read_bytes())
    primary.write_bytes(bad)

    clock.tick(hours=1)
    recovering = make_store(clock=clock)
    report = recovering.load()

    assert report.state == ("recovered_backup" if with_backup else "recovered_empty")
    assert not report.read_only
    assert report.quarantined is not None
    assert report.quarantined.name == f"{NAME}.corrupt.{clock.now:%Y%m%dT%H%M%SZ}"
    assert report.quarantined.read_bytes() == bad  # byte-identical
    banner = " ".join(report.messages)
    assert "damaged" in banner and str(report.quarantined) in banner
    if with_backup:
        assert report.data == {"items": ["first"]}
        assert report.backup_used is not None
        # The backup was taken just before "second" was saved, at 14:32.
        assert "Restored from the backup of 2026-11-28 14:32 UTC" in banner
        assert on_disk_data(primary) == {"items": ["first"]}  # put back at once
    else:
        assert report.data is None and report.backup_used is None
        assert "No usable backup" in banner
        assert not primary.exists()

    recovering.save({"items": ["after recovery"]})
    assert report.quarantined.read_bytes() == bad  # the next save keeps it
    assert on_disk_data(primary) == {"items": ["after recovery"]}


def test_bom_before_valid_json_is_accepted(make_store, data_dir: Path) -> None:
    primary = data_dir / NAME
    primary.write_bytes(b"\xef\xbb\xbf" + envelope({"items": ["hand edited"]}))
    store = make_store()
    report = store.load()
    assert report.state == "ok" and report.data == {"items": ["hand edited"]}
    assert report.quarantined is None
    store.save({"items": ["hand edited", "more"]})
    assert not primary.read_bytes().startswith(b"\xef\xbb\xbf")
    assert not list(data_dir.glob("*.corrupt*"))


def test_damaged_file_message_names_the_byte(make_store, data_dir: Path) -> None:
    (data_dir / NAME).write_bytes(b'{"format": "curbwatch-test", "schema_version": 1, @')
    report = make_store().load()
    assert "not valid JSON at byte 50" in report.messages[0]


def test_corrupt_newest_backup_falls_back_to_older_one(make_store, data_dir: Path) -> None:
    clock = Clock()
    store = make_store(clock=clock)
    store.load()
    for n in range(3):
        store.save({"items": [f"v{n}"]})
        clock.tick(hours=1)
    store.close()
    newest = make_store(clock=clock).backups.entries()[0]
    newest.path.write_bytes(b"\x00" * 10)  # bit rot in the newest backup
    (data_dir / NAME).write_bytes(b"")
    report = make_store(clock=clock).load()
    assert report.state == "recovered_backup"
    assert report.data == {"items": ["v0"]}
    assert newest.path.exists()  # never deleted, even though useless


# -------------------------------------------- T10 corrupt state keeps good backups


def test_corrupt_state_never_rotates_out_good_backups(make_store, data_dir: Path) -> None:
    clock = Clock()
    store = make_store(clock=clock)
    store.load()
    for n in range(6):  # 6 saves -> 5 backups
        store.save({"items": [f"v{n}"]})
        clock.tick(days=3)
    store.close()
    backups_dir = data_dir / "backups"
    assert len(list(backups_dir.iterdir())) == 5
    before = snapshot(backups_dir)

    (data_dir / NAME).write_bytes(b"\x00" * 300)
    recovering = make_store(clock=clock)
    report = recovering.load()
    assert report.state == "recovered_backup" and report.data == {"items": ["v4"]}
    clock.tick(days=400)  # any backup made now would thin the old ones out
    assert recovering.backup_now() is None  # periodic backup: content already backed up
    recovering.save(report.data)  # quit-time flush of unchanged data
    assert snapshot(backups_dir) == before
    assert on_disk_data(data_dir / NAME) == {"items": ["v4"]}


# --------------------------------------------------- T12 loader fuzz (file level)


def _valid_doc_bytes() -> bytes:
    return envelope({"items": ["alpha", "beta"], "note": {"k": [1, 2]}})


@st.composite
def mutated_documents(draw) -> bytes:
    data = bytearray(_valid_doc_bytes())
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        if op == "flip" and pos < len(data):
            data[pos] = draw(st.integers(0, 255))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 8))]
        elif op == "insert":
            data[pos:pos] = draw(st.sampled_from(
                [b"NaN", b"\\ud800", b"[", b"{", b'"items": 1,', b"\x00", b"\xff", b"9e999"]))
        else:
            del data[pos:]
    return bytes(data)


json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
json_trees = st.recursive(
    json_scalars,
    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=6), c, max_size=4),
    max_leaves=20,
)
envelopes = st.fixed_dictionaries(
    {},
    optional={
        "format": st.sampled_from([FORMAT, "other"]) | json_scalars,
        "schema_version": st.sampled_from([0, 1, 2, -1, "1", 1.0]) | json_scalars,
        "app_version": json_scalars,
        "data": json_trees | st.fixed_dictionaries({"items": json_trees}),
    },
).map(lambda d: json.dumps(d, allow_nan=True).encode("utf-8", "surrogatepass"))


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                 HealthCheck.too_slow])
@given(st.binary(max_size=20_000) | mutated_documents() | envelopes)
def test_loader_fuzz_never_raises_and_never_loses_bytes(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / NAME
        path.write_bytes(raw)
        store = DocumentStore(path, format_name=FORMAT, schema_version=1, validate=validate,
                              app_version="1.0.0")
        started = time.perf_counter()
        try:
            report = store.load()
        finally:
            store.close()
        assert time.perf_counter() - started < 1.0
        assert report.state in LOAD_STATES
        if report.state == "ok":
            validate(report.data)
            assert path.read_bytes() == raw
        elif report.state == "newer_schema":
            assert report.read_only and report.data is None
            assert path.read_bytes() == raw
        else:
            assert report.state == "recovered_empty" and report.data is None
            assert report.quarantined is not None
            assert report.quarantined.read_bytes() == raw
            assert not path.exists()


# ------------------------------------------------------- T16/T17 second instance


def _start_holder(path: Path) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), "hold", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    line = child.stdout.readline()
    if line.strip() != "ready False":
        child.kill()
        child.communicate()
        pytest.fail(f"lock holder did not start: {line!r}")
    return child


def test_second_instance_cannot_write(tmp_path: Path) -> None:
    path = tmp_path / NAME
    first = crash_child.open_store(path)
    first.load()
    first.save(crash_child.make_state(1, 3))
    first.close()

    holder = _start_holder(path)
    try:
        second = crash_child.open_store(path)
        report = second.load()
        assert report.read_only and report.state == "ok"
        assert report.data == crash_child.make_state(1, 3)  # still shows the data
        assert f"process {holder.pid} on {socket.gethostname()}" in report.read_only_reason
        assert report.read_only_reason in report.messages
        before = path.read_bytes()
        for attempt in (lambda: second.save(crash_child.make_state(9, 3)),
                        lambda: second.save(crash_child.make_state(9, 3), force=True),
                        lambda: second.backup_now("pre-import")):
            with pytest.raises(SaveError) as info:
                attempt()
            assert info.value.kind == "locked_by_other"
            assert str(holder.pid) in str(info.value)
        assert path.read_bytes() == before

        holder.stdin.write("save " + json.dumps(crash_child.make_state(2, 3)) + "\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "saved"
        second.close()
    finally:
        out, err = holder.communicate(timeout=30)  # closes stdin: the holder exits
    assert holder.returncode == 0, err
    assert on_disk_data(path) == crash_child.make_state(2, 3)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_lock_holder_frees_the_lock_at_once(tmp_path: Path) -> None:
    path = tmp_path / NAME
    holder = _start_holder(path)
    lock = DataLock(tmp_path)
    try:
        assert not lock.acquire()
        assert lock.owner()[0] == holder.pid
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        killed_at = time.monotonic()
        assert lock.acquire()  # first try: no stale-lock timeout, no PID guessing
        assert time.monotonic() - killed_at < 1.0
        assert lock.owner() == (os.getpid(), socket.gethostname())
    finally:
        lock.release()
        holder.communicate()


def test_lock_file_naming_a_live_unrelated_pid_is_not_a_lock(tmp_path: Path) -> None:
    # A lock file left behind with a PID that is alive (our parent) means nothing: only
    # the kernel lock counts.
    (tmp_path / "curbwatch.lock").write_text(f"{os.getppid()}\nsomehost\n")
    lock = DataLock(tmp_path)
    assert lock.acquire()
    assert lock.owner()[0] == os.getpid()
    lock.release()


def test_in_process_second_store_is_read_only_and_never_quarantines(make_store,
                                                                    data_dir: Path) -> None:
    clock = Clock()
    owner = make_store(clock=clock)
    owner.load()
    owner.save({"items": ["one"]})
    clock.tick(hours=1)
    owner.save({"items": ["two"]})
    (data_dir / NAME).write_bytes(b"{broken")
    old_temp = data_dir / f".{NAME}.zzz.tmp"
    old_temp.write_bytes(b"half")
    os.utime(old_temp, (time.time() - 3600,) * 2)
    before = snapshot(data_dir)

    other = make_store(clock=clock)
    report = other.load()
    assert report.read_only and report.state == "recovered_backup"
    assert report.quarantined is None and report.data == {"items": ["one"]}
    assert snapshot(data_dir) == before  # nothing moved, swept or written
    with pytest.raises(SaveError) as info:
        other.restore(other.backups.entries()[0])
    assert info.value.kind == "locked_by_other"


def test_unwritable_data_dir_opens_read_only(monkeypatch, make_store, data_dir: Path) -> None:
    (data_dir / NAME).write_bytes(envelope({"items": ["kept"]}))
    real_open = os.open

    def refuse(path, flags, *args):
        if str(path).endswith("curbwatch.lock"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    store = make_store()
    report = store.load()
    assert report.read_only and report.state == "ok" and report.data == {"items": ["kept"]}
    assert "not writable" in report.read_only_reason and str(data_dir) in report.read_only_reason
    # Only commands that exist are offered (there is no "Save a copy").
    assert "Save a copy" not in report.read_only_reason and "File > Export CSV" in report.read_only_reason
    with pytest.raises(SaveError) as info:
        store.save({"items": ["new"]})
    assert info.value.kind == "read_only"
    assert on_disk_data(data_dir / NAME) == {"items": ["kept"]}


# -------------------------------------------------------- T18 external changes


def test_external_modification_is_not_clobbered(make_store, data_dir: Path) -> None:
    clock = Clock()
    store = make_store(clock=clock)
    store.load()
    store.save({"items": ["mine"]})
    external = envelope({"items": ["theirs"]})
    subprocess.run(  # another process writes without taking the lock
        [sys.executable, "-c",
         "import sys; from pathlib import Path; from app.storage.atomic import "
         "atomic_write_bytes; atomic_write_bytes(Path(sys.argv[1]), sys.stdin.buffer.read())",
         str(data_dir / NAME)],
        input=external, check=True, cwd=str(Path(__file__).resolve().parents[2]),
    )
    with pytest.raises(SaveError) as info:
        store.save({"items": ["mine", "more"]})
    assert info.value.kind == "changed_on_disk"
    assert "changed by another program" in str(info.value)
    assert (data_dir / NAME).read_bytes() == external

    clock.tick(minutes=1)
    store.save({"items": ["mine", "more"]}, force=True)
    assert on_disk_data(data_dir / NAME) == {"items": ["mine", "more"]}
    kept = [e for e in store.backups.entries() if e.reason == "pre-overwrite"]
    assert len(kept) == 1 and kept[0].path.read_bytes() == external
    store.save({"items": ["mine", "more", "again"]})  # back in sync: normal saves work


def test_touch_without_change_is_not_a_modification(make_store, data_dir: Path) -> None:
    store = make_store()
    store.load()
    store.save({"items": ["a"]})
    os.utime(data_dir / NAME, (time.time() + 100,) * 2)
    store.save({"items": ["b"]})
    assert on_disk_data(data_dir / NAME) == {"items": ["b"]}


def test_external_deletion_and_invalid_edit_are_detected(make_store, data_dir: Path) -> None:
    store = make_store()
    store.load()
    store.save({"items": ["a"]})
    (data_dir / NAME).unlink()
    with pytest.raises(SaveError) as info:
        store.save({"items": ["b"]})
    assert info.value.kind == "changed_on_disk"
    (data_dir / NAME).write_bytes(b'{"hand": "broken edit"')
    with pytest.raises(SaveError):
        store.save({"items": ["b"]})
    store.save({"items": ["b"]}, force=True)
    copies = list(data_dir.glob(f"{NAME}.corrupt.*"))
    assert [c.read_bytes() for c in copies] == [b'{"hand": "broken edit"']


def test_missing_primary_with_backups_says_so(make_store, data_dir: Path) -> None:
    clock = Clock()
    store = make_store(clock=clock)
    store.load()
    store.save({"items": ["a"]})
    clock.tick(hours=1)
    store.save({"items": ["b"]})
    store.close()
    (data_dir / NAME).unlink()
    report = make_store(clock=clock).load()
    assert report.state == "new" and report.data is None
    assert "backups exist" in report.messages[0] and "Restore from backup" in report.messages[0]


# --------------------------------------------------------------- T20 migrations


def m1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    return {"items": list(data["names"])}


def m2_to_3(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, "note": f"{len(data['items'])} items"}


def validate_v3(data: dict[str, Any]) -> None:
    validate(data)
    if not isinstance(data.get("note"), str):
        raise ValueError("note must be text")


def v3_store(make_store, calls: list[int] | None = None, **kw: Any) -> DocumentStore:
    def traced(step, fn):
        def run(data):
            if calls is not None:
                calls.append(step)
            return fn(data)
        return run

    return make_store(schema_version=3, validate=validate_v3, app_version="3.0.0",
                      migrations={1: traced(1, m1_to_2), 2: traced(2, m2_to_3)}, **kw)


@pytest.mark.parametrize(
    ("version", "data", "steps"),
    [(1, {"names": ["a", "b"]}, [1, 2]), (2, {"items": ["a", "b"]}, [2])],
)
def test_every_historical_schema_migrates(monkeypatch, make_store, data_dir: Path,
                                          version, data, steps) -> None:
    primary = data_dir / NAME
    old = envelope(data, version=version)
    primary.write_bytes(old)
    replaced: list[Path] = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda s, d: (replaced.append(Path(d)), real_replace(s, d)))
    calls: list[int] = []
    store = v3_store(make_store, calls)
    report = store.load()
    monkeypatch.undo()

    assert report.state == "migrated" and calls == steps
    assert report.data == {"items": ["a", "b"], "note": "2 items"}
    doc = strict_json_loads(primary.read_bytes())
    assert doc["schema_version"] == 3 and doc["app_version"] == "3.0.0"
    (backup,) = store.backups.entries()
    assert backup.reason == f"pre-migration-v{version}"
    assert backup.path.read_bytes() == old
    assert replaced == [backup.path, primary]  # the backup was in place first
    assert str(backup.path) in report.messages[0]
    store.close()

    again = v3_store(make_store)
    second = again.load()
    assert second.state == "ok" and second.data == report.data
    assert len(again.backups.entries()) == 1


def test_interrupted_migration_leaves_old_file_and_backup(monkeypatch, make_store,
                                                          data_dir: Path) -> None:
    primary = data_dir / NAME
    old = envelope({"names": ["a"]}, version=1)
    primary.write_bytes(old)
    real_write = docstore_module.atomic_write_bytes

    def crash_on_primary(path, data):
        if Path(path) == primary:
            raise SaveError("io", "simulated crash", path=path)
        return real_write(path, data)

    monkeypatch.setattr(docstore_module, "atomic_write_bytes", crash_on_primary)
    store = v3_store(make_store)
    report = store.load()
    assert report.state == "migrated" and report.data == {"items": ["a"], "note": "1 items"}
    assert "could not be written yet" in report.messages[0]
    assert primary.read_bytes() == old
    (backup,) = store.backups.entries()
    assert backup.reason == "pre-migration-v1" and backup.path.read_bytes() == old
    monkeypatch.undo()
    store.save(report.data)  # the next save finishes the upgrade
    assert strict_json_loads(primary.read_bytes())["schema_version"] == 3
    assert len(store.backups.entries()) == 1  # the old file was already backed up


@pytest.mark.parametrize(
    ("data", "fragment"),
    [({"items": ["no names key"]}, "upgrading from format 1 failed"),
     ({"names": [1]}, "items[0] must be text")],
)
def test_migration_of_bad_old_file_is_quarantined(make_store, data_dir, data, fragment) -> None:
    old = envelope(data, version=1)
    (data_dir / NAME).write_bytes(old)
    report = v3_store(make_store).load()
    assert report.state == "recovered_empty"
    assert fragment in report.messages[0]
    assert report.quarantined.read_bytes() == old


def test_unknown_old_schema_is_quarantined(make_store, data_dir: Path) -> None:
    (data_dir / NAME).write_bytes(envelope({"items": []}, version=1))
    store = make_store(schema_version=3, migrations={2: m2_to_3}, validate=validate_v3)
    report = store.load()
    assert report.state == "recovered_empty" and "too old" in report.messages[0]


def test_migration_table_must_lead_to_current_version() -> None:
    with pytest.raises(ValueError):
        DocumentStore("x", format_name=FORMAT, schema_version=2, migrations={2: m2_to_3},
                      validate=validate, app_version="2")


# --------------------------------------------------------------- T21 newer schema


def test_newer_schema_file_is_never_overwritten(make_store, data_dir: Path) -> None:
    primary = data_dir / NAME
    newer = envelope({"items": ["x"], "future_field": {"a": 1}}, version=2,
                     app_version="9.9.9", unknown_top_level=True)
    primary.write_bytes(newer)
    before = snapshot(data_dir)
    store = make_store()
    report = store.load()
    assert report.state == "newer_schema" and report.read_only and report.data is None
    assert "made by a newer version of Curbwatch (app_version 9.9.9" in report.read_only_reason
    for attempt in (lambda: store.save({"items": ["y"]}),
                    lambda: store.save({"items": ["y"]}, force=True),
                    lambda: store.backup_now("pre-import")):
        with pytest.raises(SaveError) as info:
            attempt()
        assert info.value.kind == "newer_schema"
    store.close()
    assert snapshot(data_dir) == before
    assert primary.read_bytes() == newer


# ------------------------------------------------------- T22 generations + restore


def _reference_keep(times: list[datetime], now: datetime) -> set[datetime]:
    """The policy restated independently of the implementation: all from the last 2
    days; of the older ones, the newest in each of the 7 latest days, 4 latest ISO weeks
    and 6 latest months that have any."""
    keep = {t for t in times if now - t < timedelta(days=2)}
    older = [t for t in times if now - t >= timedelta(days=2)]
    periods = [
        (lambda t: t.date(), 7),
        (lambda t: tuple(t.isocalendar())[:2], 4),
        (lambda t: (t.year, t.month), 6),
    ]
    for period, count in periods:
        newest: dict[Any, datetime] = {}
        for t in older:
            newest[period(t)] = max(t, newest.get(period(t), t))
        for key in sorted(newest, reverse=True)[:count]:
            keep.add(newest[key])
    return keep


def test_backup_generations_and_restore(make_store, data_dir: Path) -> None:
    clock = Clock(datetime(2026, 1, 1, 8, 0, tzinfo=timezone.utc))
    store = make_store(clock=clock)
    store.load()
    backups_dir = data_dir / "backups"
    created: dict[str, datetime] = {}
    step = timedelta(days=90) / 500
    content = 0
    for i in range(500):
        clock.now += step + timedelta(seconds=random.Random(i).randint(0, 600))
        before = set(snapshot(backups_dir)) if backups_dir.exists() else set()
        if i % 5 != 4:
            content += 1  # every fifth save repeats the same content
        store.save({"items": [f"content {content}"]})
        after = {e.path.name: e.when for e in store.backups.entries()}
        new = set(after) - before
        if i % 5 == 4 or i == 0:
            assert not new, "an unchanged save (or the very first) made a backup"
        else:
            assert len(new) == 1
            created.update({name: after[name] for name in new})
            pruned_at = clock.now

    entries = store.backups.entries()
    # Pruning after every backup leaves exactly what the policy picks from all backups
    # ever made (as of the last prune): nothing it would want was deleted earlier.
    expected = _reference_keep(list(created.values()), pruned_at)
    assert {e.when for e in entries} == expected
    assert len(entries) == len(expected) < len(created)
    assert {e.path for e in entries} == select_backups_to_keep(entries, pruned_at)
    for entry in entries:  # every kept generation loads
        doc = strict_json_loads(entry.path.read_bytes())
        validate(doc["data"])

    target = entries[len(entries) // 2]
    target_data = strict_json_loads(target.path.read_bytes())["data"]
    current_bytes = (data_dir / NAME).read_bytes()
    clock.tick(minutes=5)
    restored = store.restore(target)
    assert restored == target_data
    assert on_disk_data(data_dir / NAME) == target_data
    pre = store.backups.entries()[0]
    assert pre.reason == "pre-restore" and pre.path.read_bytes() == current_bytes
    store.save({"items": ["after restore"]})  # the store is in sync after a restore


def test_restore_refuses_unusable_backup(make_store, data_dir: Path) -> None:
    from app.storage.strict_json import LoadError

    clock = Clock()
    store = make_store(clock=clock)
    store.load()
    store.save({"items": ["a"]})
    clock.tick(hours=1)
    store.save({"items": ["b"]})
    entry = store.backups.entries()[0]
    entry.path.write_bytes(b"\x00")
    before = (data_dir / NAME).read_bytes()
    with pytest.raises(LoadError) as info:
        store.restore(entry)
    assert str(entry.path) in str(info.value)
    assert (data_dir / NAME).read_bytes() == before


def test_backup_now_forced_reason(make_store) -> None:
    clock = Clock()
    store = make_store(clock=clock)
    store.load()
    assert store.backup_now("pre-import") is None  # no file yet
    store.save({"items": ["a"]})
    first = store.backup_now()
    assert first is not None
    assert store.backup_now() is None  # unchanged
    clock.tick(seconds=1)
    forced = store.backup_now("pre-import")
    assert forced is not None and forced.name.endswith(".pre-import.bak")
    assert hashlib.sha256(forced.read_bytes()).digest() == hashlib.sha256(
        first.read_bytes()).digest()


# ------------------------------------------ hostile files in the data folder (issue 8)


def _within(seconds: float, fn):
    """Run ``fn`` in a daemon thread; fail (instead of hanging the suite) if it blocks."""
    import threading

    result: dict = {}
    thread = threading.Thread(target=lambda: result.setdefault("value", fn()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"blocked for more than {seconds} s"
    return result["value"]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links without privileges")
def test_symlinked_primary_is_refused_read_only_and_never_replaced(make_store, data_dir, tmp_path) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(envelope({"items": ["outside"]}))
    before = elsewhere.read_bytes()
    (data_dir / NAME).symlink_to(elsewhere)
    store = make_store()
    report = store.load()
    assert report.read_only and report.data is None
    assert "symbolic link" in report.read_only_reason and "--data-dir" in report.read_only_reason
    with pytest.raises(SaveError):
        store.save({"items": ["mine"]})
    assert (data_dir / NAME).is_symlink()  # not silently replaced by a regular file
    assert elsewhere.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_fifo_primary_is_moved_aside_without_hanging(make_store, data_dir) -> None:
    import stat

    os.mkfifo(data_dir / NAME)
    report = _within(10, make_store().load)
    assert report.state == "recovered_empty" and not report.read_only
    assert "named pipe" in report.messages[0]
    assert stat.S_ISFIFO(os.lstat(report.quarantined).st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_fifo_among_backups_is_skipped_without_hanging(make_store, data_dir) -> None:
    clock = Clock()
    store = make_store(clock=clock)
    store.load()
    for n in range(3):
        store.save({"items": [f"v{n}"]})
        clock.tick(hours=1)
    store.close()
    newest = store.backups.entries()[0].path
    newest.unlink()
    os.mkfifo(newest)
    (data_dir / NAME).write_bytes(b"")
    report = _within(10, make_store(clock=clock).load)
    assert report.state == "recovered_backup" and report.data == {"items": ["v0"]}
