"""The main window's menus and shortcuts: File, Edit, View and Help, with mnemonics and the
platform's standard keys (QKeySequence.StandardKey) wherever one exists."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from app import APP_NAME
from app.ui.i18n import LANGUAGES, SETTING, current_language, tr

STD = QKeySequence.StandardKey
# The notice of a language change, also in the language chosen (not translated: it is in it).
NEXT_START = {"zh_CN": "（下次启动 Curbwatch 时界面将切换为简体中文。）",
              "en": " (The window changes to English the next time Curbwatch starts.)"}


def _keys(*texts: str) -> list[QKeySequence]:
    return [QKeySequence(t) for t in texts]


def build_menus(window) -> None:
    bar = window.menuBar()
    controller = window.controller
    writable = not controller.read_only

    file_menu = bar.addMenu(tr("&File"))
    window.screen_action = file_menu.addAction(tr("&Screen a list of names…"), window.show_screening)
    window.screen_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
    file_menu.addSeparator()
    file_menu.addAction(tr("&Export CSV…"), lambda: window._lazy("app.ui.dialogs", "export_dialog"))
    window.export_view_action = file_menu.addAction(tr("Export current &view…"), window.export_view)
    window.import_action = file_menu.addAction(tr("&Import records…"), window.import_records)
    window.import_action.setEnabled(writable)
    window.import_dataset_action = file_menu.addAction(tr("Import dataset &update…"), window.import_dataset_update)
    window.print_brief_action = file_menu.addAction(tr("&Print brief…"), window.print_brief)
    window.print_brief_action.setShortcut(STD.Print)
    window.pdf_brief_action = file_menu.addAction(tr("Save brief as P&DF…"), window.save_brief_pdf)
    window.export_chart_action = file_menu.addAction(tr("Export c&hart…"), window.export_chart)
    window.evidence_action = file_menu.addAction(tr("Evidence pac&k…"), window.save_evidence_pack)
    file_menu.addSeparator()
    file_menu.addAction(tr("Open &data folder"), lambda: window._lazy("app.ui.dialogs", "open_data_folder"))
    window.restore_action = file_menu.addAction(tr("&Restore from backup…"),
                                                lambda: window._lazy("app.ui.dialogs", "restore_dialog"))
    window.restore_action.setEnabled(writable)
    file_menu.addSeparator()
    quit_action = file_menu.addAction(tr("&Quit"), window.close)
    quit_action.setShortcuts(list(dict.fromkeys([*QKeySequence.keyBindings(STD.Quit), QKeySequence("Ctrl+Q")])))

    edit = bar.addMenu(tr("&Edit"))
    window.undo_action = controller.undo_stack.createUndoAction(window, tr("&Undo"))
    window.undo_action.setShortcut(STD.Undo)
    window.redo_action = controller.undo_stack.createRedoAction(window, tr("&Redo"))
    window.redo_action.setShortcuts(_keys("Ctrl+Shift+Z", "Ctrl+Y"))
    edit.addAction(window.undo_action)
    edit.addAction(window.redo_action)
    edit.addSeparator()
    window.copy_action = edit.addAction(tr("&Copy"), window.copy_selection)
    window.copy_action.setShortcut(STD.Copy)
    edit.addSeparator()
    window.find_action = edit.addAction(tr("&Find…"), window.focus_search)
    window.find_action.setShortcut(STD.Find)
    edit.addSeparator()
    window.add_action = edit.addAction(tr("&Add record…"), lambda: window.current_tab().actions.add_new())
    window.add_action.setShortcut(QKeySequence("Ctrl+N"))
    window.edit_action = edit.addAction(tr("&Edit record…"), lambda: window.current_tab().actions.edit_current())
    window.edit_action.setShortcut(QKeySequence("Ctrl+E"))
    window.delete_action = edit.addAction(tr("&Delete record"), lambda: window.current_tab().actions.delete_current())
    window.delete_action.setShortcut(QKeySequence("Ctrl+Del"))
    edit.addSeparator()
    edit.addAction(tr("Show my &changes…"), window.show_changes)
    window.reset_action = edit.addAction(tr("&Reset all data to bundled…"),
                                         lambda: window._lazy("app.ui.dialogs", "confirm_reset"))
    for action in (window.add_action, window.edit_action, window.delete_action, window.reset_action):
        action.setEnabled(writable)

    view = bar.addMenu(tr("&View"))
    for index, (label, key) in enumerate(((tr("&Companies"), "1"), (tr("&Element restrictions"), "2"),
                                          (tr("&Reserves"), "3"))):
        action = view.addAction(label, lambda i=index: window.tabs.setCurrentIndex(i))
        action.setShortcuts(_keys(f"Ctrl+{key}", f"Alt+{key}"))
    window.next_tab_action = view.addAction(tr("&Next tab"), lambda: window.step_tab(1))
    window.next_tab_action.setShortcuts(_keys("Ctrl+Tab", "Ctrl+PgDown"))
    window.prev_tab_action = view.addAction(tr("&Previous tab"), lambda: window.step_tab(-1))
    window.prev_tab_action.setShortcuts(_keys("Ctrl+Shift+Tab", "Ctrl+PgUp", "Ctrl+Backtab"))
    view.addSeparator()
    window.columns_menu = view.addMenu(tr("Show c&olumns"))
    window.columns_menu.aboutToShow.connect(lambda: _fill_columns(window, window.columns_menu))
    view.addAction(tr("Reset &layout"), window.reset_layout)
    view.addSeparator()
    zoom_in = view.addAction(tr("Zoom &in"), lambda: window.zoom(1))
    zoom_in.setShortcuts([QKeySequence(STD.ZoomIn), QKeySequence("Ctrl+=")])
    view.addAction(tr("Zoom &out"), lambda: window.zoom(-1)).setShortcut(STD.ZoomOut)
    view.addAction(tr("&Normal size"), lambda: window.zoom(0)).setShortcut(QKeySequence("Ctrl+0"))
    view.addSeparator()
    window.language_menu = _language_menu(window, view.addMenu(tr("&Language")))

    help_menu = bar.addMenu(tr("&Help"))
    about_data = help_menu.addAction(tr("About the &data"), window.show_about_data)
    about_data.setShortcut(STD.HelpContents)
    help_menu.addAction(tr("&Keyboard shortcuts"), window.show_shortcuts)
    help_menu.addAction(tr("What &changed…"), window.show_what_changed)
    help_menu.addSeparator()
    help_menu.addAction(tr("&About {app}").format(app=APP_NAME), lambda: window._lazy("app.ui.dialogs", "show_about"))


def _language_menu(window, menu: QMenu) -> QMenu:
    """View > Language: the system's language, or English or Chinese whatever the system says.
    Languages are named in themselves, so the menu is readable in any of them."""
    group = QActionGroup(menu)
    saved = str(window.settings.value(SETTING) or "") if window.settings is not None else ""
    for code, name in (("", tr("&System language")), *LANGUAGES.items()):
        action = menu.addAction(name, lambda c=code: choose_language(window, c))
        action.setCheckable(True)
        action.setChecked(code == saved)
        action.setData(code)
        group.addAction(action)
    return menu


def choose_language(window, code: str) -> None:
    """Remember the language ("" for the system's) and say when it applies: every text is
    translated as its widget is built, so a new language shows from the next start."""
    from app.ui.i18n import chosen_language

    if window.settings is not None:
        if code:
            window.settings.setValue(SETTING, code)
        else:
            window.settings.remove(SETTING)
        window.settings.sync()
    language = chosen_language(window.settings) if window.settings is not None else (code or current_language())
    if language == current_language():
        window.banners.clear("language")
        return
    # Said in the language showing now and in the one chosen: either reader can follow it.
    window.add_banner("info", tr("The window changes to {language} the next time Curbwatch starts.").format(
        language=LANGUAGES[language]) + NEXT_START.get(language, ""), reason="language")


def _fill_columns(window, menu: QMenu) -> None:
    """One checkable entry per column of the current tab's table (the first stays shown)."""
    menu.clear()
    tab = window.current_tab()
    table = tab.table
    auto = set(tab.auto_columns)
    for index, column in enumerate(tab.model.columns()):
        if column.key in auto:
            continue
        action = QAction(tr(column.label), menu)
        action.setCheckable(True)
        action.setChecked(not table.isColumnHidden(index))
        action.setEnabled(index != 0)
        action.toggled.connect(lambda shown, i=index: table.setColumnHidden(i, not shown))
        menu.addAction(action)
