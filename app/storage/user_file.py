"""Reading a file the user chose (records to import, a list of names to screen) as text: one
reader for both, so that they refuse the same things the same way. No Qt.

The file must be a regular file (a link to one is followed): it is opened without blocking
(``safe_open.open_regular``), so a named pipe (FIFO) given as the file is refused at once
instead of making the app wait for ever in ``open()`` or ``read()``. It may be at most a given
number of bytes; its text is UTF-8 (with or without a byte-order mark) or UTF-16 with a BOM,
and a NUL byte near the start marks a binary file (a spreadsheet saved as .xlsx).

Each caller says what is wrong in its own words: ``UserFileProblem.kind`` names the check that
failed and ``facts`` holds what the message needs.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app.storage.safe_open import NotRegularFile, open_regular

__all__ = ["UserFileProblem", "decode_text", "read_capped"]

TOO_BIG = "too big"  # facts: size (bytes)
FOLDER = "folder"
NOT_A_FILE = "not a file"  # facts: what (a Msg: "a named pipe (FIFO)", "a device", ...)
UNREADABLE = "unreadable"  # facts: reason (the OS's words)
BAD_UTF16 = "bad utf-16"  # facts: reason
BINARY = "binary"
NOT_UTF8 = "not utf-8"  # facts: byte (int), line (1-based)


class UserFileProblem(ValueError):
    """Why a file cannot be read as text; ``kind`` is one of the constants above."""

    def __init__(self, kind: str, **facts: object) -> None:
        super().__init__(kind, facts)
        self.kind = kind
        self.facts = facts


def read_capped(path: Path | str, max_bytes: int, *, pipes: bool = False) -> bytes:
    """The bytes of the regular file ``path``, refused (UserFileProblem) if it is bigger than
    ``max_bytes``, a folder, a pipe, device or socket, or cannot be read. ``pipes``: a named
    pipe is read to its end too (the command line: ``curbwatch --screen <(cmd)`` is a pipe the
    user made to be read; in the window a pipe would hang it)."""
    if pipes and _is_fifo(path):
        try:
            with open(path, "rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise UserFileProblem(UNREADABLE, reason=exc.strerror or str(exc)) from None
        if len(data) > max_bytes:
            raise UserFileProblem(TOO_BIG, size=len(data))
        return data
    try:
        fd = open_regular(path, os.O_RDONLY, follow_links=True)
    except NotRegularFile as exc:
        if os.path.isdir(path):
            raise UserFileProblem(FOLDER) from None
        raise UserFileProblem(NOT_A_FILE, what=exc.what) from None
    except OSError as exc:
        if os.path.isdir(path):  # Windows cannot open a folder at all
            raise UserFileProblem(FOLDER) from None
        raise UserFileProblem(UNREADABLE, reason=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                raise UserFileProblem(TOO_BIG, size=size)
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise UserFileProblem(UNREADABLE, reason=exc.strerror or str(exc)) from None
    if len(data) > max_bytes:  # it grew after fstat
        raise UserFileProblem(TOO_BIG, size=len(data))
    return data


def _is_fifo(path: Path | str) -> bool:
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except OSError:
        return False


def decode_text(data: bytes) -> str:
    """``data`` as text: UTF-16 when it starts with a BOM, else UTF-8 (a BOM dropped). Raises
    UserFileProblem for bad UTF-16, a NUL byte in the first 4 KiB, or bytes that are not UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UserFileProblem(BAD_UTF16, reason=exc.reason) from None
    if b"\x00" in data[:4096]:
        raise UserFileProblem(BINARY)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserFileProblem(NOT_UTF8, byte=data[exc.start], line=data[: exc.start].count(b"\n") + 1) from None
