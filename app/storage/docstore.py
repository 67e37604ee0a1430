"""A versioned JSON document store for one file of user data (the app's
"<data_dir>/userdata.json"), generic over what the document holds.

It owns the promises of reliability.md T2-T7 for that file: one writer per data
directory, schema migrations with a backup first, quarantine of damaged files with
recovery from the newest usable backup, refusing to overwrite a file that someone else
changed or that a newer Curbwatch wrote, and a verified backup before every save. The
caller supplies ``validate`` (raises ValueError) and the migration steps; the envelope
around the data is app.storage.envelope. This module knows nothing about the app's
records and imports no Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.storage.atomic import SaveError, atomic_write_bytes, classify_oserror
from app.storage.backups import BackupEntry, BackupSet
from app.storage.clock import file_timestamp, utc_now
from app.storage.envelope import Decoded, Document, Envelope, Migration, NewerSchema, Payload, Validator, sha256
from app.storage.lock import DataLock
from app.storage.quarantine import quarantine, sweep_temp_files
from app.storage.safe_open import NotRegularFile, read_regular
from app.storage.strict_json import MAX_DOCUMENT_BYTES, LoadError

__all__ = ["DocumentStore", "LoadReport", "LOAD_STATES"]

log = logging.getLogger(__name__)

LOAD_STATES = frozenset(
    {"new", "ok", "migrated", "recovered_backup", "recovered_empty", "newer_schema"}
)


@dataclass
class LoadReport:
    """What :meth:`DocumentStore.load` found. ``data`` None means there is nothing of
    the user's to show (no file yet, nothing recoverable, or a newer format): the caller
    starts from an empty user layer. ``messages`` are plain sentences for a banner."""

    data: Document | None
    state: str
    messages: list[str] = field(default_factory=list)
    quarantined: Path | None = None
    backup_used: BackupEntry | None = None
    read_only: bool = False
    read_only_reason: str | None = None


class DocumentStore:
    """Load and save one versioned JSON document safely. Call :meth:`load` once before
    saving; :meth:`close` releases the data-directory lock."""

    def __init__(
        self,
        path: Path | str,
        *,
        format_name: str,
        schema_version: int,
        migrations: Mapping[int, Migration] | None = None,
        validate: Validator,
        app_version: str,
        clock: Callable[[], datetime] | None = None,
        lock: bool = True,
        backup_every_s: float = 0.0,
    ) -> None:
        self.path = Path(path)
        self._clock = clock or utc_now
        self.envelope = Envelope(format_name=format_name, schema_version=schema_version, migrations=migrations,
                                 validate=validate, app_version=app_version, clock=self._clock)
        # Routine (unforced) backups are made at most this often; forced ones always.
        # With autosave after every edit, a backup per save would fill the folder with
        # near-identical copies and cost a second full write on every keystroke's save.
        self._backup_every_s = backup_every_s
        self.backups = BackupSet(self.path.parent, self.path.name, self._clock)
        self._lock = DataLock(self.path.parent) if lock else None
        self._loaded = False
        self._read_only_kind: str | None = None
        self._read_only_reason: str | None = None
        # sha256 of the bytes we last saw on disk (None: we expect no file); a save is
        # refused when the file no longer matches, whatever its mtime says.
        self._disk_hash: bytes | None = None
        # Fingerprint of the data on disk (Payload.fingerprint), to skip saves that change
        # nothing (otherwise every save would differ by saved_at and make a new backup).
        self._data_fp: bytes | None = None
        # A forced-backup reason still owed to the file on disk (a migration whose
        # write failed); the next save uses it for its backup.
        self._pending_reason: str | None = None
        # sha256 of the last bytes known to decode and validate (loaded or written by
        # us): the before-save backup of those needs no second parse.
        self._valid_hash: bytes | None = None

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

    # ------------------------------------------------------------------------ load

    def load(self) -> LoadReport:
        """Read the document, migrating or recovering as needed. Never raises for bad
        file contents: everything is in the report."""
        self._forget_disk()
        report = LoadReport(data=None, state="new")
        self._acquire_lock()
        self._sweep_leftovers()
        try:
            raw = self._read_disk()
        except NotRegularFile as exc:
            self._refuse_odd_file(report, exc)
        except OSError as exc:
            self._set_read_only("read_only", f"Curbwatch could not read the data file {self.path} "
                                f"({exc.strerror or exc}). It is opened read-only so nothing overwrites it.")
            self._recover(report, reason=None, raw=None)
        else:
            if raw is None:
                self._note_missing_file(report)
            else:
                self._open_file(report, raw)
        return self._finish(report)

    def _forget_disk(self) -> None:
        self._loaded = False
        self._read_only_kind = self._read_only_reason = None
        self._disk_hash = self._data_fp = self._valid_hash = None
        self._pending_reason = None

    def _sweep_leftovers(self) -> None:
        if not self.read_only:
            # Leftovers of a killed writer; fresh ones may belong to a live one.
            for directory in (self.data_dir, self.backups.directory):
                sweep_temp_files(directory, self.path.name)

    def _refuse_odd_file(self, report: LoadReport, exc: NotRegularFile) -> None:
        """A link, pipe or device where the data file belongs. A link is left alone (read-only:
        following it would read and replace a file outside the data folder, silently turning
        the link into a file); anything else holds no data and is moved aside like a damaged file."""
        if exc.is_link:
            self._set_read_only(
                "read_only",
                f"The data file {self.path} is {exc.what}. Curbwatch does not follow links in its data "
                f"folder, so your data is not read through it and nothing replaces it; edits are off. "
                f"To keep your data in another folder, start Curbwatch with --data-dir FOLDER (or set "
                f"CURBWATCH_DATA_DIR), or put the file itself in place of the link.")
            return
        self._recover(report, reason=f"not a regular file but {exc.what}", raw=None)

    def _note_missing_file(self, report: LoadReport) -> None:
        newest = self.backups.entries()
        if newest:
            report.messages.append(
                f"No data file was found at {self.path}, but backups exist (the newest is from "
                f"{newest[0].when:%Y-%m-%d %H:%M} UTC). Use File > Restore from backup to bring them back.")

    def _open_file(self, report: LoadReport, raw: bytes) -> None:
        """The file is there: use it, keep a newer version's file untouched, or recover."""
        try:
            decoded = self.envelope.decode(raw)
        except NewerSchema as exc:
            self._keep_newer_file(report, raw, exc)
            return
        except LoadError as exc:
            self._recover(report, reason=exc.reason, raw=raw)
            return
        report.data = decoded.data
        self._disk_hash = self._valid_hash = sha256(raw)
        self._data_fp = self.envelope.fingerprint(decoded.data)
        if decoded.schema_version == self.schema_version:
            report.state = "ok"
        else:
            self._upgrade_file(report, raw, decoded)

    def _keep_newer_file(self, report: LoadReport, raw: bytes, exc: NewerSchema) -> None:
        report.state = "newer_schema"
        self._disk_hash = sha256(raw)
        self._set_read_only(
            "newer_schema",
            f"The data file {self.path} was made by a newer version of Curbwatch (app_version "
            f"{exc.app_version or 'unknown'}, data format {exc.version}; this version reads up to "
            f"{self.schema_version}). It is opened read-only so nothing in it is lost; update Curbwatch "
            f"to edit your data.")

    def _upgrade_file(self, report: LoadReport, raw: bytes, decoded: Decoded) -> None:
        """Write the migrated document, after a pinned backup of the old file."""
        report.state = "migrated"
        # The file still holds the old format: a save of unchanged data must not be
        # skipped as a no-op until the upgraded file is written.
        self._data_fp = None
        old = decoded.schema_version
        if self.read_only:
            report.messages.append(
                f"Your data file uses the older format {old}; it was upgraded to format "
                f"{self.schema_version} in memory only, because this window is read-only.")
            return
        # Owed until the forced backup exists: if it fails now, the next save makes it.
        self._pending_reason = f"pre-migration-v{old}"
        try:
            backup = self._commit(self.envelope.encode(decoded.data), on_disk=raw, reason=self._pending_reason)
        except SaveError as exc:
            report.messages.append(
                f"Your data file was upgraded from format {old} to {self.schema_version} in memory, but "
                f"the upgraded file could not be written yet ({exc}) Curbwatch will try again at the next "
                f"save; the old file is unchanged.")
        else:
            report.messages.append(
                f"Your data file was upgraded from format {old} to {self.schema_version}. A copy of "
                f"the old file was kept at {backup}.")

    def _finish(self, report: LoadReport) -> LoadReport:
        self._loaded = True
        report.read_only = self.read_only
        report.read_only_reason = self._read_only_reason
        if self._read_only_reason and self._read_only_reason not in report.messages:
            report.messages.append(self._read_only_reason)
        return report

    def _acquire_lock(self) -> None:
        if self._lock is None or self._lock.held:
            return
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # opening the lock file below reports the problem
        if self._lock.acquire():
            return
        err = self._lock.error
        if isinstance(err, NotRegularFile):
            self._set_read_only(
                "read_only",
                f"The lock file {self._lock.path} is {err.what}, so Curbwatch does not open it: nothing "
                f"outside the data folder may be touched through it. Your data is shown read-only and edits "
                f"are off; remove that file and start Curbwatch again to edit.")
            return
        if err is not None:
            self._set_read_only(
                "read_only",
                f"The data folder {self.data_dir} is not writable ({err.strerror or err}). Your data is "
                f"shown read-only and edits are off; File > Export CSV can still save what you see elsewhere.")
            return
        pid, host = self._lock.owner()
        who = f"process {pid}" if pid is not None else "an unknown process"
        if host:
            who += f" on {host}"
        self._set_read_only(
            "locked_by_other",
            f"Curbwatch is already open in another window ({who}). This window is read-only until "
            f"the other one is closed.")

    def try_lock(self) -> bool:
        """For a store opened read-only because another copy held the data lock: try the
        lock again, without waiting. True when it is held now (then :meth:`load` again to
        read what the other copy saved and to become writable)."""
        if self._lock is None or self._read_only_kind != "locked_by_other":
            return False
        return self._lock.acquire()

    def _set_read_only(self, kind: str, reason: str) -> None:
        if self._read_only_kind is None:  # the first cause is the one to tell
            self._read_only_kind = kind
            self._read_only_reason = reason

    def _recover(self, report: LoadReport, *, reason: str | None, raw: bytes | None) -> None:
        """The primary is damaged (``reason``) or unreadable (``reason`` None): move it
        aside if we may, then fall back to the newest backup that decodes."""
        damaged = self._move_damaged_aside(report, reason, raw)
        found = self.backups.newest_usable(self.envelope.decode)
        if found is None:
            report.state = "recovered_empty"
            report.messages.append(
                (damaged + " " if damaged else "")
                + "No usable backup was found, so Curbwatch starts without your edits."
                + (" The damaged file is kept." if report.quarantined else ""))
            return
        entry, decoded, backup_raw = found
        report.state = "recovered_backup"
        report.backup_used = entry
        report.data = decoded.data
        when = f"{entry.when:%Y-%m-%d %H:%M} UTC"
        restored = f"Showing the backup of {when} (read-only)." if self.read_only \
            else f"Restored from the backup of {when}."
        report.messages.append((damaged + " " if damaged else "") + restored)
        if not self.read_only:
            self._put_back(report, backup_raw, decoded)

    def _move_damaged_aside(self, report: LoadReport, reason: str | None, raw: bytes | None) -> str:
        """Quarantine the damaged primary (when writable); the banner sentence about it."""
        damaged = ""
        if reason is not None:
            damaged = f"Your data file was damaged ({reason})."
            if not self.read_only:
                try:
                    report.quarantined = quarantine(self.path, now=self._clock())
                except OSError as exc:
                    self._set_read_only(
                        "read_only",
                        f"The data file {self.path} is damaged ({reason}) and could not be moved "
                        f"aside ({exc.strerror or exc}). It is opened read-only so it is not overwritten.")
            if report.quarantined is not None:
                damaged += f" It was moved to {report.quarantined}."
            else:
                damaged += f" It was left in place at {self.path}."
            log.warning("%s: damaged (%s); quarantined to %s", self.path, reason, report.quarantined)
        if report.quarantined is None and raw is not None:
            self._disk_hash = sha256(raw)  # still there: a save must not clobber it
        return damaged

    def _put_back(self, report: LoadReport, backup_raw: bytes, decoded: Decoded) -> None:
        # Put the backup back as the primary now: if we only held it in memory, a
        # crash before the next save would leave no primary and the next start would
        # look like a fresh install. A current-format backup is copied byte for byte
        # so the next routine backup sees it unchanged and adds nothing.
        try:
            if decoded.schema_version == self.schema_version:
                payload = self.envelope.verbatim(backup_raw, decoded)
            else:
                payload = self.envelope.encode(decoded.data)
            self._commit(payload, on_disk=None, reason=None)
        except SaveError as exc:
            report.messages.append(
                f"The restored data could not be written back yet ({exc}) It is kept in "
                f"memory and Curbwatch will try again at the next save.")

    def _read_disk(self) -> bytes | None:
        # One byte over the cap is enough for strict_json_loads to refuse it, without
        # reading a huge file into memory. Only a regular file is read (safe_open).
        return read_regular(self.path, MAX_DOCUMENT_BYTES + 1)

    def _validate_backup_bytes(self, raw: bytes) -> None:
        if self._valid_hash is not None and sha256(raw) == self._valid_hash:
            return
        self.envelope.validate_file(raw)

    # ------------------------------------------------------------------------ save

    def _check_writable(self) -> None:
        if not self._loaded:
            raise SaveError("not_loaded", f"Nothing was saved: {self.path} has not been loaded yet.",
                            path=self.path)
        if self._read_only_kind is not None:
            raise SaveError(self._read_only_kind, f"Nothing was saved. {self._read_only_reason}", path=self.path)

    def _read_for_save(self) -> bytes | None:
        try:
            return self._read_disk()
        except NotRegularFile as exc:
            raise SaveError("io", f"Nothing was saved: {self.path} is now {exc.what}, not a regular file, and "
                            f"Curbwatch does not replace it. Move it away; the next save writes your data.",
                            path=self.path) from None
        except OSError as exc:
            raise classify_oserror(exc, self.path) from exc

    def _encode(self, data: Document, encoded: bytes | None = None) -> Payload:
        try:
            return self.envelope.encode(data, encoded=encoded)
        except SaveError as exc:
            raise SaveError(exc.kind, str(exc), errno=exc.errno, path=self.path) from None

    def save(self, data: Document, *, force: bool = False, encoded: bytes | None = None) -> None:
        """Write ``data`` durably, after a verified backup of the current file.

        Raises SaveError and leaves the file on disk untouched when the store is
        read-only or not loaded, when the file changed on disk since we last read or
        wrote it (``force=True`` overwrites after backing up the other version), when
        ``data`` is invalid, or when the disk refuses the write. ``encoded``: the caller's
        own compact encoding of ``data``, already checked to load back piece by piece.
        """
        self._check_writable()
        on_disk = self._read_for_save()
        reason = self._pending_reason
        if sha256(on_disk) != self._disk_hash:
            if not force:
                raise SaveError(
                    "changed_on_disk",
                    f"Your changes were not saved: the data file {self.path} was changed "
                    f"by another program since Curbwatch read it. Reload it, or "
                    f"overwrite it (a backup of the other version is made first).",
                    path=self.path,
                )
            reason = "pre-overwrite"
        payload = self._encode(data, encoded)
        if reason is None and payload.fingerprint == self._data_fp:
            return  # nothing changed: no write, no new backup
        self._commit(payload, on_disk=on_disk, reason=reason)

    def backup_now(self, reason: str | None = None) -> Path | None:
        """Back up the file as it is on disk (forced when ``reason`` is given, e.g.
        "pre-import"). None when there is no file, it is unchanged since the newest
        backup, or it does not validate."""
        self._check_writable()
        on_disk = self._read_for_save()
        if on_disk is None:
            return None
        return self.backups.backup(on_disk, validate=self._validate_backup_bytes, reason=reason)

    def read_backup(self, entry: BackupEntry) -> Document:
        """The data of backup ``entry``, validated and in the current schema, without changing
        anything. Raises LoadError (naming the file) if it is unusable."""
        try:
            raw = read_regular(entry.path, MAX_DOCUMENT_BYTES + 1)
        except OSError as exc:
            raise LoadError(f"unreadable ({exc.strerror or exc})", path=entry.path) from None
        if raw is None:
            raise LoadError("no longer there", path=entry.path)
        try:
            return self.envelope.decode(raw).data
        except NewerSchema as exc:
            raise LoadError(f"made by a newer version of Curbwatch (app_version {exc.app_version or 'unknown'})",
                            path=entry.path) from None
        except LoadError as exc:
            raise LoadError(exc.reason, path=entry.path) from None

    def restore(self, entry: BackupEntry) -> Document:
        """Make backup ``entry`` the current document and return its data. The current
        file is backed up first (reason "pre-restore"); a damaged one is kept as a
        .corrupt copy instead. Raises LoadError if the backup is unusable."""
        self._check_writable()
        data = self.read_backup(entry)
        on_disk = self._read_for_save()
        self._commit(self._encode(data), on_disk=on_disk, reason="pre-restore")
        return data

    def _commit(self, payload: Payload, *, on_disk: bytes | None, reason: str | None) -> Path | None:
        """Back up ``on_disk`` (the current file), then atomically write ``payload``.
        Returns the backup path (None when no backup was needed)."""
        backup: Path | None = None
        if on_disk is not None and (reason is not None or self._backup_due()):
            try:
                backup = self.backups.backup(on_disk, validate=self._validate_backup_bytes, reason=reason)
            except SaveError as exc:
                # No save without the backup first; say which file stays as it was.
                raise SaveError(exc.kind, f"{exc} The backup is made before every save, so {self.path} was "
                                f"not changed.", errno=exc.errno, path=self.path) from exc
            if backup is None and reason is not None:
                # A forced backup only declines invalid bytes: keep them aside as a
                # .corrupt copy, because we are about to replace them.
                backup = self._keep_copy(on_disk)
        self._pending_reason = None  # any forced backup owed now exists
        atomic_write_bytes(self.path, payload.file_bytes)
        # Every payload is known to load back (Payload.checked), so its bytes are valid.
        self._disk_hash = self._valid_hash = sha256(payload.file_bytes)
        self._data_fp = payload.fingerprint
        return backup

    def _backup_due(self) -> bool:
        if self._backup_every_s <= 0:
            return True
        entries = self.backups.entries()
        if not entries:
            return True
        age = (self._clock() - entries[0].when).total_seconds()
        return age >= self._backup_every_s or age < 0

    def _keep_copy(self, raw: bytes) -> Path:
        base = self.path.with_name(f"{self.path.name}.corrupt.{file_timestamp(self._clock())}")
        target, counter = base, 0
        while target.exists():  # we hold the lock, so nobody races for the name
            counter += 1
            target = base.with_name(f"{base.name}.{counter}")
        atomic_write_bytes(target, raw)
        log.warning("%s: kept the replaced, invalid file as %s", self.path, target)
        return target

    # --------------------------------------------------------------------- close

    def close(self) -> None:
        """Release the data-directory lock; the store cannot save until loaded again."""
        self._loaded = False
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> DocumentStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
