"""What the window tells the user about saving and write access: the save state in the status
bar, one banner per reason (an edit refused, a save that failed, with Overwrite and Reload when
another program changed the file; read-only), and a read-only copy that retries the data lock
and turns edits on, saying so, once the other copy has gone."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from app.ui.i18n import tr, tr_msg

LOCK_RETRY_MS = 5_000  # how often a read-only copy checks whether the other copy has gone


class SaveFeedback(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller = window.controller
        controller.rejected.connect(self._on_rejected)
        controller.save_failed.connect(self._on_save_failed)
        controller.saved.connect(self._on_saved)
        controller.dirty_changed.connect(lambda _dirty: self.update_save_state())
        if controller.read_only:
            reason = controller.userdata.read_only_reason
            window.add_banner("warning", tr("Read-only: {reason} You can look things up and export, but edits are "
                                            "off.").format(reason=tr_msg(reason) if reason else tr("your data folder cannot be written.")),
                              closable=False, reason="read-only")
        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(LOCK_RETRY_MS)
        self.lock_timer.timeout.connect(self.retry_write_access)
        if controller.waiting_for_lock:
            self.lock_timer.start()
        self.update_save_state()

    def retry_write_access(self) -> bool:
        """While another copy holds the data: try again; once it has gone, turn edits on and say so."""
        if not self.controller.retry_write_access():
            return False
        window = self.window
        self.lock_timer.stop()
        window.banners.clear("read-only")
        for name in ("add_action", "edit_action", "delete_action", "reset_action", "restore_action", "import_action"):
            action = getattr(window, name, None)
            if action is not None:
                action.setEnabled(True)
        window.add_banner("info", tr("The other Curbwatch window has closed: your data is open here now, and you can "
                                     "edit it."), reason="read-only-ended")
        for tab in window.built_tabs():
            tab.table.viewport().update()
        self.update_save_state()
        return True

    def _on_rejected(self, message: str) -> None:
        self.window.add_banner("error", message, reason="edit")
        self.window.statusBar().showMessage(message, 8000)

    def _on_save_failed(self, message: str) -> None:
        error = self.controller.last_error
        if error is not None and error.kind == "changed_on_disk":
            text = tr("Your latest changes are not saved: {path} was changed by another program since Curbwatch read "
                      "it. Overwrite it with your data (the other version is backed up first), or reload it (your "
                      "unsaved changes are dropped).").format(path=self.controller.userdata.path)
            actions = ((tr("Overwrite"), self.overwrite_on_disk), (tr("Reload"), self.reload_from_disk))
        else:
            # The error itself, not the signal's copy of its English, so that it reads in the user's language.
            text = tr("Your latest changes are not saved yet: {reason} Curbwatch keeps them and will try "
                      "again.").format(reason=tr_msg(error) if error is not None else message)
            actions = ()
        self.window.add_banner("error", text, closable=False, actions=actions, reason="save")
        self.update_save_state()

    def overwrite_on_disk(self) -> bool:
        return self.controller.save_now(force=True)

    def reload_from_disk(self) -> None:
        # The reload replaces the workspace's layer, which refreshes every view through the models.
        for message in self.controller.reload():
            self.window.add_banner("warning", tr_msg(message))

    def _on_saved(self) -> None:
        self.window.banners.clear("save")
        self.update_save_state()

    def update_save_state(self) -> None:
        label = self.window.save_status
        if self.controller.read_only:
            label.setText(tr("Read-only"))
        elif self.controller.last_error is not None:
            label.setText(tr("Not saved"))
        elif self.controller.dirty:
            label.setText(tr("Saving…"))
        else:
            count = self.window.workspace.change_count()
            if not count:
                label.setText(tr("No changes of yours"))
            else:
                label.setText((tr("All changes saved ({n} changed record)") if count == 1 else
                               tr("All changes saved ({n} changed records)")).format(n=count))
