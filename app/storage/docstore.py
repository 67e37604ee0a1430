"""A versioned JSON document store for one file of user data (the app's
"<data_dir>/userdata.json"), generic over what the document holds.

It owns the promises of reliability.md T2-T8 for that file: one writer per data folder,
schema migrations with a backup first, quarantine of damaged files with recovery, refusing
to overwrite a file that someone else changed or that a newer Curbwatch wrote, a verified
backup before saves, and (when the caller says how to apply a change) a journal of committed
edits so that recovery gives back the state after the last committed edit. The caller
supplies ``validate`` (raises ValueError) and the migrations. The steps of loading are in
app.storage.loading, the envelope in app.storage.envelope, the journal in
app.storage.journal, the choice of what to recover from in app.storage.recovery; this
module holds the state and does the writing. No Qt, and nothing here knows what the
records are.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain.text import QT_TRANSLATE_NOOP, Msg
from app.storage.atomic import SaveError, atomic_write_bytes, classify_oserror
from app.storage.backups import BackupEntry, BackupSet
from app.storage.clock import utc_now
from app.storage.envelope import Document, Envelope, Migration, NewerSchema, Payload, Validator, sha256
from app.storage.journal import EMPTY, Journal
from app.storage.loading import LOAD_STATES, Load, LoadReport
from app.storage.lock import DataLock
from app.storage.quarantine import keep_copy
from app.storage.recovery import ApplyChange
from app.storage.safe_open import NotRegularFile, read_regular
from app.storage.strict_json import MAX_DOCUMENT_BYTES, LoadError

__all__ = ["DiskState", "DocumentStore", "LoadReport", "LOAD_STATES"]

log = logging.getLogger(__name__)


@dataclass
class DiskState:
    """What the store knows of the file on disk (reset at every load)."""

    # sha256 of the bytes we last saw on disk (None: we expect no file); a save is
    # refused when the file no longer matches, whatever its mtime says.
    file_hash: bytes | None = None
    # Fingerprint of the data on disk (Payload.fingerprint), to skip saves that change
    # nothing (otherwise every save would differ by saved_at and make a new backup).
    data_fp: bytes | None = None
    # The journal's name for the data on disk (its marker; None or EMPTY: no file).
    marker: str | None = None
    # sha256 of the last bytes known to decode and validate (loaded or written by us):
    # the before-save backup of those needs no second parse.
    valid_hash: bytes | None = None
    # A forced-backup reason still owed to the file on disk (a migration whose write
    # failed); the next save uses it for its backup.
    pending_reason: str | None = None


class DocumentStore:
    """Load and save one versioned JSON document safely. Call :meth:`load` once before
    saving; :meth:`close` releases the data-folder lock.

    With ``apply_change`` (how one journal change is applied to the data) and ``empty_data``
    (the document of a first start), committed edits go to :meth:`journal_changes` first and
    every recovery replays them. ``clean`` removes unusable parts of loaded data (returning
    what it removed, for the report), so they are never written back."""

    def __init__(self, path: Path | str, *, format_name: str, schema_version: int,
                 migrations: Mapping[int, Migration] | None = None, validate: Validator, app_version: str,
                 clock: Callable[[], datetime] | None = None, lock: bool = True, backup_every_s: float = 0.0,
                 apply_change: ApplyChange | None = None, empty_data: Callable[[], Document] | None = None,
                 clean: Callable[[Document], list[str]] | None = None) -> None:
        self.path = Path(path)
        self.clock = clock or utc_now
        self.envelope = Envelope(format_name=format_name, schema_version=schema_version, migrations=migrations,
                                 validate=validate, app_version=app_version, clock=self.clock)
        # Routine (unforced) backups are made at most this often; forced ones always.
        # With autosave after every edit, a backup per save would fill the folder with
        # near-identical copies and cost a second full write on every keystroke's save.
        self._backup_every_s = backup_every_s
        self.backups = BackupSet(self.path.parent, self.path.name, self.clock)
        self._lock = DataLock(self.path.parent) if lock else None
        self.journal = Journal(self.path.with_suffix(".journal"), format_name=format_name,
                               schema_version=schema_version, clock=self.clock) if apply_change else None
        self.apply_change = apply_change
        self.empty_data = empty_data
        self.clean = clean
        self._forget_disk()

    def _forget_disk(self) -> None:
        self._loaded = False
        self._read_only_kind: str | None = None
        self._read_only_reason: str | None = None
        self.disk = DiskState()
        if self.journal is not None:
            self.journal.close()

    # ------------------------------------------------------------------------ load

    def load(self) -> LoadReport:
        """Read the document (and replay the journal), migrating or recovering as needed.
        Never raises for bad file contents: everything is in the report (app.storage.loading)."""
        self._forget_disk()
        report = Load(self).run()
        self._loaded = True
        return report

    # ------------------------------------------------------------------ properties

    @property
    def data_dir(self) -> Path:
        return self.path.parent

    @property
    def schema_version(self) -> int:
        return self.envelope.schema_version

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def read_only(self) -> bool:
        return self._read_only_kind is not None

    @property
    def read_only_reason(self) -> str | None:
        return self._read_only_reason

    @property
    def read_only_kind(self) -> str | None:
        """Why the store is read-only, as a SaveError kind ("locked_by_other", "read_only",
        "newer_schema"), or None when it can write."""
        return self._read_only_kind

    # ------------------------------------------- used by the load steps (app.storage.loading)

    def restart_journal(self) -> None:
        """Start a new journal at the data on disk, with a backup of that file: recovery from
        the journal needs a file it can be replayed over besides the data file itself."""
        try:
            self.journal.start(self.disk.marker or EMPTY)
            raw = read_regular(self.path, MAX_DOCUMENT_BYTES + 1) if self.disk.marker else None
            if raw is not None:
                self.backups.backup(raw, validate=self.validate_backup_bytes)
        except (OSError, SaveError) as exc:
            self.journal.close()
            log.warning("could not start the journal %s: %s", self.journal.path, exc)

    def acquire_lock(self) -> None:
        """Take the data-folder lock, or become read-only saying why."""
        if self._lock is None or self._lock.held:
            return
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # opening the lock file below reports the problem
        if not self._lock.acquire():
            self.set_read_only(*self._lock.refusal())

    def try_lock(self) -> bool:
        """For a store opened read-only because another copy held the data lock: try the
        lock again, without waiting. True when it is held now (then :meth:`load` again to
        read what the other copy saved and to become writable)."""
        if self._lock is None or self._read_only_kind != "locked_by_other":
            return False
        return self._lock.acquire()

    def set_read_only(self, kind: str, reason: str) -> None:
        if self._read_only_kind is None:  # the first cause is the one to tell
            self._read_only_kind = kind
            self._read_only_reason = reason

    def read_file(self) -> bytes | None:
        """The data file's bytes (None: no file), only if it is a regular file (safe_open).
        One byte over the cap is enough for strict_json_loads to refuse it."""
        return read_regular(self.path, MAX_DOCUMENT_BYTES + 1)

    def validate_backup_bytes(self, raw: bytes) -> None:
        if self.disk.valid_hash is not None and sha256(raw) == self.disk.valid_hash:
            return
        self.envelope.validate_file(raw)

    # ------------------------------------------------------------------------ save

    def _check_writable(self) -> None:
        if not self._loaded:
            raise SaveError("not_loaded", Msg(QT_TRANSLATE_NOOP("", "Nothing was saved: {path} has not been loaded "
                                                                    "yet."), path=self.path), path=self.path)
        if self._read_only_kind is not None:
            raise SaveError(self._read_only_kind, Msg(QT_TRANSLATE_NOOP("", "Nothing was saved. {reason}"),
                                                      reason=self._read_only_reason), path=self.path)

    def _read_for_save(self) -> bytes | None:
        try:
            return self.read_file()
        except NotRegularFile as exc:
            raise SaveError("io", Msg(QT_TRANSLATE_NOOP(
                "", "Nothing was saved: {path} is now {what}, not a regular file, and Curbwatch does not replace it. "
                    "Move it away; the next save writes your data."), path=self.path, what=exc.what),
                path=self.path) from None
        except OSError as exc:
            raise classify_oserror(exc, self.path) from exc

    def encode(self, data: Document, encoded: bytes | None = None) -> Payload:
        try:
            return self.envelope.encode(data, encoded=encoded)
        except SaveError as exc:
            raise SaveError(exc.kind, str(exc), errno=exc.errno, path=self.path) from None

    def journal_changes(self, changes: list[Any]) -> None:
        """Make one committed edit durable: one journal line, one sync. Raises SaveError (the
        edit then reaches the disk with the next full save)."""
        self._check_writable()
        if self.journal is not None and changes:
            self.journal.changes(changes)

    def journal_replacement(self, data: Document, *, as_saved: bool = False) -> None:
        """Record that the whole document was replaced (a restore, a merge at start).
        ``as_saved``: ``data`` is what the last save wrote, so a marker follows the line and a
        start replays nothing (the line is only for recovery from an older backup)."""
        self._check_writable()
        if self.journal is not None:
            self.journal.replaced(data)
            if as_saved and self.disk.marker is not None:
                self.journal.saved(self.disk.marker)

    def save(self, data: Document, *, force: bool = False, encoded: bytes | None = None,
             backup_reason: str | None = None) -> None:
        """Write ``data`` durably, after a verified backup of the current file.

        Raises SaveError and leaves the file on disk untouched when the store is
        read-only or not loaded, when the file changed on disk since we last read or
        wrote it (``force=True`` overwrites after backing up the other version), when
        ``data`` is invalid, or when the disk refuses the write. ``encoded``: the caller's
        own compact encoding of ``data``, already checked to load back piece by piece.
        ``backup_reason`` forces a backup with that reason first (then a file changed on
        disk is overwritten too: it is in that backup).
        """
        self._check_writable()
        on_disk = self._read_for_save()
        reason = backup_reason or self.disk.pending_reason
        if sha256(on_disk) != self.disk.file_hash and backup_reason is None:
            if not force:
                raise SaveError("changed_on_disk", Msg(QT_TRANSLATE_NOOP(
                    "", "Your changes were not saved: the data file {path} was changed by another program since "
                        "Curbwatch read it. Reload it, or overwrite it (a backup of the other version is made "
                        "first)."), path=self.path), path=self.path)
            reason = "pre-overwrite"
        payload = self.encode(data, encoded)
        if reason is None and payload.fingerprint == self.disk.data_fp:
            return  # nothing changed: no write, no new backup
        self.write(payload, on_disk=on_disk, reason=reason)

    def backup_now(self, reason: str | None = None) -> Path | None:
        """Back up the file as it is on disk (forced when ``reason`` is given, e.g.
        "pre-import"). None when there is no file, it is unchanged since the newest
        backup, or it does not validate."""
        self._check_writable()
        on_disk = self._read_for_save()
        if on_disk is None:
            return None
        return self.backups.backup(on_disk, validate=self.validate_backup_bytes, reason=reason)

    def read_backup(self, entry: BackupEntry) -> tuple[Document, list[Any]]:
        """The data of backup ``entry``, validated, in the current schema and cleaned, with what
        the ``clean`` hook left out; nothing changes. Raises LoadError (naming the file) if
        the backup is unusable."""
        try:
            raw = read_regular(entry.path, MAX_DOCUMENT_BYTES + 1)
        except OSError as exc:
            raise LoadError(Msg(QT_TRANSLATE_NOOP("", "unreadable ({reason})"), reason=exc.strerror or exc),
                            path=entry.path) from None
        if raw is None:
            raise LoadError(Msg(QT_TRANSLATE_NOOP("", "no longer there")), path=entry.path)
        try:
            data = self.envelope.decode(raw).data
        except NewerSchema as exc:
            raise LoadError(Msg(QT_TRANSLATE_NOOP("", "made by a newer version of Curbwatch (app_version "
                                                      "{app_version})"),
                                app_version=exc.app_version or Msg(QT_TRANSLATE_NOOP("", "unknown"))),
                            path=entry.path) from None
        except LoadError as exc:
            raise LoadError(exc.reason, path=entry.path) from None
        return data, (self.clean(data) if self.clean is not None else [])

    def restore(self, entry: BackupEntry) -> Document:
        """Make backup ``entry`` the current document and return its data. The current
        file is backed up first (reason "pre-restore"); a damaged one is kept as a
        .corrupt copy instead. Raises LoadError if the backup is unusable."""
        self._check_writable()
        data, _dropped = self.read_backup(entry)
        self.write(self.encode(data), on_disk=self._read_for_save(), reason="pre-restore")
        # After the write, so a failed restore leaves no trace in the journal.
        self.journal_replacement(data, as_saved=True)
        return data

    def write(self, payload: Payload, *, on_disk: bytes | None, reason: str | None) -> Path | None:
        """Back up ``on_disk`` (the current file), name the new data in the journal, then
        atomically write ``payload``. Returns the backup path (None when none was needed)."""
        ours = on_disk is not None and sha256(on_disk) == self.disk.file_hash
        backup: Path | None = None
        if on_disk is not None and (reason is not None or self._backup_due()):
            try:
                backup = self.backups.backup(on_disk, validate=self.validate_backup_bytes, reason=reason)
            except SaveError as exc:
                # No save without the backup first; say which file stays as it was.
                raise SaveError(exc.kind, Msg(QT_TRANSLATE_NOOP(
                    "", "{reason} The backup is made before every save, so {path} was not changed."),
                    reason=exc, path=self.path), errno=exc.errno, path=self.path) from exc
            if backup is None and reason is not None:
                # A forced backup only declines invalid bytes: keep them aside as a
                # .corrupt copy, because we are about to replace them.
                keep_copy(self.path, on_disk, now=self.clock())
        self.disk.pending_reason = None  # any forced backup owed now exists
        marker = payload.fingerprint.hex()
        self._journal_marker(marker)
        atomic_write_bytes(self.path, payload.file_bytes)
        # Every payload is known to load back (Payload.checked), so its bytes are valid.
        self.disk.file_hash = self.disk.valid_hash = sha256(payload.file_bytes)
        self.disk.data_fp = payload.fingerprint
        previous, self.disk.marker = self.disk.marker, marker
        if self.journal is not None and self._loaded:  # at load, _settle_journal decides
            if not self.journal.active:
                self.restart_journal()
            elif backup is not None and ours and previous is not None:
                self._rotate_journal(previous)
        return backup

    def _journal_marker(self, marker: str) -> None:
        # Before the write: a crash between the two leaves a marker for data never written,
        # which names nothing and is harmless; the other order could leave a file the
        # journal does not know, and its edits would look like someone else's.
        if self.journal is not None and self.journal.active:
            try:
                self.journal.saved(marker)
            except SaveError as exc:
                log.warning("journal marker not written (%s); the journal starts again after this save", exc)
                self.journal.close()

    def _rotate_journal(self, backed_up: str) -> None:
        # The newest backup now holds ``backed_up``: recovery needs only the journal after it.
        try:
            self.journal.rotate(backed_up)
        except SaveError as exc:
            log.warning("could not shorten %s (%s); it keeps its older lines", self.journal.path, exc)

    def _backup_due(self) -> bool:
        if self._backup_every_s <= 0:
            return True
        entries = self.backups.entries()
        if not entries:
            return True
        age = (self.clock() - entries[0].when).total_seconds()
        return age >= self._backup_every_s or age < 0

    # --------------------------------------------------------------------- close

    def close(self) -> None:
        """Release the data-folder lock; the store cannot save until loaded again."""
        self._loaded = False
        if self.journal is not None:
            self.journal.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> DocumentStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
