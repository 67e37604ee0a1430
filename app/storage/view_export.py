"""Export of one table as the user sees it (File > Export current view…): the records its filter,
facets and source leave, in its sort order, as CSV, JSON or XLSX, with provenance. No Qt.

Rows are the view's; columns are the same as ``curbwatch --export`` for that kind (every field,
the record id, its sources and the provenance columns local_edit, dataset_version, data_as_of
and status_on), whichever columns the table shows: an export is made to be cited and checked,
and a record's id and sources are in no table column. It is also what File > Import records…
reads back, so an exported file imports as "no change".

- CSV: exactly the rules of ``app.storage.export`` (UTF-8 with BOM, CRLF, formula-like cells
  prefixed with an apostrophe).
- JSON: ``{"format": "curbwatch-view", "about": {...}, "columns": [...], "rows": [{...}]}``;
  an empty cell is ``null``, numbers are numbers.
- XLSX: the table on one sheet (numbers as numbers, text never a formula), and an "About" sheet
  with the dataset version, dates and how the view was narrowed and sorted.

Files are written atomically and get the permissions of any new file (see ``export_csv``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from app import APP_NAME, __version__
from app.domain.workspace import Workspace
from app.storage.atomic import atomic_write_bytes, classify_oserror
from app.storage.export import _umask, csv_bytes, export_tables
from app.storage.xlsx import Sheet, xlsx_bytes

FORMATS = ("csv", "json", "xlsx")
JSON_FORMAT = "curbwatch-view"


@dataclass(frozen=True)
class View:
    """What the table shows, as the window describes it."""

    kind: str  # "companies", "elements" or "reserves"
    title: str  # the tab's name, "Companies"
    ids: tuple[str, ...]  # the records shown, in their order on screen
    on: dt.date  # the status date the statuses are computed for
    total: int = 0  # records of the kind (the view may show fewer)
    narrowed: tuple[str, ...] = ()  # how the view was narrowed, in words ('Filter: "lockheed"')
    sort: str = ""  # "Name, A to Z"


def view_table(workspace: Workspace, view: View) -> tuple[list[str], list[list[object]]]:
    """(header, rows) of the view: the ``--export`` table of its kind, its rows in view order."""
    header, rows = export_tables(workspace, view.on)[f"{view.kind}.csv"]
    by_id = {row[0]: row for row in rows}
    return header, [by_id[i] for i in view.ids if i in by_id]


def includes_local_edits(workspace: Workspace, view: View) -> bool:
    return any(workspace.is_added(view.kind, i) or workspace.edited_fields(view.kind, i) for i in view.ids)


def about(workspace: Workspace, view: View, exported: dt.datetime | None = None) -> list[tuple[str, str]]:
    """What the export is, as (label, value) pairs: the About sheet, the JSON ``about``."""
    info = workspace.info
    exported = exported or dt.datetime.now().astimezone()
    shown = f"{len(view.ids)} of {view.total}" if view.total and view.total != len(view.ids) else str(len(view.ids))
    pairs = [("Table", view.title), ("Records", shown),
             ("Narrowed by", "; ".join(view.narrowed) or "nothing (every record)"),
             ("Sorted by", view.sort or "as bundled"),
             ("Dataset version", info.dataset_version), ("Data as of", info.as_of.isoformat()),
             ("Statuses on", view.on.isoformat()),
             ("Local edits", "includes your local edits (rows with local_edit set)"
              if includes_local_edits(workspace, view) else "none: the bundled data as published"),
             ("Exported", exported.isoformat(timespec="seconds")), ("By", f"{APP_NAME} {__version__}")]
    return pairs


def view_csv(workspace: Workspace, view: View) -> bytes:
    header, rows = view_table(workspace, view)
    return csv_bytes(header, rows)


def view_json(workspace: Workspace, view: View, exported: dt.datetime | None = None) -> bytes:
    header, rows = view_table(workspace, view)
    keys = {"Table": "table", "Records": "records", "Narrowed by": "narrowed_by", "Sorted by": "sorted_by",
            "Dataset version": "dataset_version", "Data as of": "data_as_of", "Statuses on": "status_on",
            "Local edits": "local_edits", "Exported": "exported", "By": "exported_by"}
    document = {
        "format": JSON_FORMAT, "format_version": 1, "kind": view.kind,
        "about": {keys[label]: value for label, value in about(workspace, view, exported)},
        "columns": header,
        "rows": [{name: (None if value == "" else value) for name, value in zip(header, row)} for row in rows],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode("utf-8")


def view_xlsx(workspace: Workspace, view: View, exported: dt.datetime | None = None) -> bytes:
    header, rows = view_table(workspace, view)
    about_sheet = Sheet("About", ["", ""], [list(pair) for pair in about(workspace, view, exported)])
    return xlsx_bytes([Sheet(view.title, header, rows), about_sheet], title=f"{APP_NAME}: {view.title}",
                      creator=f"{APP_NAME} {__version__}")


def format_of(path: Path | str, chosen: str | None = None, formats: tuple[str, ...] = FORMATS) -> str:
    """The format a path asks for by its suffix, else ``chosen``, of ``formats`` (the view's by
    default; the chart export passes its own); ValueError naming the endings for neither."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in formats:
        return suffix
    if chosen in formats:
        return chosen
    endings = [f".{fmt}" for fmt in formats]
    listed = f"{', '.join(endings[:-1])} or {endings[-1]}" if len(endings) > 1 else endings[0]
    raise ValueError(f"{Path(path).name}: choose a file ending in {listed}")


def view_bytes(workspace: Workspace, view: View, fmt: str) -> bytes:
    if fmt == "csv":
        return view_csv(workspace, view)
    if fmt == "json":
        return view_json(workspace, view)
    if fmt == "xlsx":
        return view_xlsx(workspace, view)
    raise ValueError(f"unknown format {fmt!r}")


def write_shared(path: Path | str, data: bytes) -> Path:
    """Write a file made to be shared: atomically (SaveError on a full or read-only disk), with
    the permissions any new file gets (0644 under umask 022), not the private 0600 of a temp."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise classify_oserror(exc, path.parent) from None
    atomic_write_bytes(path, data)
    if os.name == "posix":
        try:
            os.chmod(path, 0o666 & ~_umask())
        except OSError:
            pass  # a FAT or SMB mount without modes: the file is written, that is what counts
    return path


def write_view(path: Path | str, workspace: Workspace, view: View, fmt: str | None = None) -> Path:
    """Write the view to ``path`` in ``fmt`` (default: from the suffix)."""
    return write_shared(path, view_bytes(workspace, view, format_of(path, fmt)))
