"""The user's data on disk: one versioned file in the data folder holding the user layer, and
the journal that makes each committed edit durable before the file is rewritten.

Glue between ``DocumentStore`` (safe saving, journal, backups, quarantine, locking,
migrations) and the domain ``Workspace`` (merge and validation). It decides what the user is
told at start: a damaged file recovered, records set aside, a newer bundled dataset merged,
read-only mode. Every change of the workspace is noted by a listener; :meth:`UserData.commit`
writes the changes of one committed edit as one journal line, and :meth:`UserData.save`
rewrites the whole file (a moment later, off the typing path).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import __version__
from app.domain.text import QT_TRANSLATE_NOOP, Msg
from app.domain.layers import (KINDS, LAYER_SCHEMA_VERSION, collector_paused, drop_malformed_entries, empty_layer,
                               validate_layer_shape)
from app.domain.workspace import Rejected, Workspace
from app.storage.atomic import SaveError
from app.storage.backups import BackupEntry
from app.storage.bundled import Bundled
from app.storage.docstore import DocumentStore
from app.storage.layer_encoder import LayerEncoder
from app.storage.recovery import RecoveryReport
from app.storage.restore_preview import RestorePreview, kept_aside, preview

FILE_NAME = "userdata.json"
JOURNAL_NAME = "userdata.journal"
FORMAT = "curbwatch-userdata"

# Step k -> k+1 migrations of the user layer. Add one with every schema change, never remove
# one, and keep tests/fixtures/userdata_v<k>.json for every released schema.
MIGRATIONS: dict = {}

# The whole file is rewritten a moment after edits; a routine backup of the previous file is
# made at most every ten minutes (and always before a migration, merge, discard, reset,
# restore or overwrite). The journal keeps every edit since the newest backup.
BACKUP_EVERY_S = 600.0


@dataclass
class OpenReport:
    messages: list[str] = field(default_factory=list)
    read_only: bool = False
    read_only_reason: str | None = None
    state: str = "new"
    quarantined: Path | None = None
    recovery: RecoveryReport | None = None  # how the data was obtained, what (if anything) may be missing
    left_out: list[Rejected] = field(default_factory=list)  # entries that could not be used


def apply_change(layer: dict[str, Any], change: Any) -> None:
    """One journal change, ``{"kind", "id", "entry"}`` (entry None: the record's entry goes),
    applied to a layer document. ValueError for anything else."""
    if not isinstance(change, dict) or set(change) != {"kind", "id", "entry"}:
        raise ValueError("not a change of the user layer")
    kind, record_id, entry = change["kind"], change["id"], change["entry"]
    if kind not in KINDS or not isinstance(record_id, str) or not (entry is None or isinstance(entry, dict)):
        raise ValueError("not a change of the user layer")
    entries = layer.setdefault("records", {}).setdefault(kind, {})
    if entry is None:
        entries.pop(record_id, None)
    else:
        entries[record_id] = entry


def _drop_malformed(layer: dict[str, Any]) -> list[Rejected]:
    return [Rejected(kind, record_id, reason) for kind, record_id, reason in drop_malformed_entries(layer)]


class UserData:
    """Owns the store for ``data_dir/userdata.json`` and keeps a workspace in step with it."""

    def __init__(self, data_dir: Path, bundled: Bundled, *, clock=None) -> None:
        self.data_dir = Path(data_dir)
        self.bundled = bundled
        self.workspace = Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions,
                                   bundled_records=bundled.records)
        self.store: DocumentStore | None = None
        self._clock = clock
        self._saved_revision = self.workspace.revision
        self._encoder = LayerEncoder()
        self.last_report = OpenReport()
        # Changes not yet in the journal: records by (kind, id), or the whole layer.
        self._pending: dict[tuple[str, str], None] = {}
        self._pending_whole = False
        self.workspace.listeners.append(self._note_change)

    @property
    def path(self) -> Path:
        return self.data_dir / FILE_NAME

    # ------------------------------------------------------------------ opening

    def open(self) -> OpenReport:
        report = OpenReport()
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            report.read_only = True
            report.read_only_reason = Msg(QT_TRANSLATE_NOOP("", "The data folder {folder} cannot be created ({reason})."),
                                          folder=self.data_dir, reason=exc.strerror or exc)
            report.messages.append(Msg.join([report.read_only_reason,
                                             Msg(QT_TRANSLATE_NOOP("", "Your edits will not be saved."))]))
            return report
        version = self.bundled.dataset.info.dataset_version
        self.store = DocumentStore(self.path, format_name=FORMAT, schema_version=LAYER_SCHEMA_VERSION,
                                   migrations=MIGRATIONS, validate=validate_layer_shape, app_version=__version__,
                                   clock=self._clock, backup_every_s=BACKUP_EVERY_S, apply_change=apply_change,
                                   empty_data=lambda: empty_layer(version), clean=_drop_malformed)
        return self._load(report)

    def retry_write_access(self) -> bool:
        """For a copy opened read-only because another copy held the data lock (call it on a
        timer): try the lock again. True when this copy can write now; then the file is read
        again, and the workspace replaced if the other copy saved something different (see
        ``last_report`` for what the reload said). False while the other copy holds the lock,
        and always for other read-only reasons (a newer file, an unwritable folder)."""
        if not self.read_only:
            return True
        if self.store is None or not self.store.try_lock():
            return False
        self._load(OpenReport(), keep_unchanged=True)
        return not self.read_only

    def _load(self, report: OpenReport, *, keep_unchanged: bool = False) -> OpenReport:
        with collector_paused():  # the file's JSON and the merge
            return self._load_now(report, keep_unchanged=keep_unchanged)

    def _load_now(self, report: OpenReport, *, keep_unchanged: bool) -> OpenReport:
        loaded = self.store.load()
        self.last_report = report
        report.state = loaded.state
        report.messages.extend(loaded.messages)
        report.read_only = loaded.read_only
        report.read_only_reason = loaded.read_only_reason
        report.quarantined = loaded.quarantined
        report.recovery = loaded.recovery
        if keep_unchanged and (loaded.data or None) == (self._layer_if_edited() or None):
            return report  # the other copy saved nothing new: keep the workspace as it is
        # Just read from the file and held nowhere else: handed over, not copied.
        rejected = list(loaded.dropped) + self.workspace.replace_layer(loaded.data, owned=True)
        self._forget_pending()  # the journal holds what was loaded
        self._saved_revision = self.workspace.revision
        self._name_recovered_records(report)
        report.left_out = rejected
        if rejected:
            listed = "; ".join(f"{r.kind} {r.record_id!r}: {r.reason}" for r in rejected[:10])
            report.messages.append(Msg(QT_TRANSLATE_NOOP("", "{n} of your changed records could not be used and were "
                                                             "left out ({listed}{more})."),
                                       n=len(rejected), listed=listed, more=_more(len(rejected))))
            kept = Msg(QT_TRANSLATE_NOOP("", "The file as it was is kept in the backups folder."))
            if not report.read_only and self.workspace.rejected:
                self._save_quietly(report, reason="pre-discard", note=kept)
            elif loaded.dropped and not report.read_only:
                report.messages[-1] = Msg.join([report.messages[-1], kept])
        if self.workspace.renamed:
            listed = "; ".join(f"{old!r} is now {new!r}" for _kind, old, new in self.workspace.renamed[:10])
            report.messages.append(Msg(QT_TRANSLATE_NOOP("", "{n} record(s) you added had the same id as a record in "
                                                             "the bundled data and were given new ids ({listed}). "
                                                             "Both are kept."),
                                       n=len(self.workspace.renamed), listed=listed))
            if not report.read_only:
                self._save_quietly(report, reason="pre-rename")
        bundled_version = self.bundled.dataset.info.dataset_version
        layer_version = self.workspace.base_dataset_version
        if loaded.data is not None and layer_version != bundled_version:
            conflicts = len(self.workspace.conflicts())
            self.workspace.rebase(bundled_version)
            report.messages.append(Msg(
                QT_TRANSLATE_NOOP("", "The bundled dataset was updated ({old} → {new}). Your changes were kept; {n} "
                                      "of them conflict with the update (Edit > Show my changes).") if conflicts else
                QT_TRANSLATE_NOOP("", "The bundled dataset was updated ({old} → {new}). Your changes were kept."),
                old=layer_version or Msg(QT_TRANSLATE_NOOP("", "unknown")), new=bundled_version, n=conflicts))
            if not report.read_only:
                self._save_quietly(report, reason="pre-merge")
        return report

    def _name_recovered_records(self, report: OpenReport) -> None:
        """Say which records the journal brought back, by the names the user knows them by."""
        changes = report.recovery.changes if report.recovery is not None else []
        seen = list(dict.fromkeys((c["kind"], c["id"]) for c in changes if isinstance(c, dict)))
        if not seen:
            return
        names = "; ".join(self.workspace.label(kind, record_id) for kind, record_id in seen[:10])
        report.messages.append(Msg(QT_TRANSLATE_NOOP("", "Records brought back from the journal: {names}{more}."),
                                   names=names, more=_more(len(seen))))

    def _layer_if_edited(self) -> dict | None:
        return self.workspace.layer_view() if self.workspace.change_count() else None

    def _save_quietly(self, report: OpenReport, *, reason: str, note: Msg | str = "") -> None:
        self._pending_whole = True  # changed at load, not by an edit: the journal gets the whole layer
        try:
            self.store.backup_now(reason)
            self.save()
            if note:
                report.messages[-1] = Msg.join([report.messages[-1], note])
        except SaveError as exc:
            report.messages.append(exc.message)

    # ------------------------------------------------------------------ state

    @property
    def read_only_reason(self) -> str | None:
        """Why edits are off, in a sentence for the user (None when they are on)."""
        if self.store is None:
            return Msg(QT_TRANSLATE_NOOP("", "The data folder {folder} cannot be used."), folder=self.data_dir)
        return self.store.read_only_reason

    @property
    def read_only(self) -> bool:
        return self.store is None or self.store.read_only

    @property
    def dirty(self) -> bool:
        """Changed since the last save (or load). Undoing back to the saved state still
        counts: the save that follows finds nothing new and writes nothing."""
        return self.workspace.revision != self._saved_revision

    # ------------------------------------------------------------------ saving

    def _note_change(self, kind: str, record_id: str | None) -> None:
        if record_id is None:  # the whole layer was replaced
            self._pending_whole = True
            self._pending.clear()
        elif not self._pending_whole:
            self._pending[(kind, record_id)] = None

    def _forget_pending(self) -> None:
        self._pending.clear()
        self._pending_whole = False

    def commit(self, *, just_saved: bool = False) -> None:
        """Make every change since the last commit durable: ONE journal line and one sync,
        whatever the size of the layer (call it once per committed edit, e.g. after each
        undo-stack change). Raises SaveError; the changes then stay pending and reach the
        disk with the next :meth:`save`."""
        if self.read_only:
            self._forget_pending()  # a read-only copy changes nothing on disk
            return
        if self._pending_whole:
            self.store.journal_replacement(self.workspace.layer_view(), as_saved=just_saved)
        elif self._pending:
            self.store.journal_changes([{"kind": kind, "id": record_id, "entry": self.workspace.entry(kind, record_id)}
                                        for kind, record_id in self._pending])
        self._forget_pending()

    def prepare_save(self, count: int = 500) -> bool:
        """Encode up to ``count`` entries of the layer ahead of the first save, so that it does
        not encode a large layer whole just after the first edit. True when nothing is left (or
        there is nothing to save to)."""
        if self.store is None or self.read_only:
            return True
        return self._encoder.prime(self.workspace.layer_view(), count)

    def save(self, *, force: bool = False, backup_reason: str | None = None) -> None:
        """Rewrite the whole file. Raises SaveError; on success the layer on disk equals the
        workspace's. ``backup_reason`` forces a backup of the file first (see DocumentStore.save)."""
        if self.store is None:
            raise SaveError("read_only", Msg(QT_TRANSLATE_NOOP("", "Nothing was saved: the data folder {folder} is "
                                                                   "not usable."), folder=self.data_dir), path=self.path)
        if not self._pending_whole:
            try:
                self.commit()
            except SaveError:
                pass  # the full save below holds these changes; the journal line follows it
        revision = self.workspace.revision
        # Serialised synchronously, so no copy is needed: nothing edits the layer meanwhile.
        layer = self.workspace.layer_view()
        self.store.save(layer, force=force, encoded=self._encoder.encode(layer), backup_reason=backup_reason)
        self._saved_revision = revision
        if self._pending_whole or self._pending:
            # After the write, so that a recovery from an older backup gets these changes too.
            try:
                self.commit(just_saved=True)
            except SaveError:
                pass  # kept pending: the next commit or save writes it

    # ------------------------------------------------------------------ backups

    def backups(self) -> list[BackupEntry]:
        """Backup entries, newest first (empty when there is no usable store)."""
        return self.store.backups.entries() if self.store is not None else []

    def damaged_files(self) -> list[Path]:
        """Files kept aside in the data folder, newest first: damaged data files
        ("userdata.json.corrupt.<time>") and journals that could not be used."""
        return kept_aside(self.data_dir, (FILE_NAME, JOURNAL_NAME))

    def preview_restore(self, entry: BackupEntry) -> RestorePreview:
        """What restoring backup ``entry`` would change, record by record, against the data as
        it is now, without changing anything. Raises LoadError if the backup is unusable."""
        if self.store is None:
            raise SaveError("read_only", Msg(QT_TRANSLATE_NOOP("", "The data folder {folder} is not usable."),
                                             folder=self.data_dir), path=self.path)
        data, dropped = self.store.read_backup(entry)
        return preview(self.workspace, self.bundled, data, dropped, entry, self.damaged_files())

    def restore(self, entry: BackupEntry) -> list[Rejected]:
        """Make a backup the current data (the current file is backed up first). Returns the
        records that could not be used. Raises LoadError or SaveError, changing nothing: the
        workspace is put back as it was when the restored data cannot be written."""
        if self.store is None:
            raise SaveError("read_only", Msg(QT_TRANSLATE_NOOP("", "Nothing was restored: the data folder {folder} is "
                                                                   "not usable."), folder=self.data_dir), path=self.path)
        data, dropped = self.store.read_backup(entry)
        old, saved, pending = self.workspace.layer_view(), self._saved_revision, (dict(self._pending),
                                                                                  self._pending_whole)
        was_dirty = self.dirty
        rejected = list(dropped) + self.workspace.replace_layer(data)
        try:
            self.save(backup_reason="pre-restore")
        except SaveError:
            self.workspace.replace_layer(old)
            self._pending, self._pending_whole = pending
            self._saved_revision = saved if was_dirty else self.workspace.revision
            raise
        return rejected

    def backup_now(self, reason: str) -> None:
        if self.store is not None and not self.store.read_only:
            self.store.backup_now(reason)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


def _more(count: int, shown: int = 10) -> Msg | str:
    """" and 3 more" after the first ``shown`` of ``count`` things listed (nothing when all are)."""
    return Msg(QT_TRANSLATE_NOOP("", " and {n} more"), n=count - shown) if count > shown else ""
