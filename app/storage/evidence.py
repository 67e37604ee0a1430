"""The evidence pack (File > Evidence pack…, ``curbwatch --evidence FILE.zip``): one zip holding
what a finding rests on, made to be attached to a report or an email. No Qt: the caller paints
the chart and hands over its PNG and SVG bytes.

    README.txt        what the pack is: the dataset version and its as-of date, the status
                      date, each file, the chart's notes, every source the records in the
                      views cite (once each, with its confidence and how many records cite it)
                      and every local edit (bundled value and yours)
    companies.csv     the current view of each table, exactly as File > Export current view
    elements.csv      writes it (rows and order of the view, every column, provenance columns)
    reserves.csv
    chart.png         the chart, as File > Export chart writes it
    chart.svg
    chart-data.csv    the chart's bars as numbers: its text twin

Every file is dated with the export time, so two packs of the same data differ only there.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from app import APP_NAME, __version__
from app.domain.chart_data import ChartData, provenance_lines
from app.domain.kinds import kind_of
from app.domain.model import Source
from app.domain.reserves import in_unit
from app.domain.workspace import Workspace
from app.storage.export import csv_bytes
from app.storage.view_export import View, includes_local_edits, view_csv, write_shared

CONFIDENCE_ORDER = ("HIGH", "MED", "LOW", "UNCONFIRMED")


def _record_sources(workspace: Workspace, kind: str, record: Any) -> list[Source]:
    """The sources a record cites: its own, its events' and its share figures'; a reserve row
    cites its edition."""
    if kind == "reserves":
        edition = workspace.edition(record.edition)
        return [Source(edition.title, edition.url, edition.confidence)] if edition else []
    found = list(record.sources)
    for event in getattr(record, "events", ()):
        found += list(event.sources)
    found += [share.source for share in getattr(record, "shares", ())]
    return found


def cited_sources(workspace: Workspace, views: list[View]) -> list[tuple[str, str, list[str], int]]:
    """(title, url, confidences, records citing it) for each source the views' records cite,
    once per title and URL, most cited first."""
    seen: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
    for view in views:
        for record_id in view.ids:
            record = workspace.record(view.kind, record_id)
            if record is None:
                continue
            for source in _record_sources(workspace, view.kind, record):
                confidences, citing = seen.setdefault((source.title.strip(), source.url.strip()), (set(), set()))
                confidences.add(source.confidence)
                citing.add(f"{view.kind}/{record_id}")
    rank = {c: i for i, c in enumerate(CONFIDENCE_ORDER)}
    out = [(title, url, sorted(conf, key=lambda c: rank.get(c, 99)), len(citing))
           for (title, url), (conf, citing) in seen.items()]
    return sorted(out, key=lambda s: (-s[3], s[0].casefold()))


def _value(value: Any) -> str:
    if value is None or value == "":
        return "(none)"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def edit_lines(workspace: Workspace) -> list[str]:
    """Every local edit (Workspace.changes()) in words."""
    lines = []
    for change in workspace.changes():
        noun = kind_of(change.kind).label
        if change.action == "added":
            lines.append(f"- Added {noun.lower()} {change.label} ({change.record_id})")
        elif change.action == "deleted":
            lines.append(f"- Deleted {noun.lower()} {change.label} ({change.record_id})")
        else:
            field = kind_of(change.kind).field_label(change.field)
            conflict = "; the bundled value changed too (yours kept)" if change.conflict else ""
            lines.append(f"- Edited {noun.lower()} {change.label}, {field}: bundled {_value(change.bundled)}, "
                         f"yours {_value(change.mine)}{conflict}")
    return lines


def chart_csv(data: ChartData) -> bytes:
    """The chart's bars as numbers, one row a bar (NA and unlisted slots included)."""
    header = ["country", "source", "record_id", "figure", "value_t", f"value_{data.unit.key}", "unit", "label",
              "world_share", "local_edit", "matches_no_usgs_edition"]
    rows = []
    for bar in data.bars:
        value = ""
        if bar.tons is not None:
            exact = in_unit(bar.tons, data.unit)
            exact = exact if data.unit.metric else exact.quantize(Decimal("0.001"))  # 1 kg: more is noise
            value = format(exact.normalize(), "f")
        rows.append([bar.country, bar.source, bar.record_id or "", data.spec.figure,
                     "" if bar.tons is None else bar.tons, value, data.unit.symbol, bar.label, bar.share,
                     bar.local.kind if bar.local else "", "yes" if bar.highlight else ""])
    return csv_bytes(header, rows)


def readme(workspace: Workspace, views: list[View], data: ChartData, on: dt.date, exported: dt.datetime) -> str:
    info = workspace.info
    edits = edit_lines(workspace)
    lines = [f"{APP_NAME} evidence pack", "=" * (len(APP_NAME) + 14), "",
             f"Made:             {exported.isoformat(timespec='seconds')} by {APP_NAME} {__version__}",
             f"Dataset version:  {info.dataset_version}",
             f"Data as of:       {info.as_of.isoformat()} (the newest dated fact in the dataset)",
             f"Status date:      {on.isoformat()} (the statuses in the CSV files are computed for this date)",
             f"Local edits:      {len(edits)} (listed below)" if edits else
             "Local edits:      none: the bundled data as published", "", "Files", "-----"]
    for view in views:
        shown = f"{len(view.ids)} of {view.total}" if view.total and view.total != len(view.ids) else str(len(view.ids))
        narrowed = "; ".join(view.narrowed) or "every record"
        local = ", includes local edits" if includes_local_edits(workspace, view) else ""
        lines.append(f"{view.kind}.csv: {view.title}, {shown} records ({narrowed}; sorted by "
                     f"{view.sort or 'bundled order'}{local})")
    lines += ["chart.png, chart.svg: the chart as shown, with its title, units, sources and data date",
              "chart-data.csv: the chart's bars as numbers", "", "Chart", "-----", data.title, data.subtitle,
              *data.notes, *provenance_lines(data, info.dataset_version, info.as_of), "",
              "Sources cited", "-------------",
              "Every source the records in these views cite, once each, with its confidence (HIGH, MED, LOW, "
              "UNCONFIRMED) and how many of the records cite it.", ""]
    for title, url, confidences, count in cited_sources(workspace, views):
        lines.append(f"- [{'/'.join(confidences)}] {title}" + (f" <{url}>" if url else "") +
                     f" ({count} record{'s' if count != 1 else ''})")
    lines += ["", "Local edits", "-----------"]
    lines += edits or ["None: every figure and date is the bundled dataset's."]
    return "\n".join(lines) + "\n"


def evidence_bytes(workspace: Workspace, views: list[View], data: ChartData, png: bytes, svg: bytes,
                   on: dt.date, exported: dt.datetime | None = None) -> bytes:
    exported = exported or dt.datetime.now().astimezone()
    stamp = exported.timetuple()[:6]
    files = [("README.txt", readme(workspace, views, data, on, exported).encode("utf-8"))]
    files += [(f"{view.kind}.csv", view_csv(workspace, view)) for view in views]
    files += [("chart.png", png), ("chart.svg", svg), ("chart-data.csv", chart_csv(data))]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, content)
    return buffer.getvalue()


def write_evidence(path: Path | str, workspace: Workspace, views: list[View], data: ChartData, png: bytes,
                   svg: bytes, on: dt.date, exported: dt.datetime | None = None) -> Path:
    """Write the pack to ``path`` atomically (SaveError or OSError when it cannot be)."""
    return write_shared(path, evidence_bytes(workspace, views, data, png, svg, on, exported))


def all_views(workspace: Workspace, on: dt.date) -> list[View]:
    """Every record of each kind in bundled order: the views of ``curbwatch --evidence``."""
    titles = {"companies": "Companies", "elements": "Element restrictions", "reserves": "Reserves"}
    views = []
    for kind, title in titles.items():
        ids = tuple(r.id for r in workspace.records(kind))
        views.append(View(kind, title, ids, on, len(ids)))
    return views
