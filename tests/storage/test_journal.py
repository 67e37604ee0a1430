"""Tests of app.storage.journal and of DocumentStore with a journal (issue 8: exact recovery):
the line format, torn and damaged lines, a failed append, the cut back to the newest backup,
and kill -9 in the middle of appends and saves, with the data file damaged afterwards. The
kill loop runs crash_child.py's "journal" mode. No Qt."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.storage.atomic import SaveError
from app.storage.clock import utc_now
from app.storage.journal import EMPTY, Journal, encode_line

from . import crash_child

CHILD = Path(crash_child.__file__).resolve()
NAME = "userdata.json"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


def store_at(directory: Path, clock: Clock | None = None):
    return crash_child.open_journal_store(directory / NAME, clock=clock)


def close_as_if_killed(store) -> None:
    """What the kernel does when the process dies: descriptors closed, lock released."""
    store.journal.close()
    store._lock.release()


# ---------------------------------------------------------------------- the file


def test_lines_carry_a_checksum_and_a_torn_tail_is_ignored(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j", format_name="f", schema_version=1, clock=utc_now)
    journal.start(EMPTY)
    journal.changes([{"counter": 1}])
    journal.changes([{"counter": 2}])
    journal.close()
    raw = (tmp_path / "j").read_bytes()
    line = raw.splitlines()[2]
    assert line[8:9] == b" " and int(line[:8], 16) >= 0
    (tmp_path / "j").write_bytes(raw + encode_line({"op": "change", "changes": [{"counter": 3}]})[:-7])
    contents = journal.read()
    assert [o.get("changes") for o, _ in contents.lines] == [None, [{"counter": 1}], [{"counter": 2}]]
    assert contents.torn_tail and not contents.damaged and contents.good_length == len(raw)


def test_a_bad_line_in_the_middle_is_damage_not_a_torn_tail(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j", format_name="f", schema_version=1, clock=utc_now)
    journal.start(EMPTY)
    for n in range(3):
        journal.changes([{"counter": n}])
    journal.close()
    lines = (tmp_path / "j").read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b'"counter":0', b'"counter":9')  # checksum no longer matches
    (tmp_path / "j").write_bytes(b"\n".join(lines))
    contents = journal.read()
    assert contents.damaged == [3] and not contents.torn_tail
    assert [o["changes"] for o, _ in contents.lines if o["op"] == "change"] == [[{"counter": 1}], [{"counter": 2}]]


def test_a_failed_append_leaves_no_half_line(tmp_path: Path, monkeypatch) -> None:
    journal = Journal(tmp_path / "j", format_name="f", schema_version=1, clock=utc_now)
    journal.start(EMPTY)
    before = (tmp_path / "j").read_bytes()
    real_write = os.write

    def half_then_full(fd, data):
        real_write(fd, bytes(data)[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(SaveError) as info:
        journal.changes([{"counter": 1}])
    monkeypatch.undo()
    assert info.value.kind == "disk_full"
    assert (tmp_path / "j").read_bytes() == before
    journal.changes([{"counter": 2}])  # the next append is a whole line of its own
    assert [o.get("changes") for o, _ in journal.read().lines][-1] == [{"counter": 2}]


# ------------------------------------------------------------ with the document store


def test_committed_changes_survive_a_crash_before_the_save(tmp_path: Path) -> None:
    store = store_at(tmp_path)
    store.load()
    store.save({"counter": 1})
    store.journal_changes([{"counter": 2}])
    close_as_if_killed(store)
    again = store_at(tmp_path)
    report = again.load()
    assert report.data == {"counter": 2} and report.state == "recovered_journal"
    again.close()


def test_the_journal_is_cut_back_to_the_newest_backup(tmp_path: Path) -> None:
    clock = Clock()
    store = store_at(tmp_path, clock)
    store.load()
    for n in range(1, 200):
        clock.now += timedelta(minutes=1)
        store.journal_changes([{"counter": n}])
        store.save({"counter": n})
    lines = store.journal.read().lines
    newest = store.backups.entries()[0]
    assert len(lines) < 30  # about ten minutes of edits and markers, not 200 of each
    store.close()
    (tmp_path / NAME).write_bytes(b"\x00")
    again = store_at(tmp_path, clock)
    report = again.load()
    assert report.data == {"counter": 199} and report.backup_used == newest and report.recovery.exact
    again.close()


@pytest.mark.skipif(os.name != "posix", reason="symbolic links without privileges")
def test_a_symlinked_journal_is_moved_aside_never_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    data = tmp_path / "data"
    data.mkdir()
    (data / "userdata.journal").symlink_to(victim)
    store = store_at(data)
    report = store.load()
    store.journal_changes([{"counter": 5}])
    store.save({"counter": 5})
    store.close()
    assert victim.read_text() == "precious\n"
    assert not (data / "userdata.journal").is_symlink()
    assert report.recovery.journal_kept is not None and report.recovery.journal_kept.is_symlink()


# ------------------------------------------------------------------ kill -9 loop


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill9_during_journal_appends_and_saves_then_damage_loses_no_committed_edit(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    rng = random.Random(20261201)
    confirmed = 0
    damaged_main = damaged_journal_tail = 0
    started = time.monotonic()
    for kill in range(60):
        assert time.monotonic() - started < 120, f"only {kill} kills in 120 s"
        with subprocess.Popen([sys.executable, str(CHILD), "journal", str(data / NAME)], stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
            first = child.stdout.readline()
            if not first.startswith("ready"):
                child.kill()
                child.wait()
                pytest.fail(f"child did not start: {first!r} {child.stderr.read()!r}")
            time.sleep(rng.uniform(0.0, 0.05))
            child.send_signal(signal.SIGKILL)
            out, _ = child.communicate()
        printed = [int(x) for x in out.split()]
        confirmed = printed[-1] if printed else confirmed
        damage = rng.random()
        if damage < 0.3 and (data / NAME).exists():
            main = data / NAME  # the data file damaged after the crash: the journal must cover it
            main.write_bytes(main.read_bytes()[: rng.randrange(0, 40)])
            damaged_main += 1
        elif damage < 0.4:
            journal = data / "userdata.journal"  # a torn tail, as a kill mid-append leaves it
            journal.write_bytes(journal.read_bytes() + b'0badf00d {"op":"change","changes":[{"coun')
            damaged_journal_tail += 1
        store = store_at(data)
        report = store.load()
        try:
            assert not report.read_only, report.messages
            value = report.data["counter"] if report.data else 0
            # Nothing committed is lost; at most the one edit in flight is kept or lost.
            assert value in (confirmed, confirmed + 1), (kill, value, confirmed, report.messages)
            assert report.recovery is None or report.recovery.exact, report.messages
            assert not list(data.glob("userdata.journal.unused.*")), report.messages
        finally:
            store.close()
        confirmed = value
    assert confirmed > 100 and damaged_main > 5 and damaged_journal_tail > 2
    print(f"60 kills, counter {confirmed}, data file damaged {damaged_main} times, torn journal tails "
          f"{damaged_journal_tail}")
