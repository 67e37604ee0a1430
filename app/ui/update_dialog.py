"""File > Import dataset update…: choose a dataset update (a zip, or a folder with the three
files), see its SHA-256 and what it would change (records added, changed field by field and
removed; the user's own edits it meets, conflicts tinted), then apply it all or nothing.

Everything is checked before anything changes (app/storage/dataset_update.py); a file that is
refused says why inside the dialog and changes nothing. Applying keeps the dataset in the data
folder (it is used at every start from then on), merges the user's layer over it as an app
upgrade does, and saves (the data file is backed up first). It is not an Edit > Undo step: the
undo history, made over the previous dataset, is cleared.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain.dataset_diff import UpdatePreview, kind_label, preview_update
from app.storage.dataset_update import UpdateError, UpdateFile, apply_update, read_update, refuse_unless_newer
from app.ui import theme as themes
from app.ui.html import br, join, styled, tag
from app.ui.i18n import QT_TRANSLATE_NOOP, tr, tr_msg

ACTIONS = {"added": QT_TRANSLATE_NOOP("", "Added"), "changed": QT_TRANSLATE_NOOP("", "Changed"),
           "removed": QT_TRANSLATE_NOOP("", "Removed")}
def diff_summary(diff) -> str:
    """"0 added, 1 changed (1 field), 0 removed" (``DatasetDiff.summary``) in the user's language."""
    fields = (tr("{n} field") if diff.field_count == 1 else tr("{n} fields")).format(n=diff.field_count)
    return tr("{added} added, {changed} changed ({fields}), {removed} removed").format(
        added=diff.count("added"), changed=diff.count("changed"), fields=fields, removed=diff.count("removed"))


def preview_summary(preview: UpdatePreview) -> str:
    """``UpdatePreview.summary`` in the user's language."""
    text = tr("{diff}; {kept} of your changed records kept").format(diff=diff_summary(preview.diff),
                                                                     kept=preview.kept)
    if preview.conflicts:
        text = (tr("{text}, {n} field in conflict with the update") if preview.conflicts == 1 else
                tr("{text}, {n} fields in conflict with the update")).format(text=text, n=preview.conflicts)
    if preview.left_out:
        text = tr("{text}, {n} left out").format(text=text, n=len(preview.left_out))
    return text


class UpdateDialog(QDialog):
    HEADERS = ("", QT_TRANSLATE_NOOP("", "Kind"), QT_TRANSLATE_NOOP("", "Record"),
               QT_TRANSLATE_NOOP("", "What changes"), QT_TRANSLATE_NOOP("", "Your data"))

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.userdata = window.controller.userdata
        self.update_file: UpdateFile | None = None
        self.preview: UpdatePreview | None = None
        self.error = ""
        self.setWindowTitle(tr("Import dataset update"))
        self.resize(1060, 620)
        intro = QLabel(tr("A dataset update is a zip file (or a folder) holding companies.json, elements.json and "
                          "reserves.json in the format Curbwatch ships. Nothing changes until you press Apply; your "
                          "own changes are kept, and any that the update contradicts stay marked until you resolve "
                          "them (Edit > Show my changes)."))
        intro.setWordWrap(True)
        self.zip_button = QPushButton(tr("Choose &zip file…"))
        self.zip_button.clicked.connect(self.choose_zip)
        self.folder_button = QPushButton(tr("Choose &folder…"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.about = QLabel(tr("No update chosen yet."))
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setAccessibleName(tr("What the update would change"))
        self.table.setHorizontalHeaderLabels([tr(h) if h else "" for h in self.HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(tr("&Apply update"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(False)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        choose = QHBoxLayout()
        choose.addWidget(self.zip_button)
        choose.addWidget(self.folder_button)
        choose.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(choose)
        layout.addWidget(self.about)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    # --- choosing and checking ---------------------------------------------------------------
    def choose_zip(self) -> bool:
        path, _chosen = QFileDialog.getOpenFileName(self, tr("Dataset update"), str(Path.home()),
                                                    tr("Dataset update (*.zip);;All files (*)"))
        return self.load(path) if path else False

    def choose_folder(self) -> bool:
        path = QFileDialog.getExistingDirectory(self, tr("Folder with companies.json, elements.json and "
                                                         "reserves.json"))
        return self.load(path) if path else False

    def load(self, path: str | Path) -> bool:
        """Read and check ``path`` and show what it would change; a refusal is shown instead."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the trial merge: ~0.5 s with 10,000 edits
        try:
            return self._load(path)
        finally:
            QApplication.restoreOverrideCursor()

    def _load(self, path: str | Path) -> bool:
        self.update_file, self.preview, self.error = None, None, ""
        self.table.setRowCount(0)
        self.apply_button.setEnabled(False)
        try:
            update = read_update(path)
        except UpdateError as exc:
            return self._refuse(Path(path).name, tr_msg(exc))
        head = [tag("b", update.path.name), br(), tr("SHA-256 {of}: ").format(of=update.sha256_of),
                tag("code", update.sha256), br(), tr("Compare it with the one the sender gave you."), br()]
        old, new = self.userdata.bundled.dataset.info, update.info
        try:
            refuse_unless_newer(update, old)
        except UpdateError as exc:
            return self._refuse(update.path.name, tr_msg(exc), head)
        self.update_file = update
        bundled = update.bundled
        self.preview = preview = preview_update(self.userdata.workspace, self.userdata.bundled.raw, new, bundled.raw,
                                                bundled.dataset.editions, bundled.records)
        notes = [tr("Dataset {version} (as of {as_of}) → ").format(version=old.dataset_version,
                                                                    as_of=old.as_of.isoformat()),
                 tag("b", tr("{version} (as of {as_of})").format(version=new.dataset_version,
                                                                 as_of=new.as_of.isoformat())), br(),
                 tag("b", tr("{summary}.").format(summary=preview_summary(preview)))]
        if preview.conflicts:
            notes += [br(), styled(tr("Tinted rows: your value is kept and marked as in conflict until you resolve "
                                      "it."), themes.current().warn)]
        for kind, old_id, new_id in preview.renamed:
            notes += [br(), tr("A {kind} record you added, {old!r}, is kept as {new!r}: the update uses its "
                               "id.").format(kind=kind, old=old_id, new=new_id)]
        for rejected in preview.left_out:
            notes += [br(), styled(tr("Your change to {kind} {record!r} no longer fits and is left out (kept in the "
                                      "backup made first): {reason}").format(kind=rejected.kind,
                                                                            record=rejected.record_id,
                                                                            reason=rejected.reason), themes.current().error)]
        if self.userdata.read_only:
            notes += [br(), styled(tr("Your data is open read-only: the update cannot be applied here."), themes.current().error)]
        self.about.setText(join(head + notes))
        self._fill(preview)
        self.apply_button.setEnabled(not self.userdata.read_only)
        return True

    def _refuse(self, name: str, reason: str, head: list | None = None) -> bool:
        self.error = reason
        self.about.setText(join([*(head or [tag("b", name), br()]),
                                 styled(tr("Not imported: {reason} Nothing was changed.").format(reason=reason),
                                        themes.current().error, bold=True)]))
        return False

    def _fill(self, preview: UpdatePreview) -> None:
        theme = themes.current()
        self.table.setRowCount(len(preview.rows))
        for row, line in enumerate(preview.rows):
            what = line.what or (tr("New record") if line.action == "added" else tr("No longer in the dataset"))
            values = (tr(ACTIONS[line.action]), tr(kind_label(line.kind)), line.label, what, line.yours)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if line.conflict:
                    item.setBackground(QColor(theme.conflict))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column, width in ((2, 260), (3, 420), (4, 360)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), width))

    # --- applying ---------------------------------------------------------------------------
    def apply(self) -> bool:
        if self.update_file is None:
            return False
        controller = self.window_.controller
        controller.save_now()  # edits not yet in the file go in before the backup is made
        try:
            apply_update(self.userdata, self.update_file)
        except UpdateError as exc:
            self.error = str(exc)
            self.about.setText(join([tag("b", self.update_file.path.name), br(),
                                     styled(tr_msg(exc), themes.current().error, bold=True)]))
            self.apply_button.setEnabled(False)
            return False
        # The undo history holds states merged over the previous dataset: putting one back now
        # would undo part of the update, so it goes (the backup made first is the way back).
        controller.undo_stack.clear()
        controller.saved.emit()
        controller.dirty_changed.emit(controller.dirty)
        self.accept()
        return True


def refresh_after_update(window) -> None:
    """What the workspace's listeners do not cover: the Reserves tab's list of sources."""
    for tab in window.built_tabs():
        source = getattr(tab, "source", None)
        if source is None:
            continue
        wanted = [(f"{e.short} ({e.published})", e.id) for e in window.workspace.editions]
        if wanted == [(source.itemText(i), source.itemData(i)) for i in range(source.count())]:
            continue
        chosen = source.currentData()
        source.blockSignals(True)
        source.clear()
        for text, edition_id in wanted:
            source.addItem(text, edition_id)
        source.setCurrentIndex(max(source.findData(chosen), 0))
        source.blockSignals(False)
        source.currentIndexChanged.emit(source.currentIndex())


def import_dataset_update(window, path: str | Path | None = None) -> bool:
    """The whole command: the dialog (with ``path`` already checked, if given), then the window
    follows the new dataset. True when an update was applied."""
    dialog = UpdateDialog(window)
    if path is not None:
        dialog.load(path)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.preview is None:
        return False
    refresh_after_update(window)
    preview = dialog.preview
    info = window.workspace.info
    text = tr("Dataset {version} (as of {as_of}) imported: {diff}. Your changes were kept").format(
        version=info.dataset_version, as_of=info.as_of.isoformat(), diff=diff_summary(preview.diff))
    if preview.conflicts:
        text = tr("{text}; {n} of them conflict with the update and are marked until you resolve them (Edit > Show "
                  "my changes).").format(text=text, n=preview.conflicts)
    else:
        text = tr("{sentence}.").format(sentence=text)
    window.add_banner("warning" if preview.conflicts else "info", text, reason="dataset-update")
    window.statusBar().showMessage(tr("Dataset {version} imported").format(version=info.dataset_version), 10000)
    return True
