"""Edits as undoable commands, and saving them by themselves.

Every change is a ``SetEntries`` command that swaps user-layer entries in the workspace
(before <-> after), so undo and redo are exact and cheap. Each committed edit schedules a save
a moment later (coalescing bursts); a failed save keeps the edits in memory, is reported until
a save succeeds, and is retried.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.domain.fields import spec
from app.domain.workspace import EditError, Workspace
from app.storage.safe_io import LoadError, SaveError
from app.storage.userdata import UserData

SAVE_DELAY_MS = 300
RETRY_MS = (2_000, 5_000, 15_000, 30_000)
KIND_NOUN = {"companies": "company", "elements": "element", "reserves": "reserve row"}


class SetEntries(QUndoCommand):
    """Replace some user-layer entries; undo puts the old ones back."""

    def __init__(self, workspace: Workspace, changes: list[tuple[str, str, Any, Any]], text: str) -> None:
        super().__init__(text)
        self._workspace = workspace
        self._changes = changes  # (kind, record_id, before, after)

    def redo(self) -> None:
        for kind, record_id, _before, after in self._changes:
            self._workspace.set_entry(kind, record_id, after)

    def undo(self) -> None:
        for kind, record_id, before, _after in reversed(self._changes):
            self._workspace.set_entry(kind, record_id, before)


class EditController(QObject):
    rejected = Signal(str)  # an edit refused, with the reason
    save_failed = Signal(str)  # a save that did not happen, with what to do
    saved = Signal()
    dirty_changed = Signal(bool)

    def __init__(self, userdata: UserData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.userdata = userdata
        self.workspace = userdata.workspace
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._schedule_save)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.timeout.connect(self.save_now)
        self._retry = 0
        self.last_error: SaveError | None = None

    # --- state ----------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.userdata.read_only

    @property
    def dirty(self) -> bool:
        return self.userdata.dirty

    # --- edits ----------------------------------------------------------------------------
    def _push(self, changes: list[tuple[str, str, Any, Any]], text: str) -> bool:
        if self.read_only:
            self.rejected.emit("Not changed: your data is open read-only. "
                               + (self.userdata.store.read_only_reason if self.userdata.store else ""))
            return False
        changes = [c for c in changes if c[2] != c[3]]
        if not changes:
            return True
        self.undo_stack.push(SetEntries(self.workspace, changes, text))
        return True

    def _refuse(self, exc: Exception) -> bool:
        self.rejected.emit(f"Not changed: {exc}")
        return False

    def edit_field(self, kind: str, record_id: str, name: str, typed: Any) -> bool:
        try:
            value = self.workspace.parse_input(kind, name, typed)
            after = self.workspace.entry_for_field(kind, record_id, name, value)
        except EditError as exc:
            return self._refuse(exc)
        before = self.workspace.entry(kind, record_id)
        label = spec(kind, name).label.lower()
        return self._push([(kind, record_id, before, after)],
                          f"Edit {label} of {self.workspace.label(kind, record_id)}")

    def edit_record(self, kind: str, record_id: str, raw: dict[str, Any], text: str | None = None) -> bool:
        try:
            after = self.workspace.entry_for_record(kind, record_id, raw)
        except EditError as exc:
            return self._refuse(exc)
        before = self.workspace.entry(kind, record_id)
        return self._push([(kind, record_id, before, after)],
                          text or f"Edit {self.workspace.label(kind, record_id)}")

    def add_record(self, kind: str, raw: dict[str, Any]) -> str | None:
        try:
            record_id, entry = self.workspace.entry_for_new(kind, raw)
        except EditError as exc:
            self._refuse(exc)
            return None
        from app.domain.workspace import record_label

        label = record_label(kind, entry["added"], {e.id: e for e in self.workspace.editions})
        return record_id if self._push([(kind, record_id, None, entry)], f"Add {KIND_NOUN[kind]} {label}") else None

    def delete_record(self, kind: str, record_id: str) -> bool:
        label = self.workspace.label(kind, record_id)
        before = self.workspace.entry(kind, record_id)
        after = self.workspace.entry_for_delete(kind, record_id)
        return self._push([(kind, record_id, before, after)], f"Delete {KIND_NOUN[kind]} {label}")

    def revert_field(self, kind: str, record_id: str, name: str) -> bool:
        try:
            after = self.workspace.entry_without_field(kind, record_id, name)
        except EditError as exc:
            return self._refuse(exc)
        return self._push([(kind, record_id, self.workspace.entry(kind, record_id), after)],
                          f"Revert {spec(kind, name).label.lower() if name in _names(kind) else name} of "
                          f"{self.workspace.label(kind, record_id)}")

    def revert_record(self, kind: str, record_id: str) -> bool:
        before = self.workspace.entry(kind, record_id)
        try:
            after = self.workspace.entry_for_revert(kind, record_id)
        except EditError as exc:
            return self._refuse(exc)
        return self._push([(kind, record_id, before, after)],
                          f"Revert {self.workspace.label(kind, record_id)} to bundled")

    def keep_mine(self, kind: str, record_id: str, name: str) -> bool:
        after = self.workspace.entry_keep_mine(kind, record_id, name)
        return self._push([(kind, record_id, self.workspace.entry(kind, record_id), after)],
                          f"Keep my {name} of {self.workspace.label(kind, record_id)}")

    def reset_all(self) -> bool:
        changes = []
        for kind, entries in self.workspace.layer["records"].items():
            for record_id, entry in entries.items():
                changes.append((kind, record_id, entry, None))
        if not changes:
            return True
        try:
            self.userdata.backup_now("pre-reset")
        except SaveError as exc:
            return self._refuse(EditError(f"no backup could be made first, so nothing was reset ({exc})"))
        return self._push(changes, "Reset all data to bundled")

    def reload(self) -> list[str]:
        """Throw away what is in memory and read the data file again (after another program
        changed it). Returns the messages of the new load."""
        self._save_timer.stop()
        self.userdata.close()
        report = self.userdata.open()
        self.undo_stack.clear()
        self.last_error = None
        self._retry = 0
        self.saved.emit()
        self.dirty_changed.emit(self.dirty)
        return report.messages

    def restore_backup(self, entry) -> bool:
        """Replace the user's data with a backup. Not undoable: the state it replaces is
        kept as a "pre-restore" backup instead."""
        if self.read_only:
            return self._refuse(EditError("your data is open read-only"))
        self._save_timer.stop()
        try:
            rejected = self.userdata.restore(entry)
        except (LoadError, SaveError) as exc:
            self.rejected.emit(f"Not restored: {exc}")
            return False
        self.undo_stack.clear()
        if rejected:
            self.rejected.emit(f"Restored, but {len(rejected)} record(s) of the backup could not be used: "
                               + "; ".join(f"{r.record_id}: {r.reason}" for r in rejected[:5]))
        self.saved.emit()
        self.dirty_changed.emit(self.dirty)
        return True

    # --- saving ---------------------------------------------------------------------------
    def _schedule_save(self, *_args) -> None:
        self.dirty_changed.emit(self.dirty)
        if not self.read_only:
            self._save_timer.start(SAVE_DELAY_MS)

    def save_now(self, *, force: bool = False) -> bool:
        """Save if there is anything to save. True when nothing is left unsaved."""
        self._save_timer.stop()
        if self.read_only:
            return not self.dirty
        if not self.dirty and not force:
            return True
        try:
            self.userdata.save(force=force)
        except SaveError as exc:
            self.last_error = exc
            delay = RETRY_MS[min(self._retry, len(RETRY_MS) - 1)]
            self._retry += 1
            if exc.kind != "changed_on_disk":
                self._save_timer.start(delay)
            self.save_failed.emit(str(exc))
            self.dirty_changed.emit(True)
            return False
        self.last_error = None
        self._retry = 0
        self.saved.emit()
        self.dirty_changed.emit(False)
        return True


def _names(kind: str) -> set[str]:
    from app.domain.fields import FIELDS_BY_KIND

    return {s.name for s in FIELDS_BY_KIND[kind]}
