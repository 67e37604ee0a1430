"""What the main window's menus and keys call: search focus, tab steps, zoom, and the dialogs,
each imported when first used (not at start-up). A mixin of MainWindow, which gives it
``workspace``, ``controller``, ``on``, ``tabs``, ``search`` and ``open_record``."""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QApplication

from app.ui.i18n import tr


class WindowCommands:
    def focus_search(self) -> None:
        self.search.box.setFocus()
        self.search.box.selectAll()

    def step_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def zoom(self, step: int) -> None:
        """Text size: one point larger or smaller (step 0: the size the app started with)."""
        app = QApplication.instance()
        font = app.font()
        if self._base_point_size is None:
            self._base_point_size = font.pointSizeF()
        size = self._base_point_size if step == 0 else min(max(font.pointSizeF() + step, 6.0), 40.0)
        font.setPointSizeF(size)
        app.setFont(font)
        self.zoom_steps = round(size - self._base_point_size)

    def reset_layout(self) -> None:
        self.view_state.reset()
        self.zoom(0)

    def show_about_data(self) -> None:
        from app.ui.help import HelpDialog, about_the_data

        info = self.workspace.info
        HelpDialog(tr("About the data"), about_the_data(info.as_of.isoformat(), info.dataset_version), self).exec()

    def show_screening(self):
        from app.ui.screening_dialog import ScreeningDialog

        dialog = ScreeningDialog(self.workspace, self.on, self)
        dialog.open_record.connect(lambda record_id: self.open_record("companies", record_id))
        dialog.show()
        self._screening = dialog  # one at a time, kept alive while open
        return dialog

    def show_shortcuts(self) -> None:
        from app.ui.help import HelpDialog, shortcuts_html

        HelpDialog(tr("Keyboard shortcuts"), shortcuts_html(), self).exec()

    def _lazy(self, module: str, function: str):
        """Run a dialog whose module is imported when first used, not at start-up."""
        return getattr(importlib.import_module(module), function)(self)

    def export_view(self):
        return self._lazy("app.ui.export_view", "export_view_dialog")

    def export_chart(self):
        return self._lazy("app.ui.chart_export", "export_chart_dialog")

    def save_evidence_pack(self):
        return self._lazy("app.ui.chart_export", "evidence_dialog")

    def import_records(self):
        return self._lazy("app.ui.import_dialog", "import_records")

    def copy_selection(self):
        return self._lazy("app.ui.copy_rows", "copy_selection")

    def print_brief(self):
        return self._lazy("app.ui.brief", "print_brief")

    def save_brief_pdf(self):
        return self._lazy("app.ui.brief", "save_brief_pdf")

    def import_dataset_update(self) -> bool:
        from app.ui.update_dialog import import_dataset_update

        done = import_dataset_update(self)
        self._update_labels()  # the dataset's version and as-of date
        return done

    def show_what_changed(self):
        return self._lazy("app.ui.history_dialog", "show_what_changed")

    def show_changes(self) -> None:
        from app.ui.changes import ChangesDialog

        ChangesDialog(self.controller, self).exec()
