"""Dataset updates (app/storage/dataset_update.py): reading a zip or a folder with limits, the
checks of the bundled loader, the SHA-256 shown, refusals that say why and change nothing
(damaged and hostile files), storing the dataset in the data folder, applying it all or
nothing, and which dataset is used at the next start and after an app upgrade."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile

import pytest

from app.storage.atomic import SaveError
from app.storage.dataset_update import (
    MAX_FILE_BYTES,
    MAX_ZIP_BYTES,
    UpdateError,
    apply_update,
    check_files,
    choose_dataset,
    datasets_dir,
    read_update,
    refuse_unless_newer,
    stored_datasets,
)
from app.storage.userdata import UserData
from tests.update_files import BRAZIL, NAMES, build_folder, build_zip, bundled_docs, record

CHINA = "usgs-mcs-2026.china"


def _zip_of(path, members: dict[str, bytes], **kwargs):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data, **kwargs)
    return path


def _good_members(version="2026.12.2") -> dict[str, bytes]:
    docs = bundled_docs()
    for doc in docs.values():
        doc["dataset_version"] = version
    return {name: json.dumps(doc).encode() for name, doc in docs.items()}


# --- reading -------------------------------------------------------------------------------------------

def test_a_zip_is_read_and_checked_and_its_hash_is_the_zip_files(tmp_path):
    path = build_zip(tmp_path / "update.zip")
    update = read_update(path)
    assert update.container == "zip" and update.info.dataset_version == "2026.12.2"
    assert update.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert update.sha256_of == "of the zip file"
    assert record({"reserves.json": {"reserves": update.bundled.raw["reserves"]}}, "reserves",
                  BRAZIL)["reserves_t"] == 22_000_000


def test_a_folder_is_read_and_its_hash_is_of_the_three_files_in_order(tmp_path):
    folder = build_folder(tmp_path / "update")
    (folder / "README.txt").write_text("from the compliance team")  # other files are left alone
    update = read_update(folder)
    expected = hashlib.sha256(b"".join((folder / n).read_bytes() for n in NAMES)).hexdigest()
    assert update.container == "folder" and update.sha256 == expected
    assert "in that order" in update.sha256_of


def test_the_three_files_may_sit_in_one_folder_inside_the_zip(tmp_path):
    path = build_zip(tmp_path / "update.zip", prefix="curbwatch-2026.12.2/")
    assert read_update(path).info.dataset_version == "2026.12.2"


def _set(kind, record_id, name, value):
    def change(docs):
        record(docs, kind, record_id)[name] = value
    return change


def _duplicate_company(docs):
    docs["companies.json"]["companies"].append(dict(docs["companies.json"]["companies"][0]))


def _wrong_format(docs):
    docs["companies.json"]["format"] = "curbwatch-elements"


def _other_version(docs):
    docs["elements.json"]["dataset_version"] = "2026.12.3"


def _schema(docs):
    docs["reserves.json"]["schema_version"] = 2


@pytest.mark.parametrize("change,message", [
    (_set("reserves", BRAZIL, "reserves_t", -5), "reserves.json: reserves["),
    (_set("reserves", BRAZIL, "edition", "usgs-mcs-2099"), "unknown source 'usgs-mcs-2099'"),
    (_duplicate_company, "duplicate id"),
    (_wrong_format, "format must be 'curbwatch-companies'"),
    (_other_version, "the three files disagree on dataset_version"),
    (_schema, "schema_version 2 is not supported"),
])
def test_a_file_that_fails_the_bundled_rules_is_refused(tmp_path, change, message):
    with pytest.raises(UpdateError, match=message.replace("[", r"\[").replace("(", r"\(")):
        read_update(build_zip(tmp_path / "bad.zip", change))


def test_a_version_that_is_not_dotted_numbers_is_refused(tmp_path):
    with pytest.raises(UpdateError, match="not dotted numbers"):
        read_update(build_zip(tmp_path / "u.zip", version="2026.12.2-final"))


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def _members_without(name):
    members = _good_members()
    del members[name]
    return members


def _bomb():
    members = _good_members()
    members["companies.json"] = members["companies.json"] + b" " * MAX_FILE_BYTES
    return members


def _symlink_zip(path):
    members = _good_members()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            if name == "companies.json":
                info = zipfile.ZipInfo(name)
                info.external_attr = 0o120777 << 16
                archive.writestr(info, b"/etc/passwd")
            else:
                archive.writestr(name, data)
    return path


@pytest.mark.parametrize("make,message", [
    (lambda p: _write(p, os.urandom(4000)), "is not a zip file or a folder"),
    (lambda p: _write(p.with_suffix(".json"), b"{}"), "choose the zip, or the folder"),
    (lambda p: _write(p, b""), "is not a zip file or a folder"),
    (lambda p: _zip_of(p, _members_without("elements.json")), "elements.json is missing"),
    (lambda p: _zip_of(p, {**_good_members(), "companies.json": b'{"format": '}), "companies.json: "),
    (lambda p: _zip_of(p, {**_good_members(), "companies.json": b"\xff\xfe"}), "companies.json: "),
    (lambda p: _zip_of(p, {**_good_members(), **{f"pad/{i}.txt": b"x" for i in range(100)}}), "entries"),
    (lambda p: _zip_of(p, _bomb()), "larger than 5,000,000 bytes"),
    (lambda p: _zip_of(p, {**_good_members(), "padding.bin": b"\0" * (4 * MAX_FILE_BYTES)}),
     "would unpack to more than"),
    (lambda p: _zip_of(p, {**_good_members(), "../evil.txt": b"x"}), "outside the zip's own folder"),
    (lambda p: _zip_of(p, {**_good_members(), "/etc/cron.d/x": b"x"}), "outside the zip's own folder"),
    (lambda p: _zip_of(p, {**_good_members(), "C:/x.txt": b"x"}), "outside the zip's own folder"),
    (lambda p: _zip_of(p, {**_good_members(), "a\\..\\..\\x": b"x"}), "outside the zip's own folder"),
    (_symlink_zip, "holds a link"),
    (lambda p: _zip_of(p, {**_good_members(), "copy/companies.json": b"{}"}), "holds companies.json twice"),
    (lambda p: _zip_of(p, {f"{d}/{n}": v for d, (n, v) in zip("abc", _good_members().items())}),
     "in different folders"),
])
def test_damaged_and_hostile_zips_are_refused(tmp_path, make, message):
    path = make(tmp_path / "update.zip")
    with pytest.raises(UpdateError, match=message.replace("(", r"\(").replace("\\", "\\\\")):
        read_update(path)


def test_a_huge_file_is_refused_before_it_is_read_whole(tmp_path):
    path = tmp_path / "huge.zip"
    with open(path, "wb") as handle:
        handle.truncate(MAX_ZIP_BYTES + 1)  # sparse: no disk used
    with pytest.raises(UpdateError, match="larger than 33,554,432 bytes"):
        read_update(path)


def test_an_encrypted_member_is_refused(tmp_path):
    path = _zip_of(tmp_path / "u.zip", _good_members())
    data = bytearray(path.read_bytes())
    # Set the "encrypted" flag of every entry in the central directory (signature PK\1\2, flags at +8).
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        data[start + 8] |= 1
        start += 4
    path.write_bytes(bytes(data))
    with pytest.raises(UpdateError, match="encrypted"):
        read_update(path)


def test_folder_refusals(tmp_path):
    folder = build_folder(tmp_path / "update")
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes((folder / "companies.json").read_bytes())
    (folder / "companies.json").unlink()
    with pytest.raises(UpdateError, match="companies.json is missing from the folder"):
        read_update(folder)
    (folder / "companies.json").symlink_to(elsewhere)
    with pytest.raises(UpdateError, match="companies.json in .* is a symbolic link to .*never links"):
        read_update(folder)
    (folder / "companies.json").unlink()
    os.mkfifo(folder / "companies.json")
    with pytest.raises(UpdateError, match="named pipe"):
        read_update(folder)  # and does not hang
    (folder / "companies.json").unlink()
    with open(folder / "companies.json", "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(UpdateError, match="larger than 5,000,000 bytes"):
        read_update(folder)


def test_a_missing_path_or_a_device_is_refused(tmp_path):
    with pytest.raises(UpdateError, match="does not exist"):
        read_update(tmp_path / "nothing.zip")
    with pytest.raises(UpdateError, match="is a device, not a zip file or a folder"):
        read_update("/dev/null")


def test_an_equal_or_older_version_is_already_had(tmp_path, bundled):
    info = bundled.dataset.info
    with pytest.raises(UpdateError, match="the one in use: you already have it"):
        refuse_unless_newer(read_update(build_zip(tmp_path / "same.zip", version=info.dataset_version)), info)
    with pytest.raises(UpdateError, match=r"older than the one in use \(2026.12.1\): you already have it"):
        refuse_unless_newer(read_update(build_zip(tmp_path / "old.zip", version="2026.9.1")), info)


# --- applying, restarting, upgrading ---------------------------------------------------------------

def _edit(userdata, record_id, value):
    ws = userdata.workspace
    ws.set_entry("reserves", record_id, ws.entry_for_field("reserves", record_id, "reserves_t", value))
    userdata.save()


def _restart(bundled, directory):
    in_use, notes = choose_dataset(bundled, directory)
    userdata = UserData(directory, in_use)
    report = userdata.open()
    return userdata, report, notes


def test_apply_merges_with_an_edit_of_another_record_and_survives_a_restart(tmp_path, bundled, open_userdata,
                                                                           user_data_dir):
    userdata, _report = open_userdata()
    _edit(userdata, CHINA, 45_000_000)
    update = read_update(build_zip(tmp_path / "update.zip"))
    assert apply_update(userdata, update) == []
    ws = userdata.workspace
    assert ws.info.dataset_version == "2026.12.2" and ws.base_dataset_version == "2026.12.2"
    assert ws.record("reserves", BRAZIL).reserves_t == 22_000_000
    assert ws.record("reserves", CHINA).reserves_t == 45_000_000 and ws.conflicts() == []
    assert any(e.reason == "pre-import" for e in userdata.backups())
    userdata.close()

    again, report, notes = _restart(bundled, user_data_dir)
    try:
        assert notes == [] and report.messages == []  # nothing to merge: the layer is already over 2026.12.2
        ws = again.workspace
        assert ws.info.dataset_version == "2026.12.2"
        assert ws.record("reserves", BRAZIL).reserves_t == 22_000_000
        assert ws.record("reserves", CHINA).reserves_t == 45_000_000
        assert ws.is_edited("reserves", CHINA, "reserves_t") and not ws.is_edited("reserves", BRAZIL, "reserves_t")
    finally:
        again.close()
    kept = {s.version: s for s in stored_datasets(user_data_dir)}
    assert kept["2026.12.2"].origin == "imported" and kept["2026.12.2"].sha256 == update.sha256
    assert kept["2026.12.2"].source == "update.zip"
    assert kept["2026.12.1"].origin == "bundled"  # the previous one, for Help > What changed
    assert sorted(p.name for p in (datasets_dir(user_data_dir) / "2026.12.2").iterdir()) == \
        ["companies.json", "elements.json", "origin.json", "reserves.json"]


def test_a_conflict_stays_marked_after_a_restart_until_resolved(tmp_path, bundled, open_userdata, user_data_dir):
    userdata, _report = open_userdata()
    _edit(userdata, BRAZIL, 20_000_000)
    apply_update(userdata, read_update(build_zip(tmp_path / "update.zip")))
    [conflict] = userdata.workspace.conflicts()
    assert (conflict.record_id, conflict.base, conflict.bundled, conflict.mine) == \
        (BRAZIL, 21_000_000, 22_000_000, 20_000_000)
    userdata.close()
    again, _report, _notes = _restart(bundled, user_data_dir)
    try:
        ws = again.workspace
        assert [c.record_id for c in ws.conflicts()] == [BRAZIL]
        assert ws.record("reserves", BRAZIL).reserves_t == 20_000_000
        ws.set_entry("reserves", BRAZIL, ws.entry_keep_mine("reserves", BRAZIL, "reserves_t"))
        again.save()
    finally:
        again.close()
    third, _report, _notes = _restart(bundled, user_data_dir)
    try:
        assert third.workspace.conflicts() == []
    finally:
        third.close()


def test_a_failed_save_changes_nothing(tmp_path, open_userdata, user_data_dir, monkeypatch):
    userdata, _report = open_userdata()
    _edit(userdata, CHINA, 45_000_000)
    on_disk = userdata.path.read_bytes()
    update = read_update(build_zip(tmp_path / "update.zip"))

    def full(*_a, **_k):
        raise SaveError("disk_full", path=userdata.path)

    monkeypatch.setattr(userdata, "save", full)
    with pytest.raises(UpdateError, match="Not imported: your data could not be saved .*disk is full.*Nothing was"):
        apply_update(userdata, update)
    ws = userdata.workspace
    assert ws.info.dataset_version == "2026.12.1" and userdata.bundled.dataset.info.dataset_version == "2026.12.1"
    assert ws.record("reserves", BRAZIL).reserves_t == 21_000_000
    assert ws.record("reserves", CHINA).reserves_t == 45_000_000 and ws.base_dataset_version == "2026.12.1"
    assert not (datasets_dir(user_data_dir) / "2026.12.2").exists()
    assert userdata.path.read_bytes() == on_disk


def test_a_dataset_that_cannot_be_stored_changes_nothing(tmp_path, open_userdata, user_data_dir):
    userdata, _report = open_userdata()
    _edit(userdata, CHINA, 45_000_000)
    on_disk = userdata.path.read_bytes()
    datasets_dir(user_data_dir).write_text("not a folder")
    with pytest.raises(UpdateError, match="the dataset could not be stored .*Nothing was changed"):
        apply_update(userdata, read_update(build_zip(tmp_path / "update.zip")))
    assert userdata.workspace.info.dataset_version == "2026.12.1" and userdata.path.read_bytes() == on_disk


def test_a_read_only_copy_does_not_import(tmp_path, bundled, open_userdata, user_data_dir):
    _first, _report = open_userdata()  # holds the data lock
    second = UserData(user_data_dir, bundled)
    second.open()
    try:
        assert second.read_only
        with pytest.raises(UpdateError, match="read-only"):
            apply_update(second, read_update(build_zip(tmp_path / "update.zip")))
        assert not datasets_dir(user_data_dir).exists()
    finally:
        second.close()


def test_a_later_app_upgrade_wins_with_the_same_merge(tmp_path, bundled, open_userdata, user_data_dir):
    userdata, _report = open_userdata()
    _edit(userdata, CHINA, 45_000_000)
    apply_update(userdata, read_update(build_zip(tmp_path / "update.zip")))
    userdata.close()

    def upgrade(docs):
        record(docs, "reserves", BRAZIL)["reserves_t"] = 23_000_000

    newer_app = check_files({n: (build_folder(tmp_path / "app", upgrade, "2027.1.1") / n).read_bytes() for n in NAMES})
    again, report, notes = _restart(newer_app, user_data_dir)
    try:
        assert again.workspace.info.dataset_version == "2027.1.1"
        assert report.messages[0].startswith("The bundled dataset was updated (2026.12.2 → 2027.1.1)")
        assert again.workspace.record("reserves", BRAZIL).reserves_t == 23_000_000
        assert again.workspace.record("reserves", CHINA).reserves_t == 45_000_000
    finally:
        again.close()
    # An older app (or the same one) keeps the imported, newer dataset.
    in_use, notes = choose_dataset(bundled, user_data_dir)
    assert in_use.dataset.info.dataset_version == "2026.12.2" and notes == []


def test_a_damaged_or_tampered_stored_dataset_is_passed_over(tmp_path, bundled, open_userdata, user_data_dir):
    userdata, _report = open_userdata()
    apply_update(userdata, read_update(build_zip(tmp_path / "update.zip")))
    userdata.close()
    stored = datasets_dir(user_data_dir) / "2026.12.2" / "reserves.json"
    stored.write_bytes(stored.read_bytes().replace(b"22000000", b"99000000"))
    in_use, notes = choose_dataset(bundled, user_data_dir)
    assert in_use is bundled
    assert notes == [f"The imported dataset 2026.12.2 in {stored.parent} cannot be used (its files were changed "
                     f"after it was stored); using dataset 2026.12.1 instead."]


def test_a_symlinked_datasets_folder_is_not_followed(tmp_path, bundled, user_data_dir):
    elsewhere = tmp_path / "elsewhere"
    build_folder(elsewhere / "2026.12.2")
    user_data_dir.mkdir(parents=True)
    datasets_dir(user_data_dir).symlink_to(elsewhere)
    in_use, notes = choose_dataset(bundled, user_data_dir)
    assert in_use is bundled and "is a symbolic link" in notes[0]


def test_leftovers_of_an_interrupted_store_are_ignored(tmp_path, bundled, user_data_dir):
    half = datasets_dir(user_data_dir) / ".incoming-abc123"
    build_folder(half)
    assert stored_datasets(user_data_dir) == []
    assert choose_dataset(bundled, user_data_dir) == (bundled, [])


def test_the_dataset_in_use_is_chosen_alike_with_and_without_the_shortcut(tmp_path, bundled, user_data_dir):
    """app.storage.dataset_in_use skips loading the update code only when there is no datasets
    folder at all; whatever else stands there is judged by the update code, with its warning."""
    from app.storage import dataset_in_use

    assert dataset_in_use.choose_dataset(bundled, tmp_path / "nothing-here") == (bundled, [])
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    for data_dir in (a_file, user_data_dir):  # datasets under a file; datasets that is a file
        if data_dir == user_data_dir:
            user_data_dir.mkdir(parents=True, exist_ok=True)
            datasets_dir(user_data_dir).write_text("not a folder")
        chosen, notes = dataset_in_use.choose_dataset(bundled, data_dir)
        assert chosen is bundled and notes == choose_dataset(bundled, data_dir)[1] and len(notes) == 1, data_dir
        assert "imported datasets there are not used" in notes[0]


# --- when the user's edits were made (app/storage/edit_times.py) ------------------------------------------

def test_edit_times_come_from_the_journal_and_the_backups(bundled, user_data_dir):
    import datetime as dt

    from app.storage.edit_times import edit_times

    now = [dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)]
    userdata = UserData(user_data_dir, bundled, clock=lambda: now[0])
    userdata.open()
    try:
        def edit(minute, record_id, value):
            now[0] = now[0].replace(minute=minute)
            ws = userdata.workspace
            ws.set_entry("reserves", record_id, ws.entry_for_field("reserves", record_id, "reserves_t", value))
            userdata.commit()  # its journal line, as the controller writes it for every edit
            userdata.save()  # a routine backup of the file before it, at most every ten minutes

        edit(0, "usgs-mcs-2026.china", 45_000_000)  # no file before: no backup
        edit(20, "usgs-mcs-2026.brazil", 20_000_000)  # backup at 09:20 of the file saved at 09:00 (China)
        edit(40, "usgs-mcs-2026.india", 1_000_000)  # backup of the file of 09:20 (China, Brazil); journal cut
        edit(45, "usgs-mcs-2026.vietnam", 2_000_000)  # no backup (five minutes)
        changes = userdata.workspace.changes()
        found = edit_times(userdata, changes)
        times = {c.record_id: found[(c.kind, c.record_id, c.field)].text() for c in changes}
    finally:
        userdata.close()
    assert times == {
        "usgs-mcs-2026.vietnam": "2026-12-01 09:45 UTC",
        "usgs-mcs-2026.india": "2026-12-01 09:40 UTC",
        "usgs-mcs-2026.brazil": "between 2026-12-01 09:00 UTC and 2026-12-01 09:20 UTC",
        "usgs-mcs-2026.china": "on or before 2026-12-01 09:00 UTC",
    }
