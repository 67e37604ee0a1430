"""Edits as undoable commands, and saving them by themselves.

Every change is a ``SetEntries`` command that swaps user-layer entries in the workspace
(before <-> after), so undo and redo are exact and cheap. Each committed edit is written to
the journal at once and schedules the full save a moment later (coalescing bursts, but never
more than a second after the first unsaved edit); a failed save keeps the edits in memory, is
reported until a save succeeds, and is retried.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.domain.kinds import kind_of
from app.domain.workspace import EditError, Staged, Workspace
from app.storage.atomic import SaveError
from app.storage.strict_json import LoadError
from app.storage.userdata import UserData
from app.ui.i18n import tr, tr_msg
from app.ui.messages import refusal_text

# The whole file is rewritten once edits pause this long, and never later than MAX_SAVE_DELAY_MS
# after the first unsaved edit, however fast edits keep coming (holding Ctrl+Z). Each edit is
# already on disk before that: UserData.commit writes its journal line at once.
SAVE_DELAY_MS = 300
MAX_SAVE_DELAY_MS = 1_000
RETRY_MS = (2_000, 5_000, 15_000, 30_000)


class SetEntries(QUndoCommand):
    """Put some records' staged states in place; undo puts the states before back. Both were
    validated and parsed when the edit was made, so redo and undo parse nothing."""

    def __init__(self, workspace: Workspace, changes: list[tuple[Staged, Staged]], text: str) -> None:
        super().__init__(text)
        self._workspace = workspace
        self._changes = changes  # (before, after)

    def redo(self) -> None:
        self._workspace.apply_many([after for _before, after in self._changes])

    def undo(self) -> None:
        self._workspace.apply_many([before for before, _after in reversed(self._changes)])


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
        self._first_unsaved_ms: float | None = None  # when the oldest edit not yet in the file was made
        self._clock_ms = lambda: time.monotonic() * 1000  # replaced by tests
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
    def apply_entries(self, changes: list[tuple[str, str, Any]], text: str) -> bool:
        """Many records changed as ONE undoable step (an import, a reset): (kind, id, new entry)."""
        return self._push(changes, text)

    def _push(self, changes: list[tuple[str, str, Any]], text: str) -> bool:
        """Push an undoable command for (kind, record id, new entry) changes (already staged)."""
        if self.read_only:
            self.rejected.emit(tr("Not changed: your data is open read-only. {reason}").format(
                reason=tr_msg(self.userdata.read_only_reason or "")).rstrip())
            return False
        staged = []
        for kind, record_id, entry in changes:
            before = self.workspace.current(kind, record_id)
            if before.entry == entry:
                continue
            staged.append((before, self.workspace.stage(kind, record_id, entry)))
        if not staged:
            return True
        self.undo_stack.push(SetEntries(self.workspace, staged, text))
        return True

    def _refuse(self, exc: Exception) -> bool:
        self.rejected.emit(tr("Not changed: {reason}").format(reason=refusal_text(str(exc))))
        return False

    def _label(self, kind: str, record_id: str) -> str:
        return self.workspace.label(kind, record_id)

    def edit_field(self, kind: str, record_id: str, name: str, typed: Any) -> bool:
        try:
            value = self.workspace.parse_input(kind, name, typed)
            after = self.workspace.entry_for_field(kind, record_id, name, value)
        except EditError as exc:
            return self._refuse(exc)
        label = tr(kind_of(kind).field_label(name)).lower()
        return self._push([(kind, record_id, after)],
                          tr("Edit {field} of {record}").format(field=label, record=self._label(kind, record_id)))

    def edit_record(self, kind: str, record_id: str, raw: dict[str, Any], text: str | None = None) -> bool:
        try:
            after = self.workspace.entry_for_record(kind, record_id, raw)
        except EditError as exc:
            return self._refuse(exc)
        return self._push([(kind, record_id, after)],
                          text or tr("Edit {record}").format(record=self._label(kind, record_id)))

    def add_record(self, kind: str, raw: dict[str, Any]) -> str | None:
        try:
            record_id, entry = self.workspace.entry_for_new(kind, raw)
        except EditError as exc:
            self._refuse(exc)
            return None
        info = kind_of(kind)
        label = info.describe(entry["added"], {e.id: e for e in self.workspace.editions})
        text = tr("Add {noun} {record}").format(noun=tr(info.noun), record=label)
        return record_id if self._push([(kind, record_id, entry)], text) else None

    def delete_record(self, kind: str, record_id: str) -> bool:
        label = self._label(kind, record_id)
        try:
            after = self.workspace.entry_for_delete(kind, record_id)
        except EditError as exc:
            return self._refuse(exc)
        return self._push([(kind, record_id, after)],
                          tr("Delete {noun} {record}").format(noun=tr(kind_of(kind).noun), record=label))

    def revert_field(self, kind: str, record_id: str, name: str) -> bool:
        try:
            after = self.workspace.entry_without_field(kind, record_id, name)
        except EditError as exc:
            return self._refuse(exc)
        return self._push([(kind, record_id, after)], tr("Revert {field} of {record}").format(
            field=tr(kind_of(kind).field_label(name)).lower(), record=self._label(kind, record_id)))

    def revert_record(self, kind: str, record_id: str) -> bool:
        try:
            after = self.workspace.entry_for_revert(kind, record_id)
        except EditError as exc:
            return self._refuse(exc)
        return self._push([(kind, record_id, after)],
                          tr("Revert {record} to bundled").format(record=self._label(kind, record_id)))

    def keep_mine(self, kind: str, record_id: str, name: str) -> bool:
        try:
            after = self.workspace.entry_keep_mine(kind, record_id, name)
        except EditError as exc:
            return self._refuse(exc)
        return self._push([(kind, record_id, after)], tr("Keep my {field} of {record}").format(
            field=tr(kind_of(kind).field_label(name)).lower(), record=self._label(kind, record_id)))

    def reset_all(self) -> bool:
        changes = [(change.kind, change.record_id, None) for change in self.workspace.changes()]
        if not changes:
            return True
        try:
            self.userdata.backup_now("pre-reset")
        except SaveError as exc:
            return self._refuse(EditError(tr("no backup could be made first, so nothing was reset ({reason})").format(
                reason=tr_msg(exc))))
        return self._push(list(dict.fromkeys(changes)), tr("Reset all data to bundled"))

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

    @property
    def waiting_for_lock(self) -> bool:
        """Read-only only because another running copy holds the data (worth retrying)."""
        store = self.userdata.store
        return store is not None and store.read_only_kind == "locked_by_other"

    def retry_write_access(self) -> bool:
        """Try to take over the data once the other copy has gone; True when edits are on."""
        if not self.userdata.retry_write_access():
            return False
        self.undo_stack.clear()
        self.dirty_changed.emit(self.dirty)
        self.saved.emit()
        return True

    def restore_backup(self, entry) -> bool:
        """Replace the user's data with a backup. Not undoable: the state it replaces is
        kept as a "pre-restore" backup instead."""
        if self.read_only:
            return self._refuse(EditError(tr("your data is open read-only")))
        self._save_timer.stop()
        try:
            rejected = self.userdata.restore(entry)
        except (LoadError, SaveError) as exc:
            self.rejected.emit(tr("Not restored: {reason}").format(reason=tr_msg(exc)))
            return False
        self.undo_stack.clear()
        if rejected:
            self.rejected.emit(tr("Restored, but {n} record(s) of the backup could not be used: {which}").format(
                n=len(rejected), which="; ".join(f"{r.record_id}: {r.reason}" for r in rejected[:5])))
        self.saved.emit()
        self.dirty_changed.emit(self.dirty)
        return True

    # --- saving ---------------------------------------------------------------------------
    def _schedule_save(self, *_args) -> None:
        """After every committed edit (undo-stack change): its journal line now, the full save
        when edits pause, at most MAX_SAVE_DELAY_MS after the first unsaved one."""
        self.dirty_changed.emit(self.dirty)
        if self.read_only:
            return
        try:
            self.userdata.commit()
        except SaveError as exc:  # the full save below still tries; until then, say so
            self.last_error = exc
            self.save_failed.emit(str(exc))
        now = self._clock_ms()
        if self._first_unsaved_ms is None or not self._save_timer.isActive():
            self._first_unsaved_ms = now
        deadline = self._first_unsaved_ms + MAX_SAVE_DELAY_MS
        self._save_timer.start(int(max(0, min(SAVE_DELAY_MS, deadline - now))))

    def prepare_saving(self) -> None:
        """Encode a large layer for its first save a few hundred entries at a time while the
        window is idle (UserData.prepare_save), not all at once just after the first edit."""
        if not self.userdata.prepare_save():
            QTimer.singleShot(0, self, self.prepare_saving)

    def save_now(self, *, force: bool = False) -> bool:
        """Save if there is anything to save. True when nothing is left unsaved."""
        self._save_timer.stop()
        self._first_unsaved_ms = None
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

