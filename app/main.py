"""Composition root: parse arguments, load data, then (only if a window is needed) build the
QApplication and the window. Nothing here runs at import time."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from app import APP_ID, APP_NAME, __version__

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
    parser.add_argument("--chart", metavar="FILE", type=Path, help="write the reserves chart to FILE (.png or "
                        ".svg) with its title, units, sources and data date, and exit")
    parser.add_argument("--evidence", metavar="FILE.zip", type=Path, help="write an evidence pack (the tables as "
                        "CSV, the chart as PNG and SVG, a README of sources and local edits) and exit")
    parser.add_argument("--source", metavar="ID[,ID,ID]", help="--chart/--evidence: the source to chart, or two or "
                        "three to compare (default: the newest USGS edition)")
    parser.add_argument("--units", metavar="U", help="--chart/--evidence: t, kt, Mt, long-tons or short-tons")
    parser.add_argument("--screen", metavar="FILE", type=Path, help="screen the names in FILE (one a line, "
                        "or a CSV with a `name` column) against the listed companies, write a report, exit")
    parser.add_argument("--out", metavar="REPORT.csv", type=Path,
                        help="where --screen writes its report (default: FILE-screening.csv beside FILE)")
    parser.add_argument("--threshold", metavar="N", type=int,
                        help="--screen: lowest score (1-100) reported as a possible match (default 80)")
    parser.add_argument("--import-dataset", metavar="FILE", type=Path, help="check a dataset update (a zip or a "
                        "folder with companies.json, elements.json and reserves.json), print what it changes, "
                        "import it into your data and exit")
    parser.add_argument("--dry-run", action="store_true", help="--import-dataset: print what it would change only")
    return parser


def _fail(message: str) -> int:
    print(f"curbwatch: {message}", file=sys.stderr)
    return 2


# What a launch with no arguments (the desktop's) gets: every option's default, without building
# the parser, which costs 2 ms before the first frame. A test checks it equals the parser's.
PLAIN_LAUNCH = {"version": False, "export": None, "screenshot": None, "data_dir": None, "on": None, "chart": None,
                "evidence": None, "source": None, "units": None, "screen": None, "out": None, "threshold": None,
                "import_dataset": None, "dry_run": False}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    argv = sys.argv[1:] if argv is None else argv
    return build_parser().parse_args(argv) if argv else argparse.Namespace(**PLAIN_LAUNCH)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.chart is not None or args.evidence is not None:  # offscreen, no window: app/chart_cli.py
        from app import chart_cli
        return chart_cli.run_from_args(args)
    if args.screen is not None:  # no window and no Qt: app/screen_cli.py does the whole run
        from app.screen_cli import run_from_args
        return run_from_args(args)
    if args.import_dataset is not None:  # no window and no Qt either: app/update_cli.py
        from app import update_cli
        return update_cli.run_from_args(args)
    problem = _prepare_platform(window=not (args.version or args.export or args.screenshot))
    if problem:
        return _fail(problem)
    on = args.on or dt.date.today()
    if not (args.version or args.export or args.screenshot):
        return _run_window(args, on)
    from app.storage.bundled import DataError

    try:
        bundled, dataset_notes = _load_dataset(args)
    except (DataError, FileNotFoundError) as exc:
        return _fail(f"the bundled dataset cannot be loaded: {exc}")

    if args.version:
        info = bundled.dataset.info
        print(f"{APP_NAME} {__version__}; dataset {info.dataset_version} (as of {info.as_of.isoformat()}, "
              f"schema {info.schema_version})")
        return 0

    from app.storage.userdata import UserData

    if args.screenshot:
        return _screenshots(bundled, _data_dir(args.data_dir), args.screenshot, on)
    userdata = UserData(_data_dir(args.data_dir), bundled)
    report = userdata.open()
    try:
        return _export(userdata, args.export, on, dataset_notes + report.messages)
    finally:
        userdata.close()


def _load_dataset(args):
    """The bundled dataset, or a newer one the user imported; and what choosing it found."""
    from app.storage.bundled import load_bundled
    from app.storage.dataset_in_use import choose_dataset
    from app.storage.paths import bundled_data_dir

    return choose_dataset(load_bundled(bundled_data_dir()), _data_dir(args.data_dir))


def _data_dir(chosen: str | None) -> Path:
    from app.storage import paths

    return paths.user_data_dir(chosen)


def _run_window(args, on: dt.date) -> int:
    """The window: its frame is drawn first, from PySide6 and a few light modules; the data is
    read, and the tables built, once that frame is on screen (app/ui/main_window.py)."""
    app = _application()
    from PySide6.QtCore import QSettings

    from app.ui.main_window import MainWindow

    window = MainWindow(None, on, settings=QSettings())
    window.resize(1280, 800)
    window.restore_state()
    opened: list = []  # the user's data, once opened
    failed: list[int] = []  # the exit code, when the data could not be opened (the window closed)

    def fail(message: str, exc: BaseException | None = None) -> None:
        from PySide6.QtWidgets import QMessageBox

        if exc is not None:  # not a known refusal: the details for whoever runs it from a terminal
            import traceback

            traceback.print_exception(exc)
            message = f"{message}\n\n{type(exc).__name__}: {exc}"
        failed.append(2)
        QMessageBox.critical(window, APP_NAME, message)
        window.close()

    def open_data() -> None:
        if not window.isVisible():  # closed before its data was read: nothing to open
            return
        from app.storage.bundled import DataError

        try:
            bundled, dataset_notes = _load_dataset(args)
        except (DataError, FileNotFoundError) as exc:
            return fail(f"The bundled dataset cannot be loaded:\n\n{exc}")
        except Exception as exc:  # noqa: BLE001 - said, not a window left "opening" for ever
            return fail("Curbwatch could not open its data:", exc)
        try:
            _populate(window, app, args, bundled, dataset_notes, opened)
        except Exception as exc:  # noqa: BLE001 - as above
            fail("Curbwatch could not open your data:", exc)

    window.after_first_frame(open_data)
    window.show()
    try:
        code = app.exec()
        return failed[0] if failed else code
    finally:
        for userdata in opened:
            userdata.close()


def _populate(window, app, args, bundled, dataset_notes: list[str], opened: list) -> None:
    """Open the user's data over ``bundled`` and fill the window's frame with it."""
    from app.storage.userdata import UserData
    from app.ui.controller import EditController
    from app.ui.lifecycle import install_save_on_exit

    userdata = UserData(_data_dir(args.data_dir), bundled)
    opened.append(userdata)  # closed (its lock let go) when the window's loop ends, whatever happens
    report = userdata.open()
    controller = EditController(userdata)
    install_save_on_exit(app, controller)  # SIGTERM, logout and quit save unsaved edits
    window.populate(controller, dataset_notes + report.messages)


def _export(userdata, directory: Path, on: dt.date, messages: list[str]) -> int:
    from app.storage.export import export_csv
    from app.storage.atomic import SaveError

    for message in messages:
        print(f"curbwatch: {message}", file=sys.stderr)
    try:
        for path in export_csv(userdata.workspace, directory, on):
            print(path)
    except (SaveError, OSError) as exc:
        return _fail(f"export failed: {exc}")
    return 0


def _prepare_platform(window: bool) -> str | None:
    """Pick the Qt platform before any QApplication exists; a message if no window can open.

    Without a display Qt's default Linux platform aborts the process (a misleading message
    about xcb-cursor0, then a core dump), so that case is caught here. The command-line parts
    draw nothing on screen and always use the offscreen platform, unless the user chose one."""
    chosen = os.environ.get("QT_QPA_PLATFORM")
    if not window:
        if not chosen:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return None
    if chosen or sys.platform in ("win32", "darwin") or os.environ.get("DISPLAY") \
            or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("no display found (DISPLAY and WAYLAND_DISPLAY are not set), so the window cannot open; without one, "
            "run curbwatch --export DIR, curbwatch --screenshot DIR or curbwatch --version")


def _application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setApplicationVersion(__version__)
    from app.storage.paths import resources_dir

    try:
        app.setWindowIcon(_window_icon(resources_dir() / "icons"))
    except FileNotFoundError:
        pass
    _install_translations(app)
    return app


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # resources/icons/hicolor/<n>x<n>/apps/<APP_ID>.png


def _window_icon(folder: Path):
    """The app's icon from its PNG sizes, each read when a size is first asked for (its size
    given, so not even the file's header is read now). Not from the SVG: that loads Qt's SVG
    icon plugin and library before the first frame."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        png = folder / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    if icon.isNull() and (folder / "curbwatch.svg").exists():
        icon = QIcon(str(folder / "curbwatch.svg"))
    return icon


def _install_translations(app) -> None:
    """The window's language: the one chosen in View > Language, else the system's (English when
    there is no catalogue for it). Done before any widget exists: texts are translated as built."""
    from PySide6.QtCore import QSettings

    from app.storage.paths import resources_dir
    from app.ui.i18n import chosen_language, current_language, install

    if current_language() != "en":  # already installed in this process
        return
    try:
        folder = resources_dir() / "translations"
    except FileNotFoundError:
        return
    install(app, chosen_language(QSettings()), folder)


def _screenshots(bundled, data_dir: Path, directory: Path, on: dt.date) -> int:
    """Render each tab of a 1280x800 window, as a user sees it with their data, to DIR/<tab>.png.

    The window works on a private copy of the data folder: a screenshot never writes the
    user's data (no recovery, migration or save touches it), and a copy of the app that is
    already open, holding the data lock, does not turn the pictures into ones of a read-only
    window with its banners."""
    from PySide6.QtCore import qInstallMessageHandler

    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _fail(f"cannot create {directory}: {exc.strerror or exc}")
    app = _application()
    previous = qInstallMessageHandler(_drop_offscreen_noise)
    try:
        return _render_tabs(app, bundled, data_dir, directory, on)
    finally:
        qInstallMessageHandler(previous)


def _drop_offscreen_noise(_mode, _context, message: str) -> None:
    # The offscreen platform warns on every window shown that it has no size hints to pass
    # on: meaningless for a picture, and alarming on a command line.
    if "does not support propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _render_tabs(app, bundled, data_dir: Path, directory: Path, on: dt.date) -> int:
    import tempfile

    from app.storage.userdata import UserData
    from app.ui.controller import EditController
    from app.ui.main_window import MainWindow
    from app.ui.tabs import TAB_KEYS

    with tempfile.TemporaryDirectory(prefix="curbwatch-screenshot-") as scratch:
        copy = Path(scratch) / "data"
        _copy_data_folder(data_dir, copy)
        userdata = UserData(copy, bundled)
        try:
            report = userdata.open()
            window = MainWindow(EditController(userdata), on, settings=None)
            window.show_open_messages(report.messages)
            window.resize(1280, 800)
            window.show()
            try:
                for index, name in enumerate(TAB_KEYS):
                    window.tabs.setCurrentIndex(index)
                    for _ in range(5):
                        app.processEvents()
                    path = directory / f"{name}.png"
                    if not window.grab().save(str(path)):
                        return _fail(f"could not write {path}")
                    print(path)
            finally:
                window.close()
                app.processEvents()
        finally:
            userdata.close()
    return 0


def _copy_data_folder(source: Path, target: Path, depth: int = 1) -> None:
    """Copy the regular files of ``source`` (and of its folders, ``depth`` levels down) into
    ``target``. Only reads ``source``: a symlinked file is read through, a FIFO or device is
    skipped (opened non-blocking, so it cannot hang), the lock file is left behind, and what
    cannot be read is left out (the window then says what it says for a missing file)."""
    import stat

    from app.storage.lock import DataLock

    target.mkdir(parents=True, exist_ok=True)
    try:
        entries = list(os.scandir(source))
    except OSError:
        return
    for entry in entries:
        if entry.name == DataLock.FILENAME:
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                if depth > 0:
                    _copy_data_folder(Path(entry.path), target / entry.name, depth - 1)
                continue
            fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        except OSError:
            continue
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                continue
            with os.fdopen(os.dup(fd), "rb") as handle:
                data = handle.read()
            (target / entry.name).write_bytes(data)
            os.utime(target / entry.name, ns=(info.st_atime_ns, info.st_mtime_ns))
        except OSError:
            continue
        finally:
            os.close(fd)


if __name__ == "__main__":
    sys.exit(main())
