"""The window is drawn before the data is read: its frame first (title, menu titles, the
status-date bar, the tab titles, "Opening your data…"), then ``populate`` fills it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QLineEdit, QToolBar

ON = dt.date(2026, 11, 29)


def _frame(qtbot):
    from app.ui.main_window import MainWindow

    window = MainWindow(None, ON)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_frame_says_the_data_is_opening_and_populate_fills_it(qtbot, open_userdata):
    from app.ui.controller import EditController

    window = _frame(qtbot)
    toolbar = window.findChild(QToolBar, "status-date")
    assert window.controller is None and window.built_tabs() == [] and window.tab("companies") is None
    assert [window.tabs.tabText(i) for i in range(3)] == ["Companies", "Element restrictions", "Reserves"]
    assert [(a.text(), a.isEnabled()) for a in window.menuBar().actions()] == [
        ("&File", False), ("&Edit", False), ("&View", False), ("&Help", False)]
    assert window.statusBar().currentMessage() == "Opening your data…"
    assert window.opening.isVisible() and [w.text() for w in window.opening.findChildren(QLabel)] == [
        "Opening your data…"]
    assert window.status_date.text() == "2026-11-29" and not window.status_date.isEnabled()
    placeholders = [w for w in toolbar.findChildren(QLineEdit) if not w.isEnabled() and w is not window.status_date]
    assert [w.placeholderText() for w in placeholders] == ["Search everything"]  # where the search box goes
    heights = (window.menuBar().height(), toolbar.height())

    userdata, report = open_userdata()
    for step in range(3):  # a layer to encode for saving, in steps once the window is up
        new_id, entry = userdata.workspace.entry_for_new("reserves", {
            "country": f"Land {step}", "edition": "usgs-mcs-2025", "reserves_t": step, "confidence": "LOW"})
        userdata.workspace.set_entry("reserves", new_id, entry)
    window.populate(EditController(userdata), ["Something opening the data found."])
    assert not window.opening.isVisible()
    qtbot.waitUntil(lambda: userdata._encoder._priming == [] and len(userdata._encoder._cache) == 3)
    assert window.built_tabs() == [window.companies]  # the others are built when first shown
    assert window.tabs.currentIndex() == 0 and window.companies.model.rowCount() > 0
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Help"]
    assert all(a.isEnabled() for a in window.menuBar().actions())
    assert window.statusBar().currentMessage() == "" and window.status_date.isEnabled()
    assert "Something opening the data found." in " ".join(window.banner_texts())
    assert window.search.box.parent() is toolbar and window.search.box.isVisible()
    assert [w for w in toolbar.findChildren(QLineEdit) if not w.isEnabled() and w.isVisible()] == []
    assert (window.menuBar().height(), toolbar.height()) == heights


def test_the_frame_shows_the_tab_the_user_left(qtbot, open_userdata, tmp_path):
    """The tab remembered in the settings is the one the frame shows ("Opening…" on it) and the
    one built once the data is open, the others when first shown. (Closing the frame before the data opens: see
    test_closing_the_window_before_its_data_is_read_opens_nothing, through app.main.)"""
    from PySide6.QtCore import QSettings

    from app.ui.controller import EditController
    from app.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/tab", "elements")
    window = MainWindow(None, ON, settings=settings)
    qtbot.addWidget(window)
    window.restore_state()
    window.show()
    qtbot.waitExposed(window)
    assert window.tabs.currentIndex() == 1 and window.built_tabs() == []
    assert window.opening.parentWidget() is window.tabs.widget(1)  # "Opening…" where the user looks
    userdata, _report = open_userdata()
    window.populate(EditController(userdata))
    assert window.built_tabs() == [window.elements]
    qtbot.wait(50)
    assert window.tabs.currentIndex() == 1 and len(window.built_tabs()) == 1  # the others when first shown
    window.tabs.setCurrentIndex(0)
    assert len(window.built_tabs()) == 2 and window.companies.model.rowCount() > 0


def test_a_bundled_dataset_that_cannot_be_loaded_is_said_in_the_window(monkeypatch, qtbot):
    """The frame is up when the data is read: a damaged bundled dataset is a message on it, the
    window closes and curbwatch exits with 2, where it used to be a message before any window."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app import main as app_main
    from app.storage.bundled import DataError

    def broken(_args):
        raise DataError("companies.json: not JSON")

    shown = []
    monkeypatch.setattr(app_main, "_load_dataset", broken)
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append((title, text))))
    QTimer.singleShot(20_000, QApplication.quit)  # a safety net: the test fails rather than hangs
    assert app_main.main([]) == 2
    assert shown == [("Curbwatch", "The bundled dataset cannot be loaded:\n\ncompanies.json: not JSON")]


def test_the_window_icon_comes_from_the_png_sizes_not_the_svg(qtbot, tmp_path):
    """The SVG would load Qt's SVG icon plugin before the first frame; the PNG sizes are the
    same picture. A folder with only the SVG still gives an icon."""
    import shutil

    from app.main import _window_icon
    from app.storage.paths import resources_dir

    icon = _window_icon(resources_dir() / "icons")
    sizes = sorted(size.width() for size in icon.availableSizes())
    assert sizes == [16, 24, 32, 48, 64, 128, 256, 512]
    shutil.copy(resources_dir() / "icons" / "curbwatch.svg", tmp_path / "curbwatch.svg")
    assert not _window_icon(tmp_path).isNull()
    assert _window_icon(tmp_path / "missing").isNull()


def test_nothing_above_the_tables_moves_when_the_data_arrives(qtbot, open_userdata):
    """With no banner to show (statuses on the data's own date), the tab bar and the search box
    are where the frame had them: the banner area's room and the as-of label's width are kept."""
    from app.ui.controller import EditController

    userdata, _report = open_userdata()
    window = _frame(qtbot)
    window.on = userdata.workspace.info.as_of
    window.status_date.set_value(window.on)
    toolbar = window.findChild(QToolBar, "status-date")
    search_box = [w for w in toolbar.findChildren(QLineEdit) if not w.isEnabled() and w is not window.status_date][0]
    before = (window.tabs.geometry(), search_box.geometry())
    window.populate(EditController(userdata))
    qtbot.waitUntil(lambda: window.search.box.isVisible())
    assert window.banner_texts() == []
    assert (window.tabs.geometry(), window.search.box.geometry()) == before


def _critical_messages(monkeypatch) -> list:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    shown: list = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    QTimer.singleShot(20_000, QApplication.quit)  # a safety net: the test fails rather than hangs
    return shown


def test_any_failure_opening_the_data_is_said_and_ends_the_run(monkeypatch, qtbot, user_data_dir):
    """Not only a damaged bundled dataset: anything that goes wrong while the data is opened
    (here the user's data) is a message on the frame, then exit 2, with the data folder's lock
    let go, where the window used to stay on "Opening your data…" with no way out but closing."""
    from app import main as app_main
    from app.storage.lock import DataLock
    from app.storage.userdata import UserData

    opened = UserData.open

    def broken(self):
        opened(self)  # the data folder locked, then something goes wrong
        raise RuntimeError("something unforeseen")

    shown = _critical_messages(monkeypatch)
    monkeypatch.setattr(UserData, "open", broken)
    assert app_main.main([]) == 2
    assert shown == ["Curbwatch could not open your data:\n\nRuntimeError: something unforeseen"]
    lock = DataLock(user_data_dir)
    assert lock.acquire()  # free again
    lock.release()


def test_closing_the_window_before_its_data_is_read_opens_nothing(monkeypatch, qtbot, user_data_dir):
    from app import main as app_main
    from app.ui.main_window import MainWindow

    later = MainWindow.after_first_frame
    monkeypatch.setattr(MainWindow, "after_first_frame", lambda self, then: (later(self, self.close),
                                                                             later(self, then)))
    shown = _critical_messages(monkeypatch)
    assert app_main.main([]) == 0 and shown == []
    assert not user_data_dir.exists()  # the user's data was never opened


def test_a_plain_launch_gets_the_parsers_defaults():
    """`curbwatch` with no arguments skips building the parser (2 ms of the first frame): what it
    gets must be what the parser gives."""
    from app.main import build_parser, parse_args

    assert vars(parse_args([])) == vars(build_parser().parse_args([]))
    assert parse_args(["--data-dir", "x"]).data_dir == "x"


def test_tabs_are_built_without_the_collector_and_leave_it_on(qtbot, open_userdata, monkeypatch):
    """A tab's rows, keys and indexes live as long as the tab: no cyclic collection while they are
    made (40% of building a 25,000-row Reserves tab was collections), and it is back on after."""
    import gc

    from app.ui.controller import EditController

    window = _frame(qtbot)
    userdata, _ = open_userdata()
    seen = []
    make = type(window)._make_tab
    monkeypatch.setattr(type(window), "_make_tab", lambda self, key: (seen.append((key, gc.isenabled())),
                                                                     make(self, key))[1])
    assert gc.isenabled()
    window.populate(EditController(userdata))
    for index in (1, 2):
        window.tabs.setCurrentIndex(index)  # as a click on its title does
    assert len(window.built_tabs()) == 3
    assert sorted(seen) == [("companies", False), ("elements", False), ("reserves", False)]
    assert gc.isenabled()


def test_the_other_tabs_are_built_when_first_shown(qtbot, open_userdata):
    """Only the tab on screen is built at start-up; the others are built as they are first shown
    (by a click, Ctrl+2/Ctrl+3 or a search result), once, with their data."""
    from PySide6.QtCore import Qt

    from app.ui.controller import EditController

    window = _frame(qtbot)
    userdata, _ = open_userdata()
    window.populate(EditController(userdata))
    qtbot.wait(50)  # what follows the first frame has run
    assert [type(t).__name__ for t in window.built_tabs()] == ["RecordTab"]
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 2 and len(window.built_tabs()) == 2
    reserves = window.reserves
    assert reserves.isVisible() and reserves.model.rowCount() > 0
    assert window.open_record("elements", window.workspace.records("elements")[0].id)
    assert window.tabs.currentIndex() == 1 and len(window.built_tabs()) == 3
    assert window.elements.table.currentIndex().isValid()
    window.tabs.setCurrentIndex(2)
    assert window.reserves is reserves  # built once
