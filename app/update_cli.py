"""``curbwatch --import-dataset FILE [--dry-run] [--data-dir DIR]``: check a dataset update (a
zip or a folder with companies.json, elements.json and reserves.json), print its SHA-256 and
what it would change against the user's data (records added, changed field by field, removed;
the user's edits it meets), then import it as File > Import dataset update… does, or with
``--dry-run`` change nothing. No Qt is imported: it runs on a machine with no display.

Exit status: 0 when imported (or, with --dry-run, when it could be), 2 when refused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _fail(message: str) -> int:
    print(f"curbwatch: {message}", file=sys.stderr)
    return 2


def preview_lines(update, preview) -> list[str]:
    """The summary both the command line and the tests read."""
    from app.domain.dataset_diff import kind_label

    old, new = preview.diff.old, preview.diff.new
    lines = [f"Dataset update: {update.path}",
             f"SHA-256 {update.sha256_of}: {update.sha256}",
             (f"Dataset {old.dataset_version} (as of {old.as_of.isoformat()}) -> {new.dataset_version} "
              f"(as of {new.as_of.isoformat()})"),
             preview.summary() + "."]
    for row in preview.rows:
        line = f"  {row.action:<8} {kind_label(row.kind)}: {row.label}"
        if row.what:
            line += f": {row.what}"
        if row.yours:
            line += f"  [{'CONFLICT: ' if row.conflict else ''}{row.yours}]"
        lines.append(line)
    for kind, old_id, new_id in preview.renamed:
        lines.append(f"  Your added {kind} record {old_id!r} will be kept as {new_id!r} (the update uses its id).")
    for rejected in preview.left_out:
        lines.append(f"  Your change to {rejected.kind} {rejected.record_id!r} no longer fits and will be left out "
                     f"(kept in the backup made first): {rejected.reason}")
    return lines


def run_from_args(args: argparse.Namespace) -> int:
    from app.domain.dataset_diff import preview_update
    from app.storage.bundled import DataError
    from app.storage.dataset_in_use import load_in_use
    from app.storage.dataset_update import UpdateError, apply_update, read_update, refuse_unless_newer
    from app.storage.paths import user_data_dir
    from app.storage.userdata import UserData

    for stream in (sys.stdout, sys.stderr):  # names and notes in any script, on any console
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    data_dir = user_data_dir(args.data_dir)
    try:
        update = read_update(Path(args.import_dataset))
    except UpdateError as exc:
        return _fail(f"not imported: {exc} Nothing was changed.")
    try:
        bundled, notes = load_in_use(data_dir)
    except (DataError, FileNotFoundError) as exc:
        return _fail(f"the bundled dataset cannot be loaded: {exc}")
    userdata = UserData(data_dir, bundled)
    report = userdata.open()
    try:
        for message in notes + report.messages:
            print(f"curbwatch: {message}", file=sys.stderr)
        try:
            refuse_unless_newer(update, userdata.bundled.dataset.info)
        except UpdateError as exc:
            print(f"Dataset update: {update.path}\nSHA-256 {update.sha256_of}: {update.sha256}")
            return _fail(f"not imported: {exc}")
        new = update.bundled
        preview = preview_update(userdata.workspace, userdata.bundled.raw, new.dataset.info, new.raw,
                                 new.dataset.editions, new.records)
        print("\n".join(preview_lines(update, preview)))
        if args.dry_run:
            print("Dry run: nothing was changed.")
            return 0
        try:
            apply_update(userdata, update)
        except UpdateError as exc:
            return _fail(str(exc))
        print(f"Imported: dataset {new.dataset.info.dataset_version} is in use now, and stays in use after a "
              f"restart (kept in {data_dir / 'datasets' / new.dataset.info.dataset_version}). Your changes were "
              f"kept" + (f"; {preview.conflicts} conflict with the update (Edit > Show my changes)."
                         if preview.conflicts else "."))
        return 0
    finally:
        userdata.close()
