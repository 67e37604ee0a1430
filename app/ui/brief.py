"""A one-page brief of a company or an element, to print or save as PDF (File > Print brief…,
File > Save brief as PDF…): its status on the status date per measure, the key facts, its
dated timeline, its sources each with its confidence, and the dataset it comes from (version,
as-of date, and "includes your local edits" when it does).

The brief is HTML laid out by a QTextDocument on an A4 page, black on white whatever the
screen's palette; the text is made smaller (down to 6.5 pt) until it fits one page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QTextBrowser, QVBoxLayout, QWidget

from app import APP_NAME, __version__
from app.domain.model import CATEGORY_LABELS, EVENT_KIND_LABELS, MEASURE_LABELS, Company, Source
from app.domain.status import measure_events, measures_of, record_status
from app.storage.view_export import write_shared
from app.ui.html import Markup, br, esc, join, tag
from app.ui.i18n import confidence, tr, tr_msg
from app.ui.status_text import data_age_text, dated_text, event_text, lists_text, status_text

SIZES = (9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5)  # points, tried in turn until the brief fits one page
MARGIN_MM = 14.0


def _source(source: Source) -> Markup:
    url = join([" ", tag("span", source.url, style="color:#333")]) if source.url else esc("")
    return join([source.title, url, f" [{confidence(source.confidence)}]"])


def _facts(record) -> list[tuple[str, object]]:
    if isinstance(record, Company):
        facts: list[tuple[str, object]] = [(tr("On"), lists_text(record))]
        for label, instrument, issued, effective, time in (
                (tr("Export control list"), record.announcement, record.listed, record.effective,
                 record.effective_time),
                (tr("Unreliable Entity List"), record.uel_announcement, record.uel_date, record.uel_effective,
                 record.uel_effective_time)):
            if issued is not None:  # in the detail pane's words
                facts.append((label, dated_text(instrument, issued, effective, time)))
        if record.name_zh:
            facts.append((tr("Chinese name"), record.name_zh))
        if record.aliases:
            facts.append((tr("Also known as"), "; ".join(record.aliases)))
        facts.append((tr("Name confidence"), confidence(record.name_confidence)))
        return facts
    group = tr(CATEGORY_LABELS.get(record.category, record.category)).lower()
    code = record.control_code or "–"
    if record.control_code and not record.control_code_confirmed:
        code = tr("{code} (unconfirmed)").format(code=code)
    facts = [(tr("Element"), f"{record.name} ({record.symbol}, Z={record.atomic_number}), {group}"),
             (tr("Announcement"), dated_text(record.announcement, record.announced, record.effective)),
             (tr("Control code"), code)]
    if record.items:
        facts.append((tr("Items covered"), record.items))
    for share in record.shares:
        year = "" if str(share.year) in share.basis else f" ({share.year})"
        facts.append((tr("China's share"), tr("{percent} of {basis}{year} [{confidence}], {source}").format(
            percent=f"{'≈' if share.approximate else ''}{share.percent:g}%", basis=share.basis, year=year,
            confidence=confidence(share.confidence), source=share.source.title)))
    return facts


def brief_html(workspace, kind: str, record, on: dt.date, made: dt.date | None = None) -> str:
    """The brief of a record as HTML (escaped from parts, see app.ui.html)."""
    info = workspace.info
    name = record.name
    cells = {"style": "padding:1px 6px 1px 0", "valign": "top"}
    statuses = []
    for measure in measures_of(record):
        status = record_status(record, measure, on, info.as_of)
        if status is not None:
            statuses.append(tag("tr", tag("td", tr(MEASURE_LABELS.get(measure, measure)), **cells),
                                tag("td", tag("b", status_text(status)), **cells)))
    facts = [tag("tr", tag("td", label, **cells), tag("td", value, **cells)) for label, value in _facts(record)]
    timeline = []
    for measure in measures_of(record):
        for event in measure_events(record, measure):
            until = ""
            if event.until:
                template = tr("until {date}") if event.until_confirmed else tr("until {date} (unconfirmed)")
                until = " " + template.format(date=event.until.isoformat())
            what = join([tag("b", tr(EVENT_KIND_LABELS.get(event.kind, event.kind)), until),
                         f" [{confidence(event.confidence)}]. ", event_text(record, event)])
            short = tr(MEASURE_LABELS.get(measure, measure)).split(" (")[0].split("（")[0]
            timeline.append(tag("tr", tag("td", event.date.isoformat(), **cells), tag("td", short, **cells),
                                tag("td", what, **cells)))
    sources, seen = [], set()
    for source in list(record.sources) + [s for e in record.events for s in e.sources]:
        if (source.title, source.url) not in seen:
            seen.add((source.title, source.url))
            sources.append(tag("li", _source(source)))
    edited = sorted(workspace.edited_fields(kind, record.id))
    if workspace.is_added(kind, record.id):
        local = tr("Includes your local edits: you added this record.")
    elif edited:
        from app.domain.kinds import kind_of

        local = tr("Includes your local edits: you changed {fields}.").format(
            fields=tr(", ").join(tr(kind_of(kind).field_label(n)) for n in edited))
    else:
        local = tr("No local edits: the bundled data as published.")
    age = data_age_text(info.as_of, on)
    made = made or dt.date.today()
    return join([
        tag("h2", name, style="margin-bottom:0"),
        tag("p", (tr("{app} brief · company · status on ") if isinstance(record, Company) else
                  tr("{app} brief · element · status on ")).format(app=APP_NAME),
            tag("b", on.isoformat()), style="color:#333;margin-top:2px"),
        tag("table", *statuses, cellspacing="0"),
        tag("p", tag("i", age)) if age else "",
        tag("h3", tr("Facts")), tag("table", *facts, cellspacing="0"),
        tag("p", record.notes) if record.notes else "",
        tag("h3", tr("Timeline")),
        tag("table", *timeline, cellspacing="0") if timeline else tag("p", tr("No dated events.")),
        tag("h3", tr("Sources (confidence: {marks})").format(
            marks=tr(", ").join(confidence(c) for c in ("HIGH", "MED", "LOW", "UNCONFIRMED")))),
        tag("ol", *sources) if sources else tag("p", tr("No source recorded.")),
        tag("hr"),
        tag("p", tag("small", tr("Dataset {version}, data as of {as_of}; statuses computed for {on}. ").format(
            version=info.dataset_version, as_of=info.as_of.isoformat(), on=on.isoformat()), tag("b", local), br(),
                     tr("Made {made} with {app} {app_version}, an offline reference; check the sources before "
                        "relying on it.").format(made=made.isoformat(), app=APP_NAME, app_version=__version__))),
    ])


def brief_document(html: str, page_size: QSizeF | None = None) -> QTextDocument:
    """The brief laid out on an A4 page (less margins), at the largest text size that fits one page."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultStyleSheet("h2{font-size:15pt} h3{font-size:11pt;margin-top:8px;margin-bottom:2px} "
                                  "p{margin-top:2px;margin-bottom:2px} li{margin-bottom:1px}")
    if page_size is None:
        points = QPageSize(QPageSize.PageSizeId.A4).size(QPageSize.Unit.Point)
        margin = MARGIN_MM / 25.4 * 72
        page_size = QSizeF(points.width() - 2 * margin, points.height() - 2 * margin)
    document.setPageSize(page_size)
    for size in SIZES:
        font = QFont()
        font.setPointSizeF(size)
        document.setDefaultFont(font)
        document.setHtml(html)
        if document.pageCount() <= 1:
            break
    return document


def pdf_bytes(html: str) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(tr("{app} brief").format(app=APP_NAME))
    writer.setCreator(f"{APP_NAME} {__version__}")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    brief_document(html).print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(buffer.data())


def write_pdf(path: Path | str, html: str) -> Path:
    """The brief as a PDF file (atomically; SaveError or OSError when it cannot be written)."""
    return write_shared(path, pdf_bytes(html))


def printing_available() -> bool:
    """Whether this build has Qt's print support (a bundle built without it can still save a PDF)."""
    try:
        from PySide6 import QtPrintSupport  # noqa: F401
    except ImportError:
        return False
    return True


def print_html(parent: QWidget, html: str) -> bool:
    """The system's print dialog, then the brief to the chosen printer (False if cancelled)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Print brief"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    brief_document(html).print_(printer)
    return True


def ask_pdf_path(parent: QWidget, name: str) -> str:
    safe = "".join(c if c.isalnum() or c in " -_." else "_" for c in name).strip() or "brief"
    path, _chosen = QFileDialog.getSaveFileName(parent, tr("Save brief as PDF"),
                                                str(Path.home() / f"{safe} brief.pdf"), tr("PDF (*.pdf)"))
    if path and not path.lower().endswith(".pdf"):
        path += ".pdf"
    return path


class BriefDialog(QDialog):
    """The brief as it will print, with Print… and Save as PDF… (File > Print brief…)."""

    def __init__(self, window, html: str, name: str) -> None:
        super().__init__(window)
        self.window_ = window
        self.html = html
        self.name = name
        self.setWindowTitle(tr("Brief: {name}").format(name=name))
        self.resize(760, 900)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setDocument(brief_document(html))
        self.view.setStyleSheet("QTextBrowser{background:white;color:black}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = buttons.addButton(tr("Save as P&DF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(lambda: print_html(self, self.html))
        if not printing_available():
            self.print_button.setEnabled(False)
            self.print_button.setToolTip(tr("Printing is not part of this build: save as PDF and print the PDF."))
        self.pdf_button.clicked.connect(self.save_pdf)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def save_pdf(self) -> Path | None:
        path = ask_pdf_path(self, self.name)
        return save_pdf_to(self.window_, path, self.html) if path else None


def save_pdf_to(window, path: str | Path, html: str) -> Path | None:
    from app.storage.atomic import SaveError

    try:
        written = write_pdf(path, html)
    except (SaveError, OSError) as exc:
        window.add_banner("error", tr("The brief was not saved: {reason}").format(reason=tr_msg(exc)), reason="brief")
        return None
    window.statusBar().showMessage(tr("Brief saved as {path}").format(path=written), 10000)
    return written


def current_brief(window) -> tuple[str, str] | None:
    """(html, name) of the brief of the current tab's record; None (and a message) on Reserves."""
    tab = window.current_tab()
    record = tab.current_record()
    if tab.kind.key == "reserves" or record is None:
        window.statusBar().showMessage(tr("A brief is of a company or an element: select one first."), 8000)
        return None
    return brief_html(window.workspace, tab.kind.key, record, window.on), record.name


def print_brief(window) -> BriefDialog | None:
    """File > Print brief…: the brief as it will print, with Print… and Save as PDF…."""
    brief = current_brief(window)
    if brief is None:
        return None
    dialog = BriefDialog(window, *brief)
    dialog.exec()
    return dialog


def save_brief_pdf(window) -> Path | None:
    """File > Save brief as PDF…."""
    brief = current_brief(window)
    path = ask_pdf_path(window, brief[1]) if brief else ""
    return save_pdf_to(window, path, brief[0]) if brief and path else None
