"""What restoring a backup would change, before anything is changed: the records the backup
would bring back, change or remove against the data as it is now, the entries of the backup
that could not be used, and the files kept aside in the data folder as damaged.

File > Restore from backup shows this and asks before restoring (app.ui builds the dialog).
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.layers import KINDS
from app.domain.workspace import Rejected, Workspace
from app.storage.backups import BackupEntry

__all__ = ["RecordChange", "RestorePreview", "kept_aside", "preview"]


@dataclass(frozen=True)
class RecordChange:
    """One record that restoring would change. ``action``: "added" (the record comes back or
    appears), "removed" (it goes), "changed" (``fields`` differ, by field key)."""

    kind: str
    record_id: str
    label: str
    action: str
    fields: tuple[str, ...] = ()


@dataclass
class RestorePreview:
    backup: BackupEntry
    changes: list[RecordChange] = field(default_factory=list)
    unusable: list[Rejected] = field(default_factory=list)  # entries of the backup that would be left out
    damaged_files: list[Path] = field(default_factory=list)  # kept aside in the data folder, newest first

    @property
    def added(self) -> list[RecordChange]:
        return [c for c in self.changes if c.action == "added"]

    @property
    def changed(self) -> list[RecordChange]:
        return [c for c in self.changes if c.action == "changed"]

    @property
    def removed(self) -> list[RecordChange]:
        return [c for c in self.changes if c.action == "removed"]


def preview(workspace: Workspace, bundled: Any, data: dict[str, Any], dropped: list[Rejected],
            entry: BackupEntry, damaged: list[Path]) -> RestorePreview:
    """Compare the records of ``workspace`` with those a workspace over the backup's layer
    ``data`` would have (merged and validated the same way a restore would)."""
    trial = Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions, data,
                      bundled_records=bundled.records)
    result = RestorePreview(entry, unusable=list(dropped) + list(trial.rejected), damaged_files=damaged)
    now_entries = workspace.layer_view()["records"]
    then_entries = data.get("records", {})
    for kind in KINDS:
        for record_id in sorted(set(now_entries.get(kind, {})) | set(then_entries.get(kind, {}))):
            now, then = workspace.raw(kind, record_id), trial.raw(kind, record_id)
            if now == then:
                continue
            if now is None:
                result.changes.append(RecordChange(kind, record_id, trial.label(kind, record_id), "added"))
            elif then is None:
                result.changes.append(RecordChange(kind, record_id, workspace.label(kind, record_id), "removed"))
            else:
                fields = tuple(sorted(k for k in set(now) | set(then) if now.get(k) != then.get(k)))
                result.changes.append(RecordChange(kind, record_id, workspace.label(kind, record_id), "changed",
                                                   fields))
    return result


def kept_aside(directory: Path, names: tuple[str, ...]) -> list[Path]:
    """Files moved aside next to ``names`` ("<name>.corrupt.<time>", "<name>.unused.<time>"),
    newest first."""
    found = []
    for name in names:
        for label in ("corrupt", "unused"):
            for path in directory.glob(f"{name}.{label}.*"):
                try:
                    info = path.lstat()
                except OSError:
                    continue
                if stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode) or stat.S_ISLNK(info.st_mode):
                    found.append((path.name.split(f".{label}.", 1)[1], path))
    return [path for _stamp, path in sorted(found, reverse=True)]
