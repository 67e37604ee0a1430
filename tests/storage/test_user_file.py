"""The one reader of a file the user chose, used by the record import and the screening list."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from app.storage import user_file
from app.storage.record_import import ImportFileError, read_table
from app.storage.screening_io import NameListError, read_names
from app.storage.user_file import UserFileProblem, decode_text, read_capped


def _within(seconds, call, fifo):
    """``call()``'s exception, failing (not hanging) if it has not returned after ``seconds``."""
    outcome = {}

    def run():
        try:
            call()
        except Exception as exc:  # noqa: BLE001 - handed to the test
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():  # a writer releases a reader blocked in open(); then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(seconds)
        pytest.fail(f"reading the FIFO {fifo} blocked")
    return outcome.get("error")


@pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs in the Windows file system")
def test_a_fifo_is_refused_at_once_by_the_import_and_the_name_list(tmp_path):
    fifo = tmp_path / "names.csv"
    os.mkfifo(fifo)
    refused = _within(5, lambda: read_table(fifo), fifo)
    assert isinstance(refused, ImportFileError)
    assert str(refused) == "names.csv is a named pipe (FIFO): only regular files are read."
    refused = _within(5, lambda: read_names(fifo), fifo)
    assert isinstance(refused, NameListError)
    assert str(refused) == f"{fifo} is a named pipe (FIFO): only regular files are read."


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_link_to_a_file_the_user_chose_is_followed(tmp_path):
    target = tmp_path / "list.txt"
    target.write_bytes(b"Insitu\nEchodyne\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert read_capped(link, 100) == b"Insitu\nEchodyne\n"
    assert read_names(link).names == ["Insitu", "Echodyne"]


def test_what_is_refused_and_why(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"12345")
    assert read_capped(path, 5) == b"12345"
    cases = [(lambda: read_capped(path, 4), user_file.TOO_BIG, {"size": 5}),
             (lambda: read_capped(tmp_path, 4), user_file.FOLDER, {}),
             (lambda: read_capped(tmp_path / "nope", 4), user_file.UNREADABLE, {"reason": "No such file or directory"}),
             (lambda: decode_text(b"\xff\xfe\x00"), user_file.BAD_UTF16, {"reason": "truncated data"}),
             (lambda: decode_text(b"a,b\n\x00"), user_file.BINARY, {}),
             (lambda: decode_text(b"a\nb\xe9\n"), user_file.NOT_UTF8, {"byte": 0xe9, "line": 2})]
    for call, kind, facts in cases:
        with pytest.raises(UserFileProblem) as problem:
            call()
        assert (problem.value.kind, problem.value.facts) == (kind, facts)
    assert decode_text("\ufeffé".encode()) == "é" and decode_text("é".encode("utf-16")) == "é"
