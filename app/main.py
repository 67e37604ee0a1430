"""Composition root: parse arguments, load data, then (only if a window is needed) build the
QApplication and the window. Nothing here runs at import time."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from app import APP_ID, APP_NAME, __version__

TAB_FILES = ("companies", "elements", "reserves")


def _date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="curbwatch",
        description=f"{APP_NAME}: offline reference for China's 2025 export controls.")
    parser.add_argument("--version", action="store_true", help="print the app and dataset versions and exit")
    parser.add_argument("--export", metavar="DIR", type=Path,
                        help="write companies.csv, elements.csv and reserves.csv to DIR and exit")
    parser.add_argument("--screenshot", metavar="DIR", type=Path,
                        help="render each tab of a 1280x800 window to DIR/<tab>.png and exit")
    parser.add_argument("--data-dir", metavar="DIR", help="folder for your edits (default: the platform's "
                        "user data folder; the CURBWATCH_DATA_DIR environment variable also sets it)")
    parser.add_argument("--on", metavar="YYYY-MM-DD", type=_date_arg,
                        help="compute statuses for this date instead of today")
    return parser


def _fail(message: str) -> int:
    print(f"curbwatch: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from app.storage.bundled import DataError, load_bundled
    from app.storage.paths import bundled_data_dir

    try:
        bundled = load_bundled(bundled_data_dir())
    except (DataError, FileNotFoundError) as exc:
        if args.version or args.export or args.screenshot:
            return _fail(f"the bundled dataset cannot be loaded: {exc}")
        return _show_fatal(f"The bundled dataset cannot be loaded:\n\n{exc}")
    on = args.on or dt.date.today()

    if args.version:
        info = bundled.dataset.info
        print(f"{APP_NAME} {__version__}; dataset {info.dataset_version} (as of {info.as_of.isoformat()}, "
              f"schema {info.schema_version})")
        return 0

    from app.storage.paths import user_data_dir
    from app.storage.userdata import UserData

    userdata = UserData(user_data_dir(args.data_dir), bundled)
    report = userdata.open()
    try:
        if args.export:
            return _export(userdata, args.export, on, report.messages)
        app = _application()
        from PySide6.QtCore import QSettings

        from app.ui.controller import EditController
        from app.ui.window import MainWindow

        controller = EditController(userdata)
        settings = None if args.screenshot else QSettings()
        window = MainWindow(controller, on, settings=settings)
        for message in report.messages:
            window.add_banner("warning", message)
        if args.screenshot:
            return _screenshots(app, window, args.screenshot)
        window.resize(1280, 800)
        window.restore_state()
        window.show()
        return app.exec()
    finally:
        userdata.close()


def _export(userdata, directory: Path, on: dt.date, messages: list[str]) -> int:
    from app.storage.export import export_csv
    from app.storage.safe_io import SaveError

    for message in messages:
        print(f"curbwatch: {message}", file=sys.stderr)
    try:
        for path in export_csv(userdata.workspace, directory, on):
            print(path)
    except (SaveError, OSError) as exc:
        return _fail(f"export failed: {exc}")
    return 0


def _application():
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setApplicationVersion(__version__)
    from app.storage.paths import resources_dir

    try:
        icon = resources_dir() / "icons" / "curbwatch.svg"
        if icon.exists():
            app.setWindowIcon(QIcon(str(icon)))
    except FileNotFoundError:
        pass
    return app


def _screenshots(app, window, directory: Path) -> int:
    directory.mkdir(parents=True, exist_ok=True)
    window.resize(1280, 800)
    window.show()
    for index, name in enumerate(TAB_FILES):
        window.tabs.setCurrentIndex(index)
        for _ in range(5):
            app.processEvents()
        path = directory / f"{name}.png"
        if not window.grab().save(str(path)):
            return _fail(f"could not write {path}")
        print(path)
    window.close()
    return 0


def _show_fatal(message: str) -> int:
    from PySide6.QtWidgets import QMessageBox

    _application()
    QMessageBox.critical(None, APP_NAME, message)
    return 2


if __name__ == "__main__":
    sys.exit(main())
