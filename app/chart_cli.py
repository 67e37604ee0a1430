"""``curbwatch --chart FILE.{png,svg} [--source ID[,ID[,ID]]] [--units U]`` and
``curbwatch --evidence FILE.zip [--source …] [--units U] [--on DATE]``: the reserves chart as a
picture, and the evidence pack, from the command line over the user's data (the bundled
dataset with their edits). Both run on the offscreen Qt platform: no display is needed.

``--source`` takes one edition id, or two or three separated by commas to compare them (the
first is the main one; default: the newest USGS edition). ``--units`` is one of t, kt, Mt,
long-tons, short-tons (default: Mt for reserves, as the table writes them). The evidence pack
holds every record of each kind (the command line has no filtered view).

Exit status: 0 when the file was written, 2 when nothing was (the message says why).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path


def _fail(message: str) -> int:
    print(f"curbwatch: {message}", file=sys.stderr)
    return 2


def _spec(args: argparse.Namespace, editions):
    from app.domain.chart_data import MAX_SOURCES, ChartSpec
    from app.domain.reserves import AUTO_UNIT, unit_of

    ids = [s.strip() for s in (args.source or "").split(",") if s.strip()] or [editions[0].id]
    known = {e.id for e in editions}
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ValueError(f"unknown source {unknown[0]!r}: choose from {', '.join(e.id for e in editions)}")
    if len(set(ids)) > MAX_SOURCES:
        raise ValueError(f"--source compares at most {MAX_SOURCES} sources, not {len(set(ids))}")
    unit = args.units or AUTO_UNIT
    unit_of(unit)  # ValueError naming the choices
    return ChartSpec(tuple(ids), unit=unit)


def run_from_args(args: argparse.Namespace) -> int:
    """The whole ``--chart`` or ``--evidence`` run from parsed arguments (``chart``,
    ``evidence``, ``source``, ``units``, ``on``, ``data_dir``)."""
    chart, evidence = args.chart, args.evidence
    if chart is not None and Path(chart).suffix.lower() not in (".png", ".svg"):
        return _fail(f"--chart {chart}: choose a file ending in .png or .svg")
    if evidence is not None and Path(evidence).suffix.lower() != ".zip":
        return _fail(f"--evidence {evidence}: choose a file ending in .zip")
    # As for --export and --screenshot: nothing is shown, so no display is needed.
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from app.storage.atomic import SaveError
    from app.storage.bundled import DataError
    from app.storage.dataset_in_use import load_in_use
    from app.storage.paths import user_data_dir
    from app.storage.userdata import UserData

    try:
        bundled, notes = load_in_use(user_data_dir(args.data_dir))  # the app's dataset or a newer imported one
    except (DataError, FileNotFoundError) as exc:
        return _fail(f"the bundled dataset cannot be loaded: {exc}")
    for note in notes:
        print(f"curbwatch: {note}", file=sys.stderr)
    try:
        spec = _spec(args, bundled.dataset.editions)
    except ValueError as exc:
        return _fail(str(exc))
    on = args.on or dt.date.today()
    userdata = UserData(user_data_dir(args.data_dir), bundled)
    opened = userdata.open()
    try:
        for message in opened.messages:
            print(f"curbwatch: {message}", file=sys.stderr)
        return _write(userdata.workspace, spec, chart, evidence, on)
    except (SaveError, OSError, ValueError) as exc:
        return _fail(f"not written: {exc}")
    finally:
        userdata.close()


def _write(workspace, spec, chart: Path | None, evidence: Path | None, on: dt.date) -> int:
    from PySide6.QtCore import qInstallMessageHandler

    from app.domain.chart_data import chart_of
    from app.main import _application, _drop_offscreen_noise

    data = chart_of(workspace, spec)
    _application()
    previous = qInstallMessageHandler(_drop_offscreen_noise)
    try:
        from app.ui.chart_export import png_bytes, svg_bytes, write_chart

        if chart is not None:
            print(write_chart(chart, workspace, data))
        if evidence is not None:
            from app.storage.evidence import all_views, write_evidence

            print(write_evidence(evidence, workspace, all_views(workspace, on), data, png_bytes(workspace, data),
                                 svg_bytes(workspace, data), on))
    finally:
        qInstallMessageHandler(previous)
    return 0
