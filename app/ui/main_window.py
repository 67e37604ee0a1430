"""The main window: three tabs (Companies, Element restrictions, Reserves), the status date,
the dataset's as-of date, banners for anything the user must know, and the menus.

It is built in two steps so that the window is on screen before the data is read. The frame
(title, menu titles, the status-date bar, the tab titles and "Opening your data…") needs only
PySide6 and the light modules imported here; ``populate`` then brings in everything else (the
tables, search, banners, menus) once the data is open. Given a controller, the constructor
does both at once."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.ui.i18n import tr, tr_msg
from app.ui.tabs import TAB_KEYS, TABS, Tabs
from app.ui.view_state import ViewState
from app.ui.window_commands import WindowCommands
from app.ui.window_frame import as_of_markup, status_toolbar

if TYPE_CHECKING:  # imported by populate() (the Reserves tab's module: when the tab is built)
    from PySide6.QtWidgets import QMessageBox

    from app.ui.banner import Banner
    from app.ui.controller import EditController
    from app.ui.record_tab import RecordTab
    from app.ui.reserves_tab import ReservesTab

MENU_TITLES = ("&File", "&Edit", "&View", "&Help")  # as build_menus makes them, shown in the frame

class MainWindow(WindowCommands, QMainWindow):
    def __init__(self, controller: EditController | None = None, on: dt.date | None = None,
                 parent: QWidget | None = None, *, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.controller: EditController | None = None
        self.workspace = None
        self.on = on or dt.date.today()
        self.settings = settings
        self.tabs = Tabs(self)
        self.tabs.setDocumentMode(True)
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
        opening = tr("Opening your data…")
        # Centred by stretches around plain text: Qt.AlignCenter would make the Qt namespace's
        # enums (15 ms) and markup a text document (7 ms), both more than the frame needs.
        self.opening = QWidget()
        rows, row = QVBoxLayout(self.opening), QHBoxLayout()
        row.addStretch()
        row.addWidget(QLabel(opening))
        row.addStretch()
        rows.addStretch()
        rows.addLayout(row)
        rows.addStretch()
        self._holders[TAB_KEYS[0]].addWidget(self.opening)
        self.view_state = ViewState(self)
        self.tabs.currentChanged.connect(lambda index: self.tab(TAB_KEYS[index]) if index >= 0 else None)
        central = QWidget()
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._banner_slot = QWidget()  # as tall as the empty banner area populate puts here
        QVBoxLayout(self._banner_slot).setContentsMargins(6, 4, 6, 0)  # (BannerArea's margins)
        self._column.addWidget(self._banner_slot)
        self._column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._toolbar, self.status_date, self.as_of, self._search_placeholder = status_toolbar(self.on)
        self.addToolBar(self._toolbar)
        for title in MENU_TITLES:  # the titles only, so that nothing moves when populate fills them
            self.menuBar().addMenu(tr(title)).setEnabled(False)
        self.statusBar().showMessage(opening)
        self._base_point_size: float | None = None
        self.zoom_steps = 0
        self._first_paint = True
        self._after_first_frame: list = []
        if controller is not None:
            self.populate(controller)

    def populate(self, controller: EditController, messages: list[str] = ()) -> None:
        """Everything that needs the data: the tables, search, banners, menus and save state."""
        from app.ui.banner import BannerArea
        from app.ui.global_search import GlobalSearch
        from app.ui.menus import build_menus
        from app.ui.save_feedback import SaveFeedback

        self.controller = controller
        self.workspace = controller.workspace
        self.search = GlobalSearch(self.workspace, self)
        self.banners = BannerArea(self)
        self.search.navigate.connect(self.open_record)
        self._column.replaceWidget(self._banner_slot, self.banners)
        self._banner_slot.deleteLater()
        self._column.insertWidget(1, self.search.panel)
        self.status_date.setEnabled(True)
        self.status_date.editingFinished.connect(self._on_date_typed)
        self.status_date.picked.connect(lambda _text: self._on_date_typed())
        self.search.box.setMinimumWidth(320)
        self._toolbar.insertWidget(self._search_placeholder, self.search.box)
        self._toolbar.removeAction(self._search_placeholder)
        self._search_placeholder.deleteLater()
        self.as_of_status = QLabel()
        self.save_status = QLabel()
        self.statusBar().clearMessage()
        for part, name in ((self.save_status, tr("Save state")), (self.as_of_status, tr("Data and status date"))):
            part.setAccessibleName(name)
            part.setStyleSheet("QLabel { border-left: 1px solid palette(mid); padding: 0 6px; }")  # separated parts
            self.statusBar().addPermanentWidget(part)
        self.menuBar().clear()
        build_menus(self)

        self.workspace.listeners.append(self._on_workspace_change)
        self._update_labels()
        self.opening.hide()
        self.opening.deleteLater()
        self.tab(TAB_KEYS[max(self.tabs.currentIndex(), 0)])
        self.feedback = SaveFeedback(self)
        self.lock_timer = self.feedback.lock_timer
        self.show_open_messages(messages)
        if not self._first_paint:  # populated after the first frame: the rest now, in the background
            self._after_paint()

    # --- the tabs, built on first use ------------------------------------------------------------
    def tab(self, key: str):
        built = self._built.get(key)
        if built is None and self.controller is None:  # the frame: "Opening your data…" on the tab shown
            self._holders[key].addWidget(self.opening)
            return None
        if built is None:
            from app.domain.layers import collector_paused

            with collector_paused():  # a tab's rows and indexes live as long as it: 40% of a 25,000-row build was collection
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
        from app.domain.kinds import COMPANIES, ELEMENTS
        from app.ui.columns import COMPANY_COLUMNS, ELEMENT_COLUMNS
        from app.ui.detail import company_html, element_html
        from app.ui.record_tab import RecordTab

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
            for then in self._after_first_frame:  # opening the data, when only the frame is built
                QTimer.singleShot(0, then)
            if self.controller is not None:
                self._after_paint()

    def after_first_frame(self, then) -> None:
        """Call ``then()`` from the event loop once the window has first been painted."""
        if self._first_paint:
            self._after_first_frame.append(then)
        else:
            QTimer.singleShot(0, then)

    def _after_paint(self) -> None:
        # The search index in steps (large data only), and the layer's encoding for saving a second
        # later. The other tabs are built when first shown, not now: a start-up that never visits
        # them does not pay for them (1.5 MB resident; 50 ms with 25,000 reserve rows).
        QTimer.singleShot(0, self.search.prepare)
        QTimer.singleShot(1000, self.controller, self.controller.prepare_saving)

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
        for tab in self._record_tabs():
            # Only the tab of the kind that changed: an import of 1,000 reserve rows notifies 1,000 times.
            if kind in ("", tab.kind.key):
                tab.refilter()
                tab.facets.refresh()
        self.feedback.update_save_state()

    def _record_tabs(self) -> list[RecordTab]:
        from app.ui.record_tab import RecordTab

        return [tab for tab in self.built_tabs() if isinstance(tab, RecordTab)]

    # --- the status date ------------------------------------------------------------------
    def _update_labels(self) -> None:
        from app.ui.status_text import data_age_text

        info = self.workspace.info
        age = data_age_text(info.as_of, self.on)
        if age:
            self.add_banner("info", age, reason="data-age")  # once, however many rows it concerns
        else:
            self.banners.clear("data-age")
        self.as_of.setText(as_of_markup().format(version=info.dataset_version, as_of=info.as_of.isoformat()))
        self.as_of_status.setText(tr("{app} {app_version} · data as of {as_of} · statuses computed for {on}").format(
            app=APP_NAME, app_version=__version__, as_of=info.as_of.isoformat(), on=self.on.isoformat()))

    def _on_date_typed(self) -> None:
        from PySide6.QtWidgets import QToolTip

        from app.domain import fields as F
        from app.ui import theme as themes
        from app.ui.messages import refusal_text

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
        for tab in self._record_tabs():
            tab.set_date(on)
        self._update_labels()

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
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.apply_theme()
        super().changeEvent(event)

    def apply_theme(self) -> None:
        if not self._built:  # the frame, or no tab yet: each tab takes the theme as it is built
            return
        from app.ui import theme as themes

        theme = themes.current()
        record_tabs = self._record_tabs()
        for tab in self.built_tabs():
            tab.model.set_theme(theme)
            if tab in record_tabs:
                tab.refresh_detail()
            elif hasattr(tab, "apply_theme"):
                tab.apply_theme(theme)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.controller is not None and not self.controller.save_now() and self.controller.dirty:
            from PySide6.QtWidgets import QMessageBox

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
        from PySide6.QtWidgets import QMessageBox

        error = self.controller.last_error
        return QMessageBox.warning(
            self, APP_NAME,
            tr("Your latest changes could not be saved.\n\n{reason}\n\nTry again, quit and lose them, or cancel and "
               "keep working (you can still export them with File > Export CSV).").format(reason=error or ""),
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Retry)

