"""``curbwatch --screen FILE [--out REPORT.csv] [--threshold N] [--on DATE]``: screen a list of
names against the user's data (the bundled dataset with their edits), write the report CSV and
print a one-line summary. No Qt is imported: it runs on a machine with no display.

Exit status: 0 when the report was written (whatever it found), 2 when it could not be.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from app import APP_NAME


def _fail(message: str) -> int:
    print(f"curbwatch: {message}", file=sys.stderr)
    return 2


def default_report_path(names_file: Path) -> Path:
    """Beside the list: ``suppliers.csv`` -> ``suppliers-screening.csv``."""
    return names_file.with_name(f"{names_file.stem}-screening.csv")


def summary(run, report: Path) -> str:
    names = len(run.results)
    return (f"{APP_NAME}: screened {names:,} name{'s' * (names != 1)}: {run.possible_matches:,} possible "
            f"match{'es' * (run.possible_matches != 1)} for {run.possible_names:,} "
            f"name{'s' * (run.possible_names != 1)}, {run.cleared_names:,} cleared "
            f"(threshold {run.threshold}, statuses on {run.on.isoformat()}, dataset {run.dataset_version}"
            f"{', with your local edits' if run.local_edits else ''}); report: {report}")


def run_from_args(args: argparse.Namespace) -> int:
    """The whole ``--screen`` run from parsed arguments (``screen``, ``out``, ``threshold``,
    ``on``, ``data_dir``)."""
    from app.domain.screening import DEFAULT_THRESHOLD, screen
    from app.storage.atomic import SaveError
    from app.storage.bundled import DataError
    from app.storage.dataset_in_use import load_in_use
    from app.storage.paths import user_data_dir
    from app.storage.screening_io import NameListError, read_names, write_report
    from app.storage.userdata import UserData

    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    if not 1 <= threshold <= 100:
        return _fail(f"--threshold must be from 1 to 100 (default {DEFAULT_THRESHOLD}), not {threshold}")
    source = Path(args.screen)
    out = Path(args.out) if args.out else default_report_path(source)
    if out.resolve() == source.resolve():
        return _fail(f"the report would overwrite the list itself ({source}); choose another --out")
    try:
        names = read_names(source, pipes=True)  # `--screen <(cmd)`: a pipe the user made
    except NameListError as exc:
        return _fail(str(exc))
    try:
        bundled, notes = load_in_use(user_data_dir(args.data_dir))  # the app's dataset or a newer imported one
    except (DataError, FileNotFoundError) as exc:
        return _fail(f"the bundled dataset cannot be loaded: {exc}")
    on = args.on or dt.date.today()
    userdata = UserData(user_data_dir(args.data_dir), bundled)
    opened = userdata.open()
    try:
        for message in notes + opened.messages:
            print(f"curbwatch: {message}", file=sys.stderr)
        workspace = userdata.workspace
        run = screen(workspace.dataset.companies, names.names, on, threshold=threshold,
                     dataset_version=workspace.info.dataset_version, as_of=workspace.info.as_of,
                     local_edits=workspace.change_count() > 0)
    finally:
        userdata.close()
    try:
        write_report(out, run)
    except (SaveError, OSError) as exc:
        return _fail(f"the report could not be written: {exc}")
    print(summary(run, out))
    return 0
