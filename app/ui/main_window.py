"""The main window: three tabs (Companies, Element restrictions, Reserves), the status date,
the dataset's as-of date, banners for anything the user must know, and the menus."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.domain import fields as F
from app.domain.kinds import COMPANIES, ELEMENTS
from app.ui import theme as themes
from app.ui.banner import Banner, BannerArea
from app.ui.columns import COMPANY_COLUMNS, ELEMENT_COLUMNS
from app.ui.controller import EditController
from app.ui.date_field import DateLineEdit
from app.ui.detail import company_html, element_html
from app.ui.global_search import GlobalSearch
from app.ui.help import HelpDialog, about_the_data, shortcuts_html
from app.ui.i18n import tr, tr_msg
from app.ui.menus import build_menus
from app.ui.messages import refusal_text
from app.ui.record_tab import RecordTab
from app.ui.save_feedback import SaveFeedback
from app.ui.status_text import data_age_text
from app.ui.tabs import TAB_KEYS, TABS, Tabs
from app.ui.view_state import ViewState

if TYPE_CHECKING:  # built after the first frame: its module (and the reserve figures') imported then
    from app.ui.reserves_tab import ReservesTab

class MainWindow(QMainWindow):
    def __init__(self, controller: EditController, on: dt.date, parent: QWidget | None = None, *,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.controller = controller
        self.workspace = controller.workspace
        self.on = on
        self.settings = settings
        self.tabs = Tabs(self)
        self.tabs.setDocumentMode(True)
        self.search = GlobalSearch(self.workspace, self)
        # Each tab is built when first needed: the one shown at once, the others just after the
        # first frame (or when code asks for them), so start-up only pays for what is seen.
        self._built: dict[str, QWidget] = {}
        self._holders: dict[str, QVBoxLayout] = {}
        for key, title in TABS:
            holder = QWidget()
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            self._holders[key] = layout
            self.tabs.addTab(holder, tr(title))
        self.view_state = ViewState(self)
        self.tabs.currentChanged.connect(lambda index: self.tab(TAB_KEYS[index]) if index >= 0 else None)
        self.banners = BannerArea(self)
        self.search.navigate.connect(self.open_record)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banners)
        column.addWidget(self.search.panel)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        toolbar = QToolBar(tr("Status date"))
        toolbar.setObjectName("status-date")
        toolbar.setMovable(False)
        label = QLabel(tr(" Status &on: "))
        toolbar.addWidget(label)
        self.status_date = DateLineEdit(required=True, label=tr("Status date"))
        self.status_date.set_value(on)
        self.status_date.setMaximumWidth(170)
        self.status_date.editingFinished.connect(self._on_date_typed)
        self.status_date.picked.connect(lambda _text: self._on_date_typed())
        label.setBuddy(self.status_date)
        toolbar.addWidget(self.status_date)
        self.as_of = QLabel()
        for part in (QLabel("   "), self.as_of, QLabel("   ")):
            toolbar.addWidget(part)
        self.search.box.setMinimumWidth(320)
        toolbar.addWidget(self.search.box)
        self.addToolBar(toolbar)
        self.as_of_status = QLabel()
        self.save_status = QLabel()
        for part, name in ((self.save_status, tr("Save state")), (self.as_of_status, tr("Data and status date"))):
            part.setAccessibleName(name)
            part.setStyleSheet("QLabel { border-left: 1px solid palette(mid); padding: 0 6px; }")  # separated parts
            self.statusBar().addPermanentWidget(part)
        self._base_point_size: float | None = None
        self.zoom_steps = 0
        build_menus(self)

        self.workspace.listeners.append(self._on_workspace_change)
        self._update_labels()
        self.tab(TAB_KEYS[0])
        self._first_paint = True  # the other tabs and the search index: once the window is on screen
        self.feedback = SaveFeedback(self)
        self.lock_timer = self.feedback.lock_timer

    # --- the tabs, built on first use ------------------------------------------------------------
    def tab(self, key: str):
        built = self._built.get(key)
        if built is None:
            built = self._make_tab(key)
            self._built[key] = built
            self._holders[key].addWidget(built)
            if self._holders[key].parentWidget().isVisible():
                built.show()  # a child added to a shown widget is otherwise shown a loop later
            self.view_state.attach(key, built)
        return built

    def _make_tab(self, key: str):
        controller, on = self.controller, self.on
        if key == "reserves":
            from app.ui.reserves_tab import ReservesTab

            return ReservesTab(controller, on, self)
        hint = (tr("Filter companies: names, announcements, notes, timelines (typos forgiven)") if key == "companies"
                else tr("Filter elements: names, announcements, items, notes, timelines"))
        kind, columns, html = ((COMPANIES, COMPANY_COLUMNS, company_html) if key == "companies"
                               else (ELEMENTS, ELEMENT_COLUMNS, element_html))
        tab = RecordTab(kind, columns, html, hint, controller, on, self, index=self.search.index)
        tab.detail.refused.connect(lambda message: self.statusBar().showMessage(message, 10000))
        tab.detail.hovered.connect(lambda url: self.statusBar().showMessage(url, 5000) if url else None)
        tab.detail.internal.connect(self.follow_link)
        return tab

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self._first_paint:  # not a zero timer from __init__: that one fires before the first paint
            self._first_paint = False
            QTimer.singleShot(0, self.build_all_tabs)
            QTimer.singleShot(0, self.search.prepare)

    def build_all_tabs(self) -> None:
        for key in TAB_KEYS:
            self.tab(key)

    def built_tabs(self) -> list:
        return [self._built[k] for k in TAB_KEYS if k in self._built]

    @property
    def companies(self) -> RecordTab:
        return self.tab("companies")

    @property
    def elements(self) -> RecordTab:
        return self.tab("elements")

    @property
    def reserves(self) -> ReservesTab:
        return self.tab("reserves")

    def retry_write_access(self) -> bool:
        return self.feedback.retry_write_access()

    # --- menus and keyboard ------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.box.setFocus()
        self.search.box.selectAll()

    def follow_link(self, parts: list) -> bool:
        """A link in a detail pane: another record, or an announcement (every record it covers)."""
        if len(parts) == 3 and parts[0] == "record" and parts[1] in ("companies", "elements"):
            return self.open_record(parts[1], parts[2])
        if len(parts) == 2 and parts[0] == "announcement":
            tab = self.current_tab()
            return tab.show_announcement(parts[1]) if hasattr(tab, "show_announcement") else False
        return False

    def open_record(self, kind: str, record_id: str) -> bool:
        """Show a record in its tab (from a search result or a link)."""
        tab = self.tab(kind)
        self.tabs.setCurrentIndex(TAB_KEYS.index(kind))
        if not tab.select_id(record_id):
            return False
        tab.table.setFocus()
        return True

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
        HelpDialog(tr("Keyboard shortcuts"), shortcuts_html(), self).exec()

    def current_tab(self):
        return self.tab(TAB_KEYS[max(self.tabs.currentIndex(), 0)])

    # --- banners and save state -----------------------------------------------------------
    def add_banner(self, level: str, text: str, closable: bool = True, actions=(), *,
                   reason: str | None = None) -> Banner:
        return self.banners.show_banner(level, text, reason=reason, closable=closable, actions=actions)

    def show_open_messages(self, messages: list[str]) -> None:
        """What opening the user's data found (recoveries, merges), one banner each; the
        read-only reason is already shown once by the read-only banner."""
        reason = self.controller.userdata.read_only_reason if self.controller.read_only else ""
        for message in messages:
            if message and message not in (reason or ""):
                self.add_banner("warning", tr_msg(message))

    def banner_texts(self) -> list[str]:
        return self.banners.texts()

    def _on_workspace_change(self, kind: str, _record_id: str | None) -> None:
        for tab in self.built_tabs():
            # Only the tab of the kind that changed: an import of 1,000 reserve rows notifies 1,000 times.
            if isinstance(tab, RecordTab) and kind in ("", tab.kind.key):
                tab.refilter()
                tab.facets.refresh()
        self.feedback.update_save_state()

    # --- the status date ------------------------------------------------------------------
    def _update_labels(self) -> None:
        info = self.workspace.info
        age = data_age_text(info.as_of, self.on)
        if age:
            self.add_banner("info", age, reason="data-age")  # once, however many rows it concerns
        else:
            self.banners.clear("data-age")
        self.as_of.setText(tr("Dataset {version}, <b>as of {as_of}</b>").format(version=info.dataset_version,
                                                                                  as_of=info.as_of.isoformat()))
        self.as_of_status.setText(tr("{app} {app_version} · data as of {as_of} · statuses computed for {on}").format(
            app=APP_NAME, app_version=__version__, as_of=info.as_of.isoformat(), on=self.on.isoformat()))

    def _on_date_typed(self) -> None:
        try:
            on = F.parse_date("Status date", self.status_date.text())
        except F.FieldError as exc:
            message = tr("Not changed: {reason}. Statuses stay computed for {on}.").format(
                reason=refusal_text(str(exc)), on=self.on.isoformat())
            self.status_date.setStyleSheet(f"border:1px solid {themes.current().error}")
            self.statusBar().showMessage(message, 10000)
            QToolTip.showText(self.status_date.mapToGlobal(self.status_date.rect().bottomLeft()), message,
                              self.status_date)
            return
        self.status_date.setStyleSheet("")
        if on != self.on:
            self.set_status_date(on)

    def set_status_date(self, on: dt.date) -> None:
        self.on = on
        self.status_date.set_value(on)
        for tab in self.built_tabs():
            if isinstance(tab, RecordTab):
                tab.set_date(on)
        self._update_labels()

    # --- dialogs --------------------------------------------------------------------------
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

    # --- window state and quitting --------------------------------------------------------
    def restore_state(self) -> None:
        if self.settings is not None:
            self.view_state.restore(self.settings)
            zoom = self.settings.value("view/zoom")
            if zoom is not None and str(zoom).lstrip("-").isdigit() and int(zoom):
                self.zoom(int(zoom))

    def save_state(self) -> None:
        if self.settings is None:
            return
        self.view_state.save(self.settings)
        if self.zoom_steps:
            self.settings.setValue("view/zoom", self.zoom_steps)
        else:
            self.settings.remove("view/zoom")
        self.settings.sync()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        # The system switched between light and dark: the tints, the chart and the detail follow.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.apply_theme()
        super().changeEvent(event)

    def apply_theme(self) -> None:
        theme = themes.current()
        for tab in self.built_tabs():
            tab.model.set_theme(theme)
            if isinstance(tab, RecordTab):
                tab.refresh_detail()
            elif hasattr(tab, "apply_theme"):
                tab.apply_theme(theme)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.controller.save_now() and self.controller.dirty:
            answer = self.ask_unsaved()
            if answer == QMessageBox.StandardButton.Retry:
                if not self.controller.save_now():
                    event.ignore()
                    return
            elif answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.save_state()
        super().closeEvent(event)

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        error = self.controller.last_error
        return QMessageBox.warning(
            self, APP_NAME,
            tr("Your latest changes could not be saved.\n\n{reason}\n\nTry again, quit and lose them, or cancel and "
               "keep working (you can still export them with File > Export CSV).").format(reason=error or ""),
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Retry)

