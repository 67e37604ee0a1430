"""The chart as a picture for a report, PNG or SVG (File > Export chart…, the tab's Export
chart… button, ``curbwatch --chart`` and the evidence pack), and File > Evidence pack….

One painter function draws both: the title and subtitle, the legend, the plot (the same
pyqtgraph chart as on screen, built offscreen at the export's size in the light palette, since
a report is printed on white, and drawn through ``QGraphicsView.render``), then the notes, the
sources, the data's as-of date and "Includes local edits: …" (or that there are none).

The SVG is written by QSvgGenerator (QtSvg), not pyqtgraph's SVGExporter: with pyqtgraph 0.14
and Qt 6 that exporter raises ValueError on the "Z" closing every path Qt writes (its
``correctCoordinates`` splits each path token on a comma) and writes no file at all; the same
traceback is reported in pyqtgraph#2789's thread and MouseLand/suite2p#1243. QSvgGenerator gets
the chart's logical DPI as its resolution, or the axes and the bars come out at different
scales (the bug pyqtgraph#641 fixed in its own exporter).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QFileDialog

from app.domain.chart_data import ChartData, provenance_lines
from app.storage.atomic import SaveError
from app.storage.view_export import format_of, write_shared
from app.ui import theme as themes
from app.ui.chart import ReserveChart
from app.ui.i18n import QT_TRANSLATE_NOOP, tr, tr_msg

FORMATS = ("png", "svg")
WIDTH = 1200  # logical pixels; the PNG is drawn at twice that for print
MARGIN = 28
PNG_SCALE = 2
FILTERS = {"png": QT_TRANSLATE_NOOP("", "PNG image (*.png)"),  # translated where shown
           "svg": QT_TRANSLATE_NOOP("", "SVG drawing (*.svg)")}


LISTED_EDITS = 20  # local edits named under an exported chart; the rest counted (the evidence pack's README names all)


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _text_height(text: str, font: QFont, width: float) -> float:
    flags = int(Qt.TextFlag.TextWordWrap)
    return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 100_000), flags, text).height()


class Figure:
    """The export's layout: the words above and below the plot, and the offscreen chart."""

    def __init__(self, data: ChartData, dataset_version: str, as_of: dt.date,
                 theme: themes.Theme = themes.LIGHT) -> None:
        self.data = data
        self.theme = theme
        # How a share is meant only matters when the labels give shares.
        kinds = ("left_out", "na", "listed", "log_zero", "years") + (("world",) if data.spec.shares else ())
        self.lines = data.notes_of(*kinds) + provenance_lines(data, dataset_version, as_of, listed=LISTED_EDITS)
        rows = len(data.countries) if len(data.series) == 1 else len([b for b in data.bars if b.record_id]) + \
            0.6 * len(data.countries)
        self.plot_height = int(min(max(90 + 26 * max(rows, 8), 380), 1800))
        self.chart = ReserveChart(theme=theme, legend=False)
        self.chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.chart.resize(WIDTH - 2 * MARGIN, self.plot_height)
        self.chart.show()  # laid out offscreen: pyqtgraph sizes its view box on resize events
        self.chart.set_chart(data)
        for _ in range(3):
            QApplication.processEvents()
        self.chart.set_chart(data)  # labels fitted to the laid-out size
        inner = WIDTH - 2 * MARGIN
        self.header = [(data.title, _font(20, True)), (data.subtitle, _font(13))]
        self.header_height = sum(_text_height(t, f, inner) + 4 for t, f in self.header)
        self.legend = self.chart.legend_items()
        self.legend_height = 24 if self.legend else 0
        self.footer_font = _font(12)
        self.footer_height = sum(_text_height(t, self.footer_font, inner) + 3 for t in self.lines)
        self.height = int(MARGIN + self.header_height + self.legend_height + 8 + self.plot_height + 10 +
                          self.footer_height + MARGIN)

    def size(self) -> QSize:
        return QSize(WIDTH, self.height)

    def paint(self, painter: QPainter) -> None:
        theme = self.theme
        painter.fillRect(QRectF(0, 0, WIDTH, self.height), QColor(theme.chart_bg))
        inner = WIDTH - 2 * MARGIN
        flags = int(Qt.TextFlag.TextWordWrap)
        y = float(MARGIN)
        painter.setPen(QColor(theme.chart_fg))
        for text, font in self.header:
            painter.setFont(font)
            height = _text_height(text, font, inner)
            painter.drawText(QRectF(MARGIN, y, inner, height), flags, text)
            y += height + 4
        x = float(MARGIN)
        painter.setFont(_font(13))
        metrics = QFontMetricsF(_font(13))
        for colour, text in self.legend:
            painter.fillRect(QRectF(x, y + 4, 12, 12), QColor(colour))
            painter.setPen(QColor(theme.chart_fg))
            painter.drawText(QPointF(x + 17, y + 15), text)
            x += 17 + metrics.horizontalAdvance(text) + 22
        y += self.legend_height + 8
        view = self.chart.plot
        view.render(painter, QRectF(MARGIN, y, inner, self.plot_height), view.viewport().rect())
        y += self.plot_height + 10
        painter.setFont(self.footer_font)
        for text in self.lines:
            local = text.startswith("Includes local edits")
            painter.setPen(QColor(theme.warn if local else theme.chart_fg))
            font = _font(12, bold=local)
            painter.setFont(font)
            height = _text_height(text, font, inner)
            painter.drawText(QRectF(MARGIN, y, inner, height), flags, text)
            y += height + 3

    def close(self) -> None:
        self.chart.close()
        self.chart.deleteLater()


def _figure(workspace, data: ChartData) -> Figure:
    return Figure(data, workspace.info.dataset_version, workspace.info.as_of)


def png_bytes(workspace, data: ChartData) -> bytes:
    figure = _figure(workspace, data)
    try:
        size = figure.size()
        image = QImage(size * PNG_SCALE, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(PNG_SCALE)
        image.fill(QColor(figure.theme.chart_bg))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        figure.paint(painter)
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(buffer.data())
    finally:
        figure.close()


def svg_bytes(workspace, data: ChartData) -> bytes:
    figure = _figure(workspace, data)
    try:
        size = figure.size()
        array = QByteArray()
        buffer = QBuffer(array)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setResolution(figure.chart.plot.logicalDpiX())
        generator.setTitle(data.title)
        generator.setDescription("\n".join([data.description(), *figure.lines]))
        painter = QPainter(generator)
        figure.paint(painter)
        painter.end()
        buffer.close()
        return bytes(array)
    finally:
        figure.close()


def chart_bytes(workspace, data: ChartData, fmt: str) -> bytes:
    if fmt == "png":
        return png_bytes(workspace, data)
    if fmt == "svg":
        return svg_bytes(workspace, data)
    raise ValueError(f"unknown chart format {fmt!r}: choose png or svg")


def write_chart(path: Path | str, workspace, data: ChartData, fmt: str | None = None) -> Path:
    """Write the chart to ``path`` (the format from its suffix, else ``fmt``); ValueError for
    neither, SaveError or OSError when it cannot be written."""
    return write_shared(path, chart_bytes(workspace, data, format_of(path, fmt, FORMATS)))


# --- the window's dialogs -------------------------------------------------------------------
def export_chart_dialog(window, tab=None) -> Path | None:
    tab = tab or window.reserves
    suggested = Path.home() / f"reserves-chart-{dt.date.today().isoformat()}.png"
    filters = {key: tr(text) for key, text in FILTERS.items()}
    path, chosen = QFileDialog.getSaveFileName(window, tr("Export chart"), str(suggested), ";;".join(filters.values()))
    if not path:
        return None
    return export_chart_to(window, path, next((k for k, v in filters.items() if v == chosen), None), tab)


def export_chart_to(window, path: str | Path, fmt: str | None = None, tab=None) -> Path | None:
    """Write the Reserves tab's chart to ``path``; a failure is a banner and writes nothing."""
    tab = tab or window.reserves
    path = Path(path)
    try:
        fmt = format_of(path, fmt, FORMATS)
        if path.suffix.lower().lstrip(".") != fmt:
            path = path.with_name(f"{path.name}.{fmt}")
        written = write_chart(path, window.workspace, tab.chart_data(), fmt)
    except (SaveError, OSError, ValueError) as exc:
        window.add_banner("error", tr("Chart not exported: {reason}").format(reason=tr_msg(exc)), reason="export")
        return None
    window.statusBar().showMessage(tr("Chart exported to {path}").format(path=written), 10000)
    return written


def _tab_view(window, key: str):
    """The View (app.storage.view_export) of one tab, as File > Export current view describes
    the current tab: ``current_view`` reads the window's current tab, so it is given a window
    whose current tab is this one."""
    from app.ui.export_view import current_view

    index = ("companies", "elements", "reserves").index(key)

    class _Tabs:
        def currentIndex(self) -> int:  # noqa: N802 - the QTabWidget names current_view calls
            return index

        def tabText(self, i: int) -> str:  # noqa: N802
            return window.tabs.tabText(i)

    class _Window:
        on = window.on
        tabs = _Tabs()

        def current_tab(self):
            return window.tab(key)

    return current_view(_Window())


def evidence_dialog(window) -> Path | None:
    suggested = Path.home() / f"curbwatch-evidence-{window.on.isoformat()}.zip"
    path, _chosen = QFileDialog.getSaveFileName(window, tr("Save evidence pack"), str(suggested),
                                                tr("Zip archive (*.zip)"))
    return save_evidence_to(window, path) if path else None


def save_evidence_to(window, path: str | Path) -> Path | None:
    """Write the evidence pack of what the window shows: each tab's current view as CSV, the
    Reserves chart as PNG and SVG, and the README. A failure is a banner and writes nothing."""
    from app.storage.evidence import write_evidence

    path = Path(path)
    if path.suffix.lower() != ".zip":
        path = path.with_name(path.name + ".zip")
    try:
        views = [_tab_view(window, key) for key in ("companies", "elements", "reserves")]
        data = window.reserves.chart_data()
        written = write_evidence(path, window.workspace, views, data, png_bytes(window.workspace, data),
                                 svg_bytes(window.workspace, data), window.on)
    except (SaveError, OSError, ValueError) as exc:
        window.add_banner("error", tr("Evidence pack not saved: {reason}").format(reason=tr_msg(exc)), reason="export")
        return None
    window.statusBar().showMessage(tr("Evidence pack saved to {path}").format(path=written), 10000)
    return written
