"""Opening files in the data folder so that a hostile or odd file there can neither reach
outside the folder nor hang the app: links are not followed, only regular files are read,
and opening never blocks.

Why: a symbolic link named "curbwatch.lock" made the lock truncate whatever it pointed to,
and a named pipe (FIFO) in place of "userdata.json" made start-up wait forever in open().
``O_NOFOLLOW`` refuses the link, ``O_NONBLOCK`` makes opening a FIFO or device return at
once, and ``fstat`` on the open descriptor (not ``stat`` on the name, which could be swapped
in between) tells what was opened. Windows has neither flag nor FIFOs in the file system, so
there the name is checked with ``lstat`` first.
"""

from __future__ import annotations

import errno as _errno
import os
import stat
import sys
from pathlib import Path

from app.domain.text import QT_TRANSLATE_NOOP, Msg

__all__ = ["NotRegularFile", "describe_file", "open_regular", "read_regular"]

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)


class NotRegularFile(OSError):
    """The name in the data folder is a link, pipe, device, socket or folder, not a file.
    ``what`` is a phrase for a message ("a symbolic link to /home/x/victim.txt")."""

    def __init__(self, path: Path | str, what: str) -> None:
        super().__init__(_errno.EINVAL, f"{path} is {what}, not a regular file", str(path))
        self.what = what
        self.is_link = what.startswith("a symbolic link")


def describe_file(path: Path | str) -> str:
    """What ``path`` is, without following it: "a symbolic link to X", "a named pipe (FIFO)",
    "a device", "a socket", "a folder", "a regular file" or "missing"."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return Msg(QT_TRANSLATE_NOOP("", "missing"))
    except OSError:
        return Msg(QT_TRANSLATE_NOOP("", "unreadable"))
    if stat.S_ISLNK(mode):
        try:
            return Msg(QT_TRANSLATE_NOOP("", "a symbolic link to {target}"), target=os.readlink(path))
        except OSError:
            return Msg(QT_TRANSLATE_NOOP("", "a symbolic link"))
    return _describe_mode(mode)


def _describe_mode(mode: int) -> str:
    if stat.S_ISREG(mode):
        return Msg(QT_TRANSLATE_NOOP("", "a regular file"))
    if stat.S_ISFIFO(mode):
        return Msg(QT_TRANSLATE_NOOP("", "a named pipe (FIFO)"))
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Msg(QT_TRANSLATE_NOOP("", "a device"))
    if stat.S_ISSOCK(mode):
        return Msg(QT_TRANSLATE_NOOP("", "a socket"))
    if stat.S_ISDIR(mode):
        return Msg(QT_TRANSLATE_NOOP("", "a folder"))
    return Msg(QT_TRANSLATE_NOOP("", "not a regular file"))


def open_regular(path: Path | str, flags: int, mode: int = 0o644, *, max_links: int | None = None,
                 follow_links: bool = False) -> int:
    """``os.open`` for a regular file in the data folder, never following a link and never
    blocking. Raises NotRegularFile for anything else (closing what was opened), and OSError
    as ``os.open`` does. ``max_links=1`` also refuses a file with a second hard link (a
    writer that truncates must not reach a file elsewhere through one). ``follow_links`` is
    for a file the user chose (outside the data folder): a link to a regular file is opened."""
    if not follow_links and sys.platform == "win32" and os.path.islink(path):  # pragma: no cover - Windows
        raise NotRegularFile(path, describe_file(path))
    try:
        fd = os.open(path, flags | (0 if follow_links else _NOFOLLOW) | _NONBLOCK | _CLOEXEC | _BINARY, mode)
    except OSError as exc:
        # O_NOFOLLOW on a link fails with ELOOP (EMLINK on FreeBSD): say what it is.
        if not follow_links and exc.errno in (_errno.ELOOP, _errno.EMLINK) and os.path.islink(path):
            raise NotRegularFile(path, describe_file(path)) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(path, _describe_mode(info.st_mode))
        if max_links is not None and info.st_nlink > max_links:
            raise NotRegularFile(path, Msg(QT_TRANSLATE_NOOP("", "a file with {n} hard links"), n=info.st_nlink))
        if _NONBLOCK and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a regular file: back to ordinary reads and writes
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: Path | str, max_bytes: int | None = None) -> bytes | None:
    """The bytes of a regular file (at most ``max_bytes``), None if it does not exist.
    Raises NotRegularFile for a link, pipe or device, OSError if it cannot be read."""
    try:
        fd = open_regular(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as handle:
        return handle.read() if max_bytes is None else handle.read(max_bytes)
