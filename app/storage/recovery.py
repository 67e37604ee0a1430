"""What to start from when the data file is damaged, missing or behind the journal, and the
replay of the journal over it. Functions here only read and decide; DocumentStore writes.

Why recovery is exact: every committed edit is a journal line, and each full save first
appends a "saved" marker naming the fingerprint of the data it writes. The journal is cut
only back to the marker of the newest backup (app.storage.docstore), so for any one damaged
file something survives that the journal can be replayed over:

- the data file damaged or missing: the newest backup, whose marker is in the journal, plus
  the lines after that marker;
- the journal damaged: the data file, which holds every edit up to its last save (at most a
  second before the damage could have happened) and is replayed over with what is readable;
- a backup damaged: the data file and the journal, untouched.

When no file matches a marker (two damaged files, or a journal deleted by hand), the newest
usable backup is used with every journal line replayed over it, and the report says which
time span may be missing.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.domain.layers import copy_json
from app.storage.backups import BackupEntry, BackupSet
from app.storage.envelope import Decoded, Document, Envelope, Parsed
from app.storage.journal import EMPTY, JournalContents, data_of

__all__ = ["ApplyChange", "Base", "Replayed", "RecoveryReport", "recovery_base", "replay"]

ApplyChange = Callable[[Document, Any], None]


@dataclass
class Base:
    """A starting point: a file's decoded data and the fingerprint the journal knows it by."""

    decoded: Decoded
    fingerprint: str
    entry: BackupEntry | None = None  # the backup it came from (None: the data file, or nothing)
    raw: bytes | None = None


@dataclass
class Replayed:
    decoded: Decoded  # the result, validated, in the current schema
    applied: list[Any]  # the changes replayed, in order
    replaced: int  # whole-data lines replayed (restores)
    failed: int  # changes that could not be applied


@dataclass
class RecoveryReport:
    """How the data shown at start was obtained, for a banner that says exactly what happened.

    ``exact`` is False only when some committed edits may be missing; then ``missing_from`` and
    ``missing_until`` (UTC text) bound when they were made. ``changes`` are the journal changes
    replayed (opaque values of the caller's, e.g. {"kind", "id", "entry"})."""

    source: str  # "file", "backup", "journal-only" or "nothing"
    exact: bool = True
    backup: BackupEntry | None = None
    changes: list[Any] = field(default_factory=list)
    replaced: int = 0
    failed: int = 0
    journal_problem: str | None = None  # e.g. "damaged (2 line(s) could not be read)"
    journal_kept: Any = None  # where a damaged or unrelated journal was kept (Path)
    set_aside_edits: int = 0  # edits of a journal that did not belong to the data file
    missing_from: str | None = None
    missing_until: str | None = None


def replay(envelope: Envelope, base: Decoded, edits: list[dict[str, Any]], apply_change: ApplyChange) -> Replayed:
    """Apply journal ``edits`` to a copy of ``base``'s data as it was in its file, then migrate
    and validate the result (LoadError if it is not valid)."""
    data = copy_json(base.original)  # JSON as read: a deep copy without deepcopy's memo
    applied: list[Any] = []
    replaced = failed = 0
    for edit in edits:
        if edit.get("op") == "data":
            whole = data_of(edit)
            if isinstance(whole, dict):
                data = whole if "raw" in edit else copy.deepcopy(whole)
                replaced += 1
            else:
                failed += 1
            continue
        changes = edit.get("changes")
        if not isinstance(changes, list):
            failed += 1
            continue
        for change in changes:
            try:
                apply_change(data, copy.deepcopy(change))
            except (ValueError, TypeError, KeyError, AttributeError):
                failed += 1
                continue
            applied.append(change)
    decoded = envelope.upgrade(Parsed(data, base.schema_version, base.app_version))
    return Replayed(decoded, applied, replaced, failed)


def recovery_base(backups: BackupSet, envelope: Envelope, contents: JournalContents | None,
                  empty_data: Callable[[], Document] | None) -> tuple[Base | None, bool]:
    """What to recover from when the data file is unusable, and whether replaying the journal
    over it is exact: the newest backup the journal has a marker for, else the empty start if
    the journal began with no file, else (inexact) the newest usable backup, else None."""
    marks = contents.fingerprints() if contents is not None else set()

    def decode(raw: bytes) -> tuple[Decoded, str]:
        decoded = envelope.decode(raw)
        return decoded, envelope.marker(decoded.original)

    found = backups.newest_usable(decode, prefer=(lambda value: value[1] in marks) if marks else None)
    if found is not None and found[1][1] in marks:
        entry, (decoded, fingerprint), raw = found
        return Base(decoded, fingerprint, entry, raw), True
    if EMPTY in marks and empty_data is not None:
        return empty_base(envelope, empty_data), True
    if found is not None:
        entry, (decoded, fingerprint), raw = found
        return Base(decoded, fingerprint, entry, raw), False
    if contents is not None and contents.edits_after(-1) and empty_data is not None:
        return empty_base(envelope, empty_data), False
    return None, False


def empty_base(envelope: Envelope, empty_data: Callable[[], Document]) -> Base:
    data = empty_data()
    return Base(Decoded(data, envelope.schema_version, None, data), EMPTY)
