"""Backup generations of the user's file in "<data folder>/backups/", and the thinning
policy that decides which to keep (all from the last two days, then one a day, a week and
a month; pre-migration copies forever).

Every backup is validated before it is written and read back after, and old generations
are pruned only once a verified new one exists, so a damaged file never pushes good
backups out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TypeVar

from app.domain.text import QT_TRANSLATE_NOOP, Msg
from app.storage.atomic import SaveError, atomic_write_bytes, classify_oserror
from app.storage.clock import as_utc, file_timestamp, utc_now
from app.storage.safe_open import describe_file, read_regular
from app.storage.strict_json import MAX_DOCUMENT_BYTES

__all__ = ["BackupEntry", "BackupSet", "PINNED_REASON_PREFIX", "select_backups_to_keep"]

T = TypeVar("T")


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
    now = as_utc(now)
    keep: set[Path] = set()
    older: list[BackupEntry] = []
    for entry in entries:
        if entry.reason and entry.reason.startswith(PINNED_REASON_PREFIX):
            keep.add(entry.path)
        elif now - as_utc(entry.when) < _RECENT:
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
            key = period(as_utc(entry.when))
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

    def newest_usable(self, decode: Callable[[bytes], T],
                      prefer: Callable[[T], bool] | None = None) -> tuple[BackupEntry, T, bytes] | None:
        """The one chooser of a backup to recover from: the newest whose bytes ``decode``
        accepts (any exception means "not usable"), with what it decoded to and its bytes.
        With ``prefer``, the newest usable one it accepts if any (a backup the journal can
        be replayed over), else the newest usable one."""
        fallback = None
        for entry in self.entries():
            try:
                raw = read_regular(entry.path, MAX_DOCUMENT_BYTES + 1)  # a planted pipe must not hang us
                if raw is None:
                    continue
                found = (entry, decode(raw), raw)
            except Exception:  # noqa: BLE001 - any failure means "not usable"
                continue
            if prefer is None or prefer(found[1]):
                return found
            fallback = fallback or found
        return fallback

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
        if tag is None and existing:
            try:
                newest = read_regular(existing[0].path)
            except OSError:
                newest = None  # unreadable newest backup: make a fresh one
            if newest == data:
                return None
        if self.directory.is_symlink():
            raise SaveError("read_only", Msg(QT_TRANSLATE_NOOP(
                "", "Nothing was saved: the backups folder {path} is {what}, and Curbwatch does not write through "
                    "links in its data folder. Replace it with an ordinary folder."),
                path=self.directory, what=describe_file(self.directory)), path=self.directory)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise classify_oserror(exc, self.directory) from exc
        now = as_utc(self.clock())
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
            raise SaveError("io", Msg(QT_TRANSLATE_NOOP("", "The backup {path} could not be verified after writing it "
                                                            "({reason}); no older backups were removed."),
                                      path=target, reason=str(exc)), path=target) from exc
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
        now = as_utc(now if now is not None else self.clock())
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
