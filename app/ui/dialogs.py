"""The main window's dialogs: About, Restore from backup, Reset, Export and Open data folder.
Each takes the window (for its controller, status bar and banners)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from app import APP_NAME, __version__
from app.ui.html import br, join, tag
from app.ui.i18n import tr, tr_msg


def show_about(window) -> None:
    info = window.workspace.info
    folder = window.controller.userdata.data_dir
    box = QMessageBox(window)
    box.setWindowTitle(tr("About {app}").format(app=APP_NAME))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setText(join([
        tag("h3", f"{APP_NAME} {__version__}"),
        tag("p", tr("Offline reference for China's 2025 export controls.")),
        tag("p", tag("b", tr("Dataset")), " ", tr("{version}, as of {as_of}").format(
            version=info.dataset_version, as_of=info.as_of.isoformat()), br(),
            tag("b", tr("Your data folder")), " ", str(folder), br(), tag("b", tr("Licence")), " MIT"),
        tag("p", tr("Sources: MOFCOM announcements as reported by Xinhua, People's Daily, CRI and others; USGS "
                    "Mineral Commodity Summaries; every record lists its own sources and confidence."))]))
    open_button = box.addButton(tr("Open data folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is open_button:
        open_data_folder(window)


def confirm_reset(window) -> bool:
    count = window.workspace.change_count()
    if not count:
        QMessageBox.information(window, APP_NAME, tr("You have no changes to reset."))
        return False
    answer = QMessageBox.question(
        window, tr("Reset all data to bundled"),
        (tr("Discard all your changes ({count} record) and go back to the bundled data? A backup is made first, "
            "and Edit > Undo brings them back.") if count == 1 else
         tr("Discard all your changes ({count} records) and go back to the bundled data? A backup is made first, "
            "and Edit > Undo brings them back.")).format(count=count),
        QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
    if answer != QMessageBox.StandardButton.Reset:
        return False
    return window.controller.reset_all()


def restore_dialog(window) -> bool:
    from app.ui.restore_dialog import RestoreDialog, backup_label

    controller = window.controller
    if not controller.userdata.backups():
        QMessageBox.information(window, APP_NAME, tr("There are no backups yet. Curbwatch makes one at most every "
                                                     "ten minutes while you edit, and before every merge, reset or "
                                                     "restore."))
        return False
    dialog = RestoreDialog(controller.userdata, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return False
    entry = dialog.chosen()
    restored = controller.restore_backup(entry)
    if restored:
        window.statusBar().showMessage(tr("Restored the backup of {when}").format(when=backup_label(entry)), 8000)
    return restored


def open_data_folder(window) -> bool:
    folder = window.controller.userdata.data_dir
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        window.add_banner("error", tr("The data folder {folder} cannot be opened: {reason}.").format(
            folder=folder, reason=exc.strerror or exc), reason="data-folder")
        return False
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    # No file manager answered: show the path where it can be selected and copied.
    window.add_banner("info", tr("No file manager could be opened. Your data folder is {folder}").format(
        folder=folder), reason="data-folder")
    return False


def export_dialog(window) -> None:
    directory = QFileDialog.getExistingDirectory(window, tr("Export CSV to folder"))
    if directory:
        export_to(window, directory)


def export_to(window, directory: str) -> bool:
    from app.storage.atomic import SaveError
    from app.storage.export import export_csv

    try:
        paths = export_csv(window.workspace, Path(directory), window.on)
    except (SaveError, OSError) as exc:
        window.add_banner("error", tr("Export failed: {reason}").format(reason=tr_msg(exc)), reason="export")
        return False
    window.statusBar().showMessage(tr("Exported {count} files to {folder}").format(count=len(paths), folder=directory),
                                   8000)
    return True
