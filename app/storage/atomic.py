"""Atomic, durable replacement of a file, and the typed error every failed write becomes.

:func:`atomic_write_bytes` is the one way user data reaches the disk: temp file in the same
folder, write, fsync, rename over the old file, fsync of the folder. A crash or ``kill -9`` at
any instant leaves the complete old bytes or the complete new bytes. :class:`SaveError` tells
the UI what went wrong ("disk_full", "read_only", "locked", ...) in a sentence naming the path.

Stdlib only and free of Qt on purpose: the crash, kill and fuzz tests run this in plain
subprocesses with no display. See /work/shared/design/reliability.md (T1, T4, T10).
"""

from __future__ import annotations

import errno as _errno
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

from app.domain.text import QT_TRANSLATE_NOOP, Msg

try:  # POSIX: F_FULLFSYNC on macOS
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["SaveError", "atomic_write_bytes", "classify_oserror", "fsync_data", "fsync_dir", "fsync_file",
           "write_all"]

log = logging.getLogger(__name__)

# Windows reports a file held open by an antivirus scanner, indexer or sync client as
# one of these; they clear by themselves, which is why os.replace is retried on win32.
_WIN_SHARING_VIOLATION = 32
_WIN_LOCK_VIOLATION = 33
_WIN_ACCESS_DENIED = 5
_REPLACE_ATTEMPTS = 5
_REPLACE_FIRST_DELAY_S = 0.010  # doubles after each failure: 10, 20, 40, 80 ms


class SaveError(Exception):
    """A write of user data did not happen; the previous file is untouched.

    ``kind`` tells the UI what to say and offer: "disk_full", "read_only", "locked",
    "io", "locked_by_other", "changed_on_disk", "newer_schema", "not_loaded" or
    "invalid". ``str(e)`` is a complete sentence naming the path.
    """

    KINDS = frozenset(
        {
            "disk_full",
            "read_only",
            "locked",
            "io",
            "locked_by_other",
            "changed_on_disk",
            "newer_schema",
            "not_loaded",
            "invalid",
        }
    )

    def __init__(
        self,
        kind: str,
        message: str | None = None,
        *,
        errno: int | None = None,
        path: Path | str | None = None,
    ) -> None:
        if kind not in self.KINDS:
            raise ValueError(f"unknown SaveError kind {kind!r}")
        self.kind = kind
        self.errno = errno
        self.path = Path(path) if path is not None else None
        if message is None:
            message = _default_save_message(kind, self.path, errno)
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return self.message


def _default_save_message(kind: str, path: Path | None, errno: int | None) -> Msg:
    where = str(path) if path is not None else Msg(QT_TRANSLATE_NOOP("", "the data file"))
    detail = Msg(QT_TRANSLATE_NOOP("", " ({reason})"), reason=os.strerror(errno)) if errno else ""
    if kind == "disk_full":
        return Msg(QT_TRANSLATE_NOOP("", "The disk is full (no free space left): could not save {where}. Make some "
                                         "room on that disk and save again; your changes are kept until then."),
                   where=where)
    if kind == "read_only":
        return Msg(QT_TRANSLATE_NOOP("", "Could not save {where}: the folder is read-only or you do not have "
                                         "permission to write there{detail}."), where=where, detail=detail)
    if kind == "locked":
        return Msg(QT_TRANSLATE_NOOP("", "Could not replace {where}: another program (a virus scanner, a sync "
                                         "client or another window) is holding it{detail}. Try again in a moment."),
                   where=where, detail=detail)
    return Msg(QT_TRANSLATE_NOOP("", "Could not save {where}{detail}."), where=where, detail=detail)


def classify_oserror(exc: OSError, path: Path | str | None) -> SaveError:
    """Map an OSError from a write to a typed SaveError the UI can explain."""
    code = exc.errno
    winerror = getattr(exc, "winerror", None)
    if code in (_errno.ENOSPC, getattr(_errno, "EDQUOT", -1)):
        kind = "disk_full"
    elif winerror in (_WIN_SHARING_VIOLATION, _WIN_LOCK_VIOLATION) or code == _errno.EBUSY:
        kind = "locked"
    elif code in (_errno.EROFS, _errno.EACCES, _errno.EPERM) or isinstance(
        exc, PermissionError
    ):
        kind = "read_only"
    else:
        kind = "io"
    message = None
    if kind == "io" and code is None:
        # No errno (e.g. a bare OSError("...")): the original text is all there is.
        message = Msg(QT_TRANSLATE_NOOP("", "Could not save {path}: {reason}."), path=path, reason=exc)
    return SaveError(kind, message, errno=code, path=path)


def fsync_file(fd: int) -> None:
    # macOS fsync() only reaches the drive's cache; F_FULLFSYNC asks the drive to flush
    # it. Some filesystems (network, FUSE) reject it, then plain fsync is the best left.
    if sys.platform == "darwin" and fcntl is not None and hasattr(fcntl, "F_FULLFSYNC"):
        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
            return
        except OSError:
            pass
    os.fsync(fd)


def fsync_data(fd: int) -> None:
    """Make appended bytes durable (the journal's one sync per edit). ``fdatasync`` skips the
    timestamps ``fsync`` also writes, but still flushes the new file size, so appended bytes
    are readable after a power cut; macOS needs F_FULLFSYNC as for ``fsync_file``."""
    if sys.platform.startswith("linux") and hasattr(os, "fdatasync"):
        os.fdatasync(fd)
    else:
        fsync_file(fd)


def fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable; without it a power cut can bring back the old
    # directory entry. Windows has no directory handles for this (and NTFS journals the
    # rename), so it is POSIX only.
    if sys.platform == "win32":
        return
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    dir_fd = os.open(directory, flags)
    try:
        try:
            os.fsync(dir_fd)
        except OSError as exc:
            # Some filesystems (certain FUSE/network mounts) refuse to fsync a
            # directory; the file data is already durable, so that is not a failure.
            if exc.errno not in (_errno.EINVAL, _errno.ENOTSUP, _errno.EBADF):
                raise
    finally:
        os.close(dir_fd)


def _replace_with_retry(src: str, dst: Path) -> None:
    delay = _REPLACE_FIRST_DELAY_S
    for attempt in range(1, _REPLACE_ATTEMPTS + 1):
        try:
            os.replace(src, dst)
            return
        except OSError as exc:
            transient = (
                sys.platform == "win32"
                and exc.errno != _errno.EXDEV  # a cross-device move never heals
                and (
                    isinstance(exc, PermissionError)
                    or exc.errno in (_errno.EACCES, _errno.EBUSY)
                    or getattr(exc, "winerror", None)
                    in (_WIN_SHARING_VIOLATION, _WIN_LOCK_VIOLATION, _WIN_ACCESS_DENIED)
                )
            )
            if not transient or attempt == _REPLACE_ATTEMPTS:
                raise
            time.sleep(delay)
            delay *= 2


def write_all(fd: int, data: bytes) -> None:
    # os.write may write less than asked (signals, some network filesystems).
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that after a crash at any instant the file holds
    either the complete old bytes or the complete new bytes.

    Order: temp file in the same directory -> write -> fsync -> close -> os.replace ->
    fsync(directory). The old file is not touched before the replace. On any failure
    the temp file is removed and a :class:`SaveError` is raised.
    """
    path = Path(path)
    directory = path.parent
    tmp_name: str | None = None
    fd: int | None = None
    replaced = False
    try:
        fd, tmp_name = tempfile.mkstemp(
            dir=directory, prefix=f".{path.name}.", suffix=".tmp"
        )
        if hasattr(os, "fchmod"):
            # mkstemp creates 0600; keep the permissions the user's file already had.
            try:
                os.fchmod(fd, os.stat(path).st_mode & 0o7777)
            except OSError:
                pass
        write_all(fd, data)
        fsync_file(fd)
        os.close(fd)
        fd = None
        try:
            _replace_with_retry(tmp_name, path)
        except OSError as exc:
            # We just created a file in this directory, so it is writable: a refused
            # replace means the target is held (Windows sharing, immutable flag, AV).
            if isinstance(exc, PermissionError) or exc.errno in (
                _errno.EACCES,
                _errno.EPERM,
                _errno.EBUSY,
            ):
                raise SaveError(
                    "locked",
                    errno=exc.errno if exc.errno is not None else _errno.EACCES,
                    path=path,
                ) from exc
            raise
        replaced = True
        try:
            fsync_dir(directory)
        except OSError as exc:
            # The new file is already in place and will reach the disk with the next
            # writeback; reporting failure now would make the caller believe the old
            # file is still there (and refuse its next save as "changed on disk").
            log.warning("could not fsync directory %s after saving %s: %s",
                        directory, path.name, exc)
    except SaveError:
        raise
    except OSError as exc:
        raise classify_oserror(exc, path) from exc
    finally:
        if fd is not None:
            try:
                os.close(fd)
            except OSError:
                pass
        if tmp_name is not None and not replaced:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass

