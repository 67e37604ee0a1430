"""A versioned JSON document store for one file of user data (the app's
"<data_dir>/userdata.json"), generic over what the document holds.

It owns the promises of reliability.md T2-T7 for that file: one writer per data
directory, schema migrations with a backup first, quarantine of damaged files with
recovery from the newest valid backup, refusing to overwrite a file that someone else
changed or that a newer Curbwatch wrote, and a verified backup before every save. The
caller supplies ``validate`` (raises ValueError) and the migration steps; this module
knows nothing about the app's records and imports no Qt.

On disk::

    {"format": "<format_name>", "schema_version": 3, "app_version": "1.4.0",
     "saved_at": "2026-11-29T22:30:00Z", "data": {...}}
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from app.storage.atomic import SaveError, atomic_write_bytes, classify_oserror
from app.storage.backups import BackupEntry, BackupSet
from app.storage.clock import file_timestamp, iso_utc, utc_now
from app.storage.lock import DataLock
from app.storage.quarantine import quarantine, sweep_temp_files
from app.storage.strict_json import MAX_DOCUMENT_BYTES, LoadError, json_dumps_bytes, strict_json_loads

__all__ = ["DocumentStore", "LoadReport", "LOAD_STATES"]

# Documents smaller than this (compact) are written indented and read back strictly.
PRETTY_LIMIT = 256 * 1024

log = logging.getLogger(__name__)

Document = dict[str, Any]
Migration = Callable[[Document], Document]
Validator = Callable[[Document], None]

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


@dataclass
class _Decoded:
    data: Document
    schema_version: int  # the version found in the file, before migration
    app_version: str | None


class _NewerSchema(Exception):
    def __init__(self, version: int, app_version: str | None) -> None:
        super().__init__(version, app_version)
        self.version = version
        self.app_version = app_version


def _sha(data: bytes | None) -> bytes | None:
    return None if data is None else hashlib.sha256(data).digest()


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().rstrip(".") or type(exc).__name__
    if not isinstance(exc, ValueError):
        text = f"{type(exc).__name__}: {text}"
    return text[:300]


def _kind_of(value: object) -> str:
    names = {list: "a list", str: "a string", int: "a number", float: "a number",
             bool: "true/false", type(None): "null"}
    return names.get(type(value), type(value).__name__)


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
        if schema_version < 1:
            raise ValueError("schema_version starts at 1")
        migrations = dict(migrations or {})
        bad = [k for k in migrations if not (isinstance(k, int) and 1 <= k < schema_version)]
        if bad:
            raise ValueError(f"migration steps {bad} do not lead to version {schema_version}")
        self.path = Path(path)
        self.format_name = format_name
        self.schema_version = schema_version
        self.app_version = app_version
        self._migrations = migrations
        self._validate = validate
        self._clock = clock or utc_now
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
        # sha256 of the serialised ``data`` on disk, to skip saves that change nothing
        # (otherwise every save would differ by saved_at and make a new backup).
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
    def loaded(self) -> bool:
        return self._loaded

    @property
    def read_only(self) -> bool:
        return self._read_only_kind is not None

    @property
    def read_only_reason(self) -> str | None:
        return self._read_only_reason

    # ------------------------------------------------------------------------ load

    def load(self) -> LoadReport:
        """Read the document, migrating or recovering as needed. Never raises for bad
        file contents: everything is in the report."""
        self._loaded = False
        self._read_only_kind = self._read_only_reason = None
        self._disk_hash = self._data_fp = self._valid_hash = None
        self._pending_reason = None
        report = LoadReport(data=None, state="new")
        self._acquire_lock()
        if not self.read_only:
            # Leftovers of a killed writer; fresh ones may belong to a live one.
            for directory in (self.data_dir, self.backups.directory):
                sweep_temp_files(directory, self.path.name)

        try:
            raw = self._read_disk()
        except OSError as exc:
            self._set_read_only(
                "read_only",
                f"Curbwatch could not read the data file {self.path} "
                f"({exc.strerror or exc}). It is opened read-only so nothing overwrites it.",
            )
            self._recover(report, reason=None, raw=None)
            return self._finish(report)

        if raw is None:
            newest = self.backups.entries()
            if newest:
                report.messages.append(
                    f"No data file was found at {self.path}, but backups exist (the "
                    f"newest is from {newest[0].when:%Y-%m-%d %H:%M} UTC). Use Restore "
                    f"from backup to bring them back."
                )
            return self._finish(report)

        try:
            decoded = self._decode(raw)
        except _NewerSchema as exc:
            report.state = "newer_schema"
            self._disk_hash = _sha(raw)
            self._set_read_only(
                "newer_schema",
                f"The data file {self.path} was made by a newer version of Curbwatch "
                f"(app_version {exc.app_version or 'unknown'}, data format "
                f"{exc.version}; this version reads up to {self.schema_version}). It "
                f"is opened read-only so nothing in it is lost; update Curbwatch to "
                f"edit your data.",
            )
            return self._finish(report)
        except LoadError as exc:
            self._recover(report, reason=exc.reason, raw=raw)
            return self._finish(report)

        report.data = decoded.data
        self._disk_hash = self._valid_hash = _sha(raw)
        self._data_fp = self._fingerprint(decoded.data)
        if decoded.schema_version == self.schema_version:
            report.state = "ok"
            return self._finish(report)

        report.state = "migrated"
        # The file still holds the old format: a save of unchanged data must not be
        # skipped as a no-op until the upgraded file is written.
        self._data_fp = None
        old = decoded.schema_version
        reason = f"pre-migration-v{old}"
        if self.read_only:
            report.messages.append(
                f"Your data file uses the older format {old}; it was upgraded to format "
                f"{self.schema_version} in memory only, because this window is read-only."
            )
            return self._finish(report)
        # Owed until the forced backup exists: if it fails now, the next save makes it.
        self._pending_reason = reason
        try:
            backup = self._commit(decoded.data, on_disk=raw, reason=reason)
        except SaveError as exc:
            report.messages.append(
                f"Your data file was upgraded from format {old} to {self.schema_version} "
                f"in memory, but the upgraded file could not be written yet ({exc}) "
                f"Curbwatch will try again at the next save; the old file is unchanged."
            )
        else:
            report.messages.append(
                f"Your data file was upgraded from format {old} to {self.schema_version}. "
                f"A copy of the old file was kept at {backup}."
            )
        return self._finish(report)

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
        if err is not None:
            self._set_read_only(
                "read_only",
                f"The data folder {self.data_dir} is not writable "
                f"({err.strerror or err}). Your data is shown read-only; use Save a "
                f"copy or Export to keep changes.",
            )
            return
        pid, host = self._lock.owner()
        who = f"process {pid}" if pid is not None else "an unknown process"
        if host:
            who += f" on {host}"
        self._set_read_only(
            "locked_by_other",
            f"Curbwatch is already open in another window ({who}). This window is "
            f"read-only; close the other one to edit your data here.",
        )

    def _set_read_only(self, kind: str, reason: str) -> None:
        if self._read_only_kind is None:  # the first cause is the one to tell
            self._read_only_kind = kind
            self._read_only_reason = reason

    def _recover(self, report: LoadReport, *, reason: str | None, raw: bytes | None) -> None:
        """The primary is damaged (``reason``) or unreadable (``reason`` None): move it
        aside if we may, then fall back to the newest backup that decodes."""
        damaged = ""
        if reason is not None:
            damaged = f"Your data file was damaged ({reason})."
            if not self.read_only:
                try:
                    report.quarantined = quarantine(self.path, now=self._clock())
                except OSError as exc:
                    self._set_read_only(
                        "read_only",
                        f"The data file {self.path} is damaged ({reason}) and could not "
                        f"be moved aside ({exc.strerror or exc}). It is opened read-only "
                        f"so it is not overwritten.",
                    )
            if report.quarantined is not None:
                damaged += f" It was moved to {report.quarantined}."
            else:
                damaged += f" It was left in place at {self.path}."
            log.warning("%s: damaged (%s); quarantined to %s", self.path, reason,
                        report.quarantined)
        if report.quarantined is None and raw is not None:
            self._disk_hash = _sha(raw)  # still there: a save must not clobber it

        found = self._newest_usable_backup()
        if found is None:
            report.state = "recovered_empty"
            report.messages.append(
                (damaged + " " if damaged else "")
                + "No usable backup was found, so Curbwatch starts without your edits."
                + (" The damaged file is kept." if report.quarantined else "")
            )
            return
        entry, decoded, backup_raw = found
        report.state = "recovered_backup"
        report.backup_used = entry
        report.data = decoded.data
        restored = f"Restored from the backup of {entry.when:%Y-%m-%d %H:%M} UTC."
        if self.read_only:
            restored = (f"Showing the backup of {entry.when:%Y-%m-%d %H:%M} UTC "
                        f"(read-only).")
        report.messages.append((damaged + " " if damaged else "") + restored)
        if self.read_only:
            return
        # Put the backup back as the primary now: if we only held it in memory, a
        # crash before the next save would leave no primary and the next start would
        # look like a fresh install. A current-format backup is copied byte for byte
        # so the next routine backup sees it unchanged and adds nothing.
        verbatim = backup_raw if decoded.schema_version == self.schema_version else None
        try:
            self._commit(decoded.data, on_disk=None, reason=None, verbatim=verbatim)
        except SaveError as exc:
            report.messages.append(
                f"The restored data could not be written back yet ({exc}) It is kept in "
                f"memory and Curbwatch will try again at the next save."
            )

    def _newest_usable_backup(self) -> tuple[BackupEntry, _Decoded, bytes] | None:
        for entry in self.backups.entries():
            try:
                raw = entry.path.read_bytes()
                return entry, self._decode(raw), raw
            except (OSError, LoadError, _NewerSchema):
                continue
        return None

    # ------------------------------------------------------------------ decoding

    def _read_disk(self) -> bytes | None:
        try:
            with open(self.path, "rb") as handle:
                # One byte over the cap is enough for strict_json_loads to refuse it,
                # without reading a huge file into memory.
                return handle.read(MAX_DOCUMENT_BYTES + 1)
        except FileNotFoundError:
            return None

    def _decode(self, raw: bytes) -> _Decoded:
        """Bytes -> validated data in the current schema. Raises LoadError for anything
        unusable and _NewerSchema for a file from a newer version."""
        obj = strict_json_loads(raw)
        if not isinstance(obj, dict):
            raise LoadError(f"the top level is {_kind_of(obj)}, not an object")
        if "format" not in obj:
            raise LoadError("no format field")
        if obj["format"] != self.format_name:
            raise LoadError(f"not a {self.format_name} file (format {obj['format']!r})"[:200])
        if "schema_version" not in obj:
            raise LoadError("no schema_version")
        version = obj["schema_version"]
        if type(version) is not int or version < 1:
            raise LoadError(f"schema_version {version!r} is not a positive whole number"[:200])
        app_version = obj.get("app_version")
        app_version = app_version if isinstance(app_version, str) else None
        if version > self.schema_version:
            raise _NewerSchema(version, app_version)
        data = obj.get("data")
        if not isinstance(data, dict):
            raise LoadError("the data field is missing or not an object")
        for step in range(version, self.schema_version):
            migrate = self._migrations.get(step)
            if migrate is None:
                raise LoadError(f"format {version} is too old to upgrade "
                                f"(no step from {step} to {step + 1})")
            try:
                data = migrate(data)
            except Exception as exc:  # noqa: BLE001 - a hand-edited file can break any step
                raise LoadError(f"upgrading from format {step} failed "
                                f"({_describe(exc)})") from None
            if not isinstance(data, dict):
                raise LoadError(f"upgrading from format {step} did not give an object")
        try:
            self._validate(data)
        except Exception as exc:  # noqa: BLE001 - a validator bug must not crash start-up
            raise LoadError(f"invalid data: {_describe(exc)}") from None
        return _Decoded(data, version, app_version)

    def _validate_backup_bytes(self, raw: bytes) -> None:
        if self._valid_hash is not None and _sha(raw) == self._valid_hash:
            return
        # A file from a newer Curbwatch is valid for that version and worth keeping.
        try:
            self._decode(raw)
        except _NewerSchema:
            return

    def _data_bytes(self, data: Document) -> bytes:
        """``data`` as compact, sorted UTF-8 JSON (the C encoder): the basis of both the
        no-change fingerprint and, for large documents, the file itself."""
        try:
            return json_dumps_bytes(data, pretty=False)
        except SaveError as exc:
            raise SaveError("invalid", f"Nothing was saved: {exc}", path=self.path) from None

    def _fingerprint(self, data: Document, data_bytes: bytes | None = None) -> bytes:
        return hashlib.sha256(data_bytes if data_bytes is not None else self._data_bytes(data)).digest()

    # ------------------------------------------------------------------------ save

    def _check_writable(self) -> None:
        if not self._loaded:
            raise SaveError("not_loaded",
                            f"Nothing was saved: {self.path} has not been loaded yet.",
                            path=self.path)
        if self._read_only_kind is not None:
            raise SaveError(self._read_only_kind,
                            f"Nothing was saved. {self._read_only_reason}", path=self.path)

    def _read_for_save(self) -> bytes | None:
        try:
            return self._read_disk()
        except OSError as exc:
            raise classify_oserror(exc, self.path) from exc

    def save(self, data: Document, *, force: bool = False, encoded: bytes | None = None) -> None:
        """Write ``data`` durably, after a verified backup of the current file.

        Raises SaveError and leaves the file on disk untouched when the store is
        read-only or not loaded, when the file changed on disk since we last read or
        wrote it (``force=True`` overwrites after backing up the other version), when
        ``data`` is invalid, or when the disk refuses the write.
        """
        self._check_writable()
        on_disk = self._read_for_save()
        reason = self._pending_reason
        if _sha(on_disk) != self._disk_hash:
            if not force:
                raise SaveError(
                    "changed_on_disk",
                    f"Your changes were not saved: the data file {self.path} was changed "
                    f"by another program since Curbwatch read it. Reload it, or "
                    f"overwrite it (a backup of the other version is made first).",
                    path=self.path,
                )
            reason = "pre-overwrite"
        # ``encoded``: the caller's own compact encoding of ``data`` (see
        # app.storage.userdata.LayerEncoder), already checked to load back piece by piece.
        data_bytes = encoded if encoded is not None else self._data_bytes(data)
        fingerprint = self._fingerprint(data, data_bytes)
        if reason is None and fingerprint == self._data_fp:
            return  # nothing changed: no write, no new backup
        self._commit(data, on_disk=on_disk, reason=reason, fingerprint=fingerprint, data_bytes=data_bytes,
                     verified=encoded is not None)

    def backup_now(self, reason: str | None = None) -> Path | None:
        """Back up the file as it is on disk (forced when ``reason`` is given, e.g.
        "pre-import"). None when there is no file, it is unchanged since the newest
        backup, or it does not validate."""
        self._check_writable()
        on_disk = self._read_for_save()
        if on_disk is None:
            return None
        return self.backups.backup(on_disk, validate=self._validate_backup_bytes, reason=reason)

    def restore(self, entry: BackupEntry) -> Document:
        """Make backup ``entry`` the current document and return its data. The current
        file is backed up first (reason "pre-restore"); a damaged one is kept as a
        .corrupt copy instead. Raises LoadError if the backup is unusable."""
        self._check_writable()
        try:
            raw = entry.path.read_bytes()
        except OSError as exc:
            raise LoadError(f"unreadable ({exc.strerror or exc})", path=entry.path) from None
        try:
            decoded = self._decode(raw)
        except _NewerSchema as exc:
            raise LoadError(f"made by a newer version of Curbwatch "
                            f"(app_version {exc.app_version or 'unknown'})",
                            path=entry.path) from None
        except LoadError as exc:
            raise LoadError(exc.reason, path=entry.path) from None
        on_disk = self._read_for_save()
        self._commit(decoded.data, on_disk=on_disk, reason="pre-restore")
        return decoded.data

    def _serialize(self, data: Document, data_bytes: bytes | None = None, verified: bool = False) -> bytes:
        if not isinstance(data, dict):
            raise SaveError("invalid", f"Nothing was saved: the data is {_kind_of(data)}, "
                            f"not an object.", path=self.path)
        try:
            self._validate(data)
        except Exception as exc:  # noqa: BLE001
            raise SaveError("invalid", f"Nothing was saved because the data is invalid: "
                            f"{_describe(exc)}.", path=self.path) from None
        envelope = {
            "format": self.format_name,
            "schema_version": self.schema_version,
            "app_version": self.app_version,
            "saved_at": iso_utc(self._clock()),
            "data": data,
        }
        if data_bytes is None:
            data_bytes = self._data_bytes(data)
        # Keys in sorted order, as json_dumps_bytes would write them, around the data bytes
        # already made for the fingerprint: one encoding of the data per save, not three.
        head = {k: v for k, v in envelope.items() if k != "data"}
        compact = (b'{"app_version":' + json.dumps(head["app_version"], ensure_ascii=False).encode("utf-8")
                   + b',"data":' + data_bytes.rstrip(b"\n")
                   + b',"format":' + json.dumps(head["format"], ensure_ascii=False).encode("utf-8")
                   + b',"saved_at":' + json.dumps(head["saved_at"]).encode("utf-8")
                   + b',"schema_version":' + str(int(head["schema_version"])).encode("ascii") + b"}\n")
        if len(compact) < PRETTY_LIMIT:
            payload = json_dumps_bytes(envelope)
            # Read-back check: never write what this very version could not load again
            # (size or depth caps, a validator that disagrees with its own output).
            try:
                self._decode(payload)
            except (LoadError, _NewerSchema) as exc:
                reason = exc.reason if isinstance(exc, LoadError) else "newer schema"
                raise SaveError("invalid", f"Nothing was saved: the data would not load back "
                                f"({reason}).", path=self.path) from None
            return payload
        # Large documents: the strict parser's Python hooks cost more than the save budget.
        # The bytes come from the C encoder (no NaN, no duplicate keys possible), so the
        # read-back checks what matters there: the size cap, and that parsing them gives
        # back exactly the data (e.g. no int key silently turned into a string).
        if len(compact) > MAX_DOCUMENT_BYTES:
            raise SaveError("invalid", f"Nothing was saved: the data would not load back "
                            f"(larger than {MAX_DOCUMENT_BYTES:,} bytes).", path=self.path)
        if not verified and json.loads(compact) != envelope:
            raise SaveError("invalid", "Nothing was saved: the data would not load back "
                            "unchanged.", path=self.path)
        return compact

    def _commit(
        self,
        data: Document,
        *,
        on_disk: bytes | None,
        reason: str | None,
        verbatim: bytes | None = None,
        fingerprint: bytes | None = None,
        data_bytes: bytes | None = None,
        verified: bool = False,
    ) -> Path | None:
        """Back up ``on_disk`` (the current file), then atomically write ``data``.
        Returns the backup path (None when no backup was needed)."""
        payload = verbatim if verbatim is not None else self._serialize(data, data_bytes, verified)
        backup: Path | None = None
        if on_disk is not None and (reason is not None or self._backup_due()):
            try:
                backup = self.backups.backup(
                    on_disk, validate=self._validate_backup_bytes, reason=reason
                )
            except SaveError as exc:
                # No save without the backup first; say which file stays as it was.
                raise SaveError(
                    exc.kind,
                    f"{exc} The backup is made before every save, so {self.path} was "
                    f"not changed.",
                    errno=exc.errno,
                    path=self.path,
                ) from exc
            if backup is None and reason is not None:
                # A forced backup only declines invalid bytes: keep them aside as a
                # .corrupt copy, because we are about to replace them.
                backup = self._keep_copy(on_disk)
        self._pending_reason = None  # any forced backup owed now exists
        atomic_write_bytes(self.path, payload)
        # Validated: by the read-back check, or (verbatim) as a decoded backup.
        self._disk_hash = self._valid_hash = _sha(payload)
        self._data_fp = fingerprint if fingerprint is not None else self._fingerprint(data)
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

