"""The main window's menus and shortcuts: File, Edit, View and Help, with mnemonics and the
platform's standard keys (QKeySequence.StandardKey) wherever one exists."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from app import APP_NAME
from app.ui import dialogs

STD = QKeySequence.StandardKey


def _keys(*texts: str) -> list[QKeySequence]:
    return [QKeySequence(t) for t in texts]


def build_menus(window) -> None:
    bar = window.menuBar()
    controller = window.controller
    writable = not controller.read_only

    file_menu = bar.addMenu("&File")
    window.screen_action = file_menu.addAction("&Screen a list of names…", window.show_screening)
    window.screen_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
    file_menu.addSeparator()
    file_menu.addAction("&Export CSV…", lambda: dialogs.export_dialog(window))
    window.export_view_action = file_menu.addAction("Export current &view…", window.export_view)
    window.import_action = file_menu.addAction("&Import records…", window.import_records)
    window.import_action.setEnabled(writable)
    window.import_dataset_action = file_menu.addAction("Import dataset &update…", window.import_dataset_update)
    window.print_brief_action = file_menu.addAction("&Print brief…", window.print_brief)
    window.print_brief_action.setShortcut(STD.Print)
    window.pdf_brief_action = file_menu.addAction("Save brief as P&DF…", window.save_brief_pdf)
    file_menu.addSeparator()
    file_menu.addAction("Open &data folder", lambda: dialogs.open_data_folder(window))
    window.restore_action = file_menu.addAction("&Restore from backup…", lambda: dialogs.restore_dialog(window))
    window.restore_action.setEnabled(writable)
    file_menu.addSeparator()
    quit_action = file_menu.addAction("&Quit", window.close)
    quit_action.setShortcuts(list(dict.fromkeys([*QKeySequence.keyBindings(STD.Quit), QKeySequence("Ctrl+Q")])))

    edit = bar.addMenu("&Edit")
    window.undo_action = controller.undo_stack.createUndoAction(window, "&Undo")
    window.undo_action.setShortcut(STD.Undo)
    window.redo_action = controller.undo_stack.createRedoAction(window, "&Redo")
    window.redo_action.setShortcuts(_keys("Ctrl+Shift+Z", "Ctrl+Y"))
    edit.addAction(window.undo_action)
    edit.addAction(window.redo_action)
    edit.addSeparator()
    window.copy_action = edit.addAction("&Copy", window.copy_selection)
    window.copy_action.setShortcut(STD.Copy)
    edit.addSeparator()
    window.find_action = edit.addAction("&Find…", window.focus_search)
    window.find_action.setShortcut(STD.Find)
    edit.addSeparator()
    window.add_action = edit.addAction("&Add record…", lambda: window.current_tab().actions.add_new())
    window.add_action.setShortcut(QKeySequence("Ctrl+N"))
    window.edit_action = edit.addAction("&Edit record…", lambda: window.current_tab().actions.edit_current())
    window.edit_action.setShortcut(QKeySequence("Ctrl+E"))
    window.delete_action = edit.addAction("&Delete record", lambda: window.current_tab().actions.delete_current())
    window.delete_action.setShortcut(QKeySequence("Ctrl+Del"))
    edit.addSeparator()
    edit.addAction("Show my &changes…", window.show_changes)
    window.reset_action = edit.addAction("&Reset all data to bundled…", lambda: dialogs.confirm_reset(window))
    for action in (window.add_action, window.edit_action, window.delete_action, window.reset_action):
        action.setEnabled(writable)

    view = bar.addMenu("&View")
    for index, (label, key) in enumerate((("&Companies", "1"), ("&Element restrictions", "2"), ("&Reserves", "3"))):
        action = view.addAction(label, lambda i=index: window.tabs.setCurrentIndex(i))
        action.setShortcuts(_keys(f"Ctrl+{key}", f"Alt+{key}"))
    window.next_tab_action = view.addAction("&Next tab", lambda: window.step_tab(1))
    window.next_tab_action.setShortcuts(_keys("Ctrl+Tab", "Ctrl+PgDown"))
    window.prev_tab_action = view.addAction("&Previous tab", lambda: window.step_tab(-1))
    window.prev_tab_action.setShortcuts(_keys("Ctrl+Shift+Tab", "Ctrl+PgUp", "Ctrl+Backtab"))
    view.addSeparator()
    window.columns_menu = view.addMenu("Show c&olumns")
    window.columns_menu.aboutToShow.connect(lambda: _fill_columns(window, window.columns_menu))
    view.addAction("Reset &layout", window.reset_layout)
    view.addSeparator()
    zoom_in = view.addAction("Zoom &in", lambda: window.zoom(1))
    zoom_in.setShortcuts([QKeySequence(STD.ZoomIn), QKeySequence("Ctrl+=")])
    view.addAction("Zoom &out", lambda: window.zoom(-1)).setShortcut(STD.ZoomOut)
    view.addAction("&Normal size", lambda: window.zoom(0)).setShortcut(QKeySequence("Ctrl+0"))

    help_menu = bar.addMenu("&Help")
    about_data = help_menu.addAction("About the &data", window.show_about_data)
    about_data.setShortcut(STD.HelpContents)
    help_menu.addAction("&Keyboard shortcuts", window.show_shortcuts)
    help_menu.addAction("What &changed…", window.show_what_changed)
    help_menu.addSeparator()
    help_menu.addAction(f"&About {APP_NAME}", lambda: dialogs.show_about(window))


def _fill_columns(window, menu: QMenu) -> None:
    """One checkable entry per column of the current tab's table (the first stays shown)."""
    menu.clear()
    tab = window.current_tab()
    table = tab.table
    auto = set(getattr(tab, "auto_columns", ("usgs",) if tab is window.reserves else ()))
    for index, column in enumerate(tab.model.columns()):
        if column.key in auto:
            continue
        action = QAction(column.label, menu)
        action.setCheckable(True)
        action.setChecked(not table.isColumnHidden(index))
        action.setEnabled(index != 0)
        action.toggled.connect(lambda shown, i=index: table.setColumnHidden(i, not shown))
        menu.addAction(action)
