"""CSV export of the data as the app shows it (bundled data with the user's edits applied).

UTF-8, a header row, one row per record. Cells that a spreadsheet would run as a formula
(starting with = + - @, tab or CR) are prefixed with an apostrophe: a URL or a note must
never execute when an analyst opens the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from app.domain.model import CATEGORY_LABELS, Dataset
from app.domain.reserves import compare_with_usgs
from app.domain.status import record_status
from app.storage.safe_io import atomic_write_bytes

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> str:
    text = "" if cell is None else str(cell)
    if text.startswith(_FORMULA_START):
        # Plain negative numbers stay numbers; anything else is defused.
        try:
            float(text)
            return text
        except ValueError:
            return "'" + text
    return text


def _csv_bytes(header: list[str], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(c) for c in row])
    return buffer.getvalue().encode("utf-8")


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _sources(record) -> str:
    return " | ".join(f"{s.title} <{s.url}> [{s.confidence}]" if s.url else f"{s.title} [{s.confidence}]"
                      for s in record.sources)


def export_csv(dataset: Dataset, directory: Path, on: dt.date) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    companies = []
    for c in dataset.companies:
        status = record_status(c, "export_control", on)
        uel = record_status(c, "uel", on)
        companies.append([c.id, c.name, c.name_confidence, c.announcement, _date(c.listed), _date(c.effective),
                          c.uel_announcement, _date(c.uel_date), status.label if status else "",
                          _date(status.ends) if status else "", uel.label if uel else "", _sources(c)])
    elements = []
    for e in dataset.elements:
        status = record_status(e, "export_control", on)
        ban = record_status(e, "us_ban", on)
        shares = " | ".join(f"{'~' if s.approximate else ''}{s.percent:g}% {s.basis} ({s.source.title})"
                            for s in e.shares)
        elements.append([e.id, e.symbol, e.name, e.atomic_number, CATEGORY_LABELS.get(e.category, e.category),
                         e.announcement, _date(e.announced), _date(e.effective), e.control_code,
                         "yes" if e.control_code_confirmed else "unconfirmed", e.items,
                         status.label if status else "", _date(status.ends) if status else "",
                         ban.label if ban else "", shares, _sources(e)])
    reserves = []
    for r in dataset.reserves:
        edition = dataset.edition(r.edition)
        comparison = "" if edition is None or edition.is_usgs else \
            compare_with_usgs(r, dataset.reserves, dataset.editions).text
        reserves.append([r.id, r.country, edition.short if edition else r.edition, r.edition,
                         "" if r.reserves_t is None else r.reserves_t, r.confidence, r.note, comparison])
    outputs = {
        "companies.csv": (["id", "name", "name_confidence", "announcement", "listed", "effective",
                           "uel_announcement", "uel_date", "status", "status_ends", "uel_status", "sources"],
                          companies),
        "elements.csv": (["id", "symbol", "name", "atomic_number", "group", "announcement", "announced",
                          "effective", "control_code", "control_code_confirmed", "items", "status",
                          "status_ends", "us_ban_status", "china_share", "sources"], elements),
        "reserves.csv": (["id", "country", "source", "source_id", "reserves_t", "confidence", "note",
                          "usgs_comparison"], reserves),
    }
    written = []
    for name, (header, rows) in outputs.items():
        path = directory / name
        atomic_write_bytes(path, _csv_bytes(header, rows))
        written.append(path)
    return written
