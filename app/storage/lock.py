"""One writer per data folder: :class:`DataLock`, an OS advisory lock on
"<data folder>/curbwatch.lock" that the kernel releases when its holder dies.
"""

from __future__ import annotations

import errno as _errno
import os
import sys
from pathlib import Path

from app.domain.text import QT_TRANSLATE_NOOP, Msg
from app.storage.atomic import write_all
from app.storage.safe_open import NotRegularFile, open_regular, read_regular

try:  # POSIX: flock for the data lock
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

try:  # Windows: byte-range lock for the data lock
    import msvcrt
except ImportError:
    msvcrt = None  # type: ignore[assignment]

__all__ = ["DataLock"]


def host_name() -> str:
    """This machine's name, as ``socket.gethostname`` gives it; on POSIX from ``os.uname``
    (the same ``gethostname`` call), so ``socket`` (0.5 MB at start-up) stays unloaded."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


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

    The lock file is opened without following a link and refused unless it is a regular
    file with one name (see app.storage.safe_open): the owner text is written by truncating
    it, which through a planted link or hard link would empty a file outside the folder.
    Nothing is truncated before the lock is held.
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
            fd = open_regular(self.path, os.O_RDWR | os.O_CREAT, 0o644, max_links=1)
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
            write_all(fd, f"{os.getpid()}\n{host_name()}\n".encode("utf-8"))
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

    def refusal(self) -> tuple[str, str]:
        """Why :meth:`acquire` failed, as (SaveError kind, a sentence for a banner that offers
        only commands that exist)."""
        err = self.error
        if isinstance(err, NotRegularFile):
            return "read_only", Msg(QT_TRANSLATE_NOOP(
                "", "The lock file {path} is {what}, so Curbwatch does not open it: nothing outside the data folder "
                    "may be touched through it. Your data is shown read-only and edits are off; remove that file "
                    "and start Curbwatch again to edit."), path=self.path, what=err.what)
        if err is not None:
            return "read_only", Msg(QT_TRANSLATE_NOOP(
                "", "The data folder {folder} is not writable ({reason}). Your data is shown read-only and edits "
                    "are off; File > Export CSV can still save what you see elsewhere."),
                folder=self.directory, reason=err.strerror or err)
        pid, host = self.owner()
        if pid is not None:
            who = (Msg(QT_TRANSLATE_NOOP("", "process {pid} on {host}"), pid=pid, host=host) if host else
                   Msg(QT_TRANSLATE_NOOP("", "process {pid}"), pid=pid))
        else:
            who = (Msg(QT_TRANSLATE_NOOP("", "an unknown process on {host}"), host=host) if host else
                   Msg(QT_TRANSLATE_NOOP("", "an unknown process")))
        return "locked_by_other", Msg(QT_TRANSLATE_NOOP(
            "", "Curbwatch is already open in another window ({who}). This window is read-only until the other "
                "one is closed."), who=who)

    def owner(self) -> tuple[int | None, str | None]:
        """The pid and host the current (or last) holder wrote; (None, None) if unknown."""
        try:
            raw = read_regular(self.path, 4096)
        except OSError:
            return None, None
        if raw is None:
            return None, None
        text = raw.decode("utf-8", "replace")
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

