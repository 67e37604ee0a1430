"""Exact recovery (issue 8): every committed edit is a journal line, so a single damaged file
loses no committed edit, and where recovery cannot be exact the report says what may be
missing. Also: entries with null inside never crash start-up nor get written back, and a
restore is previewed before it is done and never leaves the workspace half-replaced."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from app.storage.atomic import SaveError
from app.storage.journal import encode_line
from app.storage.userdata import FILE_NAME, JOURNAL_NAME, UserData
from tests.conftest import load_bundled_for_tests

VIETNAM, BRAZIL = "article-2025.vietnam", "article-2025.brazil"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 29, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


def reserves(userdata: UserData) -> dict[str, float]:
    return {r.id: r.reserves_t for r in userdata.workspace.dataset.reserves}


def edit(userdata: UserData, record_id: str, value, *, save: bool = True) -> None:
    """One committed edit as the app makes it: the change, its journal line, then (a moment
    later, off the typing path) the full save."""
    ws = userdata.workspace
    ws.set_entry("reserves", record_id, ws.entry_for_field("reserves", record_id, "reserves_t", value))
    userdata.commit()
    if save:
        userdata.save()


def killed(userdata: UserData) -> None:
    """What the kernel does when the process dies here: its files closed, its lock released;
    nothing saved."""
    userdata.store.journal.close()
    userdata.store._lock.release()


def revert(userdata: UserData, record_id: str) -> None:
    ws = userdata.workspace
    ws.set_entry("reserves", record_id, ws.entry_without_field("reserves", record_id, "reserves_t"))
    userdata.commit()
    userdata.save()


@pytest.fixture
def bundled_reserves(bundled):
    return {r.id: r.reserves_t for r in bundled.dataset.reserves}


def test_a_truncated_data_file_loses_no_committed_edit(open_userdata, user_data_dir, bundled_reserves):
    # The reproduction of issue 8: the reverted Vietnam edit came back, Brazil was gone.
    userdata, _ = open_userdata()
    edit(userdata, VIETNAM, 22_000_000)
    revert(userdata, VIETNAM)
    edit(userdata, BRAZIL, 23_500_000)
    userdata.close()  # quit
    main = user_data_dir / FILE_NAME
    main.write_bytes(main.read_bytes()[:100])  # truncated

    again, report = open_userdata()
    values = reserves(again)
    assert values[BRAZIL] == 23_500_000
    assert values[VIETNAM] == bundled_reserves[VIETNAM]
    assert report.state == "recovered_backup" and report.recovery.exact
    banner = " ".join(report.messages)
    assert "damaged" in banner and "journal of your edits" in banner and "could not be recovered" not in banner
    assert "Records brought back from the journal: Vietnam (News article); Brazil (News article)." in banner
    assert json.loads(main.read_bytes())["data"]["records"]["reserves"][BRAZIL]["fields"]["reserves_t"] == 23_500_000


def test_an_edit_committed_but_never_saved_comes_back(open_userdata, user_data_dir):
    userdata, _ = open_userdata()
    edit(userdata, BRAZIL, 1_000)
    edit(userdata, BRAZIL, 2_000, save=False)  # killed before the full save
    killed(userdata)
    again, report = open_userdata()
    assert reserves(again)[BRAZIL] == 2_000
    assert report.state == "recovered_journal" and "recovered from the journal" in report.messages[0]
    assert json.loads((user_data_dir / FILE_NAME).read_bytes())["data"]["records"]["reserves"][BRAZIL][
        "fields"]["reserves_t"] == 2_000  # written back at once


def test_edits_of_a_first_session_that_never_saved_come_back(open_userdata, user_data_dir):
    userdata, _ = open_userdata()
    edit(userdata, BRAZIL, 3_000, save=False)
    killed(userdata)
    assert not (user_data_dir / FILE_NAME).exists()
    again, report = open_userdata()
    assert reserves(again)[BRAZIL] == 3_000
    assert report.state == "recovered_journal" and report.recovery.exact


def test_a_damaged_journal_loses_nothing_the_data_file_holds(open_userdata, user_data_dir):
    userdata, _ = open_userdata()
    for value in (10, 20, 30):
        edit(userdata, BRAZIL, value)
    userdata.close()
    journal = user_data_dir / JOURNAL_NAME
    lines = journal.read_bytes().split(b"\n")
    lines[2] = lines[2][:12] + b"X" + lines[2][13:]  # a flipped byte in the middle
    journal.write_bytes(b"\n".join(lines))

    again, report = open_userdata()
    assert reserves(again)[BRAZIL] == 30
    kept = report.recovery.journal_kept
    assert kept is not None and kept.exists() and kept.name.startswith(f"{JOURNAL_NAME}.unused.")
    assert any("journal of your edits was damaged" in m and str(kept) in m for m in report.messages)
    assert again.damaged_files() == [kept]
    edit(again, BRAZIL, 40)  # a new journal works, and covers the next damage
    again.close()
    (user_data_dir / FILE_NAME).write_bytes(b"")
    third, report = open_userdata()
    assert reserves(third)[BRAZIL] == 40 and report.recovery.exact


def test_journal_and_backups_over_hours_of_editing_recover_exactly(bundled, user_data_dir):
    clock = Clock()
    user_data_dir.mkdir(parents=True)
    userdata = UserData(user_data_dir, bundled, clock=clock)
    userdata.open()
    for minute in range(0, 180, 7):  # backups every ten minutes, journal cut at each
        clock.now += timedelta(minutes=7)
        edit(userdata, BRAZIL, minute)
        edit(userdata, VIETNAM, minute + 1)
    size = (user_data_dir / JOURNAL_NAME).stat().st_size
    userdata.close()
    assert size < 20_000, "the journal is cut back at every backup"
    (user_data_dir / FILE_NAME).write_bytes(b"\x00" * 50)
    again = UserData(user_data_dir, bundled, clock=clock)
    report = again.open()
    try:
        assert reserves(again)[BRAZIL] == 175 and reserves(again)[VIETNAM] == 176
        assert report.recovery.exact and report.state == "recovered_backup"
    finally:
        again.close()


def test_where_recovery_cannot_be_exact_the_report_says_what_may_be_missing(bundled, user_data_dir):
    clock = Clock()
    user_data_dir.mkdir(parents=True)
    userdata = UserData(user_data_dir, bundled, clock=clock)
    userdata.open()
    edit(userdata, BRAZIL, 1)
    clock.now += timedelta(minutes=11)
    edit(userdata, BRAZIL, 2)  # backed up the file holding 1
    edit(userdata, VIETNAM, 3)
    userdata.close()
    (user_data_dir / JOURNAL_NAME).unlink()  # two files lost: the journal and ...
    (user_data_dir / FILE_NAME).write_bytes(b"{")  # ... the data file
    again = UserData(user_data_dir, bundled, clock=clock)
    report = again.open()
    try:
        assert reserves(again)[BRAZIL] == 1  # the newest backup is all there is
        assert not report.recovery.exact and report.recovery.missing_from == "2026-11-29 09:11 UTC"
        assert any("Changes made after 2026-11-29 09:11 UTC could not be recovered" in m for m in report.messages)
    finally:
        again.close()


def test_a_journal_of_another_copy_of_the_file_is_kept_aside_not_replayed(open_userdata, user_data_dir,
                                                                           bundled_reserves):
    userdata, _ = open_userdata()
    edit(userdata, BRAZIL, 5)
    edit(userdata, VIETNAM, 6, save=False)  # unsaved when the file is replaced
    killed(userdata)
    replaced = json.loads((user_data_dir / FILE_NAME).read_bytes())
    replaced["data"]["records"]["reserves"][BRAZIL]["fields"]["reserves_t"] = 7  # by hand
    (user_data_dir / FILE_NAME).write_text(json.dumps(replaced), encoding="utf-8")
    again, report = open_userdata()
    assert reserves(again)[BRAZIL] == 7 and reserves(again)[VIETNAM] == bundled_reserves[VIETNAM]
    assert report.recovery.set_aside_edits == 1
    assert any("belong to another version of the data file" in m for m in report.messages)


def test_a_torn_last_journal_line_is_ignored_and_cut_before_the_next(open_userdata, user_data_dir):
    userdata, _ = open_userdata()
    edit(userdata, BRAZIL, 8)
    userdata.close()
    journal = user_data_dir / JOURNAL_NAME
    torn = encode_line({"op": "change", "at": "x", "changes": [{"kind": "reserves", "id": BRAZIL, "entry": None}]})
    journal.write_bytes(journal.read_bytes() + torn[: len(torn) // 2])  # killed mid-append
    again, report = open_userdata()
    assert reserves(again)[BRAZIL] == 8 and report.state == "ok" and report.messages == []
    edit(again, BRAZIL, 9, save=False)
    assert journal.read_bytes().count(b"\n") == len(journal.read_bytes().splitlines())  # no torn piece left
    killed(again)
    third, _ = open_userdata()
    assert reserves(third)[BRAZIL] == 9


# ----------------------------------------------------------- null inside an entry


def _with_entry(entry: object) -> dict:
    return {"format": "curbwatch-userdata", "schema_version": 1, "app_version": "0.1.0",
            "saved_at": "2026-11-29T09:00:00Z",
            "data": {"base_dataset_version": load_bundled_for_tests().dataset.info.dataset_version,
                     "records": {"companies": {"echodyne": entry}, "elements": {},
                                 "reserves": {BRAZIL: {"fields": {"reserves_t": 11}, "base": {"reserves_t": 0}}}}}}


@pytest.mark.parametrize("entry", [{"fields": None}, {"fields": {"notes": "x"}, "base": None}, {"added": None},
                                   {"deleted": "no"}, None, []])
def test_a_malformed_entry_never_crashes_start_up_and_is_dropped_alone(open_userdata, user_data_dir, entry):
    user_data_dir.mkdir(parents=True)
    (user_data_dir / FILE_NAME).write_text(json.dumps(_with_entry(entry)), encoding="utf-8")
    userdata, report = open_userdata()
    assert reserves(userdata)[BRAZIL] == 11  # the rest of the file is used
    assert [r.record_id for r in report.left_out] == ["echodyne"]
    assert any("could not be used" in m and "echodyne" in m for m in report.messages)
    on_disk = json.loads((user_data_dir / FILE_NAME).read_bytes())
    assert "echodyne" not in on_disk["data"]["records"]["companies"]
    kept = [b for b in userdata.backups() if b.reason == "pre-discard"]
    assert kept and b'"echodyne"' in kept[0].path.read_bytes()  # the file as it was


def test_recovery_never_writes_a_malformed_entry_back_as_the_data_file(open_userdata, user_data_dir):
    user_data_dir.mkdir(parents=True)
    backups = user_data_dir / "backups"
    backups.mkdir()
    (backups / f"{FILE_NAME}.20261129T080000Z.bak").write_text(json.dumps(_with_entry({"fields": None})),
                                                               encoding="utf-8")
    (user_data_dir / FILE_NAME).write_bytes(b"")
    for _ in range(2):  # and every later start works too
        userdata, report = open_userdata()
        assert reserves(userdata)[BRAZIL] == 11
        on_disk = json.loads((user_data_dir / FILE_NAME).read_bytes())
        assert "echodyne" not in on_disk["data"]["records"]["companies"]
        userdata.close()
    assert report.state == "ok"


def test_restoring_a_backup_with_a_malformed_entry_replaces_the_workspace_whole(open_userdata, user_data_dir,
                                                                                bundled_reserves):
    userdata, _ = open_userdata()
    edit(userdata, VIETNAM, 12)
    backups = user_data_dir / "backups"
    backups.mkdir(exist_ok=True)
    path = backups / f"{FILE_NAME}.20261129T080000Z.bak"
    path.write_text(json.dumps(_with_entry({"fields": None})), encoding="utf-8")
    entry = next(b for b in userdata.backups() if b.path == path)
    left_out = userdata.restore(entry)
    assert [r.record_id for r in left_out] == ["echodyne"]
    assert reserves(userdata)[BRAZIL] == 11 and reserves(userdata)[VIETNAM] == bundled_reserves[VIETNAM]
    userdata.close()
    again, report = open_userdata()
    assert reserves(again)[BRAZIL] == 11 and report.messages == []


def test_a_restore_that_cannot_be_written_changes_nothing(open_userdata, user_data_dir, monkeypatch):
    userdata, _ = open_userdata()
    edit(userdata, VIETNAM, 13)
    backups = user_data_dir / "backups"
    backups.mkdir(exist_ok=True)
    path = backups / f"{FILE_NAME}.20261129T080000Z.bak"
    path.write_text(json.dumps(_with_entry({"fields": {"notes": "old"}, "base": {"notes": ""}})), encoding="utf-8")
    entry = next(b for b in userdata.backups() if b.path == path)
    before = userdata.workspace.layer_view()

    def refuse(*args, **kwargs):
        raise SaveError("disk_full")

    monkeypatch.setattr(userdata.store, "save", refuse)
    with pytest.raises(SaveError):
        userdata.restore(entry)
    assert userdata.workspace.layer_view() == before and reserves(userdata)[VIETNAM] == 13
    monkeypatch.undo()
    userdata.close()
    again, _ = open_userdata()
    assert reserves(again)[VIETNAM] == 13  # neither the restore nor its journal line came back


# ----------------------------------------------------------------- restore preview


def test_restore_preview_says_what_would_change_and_lists_damaged_files(open_userdata, user_data_dir):
    userdata, _ = open_userdata()
    edit(userdata, VIETNAM, 14)
    userdata.close()
    (user_data_dir / FILE_NAME).write_bytes(b"garbage")
    userdata, report = open_userdata()
    backups = user_data_dir / "backups"
    backups.mkdir(exist_ok=True)
    path = backups / f"{FILE_NAME}.20261129T080000Z.bak"
    doc = _with_entry({"fields": None})
    doc["data"]["records"]["reserves"]["user.usgs-mcs-2025.atlantis"] = {"added": {
        "id": "user.usgs-mcs-2025.atlantis", "country": "Atlantis", "edition": "usgs-mcs-2025",
        "reserves_t": 5, "confidence": "LOW", "note": ""}}
    path.write_text(json.dumps(doc), encoding="utf-8")
    entry = next(b for b in userdata.backups() if b.path == path)
    before = (user_data_dir / FILE_NAME).read_bytes()

    preview = userdata.preview_restore(entry)
    assert {(c.record_id, c.action) for c in preview.changes} == {
        (BRAZIL, "changed"), (VIETNAM, "changed"), ("user.usgs-mcs-2025.atlantis", "added")}
    assert next(c for c in preview.changed if c.record_id == BRAZIL).fields == ("reserves_t",)
    assert [r.record_id for r in preview.unusable] == ["echodyne"]
    assert preview.damaged_files == [report.quarantined]
    assert (user_data_dir / FILE_NAME).read_bytes() == before  # nothing changed
    assert reserves(userdata)[VIETNAM] == 14
