"""Files a killed writer or a damaged disk left behind: sweeping stale temp files, and
moving a damaged file aside (quarantine) without ever deleting or overwriting anything.

A quarantined file keeps its bytes exactly, as "<name>.corrupt.<UTC time>[.N]", so a
banner can say where it is and nothing of the user's is lost by recovering from it.
"""

from __future__ import annotations

import errno as _errno
import os
import re
import stat
import sys
import time
from datetime import datetime
from pathlib import Path

from app.storage.atomic import atomic_write_bytes, fsync_dir
from app.storage.clock import file_timestamp, utc_now
from app.storage.safe_open import read_regular
from app.storage.strict_json import MAX_DOCUMENT_BYTES, LoadError, strict_json_loads

__all__ = ["keep_copy", "quarantine", "rename_no_clobber", "sweep_temp_files"]


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
        raw = read_regular(candidate, MAX_DOCUMENT_BYTES + 1)
        if raw is None:
            return False
        strict_json_loads(raw)
    except LoadError:
        return True
    except OSError:  # a pipe, device or link is nothing we left: never ours to delete
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
        if not stat.S_ISREG(st.st_mode) or now - st.st_mtime < max_age_s:
            continue
        try:
            candidate.unlink()
        except OSError:
            continue
        removed.append(candidate)
    return removed


def quarantine(path: Path | str, *, now: datetime | None = None, label: str = "corrupt") -> Path:
    """Move a damaged file aside as "<name>.<label>.<UTC timestamp>[.N]" (label "corrupt",
    or "unused" for a journal that belongs to no data file) and return the new path. Never
    deletes and never overwrites an earlier quarantined file."""
    path = Path(path)
    stamp = file_timestamp(now if now is not None else utc_now())
    base = f"{path.name}.{label}.{stamp}"
    for counter in range(0, 10_000):
        target = path.with_name(base if counter == 0 else f"{base}.{counter}")
        if rename_no_clobber(path, target):
            try:
                fsync_dir(path.parent)
            except OSError:
                pass  # the rename happened; durability of it is best effort
            return target
    raise OSError(_errno.EEXIST, f"no free quarantine name for {path}")


def rename_no_clobber(src: Path, dst: Path) -> bool:
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



def keep_copy(path: Path, raw: bytes, *, now: datetime | None = None) -> Path:
    """Write ``raw`` (bytes about to be replaced that are not worth a backup) next to ``path``
    as "<name>.corrupt.<UTC timestamp>[.N]", never over an existing file."""
    base = path.with_name(f"{path.name}.corrupt.{file_timestamp(now if now is not None else utc_now())}")
    target, counter = base, 0
    while target.exists():  # the caller holds the data lock, so nobody races for the name
        counter += 1
        target = base.with_name(f"{base.name}.{counter}")
    atomic_write_bytes(target, raw)
    return target
