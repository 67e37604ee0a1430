"""CSV export of the data as the app shows it (bundled data with the user's edits applied).

``export_tables`` is a pure function of the workspace and the status date (testable without Qt
or a disk); ``export_csv`` writes its tables. Each file is UTF-8 with a byte-order mark (so a
spreadsheet opened by double-click keeps accents), a header row and one row per record. Every
row says where its values came from: ``local_edit`` (empty, ``edited`` or ``added``) and the
``dataset_version``, ``data_as_of`` and ``status_on`` the statuses were computed with.

No cell can run as a formula when an analyst opens the file, whatever separator their
spreadsheet splits on: a cell starting with = + - @, tab or CR gets an apostrophe in front,
and so does any part of a cell that starts right after a separator (, ; tab or a line break),
since a spreadsheet splitting on that separator would make that part a cell of its own.
Plain numbers (``-5``) stay numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from pathlib import Path

from app.domain.listings import is_april_28, lists_text
from app.domain.model import CATEGORY_LABELS
from app.domain.reserves import compare_all
from app.domain.status import Status, record_status
from app.domain.workspace import Workspace
from app.storage.atomic import atomic_write_bytes

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
# A separator, then spaces or quotes, then a formula character: the part from that character
# to the next separator is what a spreadsheet splitting on the separator would read as a cell.
_AFTER_SEPARATOR = re.compile(r'(?<=[,;\t\r\n])([ "]*)([=+\-@][^,;\t\r\n]*)')

Table = tuple[list[str], list[list[object]]]
PROVENANCE = ["local_edit", "dataset_version", "data_as_of", "status_on"]


def _is_number(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None


def _defuse_part(match: re.Match[str]) -> str:
    lead, part = match.group(1), match.group(2)
    if _is_number(part.rstrip(' "')):
        return match.group(0)
    return f"{lead}'{part}"


def neutralise(cell: object) -> str:
    """The cell as text that no spreadsheet runs as a formula."""
    text = "" if cell is None else str(cell)
    if text.startswith(_FORMULA_START) and not _is_number(text):
        text = "'" + text
    return _AFTER_SEPARATOR.sub(_defuse_part, text)


def csv_bytes(header: list[str], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(c) for c in row])
    return buffer.getvalue().encode("utf-8-sig")


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _ends(status: Status | None) -> str:
    # As on screen: an end date no source confirms says so.
    if status is None or status.ends is None:
        return ""
    return status.ends.isoformat() + ("" if status.ends_confirmed else " (unconfirmed)")


def _tons(value: int | None) -> object:
    return "" if value is None else value


def _sources(record) -> str:
    return " | ".join(f"{s.title} <{s.url}> [{s.confidence}]" if s.url else f"{s.title} [{s.confidence}]"
                      for s in record.sources)


def _local_edit(workspace: Workspace, kind: str, record_id: str) -> str:
    if workspace.is_added(kind, record_id):
        return "added"
    return "edited" if workspace.edited_fields(kind, record_id) else ""


def export_tables(workspace: Workspace, on: dt.date) -> dict[str, Table]:
    """File name -> (header, rows) of what ``export_csv`` writes, cells not yet neutralised."""
    dataset = workspace.dataset
    as_of = workspace.info.as_of
    stamp = [workspace.info.dataset_version, as_of.isoformat(), on.isoformat()]

    def provenance(kind: str, record_id: str) -> list[object]:
        return [_local_edit(workspace, kind, record_id), *stamp]

    def label(status: Status | None) -> str:
        return status.label if status else ""

    companies = []
    for c in dataset.companies:
        status = record_status(c, "export_control", on, as_of)
        uel = record_status(c, "uel", on, as_of)
        companies.append([c.id, c.name, c.name_zh, "; ".join(c.aliases), c.name_confidence,
                          "yes" if is_april_28(c) else "", lists_text(c), c.announcement, _date(c.listed),
                          _date(c.effective), c.effective_time, c.uel_announcement, _date(c.uel_date),
                          _date(c.uel_effective), c.uel_effective_time, label(status), _ends(status), label(uel),
                          _ends(uel), _sources(c), *provenance("companies", c.id)])
    elements = []
    for e in dataset.elements:
        status = record_status(e, "export_control", on, as_of)
        military = record_status(e, "us_military", on, as_of)
        ban = record_status(e, "us_ban", on, as_of)
        shares = " | ".join(f"{'~' if s.approximate else ''}{s.percent:g}% {s.basis} ({s.source.title})"
                            for s in e.shares)
        elements.append([e.id, e.symbol, e.name, e.atomic_number, CATEGORY_LABELS.get(e.category, e.category),
                         e.announcement, _date(e.announced), _date(e.effective), e.control_code,
                         "yes" if e.control_code_confirmed else "unconfirmed", e.items,
                         label(status), _ends(status), label(military), label(ban), _ends(ban), shares,
                         _sources(e), *provenance("elements", e.id)])
    reserves = []
    # The same comparison the Reserves table and chart show, computed once for every row.
    comparisons = compare_all(dataset.reserves, dataset.editions)
    for r in dataset.reserves:
        edition = dataset.edition(r.edition)
        comparison = comparisons[r.id].text if r.id in comparisons else ""
        year = edition.data_year if edition and r.production_t is not None else None
        prior = edition.prior_year if edition and r.production_prior_t is not None else None
        reserves.append([r.id, r.country, edition.short if edition else r.edition, r.edition,
                         _tons(r.reserves_t), _tons(r.production_t), _tons(year), _tons(r.production_prior_t),
                         _tons(prior), r.confidence, r.note, comparison, *provenance("reserves", r.id)])
    return {
        # Statuses carry what the screen shows: days left when a suspension ends within 30 days,
        # and "· data to <as_of>, verify" when status_on is after data_as_of.
        "companies.csv": (["id", "name", "name_zh", "aliases", "name_confidence", "april_28", "lists",
                           "announcement", "listed", "effective", "effective_time", "uel_announcement", "uel_date",
                           "uel_effective", "uel_effective_time", "status", "status_ends", "uel_status",
                           "uel_status_ends", "sources", *PROVENANCE], companies),
        # us_military_status is clause 1 of No. 46 of 2024, us_ban_status clause 2.
        "elements.csv": (["id", "symbol", "name", "atomic_number", "group", "announcement", "announced",
                          "effective", "control_code", "control_code_confirmed", "items", "status",
                          "status_ends", "us_military_status", "us_ban_status", "us_ban_ends", "china_share",
                          "sources", *PROVENANCE], elements),
        # Empty is NA (not available), never zero; production years are the source's data year
        # and the year before.
        "reserves.csv": (["id", "country", "source", "source_id", "reserves_t", "production_t", "production_year",
                          "production_prior_t", "production_prior_year", "confidence", "note", "usgs_comparison",
                          *PROVENANCE], reserves),
    }


def _umask() -> int:
    """The process umask. Linux shows it in /proc; elsewhere it can only be read by setting it,
    which is briefly process-wide, so that is the fallback."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def export_csv(workspace: Workspace, directory: Path, on: dt.date) -> list[Path]:
    """Write companies.csv, elements.csv and reserves.csv to ``directory``; raises SaveError
    or OSError. Files get the permissions any new file would (0644 under umask 022): the
    atomic write starts from a private 0600 temporary file, right for the user's data but
    not for a file made to be shared."""
    directory.mkdir(parents=True, exist_ok=True)
    mode = 0o666 & ~_umask()
    written = []
    for name, (header, rows) in export_tables(workspace, on).items():
        path = directory / name
        atomic_write_bytes(path, csv_bytes(header, rows))
        if os.name == "posix":
            try:
                os.chmod(path, mode)
            except OSError:
                pass  # e.g. a FAT or SMB mount that has no modes: the file is written, that is what counts
        written.append(path)
    return written
