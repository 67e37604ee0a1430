"""The user's data on disk: one versioned file in the data directory, holding the user layer.

Glue between ``DocumentStore`` (safe saving, backups, quarantine, locking, migrations) and
the domain ``Workspace`` (merge and validation). It decides what the user is told at start:
a damaged file recovered, records set aside, a newer bundled dataset merged, read-only mode.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app import __version__
from app.domain.layers import LAYER_SCHEMA_VERSION, validate_layer_shape
from app.domain.workspace import Workspace
from app.storage.bundled import Bundled
from app.storage.atomic import SaveError
from app.storage.docstore import DocumentStore
from app.storage.layer_encoder import LayerEncoder

FILE_NAME = "userdata.json"
FORMAT = "curbwatch-userdata"

# Step k -> k+1 migrations of the user layer. Add one with every schema change, never remove
# one, and keep tests/fixtures/userdata_v<k>.json for every released schema.
MIGRATIONS: dict = {}

# Autosave runs after every edit; a routine backup of the previous file is made at most every
# ten minutes (and always before a migration, merge, discard, reset, restore or overwrite).
BACKUP_EVERY_S = 600.0


@dataclass
class OpenReport:
    messages: list[str] = field(default_factory=list)
    read_only: bool = False
    read_only_reason: str | None = None
    state: str = "new"
    quarantined: Path | None = None


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

    @property
    def path(self) -> Path:
        return self.data_dir / FILE_NAME

    def open(self) -> OpenReport:
        report = OpenReport()
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            report.read_only = True
            report.read_only_reason = f"The data folder {self.data_dir} cannot be created ({exc.strerror or exc})."
            report.messages.append(report.read_only_reason + " Your edits will not be saved.")
            return report
        self.store = DocumentStore(self.path, format_name=FORMAT, schema_version=LAYER_SCHEMA_VERSION,
                                   migrations=MIGRATIONS, validate=validate_layer_shape, app_version=__version__,
                                   clock=self._clock, backup_every_s=BACKUP_EVERY_S)
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
        loaded = self.store.load()
        self.last_report = report
        report.state = loaded.state
        report.messages.extend(loaded.messages)
        report.read_only = loaded.read_only
        report.read_only_reason = loaded.read_only_reason
        report.quarantined = loaded.quarantined
        if keep_unchanged and (loaded.data or None) == (self._layer_if_edited() or None):
            return report  # the other copy saved nothing new: keep the workspace as it is
        rejected = self.workspace.replace_layer(loaded.data)
        self._saved_revision = self.workspace.revision
        if rejected:
            listed = "; ".join(f"{r.kind} {r.record_id!r}: {r.reason}" for r in rejected[:10])
            more = f" and {len(rejected) - 10} more" if len(rejected) > 10 else ""
            report.messages.append(f"{len(rejected)} of your changed records could not be used and were left out "
                                   f"({listed}{more}).")
            if not report.read_only:
                self._save_quietly(report, reason="pre-discard",
                                   note="The file as it was is kept in the backups folder.")
        if self.workspace.renamed:
            listed = "; ".join(f"{old!r} is now {new!r}" for _kind, old, new in self.workspace.renamed[:10])
            report.messages.append(f"{len(self.workspace.renamed)} record(s) you added had the same id as a record in "
                                   f"the bundled data and were given new ids ({listed}). Both are kept.")
            if not report.read_only:
                self._save_quietly(report, reason="pre-rename")
        bundled_version = self.bundled.dataset.info.dataset_version
        layer_version = self.workspace.base_dataset_version
        if loaded.data is not None and layer_version != bundled_version:
            conflicts = len(self.workspace.conflicts())
            self.workspace.rebase(bundled_version)
            report.messages.append(
                f"The bundled dataset was updated ({layer_version or 'unknown'} → {bundled_version}). Your changes "
                f"were kept" + (f"; {conflicts} of them conflict with the update (Edit > Show my changes)."
                                if conflicts else "."))
            if not report.read_only:
                self._save_quietly(report, reason="pre-merge")
        return report

    def _layer_if_edited(self) -> dict | None:
        return self.workspace.layer_view() if self.workspace.change_count() else None

    def _save_quietly(self, report: OpenReport, *, reason: str, note: str = "") -> None:
        try:
            self.store.backup_now(reason)
            self.save()
            if note:
                report.messages[-1] += " " + note
        except SaveError as exc:
            report.messages.append(str(exc))

    @property
    def read_only_reason(self) -> str | None:
        """Why edits are off, in a sentence for the user (None when they are on)."""
        if self.store is None:
            return f"The data folder {self.data_dir} cannot be used."
        return self.store.read_only_reason

    @property
    def read_only(self) -> bool:
        return self.store is None or self.store.read_only

    @property
    def dirty(self) -> bool:
        """Changed since the last save (or load). Undoing back to the saved state still
        counts: the save that follows finds nothing new and writes nothing."""
        return self.workspace.revision != self._saved_revision

    def save(self, *, force: bool = False) -> None:
        """Raises SaveError; on success the layer on disk equals the workspace's."""
        if self.store is None:
            raise SaveError("read_only", f"Nothing was saved: the data folder {self.data_dir} is not usable.",
                            path=self.path)
        revision = self.workspace.revision
        # Serialised synchronously, so no copy is needed: nothing edits the layer meanwhile.
        layer = self.workspace.layer_view()
        self.store.save(layer, force=force, encoded=self._encoder.encode(layer))
        self._saved_revision = revision

    def backups(self) -> list:
        """Backup entries, newest first (empty when there is no usable store)."""
        return self.store.backups.entries() if self.store is not None else []

    def restore(self, entry) -> list:
        """Make a backup the current data (the current file is backed up first). Returns the
        records that could not be used. Raises LoadError or SaveError, changing nothing."""
        if self.store is None:
            raise SaveError("read_only", f"Nothing was restored: the data folder {self.data_dir} is not usable.",
                            path=self.path)
        data = self.store.restore(entry)
        rejected = self.workspace.replace_layer(data)
        self._saved_revision = self.workspace.revision
        return rejected

    def backup_now(self, reason: str) -> None:
        if self.store is not None and not self.store.read_only:
            self.store.backup_now(reason)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
