"""Crash-safe file primitives for the user's data: atomic durable writes, strict JSON
reading, temp-file sweeping, quarantine of damaged files, the one-writer lock and
thinned backup generations.

Stdlib only and free of Qt on purpose: the crash, kill and fuzz tests run these
functions in plain subprocesses with no display, and every path that writes user data
goes through :func:`atomic_write_bytes` so its durability ordering is tested once.
See /work/shared/design/reliability.md (techniques T1, T3, T4, T7).
"""

from __future__ import annotations

import errno as _errno
import hashlib
import json
import logging
import math
import os
import re
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

try:  # POSIX: flock for the data lock, F_FULLFSYNC on macOS
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

try:  # Windows: byte-range lock for the data lock
    import msvcrt
except ImportError:
    msvcrt = None  # type: ignore[assignment]

__all__ = [
    "BackupEntry",
    "BackupSet",
    "DataLock",
    "LoadError",
    "MAX_DOCUMENT_BYTES",
    "MAX_DEPTH",
    "PINNED_REASON_PREFIX",
    "SaveError",
    "atomic_write_bytes",
    "classify_oserror",
    "file_timestamp",
    "iso_utc",
    "json_dumps_bytes",
    "quarantine",
    "select_backups_to_keep",
    "strict_json_loads",
    "sweep_temp_files",
    "utc_now",
]

log = logging.getLogger(__name__)

MAX_DOCUMENT_BYTES = 5_000_000
MAX_DEPTH = 32

# Windows reports a file held open by an antivirus scanner, indexer or sync client as
# one of these; they clear by themselves, which is why os.replace is retried on win32.
_WIN_SHARING_VIOLATION = 32
_WIN_LOCK_VIOLATION = 33
_WIN_ACCESS_DENIED = 5
_REPLACE_ATTEMPTS = 5
_REPLACE_FIRST_DELAY_S = 0.010  # doubles after each failure: 10, 20, 40, 80 ms

_UTF8_BOM = b"\xef\xbb\xbf"


def utc_now() -> datetime:
    """The default clock: aware UTC now (injectable everywhere for tests)."""
    return datetime.now(timezone.utc)


def _as_utc(when: datetime) -> datetime:
    # A naive datetime from an injected clock is taken as UTC rather than local time,
    # so file names never depend on the machine's time zone.
    if when.tzinfo is None:
        return when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc)


def file_timestamp(when: datetime) -> str:
    """UTC time for file names: "20261129T223000Z" (sorts, no colons for Windows)."""
    return _as_utc(when).strftime("%Y%m%dT%H%M%SZ")


def iso_utc(when: datetime) -> str:
    """UTC time for the envelope: "2026-11-29T22:30:00Z"."""
    return _as_utc(when).strftime("%Y-%m-%dT%H:%M:%SZ")


# --------------------------------------------------------------------------- errors


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


def _default_save_message(kind: str, path: Path | None, errno: int | None) -> str:
    where = str(path) if path is not None else "the data file"
    detail = f" ({os.strerror(errno)})" if errno else ""
    if kind == "disk_full":
        return (
            f"The disk is full (no free space left): could not save {where}. Make some "
            f"room on that disk and save again; your changes are kept until then."
        )
    if kind == "read_only":
        return (
            f"Could not save {where}: the folder is read-only or you do not have "
            f"permission to write there{detail}."
        )
    if kind == "locked":
        return (
            f"Could not replace {where}: another program (a virus scanner, a sync "
            f"client or another window) is holding it{detail}. Try again in a moment."
        )
    return f"Could not save {where}{detail}."


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
        message = f"Could not save {path}: {exc}."
    return SaveError(kind, message, errno=code, path=path)


class LoadError(Exception):
    """Bytes that are not an acceptable document. ``reason`` is a short phrase such as
    "not valid JSON at byte 120" that fits inside a banner sentence; ``str(e)`` adds the
    path when it is known."""

    def __init__(self, reason: str, *, path: Path | str | None = None) -> None:
        self.reason = reason
        self.path = Path(path) if path is not None else None
        super().__init__(f"{self.path}: {reason}" if self.path is not None else reason)


# --------------------------------------------------------------------- atomic write


def _fsync_file(fd: int) -> None:
    # macOS fsync() only reaches the drive's cache; F_FULLFSYNC asks the drive to flush
    # it. Some filesystems (network, FUSE) reject it, then plain fsync is the best left.
    if sys.platform == "darwin" and fcntl is not None and hasattr(fcntl, "F_FULLFSYNC"):
        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
            return
        except OSError:
            pass
    os.fsync(fd)


def _fsync_dir(directory: Path) -> None:
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


def _write_all(fd: int, data: bytes) -> None:
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
        _write_all(fd, data)
        _fsync_file(fd)
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
            _fsync_dir(directory)
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


# ----------------------------------------------------------------------- strict JSON

# A whole string literal, unrolled and possessive so that an unterminated string or a
# stray backslash costs linear time, never backtracking. Brackets inside strings go
# with the string.
_STRING_LITERAL = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
# A \uD800-\uDFFF escape; only then can a lone surrogate appear after decoding.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class _Reject(ValueError):
    """Raised from inside json hooks; turned into LoadError by strict_json_loads."""


def _reject_constant(name: str) -> object:
    raise _Reject(f"contains {name}, which JSON does not allow")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # "1e400" parses to inf otherwise
        raise _Reject(f"the number {text[:40]} is too large")
    return value


def _check_str(value: str, what: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _Reject(
            f"an invalid character (a lone surrogate) in {what} "
            f"{value[:40]!r}"
        ) from None


def _unique_pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Reject(f"the key {key[:60]!r} appears twice in one object")
            seen.add(key)
    return result


def _check_depth(text: str, max_depth: int) -> None:
    # Cheap pre-scan so "[" * 100000 never reaches the recursive C decoder.
    if text.count("[") + text.count("{") <= max_depth:
        return
    # Both substitutions run in C; only the brackets are walked in Python.
    brackets = _NOT_BRACKET.sub("", _STRING_LITERAL.sub("", text))
    depth = 0
    for char in brackets:
        if char in "[{":
            depth += 1
            if depth > max_depth:
                raise LoadError(f"nested more than {max_depth} levels deep")
        elif depth:
            depth -= 1


def _check_surrogates(obj: object) -> None:
    # Only runs when the text has a \uD8xx-\uDFxx escape. Walked with a stack rather
    # than recursion so the interpreter's recursion limit never comes into play.
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            _check_str(item, "the text")
        elif isinstance(item, dict):
            for key, value in item.items():
                _check_str(key, "the key")
                stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)


def strict_json_loads(
    data: bytes, *, max_bytes: int = MAX_DOCUMENT_BYTES, max_depth: int = MAX_DEPTH
) -> object:
    """Parse UTF-8 JSON bytes, refusing everything Python's json accepts but a file of
    ours must never contain. Raises only :class:`LoadError`.

    Refused: more than ``max_bytes`` (checked before decoding), invalid UTF-8, NaN,
    Infinity and numbers that overflow to infinity, duplicate keys, nesting deeper than
    ``max_depth``, lone surrogates from ``\\uD800``-style escapes.

    A leading UTF-8 byte order mark is accepted and ignored: Windows Notepad adds one
    when a user hand-edits the file, and the rest of the file is still exactly the
    document they meant. UTF-16/32 are not accepted.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise LoadError(f"expected bytes, got {type(data).__name__}")
    data = bytes(data)
    if len(data) > max_bytes:
        raise LoadError(f"too large ({len(data):,} bytes; the limit is {max_bytes:,})")
    bom = 0
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
        bom = len(_UTF8_BOM)
    if not data:
        raise LoadError("empty")
    if not data.strip(b"\0"):
        raise LoadError("only zero bytes (typical of a power cut during a write)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(f"not valid UTF-8 text at byte {exc.start + bom}") from None
    _check_depth(text, max_depth)
    try:
        obj = json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_finite_float,
            object_pairs_hook=_unique_pairs,
        )
    except _Reject as exc:
        raise LoadError(str(exc)) from None
    except json.JSONDecodeError as exc:
        byte = len(text[: exc.pos].encode("utf-8")) + bom
        raise LoadError(
            f"not valid JSON at byte {byte} (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg.removesuffix(' at')})"
        ) from None
    except RecursionError:  # belt and braces behind _check_depth
        raise LoadError(f"nested more than {max_depth} levels deep") from None
    except (ValueError, TypeError, OverflowError) as exc:
        # e.g. an integer with more than 4300 digits (int max_str_digits)
        raise LoadError(f"not readable as JSON ({str(exc)[:120]})") from None
    if _SURROGATE_ESCAPE.search(text):
        try:
            _check_surrogates(obj)
        except _Reject as exc:
            raise LoadError(str(exc)) from None
    return obj


def json_dumps_bytes(obj: object, *, pretty: bool = True) -> bytes:
    """Serialise deterministically (sorted keys, real UTF-8, trailing newline) so that
    saving the same data twice gives identical bytes. ``pretty`` indents by 2 spaces so
    diffs of a hand-edited file stay readable; it forces Python's pure-Python encoder
    (about 5x slower), so large documents are written compact. Raises
    ``SaveError(kind="invalid")`` for anything that would not load back: NaN/Infinity,
    lone surrogates, non-JSON types, cycles."""
    try:
        if pretty:
            text = json.dumps(obj, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False)
        else:
            text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                              allow_nan=False)
    except (ValueError, TypeError, RecursionError) as exc:
        raise SaveError("invalid", f"The data cannot be saved as JSON: {exc}.") from None
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError as exc:
        bad = exc.object[max(0, exc.start - 20) : exc.end + 20]
        raise SaveError(
            "invalid",
            f"The data contains an invalid character (a lone surrogate) near {bad!r} "
            f"and cannot be saved as UTF-8.",
        ) from None


# ------------------------------------------------------------------ sweep/quarantine


def _is_qsavefile_leftover(candidate: Path, name: str) -> bool:
    # QSaveFile/QTemporaryFile write "<name>.XXXXXX" with six random mixed-case
    # letters. A user's own "userdata.json.backup" has the same shape, so only names
    # with both cases qualify, and a file that holds a complete valid JSON document is
    # never deleted: we only remove what is provably a torn write.
    suffix = candidate.name[len(name) + 1 :]
    if not (len(suffix) == 6 and suffix.isascii() and suffix.isalnum()):
        return False
    if suffix.lower() == suffix or suffix.upper() == suffix:
        return False
    try:
        with open(candidate, "rb") as handle:
            strict_json_loads(handle.read(MAX_DOCUMENT_BYTES + 1))
    except LoadError:
        return True
    except OSError:
        return False
    return False


def sweep_temp_files(
    directory: Path | str,
    name: str,
    *,
    max_age_s: float = 300,
    now: float | None = None,
) -> list[Path]:
    """Delete temp files a killed writer left next to ``name``: ours
    (".<name>.*.tmp") and QSaveFile-style ("<name>.XXXXXX"), older than ``max_age_s``
    seconds. Fresh ones are left alone because a live writer may still own them.
    Best effort: files that cannot be removed are skipped. Returns what was removed."""
    directory = Path(directory)
    now = time.time() if now is None else now
    ours = re.compile(rf"^\.{re.escape(name)}\..+\.tmp$", re.DOTALL)
    removed: list[Path] = []
    try:
        children = list(directory.iterdir())
    except OSError:
        return removed
    for candidate in children:
        fname = candidate.name
        if ours.match(fname):
            pass
        elif fname.startswith(name + ".") and _is_qsavefile_leftover(candidate, name):
            pass
        else:
            continue
        try:
            st = candidate.lstat()
        except OSError:
            continue
        if not os.path.isfile(candidate) or now - st.st_mtime < max_age_s:
            continue
        try:
            candidate.unlink()
        except OSError:
            continue
        removed.append(candidate)
    return removed


def quarantine(path: Path | str, *, now: datetime | None = None) -> Path:
    """Move a damaged file aside as "<name>.corrupt.<UTC timestamp>[.N]" and return the
    new path. Never deletes and never overwrites an earlier quarantined file."""
    path = Path(path)
    stamp = file_timestamp(now if now is not None else utc_now())
    base = f"{path.name}.corrupt.{stamp}"
    for counter in range(0, 10_000):
        target = path.with_name(base if counter == 0 else f"{base}.{counter}")
        if _rename_no_clobber(path, target):
            try:
                _fsync_dir(path.parent)
            except OSError:
                pass  # the rename happened; durability of it is best effort
            return target
    raise OSError(_errno.EEXIST, f"no free quarantine name for {path}")


def _rename_no_clobber(src: Path, dst: Path) -> bool:
    """Rename src to dst unless dst exists; False if it does. POSIX rename silently
    overwrites, so a hard link (which fails on an existing name) is tried first."""
    if sys.platform == "win32":
        try:
            os.rename(src, dst)  # Windows rename refuses an existing target itself
            return True
        except FileExistsError:
            return False
    try:
        os.link(src, dst)
    except FileExistsError:
        return False
    except OSError:
        # Filesystems without hard links (FAT, some FUSE): check, then rename. We hold
        # the data lock, so nobody races us for this name.
        if dst.exists():
            return False
        os.rename(src, dst)
        return True
    os.unlink(src)
    return True


# ---------------------------------------------------------------------- one writer


class DataLock:
    """One writer per data directory: an OS advisory lock on "<dir>/curbwatch.lock",
    held on an open file descriptor (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on
    Windows). The holder writes "pid\\nhostname\\n" into the file so a refused copy can
    say who has the data open.

    Why not QLockFile: the kernel drops this lock the moment the owning process dies,
    however it dies (SIGKILL, crash, power loss), so a crashed copy never leaves a stale
    lock, and there is no PID/process-name/boot-id guessing that can go wrong (PID
    reuse, containers, the same home directory mounted on two hosts). It also keeps
    this module free of Qt. The lock file itself is never deleted: unlinking a lock file
    races with a process that has just opened it.
    """

    FILENAME = "curbwatch.lock"
    # Windows locks byte ranges and a locked range cannot be read by others, so lock a
    # byte far past the pid/host text.
    _WIN_LOCK_OFFSET = 1 << 20

    def __init__(self, directory: Path | str, filename: str = FILENAME) -> None:
        self.directory = Path(directory)
        self.path = self.directory / filename
        self._fd: int | None = None
        self.error: OSError | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Try once, without waiting. False if another process holds it, or if the lock
        file cannot be opened (then ``error`` is set: treat the directory as read-only)."""
        if self._fd is not None:
            return True
        self.error = None
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            self.error = exc
            return False
        try:
            if not self._lock_fd(fd):
                os.close(fd)
                return False
        except OSError as exc:
            os.close(fd)
            self.error = exc
            return False
        self._fd = fd
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            _write_all(fd, f"{os.getpid()}\n{socket.gethostname()}\n".encode("utf-8"))
        except OSError:
            pass  # the lock is what matters; the owner text is only for messages
        return True

    def _lock_fd(self, fd: int) -> bool:
        if fcntl is not None and sys.platform != "win32":
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            except OSError as exc:
                if exc.errno in (_errno.EAGAIN, _errno.EWOULDBLOCK, _errno.EACCES):
                    return False
                raise
            return True
        if msvcrt is not None:  # pragma: no cover - Windows
            os.lseek(fd, self._WIN_LOCK_OFFSET, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                return False
            return True
        raise OSError(_errno.ENOTSUP, "no file locking available on this platform")

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)  # no misleading owner text once we are gone
        except OSError:
            pass
        try:
            if fcntl is not None and sys.platform != "win32":
                fcntl.flock(fd, fcntl.LOCK_UN)
            elif msvcrt is not None:  # pragma: no cover - Windows
                os.lseek(fd, self._WIN_LOCK_OFFSET, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass  # closing the fd releases it anyway
        finally:
            os.close(fd)

    def owner(self) -> tuple[int | None, str | None]:
        """The pid and host the current (or last) holder wrote; (None, None) if unknown."""
        try:
            with open(self.path, "rb") as handle:
                text = handle.read(4096).decode("utf-8", "replace")
        except OSError:
            return None, None
        lines = text.splitlines()
        pid: int | None = None
        if lines and lines[0].strip().isdigit():
            pid = int(lines[0].strip())
        host = lines[1].strip() if len(lines) > 1 and lines[1].strip() else None
        return pid, host

    def __enter__(self) -> DataLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


# ------------------------------------------------------------------------- backups


@dataclass(frozen=True)
class BackupEntry:
    """One backup file. ``reason`` is None for the routine before-save copy."""

    path: Path
    when: datetime
    reason: str | None
    counter: int = 0


# Backups are kept forever when their reason starts with this: one per schema upgrade,
# and the only way back if a migration turns out to be wrong weeks later.
PINNED_REASON_PREFIX = "pre-migration"

_RECENT = timedelta(days=2)
_DAILY, _WEEKLY, _MONTHLY = 7, 4, 6


def _sanitize_reason(reason: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", reason).strip("-")
    if not cleaned:
        raise ValueError(f"backup reason {reason!r} has no usable characters")
    return cleaned[:60]


def select_backups_to_keep(entries: list[BackupEntry], now: datetime) -> set[Path]:
    """Which backups the thinning keeps (Anki's tiers, restic's "forget" semantics):

    - everything younger than 2 days;
    - of the older ones, the newest backup of each of the 7 most recent calendar days
      (UTC) that have any, of the 4 most recent ISO weeks that have any, and of the 6
      most recent months that have any (the tiers overlap, as in restic);
    - pinned (pre-migration) backups, always.

    Counting only periods that have backups means a user who stays away for months
    still finds the history from before the break. Every tier keeps the *newest*
    backup of a period, which makes the policy stable under pruning after every save:
    a backup deleted today is never one the policy would want tomorrow, so the files
    on disk always equal the policy applied to every backup ever made.
    """
    now = _as_utc(now)
    keep: set[Path] = set()
    older: list[BackupEntry] = []
    for entry in entries:
        if entry.reason and entry.reason.startswith(PINNED_REASON_PREFIX):
            keep.add(entry.path)
        elif now - _as_utc(entry.when) < _RECENT:
            keep.add(entry.path)
        else:
            older.append(entry)
    older.sort(key=lambda e: (e.when, e.counter), reverse=True)

    def day(when: datetime) -> object:
        return when.date()

    def week(when: datetime) -> object:
        return tuple(when.date().isocalendar())[:2]

    def month(when: datetime) -> object:
        return (when.year, when.month)

    for period, count in ((day, _DAILY), (week, _WEEKLY), (month, _MONTHLY)):
        seen: set[object] = set()
        for entry in older:  # newest first: the first of each period is its newest
            key = period(_as_utc(entry.when))
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            keep.add(entry.path)
    return keep


class BackupSet:
    """Backup generations of one file, in "<directory>/backups/" as
    "<name>.<UTC timestamp>[-N][.<reason>].bak".

    Every backup is validated before it is written and re-read and validated after, and
    old generations are pruned only after a verified new one exists, so a damaged file
    can never push good backups out.
    """

    def __init__(
        self,
        directory: Path | str,
        name: str,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.directory = Path(directory) / "backups"
        self.name = name
        self.clock = clock
        self._pattern = re.compile(
            rf"^{re.escape(name)}\.(\d{{8}}T\d{{6}}Z)(?:-(\d+))?(?:\.([A-Za-z0-9_-]+))?\.bak$"
        )

    def entries(self) -> list[BackupEntry]:
        """All backups, newest first. Files that do not match the naming are ignored."""
        found: list[BackupEntry] = []
        try:
            children = list(self.directory.iterdir())
        except OSError:
            return found
        for child in children:
            match = self._pattern.match(child.name)
            if not match:
                continue
            stamp = match.group(1)
            try:  # strptime is ten times slower and this runs on every save
                when = datetime(
                    int(stamp[0:4]), int(stamp[4:6]), int(stamp[6:8]),
                    int(stamp[9:11]), int(stamp[11:13]), int(stamp[13:15]),
                    tzinfo=timezone.utc,
                )
            except ValueError:
                continue
            found.append(
                BackupEntry(child, when, match.group(3), int(match.group(2) or 0))
            )
        found.sort(key=lambda e: (e.when, e.counter), reverse=True)
        return found

    def newest_valid(self, validate: Callable[[bytes], None]) -> BackupEntry | None:
        """The newest backup whose bytes pass ``validate`` (which raises if invalid)."""
        for entry in self.entries():
            try:
                validate(entry.path.read_bytes())
            except Exception:  # noqa: BLE001 - any failure means "not usable"
                continue
            return entry
        return None

    def backup(
        self,
        data: bytes,
        *,
        validate: Callable[[bytes], None],
        reason: str | None = None,
    ) -> Path | None:
        """Store ``data`` as a new generation and thin old ones.

        Returns None without touching anything when ``data`` fails ``validate`` or, for
        routine backups (no ``reason``), when it equals the newest backup. A ``reason``
        ("pre-migration-v2", "pre-restore", ...) forces a backup. Raises SaveError if
        the backup cannot be written or does not read back valid; nothing is pruned then.
        """
        try:
            validate(data)
        except Exception:  # noqa: BLE001 - never back up what does not validate
            return None
        tag = _sanitize_reason(reason) if reason is not None else None
        existing = self.entries()
        if tag is None:
            newest = existing
            if newest:
                try:
                    if hashlib.sha256(newest[0].path.read_bytes()).digest() == hashlib.sha256(
                        data
                    ).digest():
                        return None
                except OSError:
                    pass  # unreadable newest backup: make a fresh one
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise classify_oserror(exc, self.directory) from exc
        now = _as_utc(self.clock())
        target = self._free_path(now, tag, existing)
        atomic_write_bytes(target, data)
        try:
            # Byte-identical to the bytes validated above, so it validates too; a
            # second parse would only re-read the same page cache.
            if target.read_bytes() != data:
                raise ValueError("it read back different bytes")
        except (OSError, ValueError) as exc:
            try:
                target.unlink()
            except OSError:
                pass
            raise SaveError(
                "io",
                f"The backup {target} could not be verified after writing it ({exc}); "
                f"no older backups were removed.",
                path=target,
            ) from exc
        self.prune(now)
        return target

    def _free_path(self, now: datetime, tag: str | None, existing: list[BackupEntry]) -> Path:
        stamp = file_timestamp(now)
        suffix = f".{tag}.bak" if tag else ".bak"
        taken = {(e.when, e.counter) for e in existing}
        when = now.replace(microsecond=0)
        counter = 0
        while (when, counter) in taken:
            counter += 1
        middle = stamp if counter == 0 else f"{stamp}-{counter}"
        return self.directory / f"{self.name}.{middle}{suffix}"

    def prune(self, now: datetime | None = None) -> list[Path]:
        """Delete generations the thinning policy no longer keeps; returns them."""
        now = _as_utc(now if now is not None else self.clock())
        entries = self.entries()
        keep = select_backups_to_keep(entries, now)
        removed: list[Path] = []
        for entry in entries:
            if entry.path in keep:
                continue
            try:
                entry.path.unlink()
            except OSError:
                continue
            removed.append(entry.path)
        return removed
