"""A bad bundled file fails with a message naming the file, the record and the field."""

from __future__ import annotations

import json
import shutil

import pytest

from app.storage.bundled import DataError, load_bundled
from app.storage.paths import bundled_data_dir


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), target)
    return target


def _edit(directory, name, mutate):
    path = directory / name
    doc = json.loads(path.read_text(encoding="utf-8"))
    mutate(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")


def _load_error(directory) -> str:
    with pytest.raises(DataError) as info:
        load_bundled(directory)
    return str(info.value)


def test_bad_date(data_copy):
    _edit(data_copy, "companies.json", lambda d: d["companies"][3].update(listed="2025-02-30"))
    message = _load_error(data_copy)
    assert "companies.json" in message and "coalition-for-a-prosperous-america" in message
    assert "listed" in message and "not a date that exists" in message


def test_negative_reserves(data_copy):
    _edit(data_copy, "reserves.json", lambda d: d["reserves"][1].update(reserves_t=-5))
    message = _load_error(data_copy)
    assert "reserves.json" in message and "usgs-mcs-2026.brazil" in message
    assert "reserves_t" in message and "negative" in message


def test_duplicate_id(data_copy):
    _edit(data_copy, "elements.json", lambda d: d["elements"][1].update(id=d["elements"][0]["id"]))
    message = _load_error(data_copy)
    assert "elements.json" in message and "'samarium'" in message and "duplicate id" in message


def test_unknown_field(data_copy):
    _edit(data_copy, "companies.json", lambda d: d["companies"][0].update(nmae="typo"))
    message = _load_error(data_copy)
    assert "companies.json" in message and "nmae" in message and "unknown field" in message


def test_bad_nested_event_field(data_copy):
    _edit(data_copy, "companies.json", lambda d: d["companies"][0]["events"][0].update(until="2020-01-01"))
    message = _load_error(data_copy)
    assert "events[0].until" in message and "before it starts" in message


def test_not_json_and_missing_file(data_copy):
    (data_copy / "elements.json").write_bytes(b"{not json")
    assert "elements.json" in _load_error(data_copy)
    (data_copy / "elements.json").unlink()
    assert "elements.json" in _load_error(data_copy) and "missing" in _load_error(data_copy)


def test_unknown_reserve_source(data_copy):
    _edit(data_copy, "reserves.json", lambda d: d["reserves"][0].update(edition="usgs-mcs-1999"))
    assert "unknown source 'usgs-mcs-1999'" in _load_error(data_copy)


def test_newer_schema_refused(data_copy):
    _edit(data_copy, "reserves.json", lambda d: d.update(schema_version=99))
    assert "schema_version 99" in _load_error(data_copy)
