"""The reserves bar chart (pyqtgraph). Imported only when the Reserves tab is first shown:
pyqtgraph and numpy cost about half a second of imports that the first frame does not need.

It draws a ``ChartData`` (app.domain.chart_data, where every number and word is worked out):
one horizontal ``BarGraphItem`` updated in place with ``setOpts``, countries on the left axis
(largest on top), one bar per source in each country's slot, each value written at the end of
its bar. Labels are sized to the bars and the axis is widened so that none runs past the edge,
overlaps another or the axis; when the bars get too thin for any readable label, the labels go
and a notice says where the values are. Hovering a bar shows its tooltip (exact value, unit,
share, source, local edit); clicking one emits ``bar_clicked`` with its record id;
``set_selected`` outlines the bars of the rows selected in the table. Colours follow the theme.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

import pyqtgraph as pg

from app.domain.chart_data import ChartBar, ChartData
from app.ui import theme as themes
from app.ui.html import Markup, join, styled
from app.ui.chart_text import bar_label_text, chart_words
from app.ui.i18n import tr, tr_msg

# One colour per source, by palette: the theme's bar colour, a much lighter one, then a green,
# so the three differ in lightness as well as hue; orange stays for "matches no USGS edition".
LABEL_PAD_PX = 5
AXIS_GAP_PX = 14  # between the axis and where bars start, so the first tick ("0", "100") has room
MIN_LABEL_PX = 7  # a label smaller than this is not readable: labels are hidden instead
MAX_LABEL_PX = 13
# More rows than this cannot take a readable label on any screen (MIN_LABEL_PX a row is taller
# than 3,000 px): the value labels are not made and the country names not set as ticks, which
# at 25,000 rows took seconds on every draw. The notice says to hover or read the table.
MAX_LABELLED_ROWS = 400


class ReserveChart(QWidget):
    bar_clicked = Signal(str)  # the record id of a clicked bar

    def __init__(self, parent: QWidget | None = None, *, theme: themes.Theme | None = None,
                 legend: bool = True) -> None:
        super().__init__(parent)
        self._show_legend = legend  # an export paints its own legend
        self.theme = theme or themes.current()
        self.data: ChartData | None = None
        # Colours are set on this widget, not through pyqtgraph's global options, so nothing else
        # that uses pyqtgraph is affected and the chart can follow the palette.
        self.plot = pg.PlotWidget(background=self.theme.chart_bg)
        self.plot.setAntialiasing(True)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        self.plot.setMouseTracking(True)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.6, width=[], brush=self.theme.bar, pen=self.theme.bar)
        self.plot.addItem(self.bars)
        self._more_bars: list[pg.BarGraphItem] = []  # thin bars of other looks, one item each
        self.notice = pg.TextItem("", anchor=(1, 1))
        self.notice.setZValue(10)
        self.plot.addItem(self.notice, ignoreBounds=True)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.hide()
        self._slots: list[tuple[float, float, ChartBar]] = []  # (y, height, bar) for every slot
        self._labels: list[pg.TextItem] = []
        self._selected: set[str] = set()
        self._slot_count = 8
        self._end = 1.0  # the right end of the x axis
        self._font_px = MAX_LABEL_PX
        self._fitting = False
        self.hovered: ChartBar | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot, 1)
        self.plot.getViewBox().sigResized.connect(self._fit)
        self.plot.scene().sigMouseMoved.connect(self._on_move)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self._apply_axis_colours()

    # --- drawing ---------------------------------------------------------------------------
    def set_chart(self, data: ChartData) -> None:
        self.data = data
        self._slots, ticks, extent = self._layout(data)
        self._slot_count = extent
        self.plot.setLabel("bottom", tr_msg(data.axis_title))
        labelled = len(self._slots) <= MAX_LABELLED_ROWS
        self.plot.getAxis("left").setTicks([ticks if labelled else []])
        for label in self._labels:
            self.plot.removeItem(label)
        self._labels = []
        for _y, _h, bar in (self._slots if labelled else ()):
            colour = self.theme.chart_fg if bar.drawn else self.theme.muted
            text = pg.TextItem(bar_label_text(bar.label), color=colour, anchor=(0, 0.5))
            self.plot.addItem(text, ignoreBounds=True)
            self._labels.append(text)
        self._paint_bars()
        self._paint_legend()
        description = chart_words(data.description())
        self.setAccessibleName(tr("Chart: {title}").format(title=tr_msg(data.title)))
        self.setAccessibleDescription(description)
        self.plot.setAccessibleDescription(description)
        self.plot.setYRange(-0.7, self._slot_count - 0.3, padding=0)
        self._fit()

    @staticmethod
    def _layout(data: ChartData) -> tuple[list[tuple[float, float, ChartBar]], list[tuple[float, str]], float]:
        """(y, height, bar) of each slot, the country ticks and the rows needed, top row first.
        One source: a row per country. Several: a row per source that lists the country (one
        that does not list it takes no room; the tooltip and the notes say so), and a gap
        between countries; an NA figure keeps its row, labelled "NA"."""
        single = len(data.series) == 1
        height, gap = (0.6, 0.0) if single else (0.8, 0.45)
        rows: list[tuple[int, ChartBar]] = []  # (row from the top, bar)
        ticks_at: list[tuple[float, str]] = []
        row = 0.0
        by_country = data.bars_by_country()
        for country in data.countries:
            bars = [b for b in by_country.get(country, ()) if b.record_id is not None or single]
            ticks_at.append((row + (len(bars) - 1) / 2, country))
            rows += [(row + i, b) for i, b in enumerate(bars)]
            row += len(bars) + gap
        # A few bars keep the height they would have among many, rather than swelling.
        extent = max(row - gap, 8.0 if single else 6.0)
        slots = [(extent - 1 - r, height, b) for r, b in rows]
        return slots, [(extent - 1 - at, country) for at, country in ticks_at], extent

    def _colour(self, bar: ChartBar) -> str:
        if bar.highlight:
            return self.theme.bar_warn
        colours = self.theme.series
        return self.theme.bar if bar.series == 0 else colours[bar.series % len(colours)]

    def _paint_bars(self) -> None:
        drawn = [(y, h, b) for y, h, b in self._slots if b.drawn]
        data = self.data
        if data is None:
            return
        thin = len(self._slots) > MAX_LABELLED_ROWS  # too thin to label, and to outline
        extents = [data.extent(b) for _y, _h, b in drawn]
        looks: dict[tuple[str, bool], tuple[QBrush, QPen]] = {}  # one brush and pen per look, shared
        keys = []
        for _y, _h, bar in drawn:
            key = (self._colour(bar), bar.record_id is not None and bar.record_id in self._selected)
            keys.append(key)
            if key not in looks:
                colour = QColor(key[0])
                looks[key] = (pg.mkBrush(self.theme.chart_fg if key[1] and thin else colour),
                              pg.mkPen(None) if thin else pg.mkPen(self.theme.chart_fg, width=3) if key[1]
                              else pg.mkPen(colour.darker(130)))
        for item in self._more_bars:
            self.plot.removeItem(item)
        self._more_bars = []
        # A list of brushes and pens makes pyqtgraph replay the bars one at a time on every paint
        # (0.5 s a paint at 25,000 bars; 1.3-3 s with three sources); one brush and pen is drawn
        # in one call. So thin bars go in one item per look; a few keep one item with lists.
        groups: dict[tuple[str, bool], list[int]] = {}
        for i, key in enumerate(keys):
            groups.setdefault(key, []).append(i)
        if not thin and len(groups) > 1:
            groups = {("", False): list(range(len(keys)))}
        items = [self.bars]
        for _ in range(len(groups) - 1):
            item = pg.BarGraphItem(x0=[], y=[], height=0.6, width=[])
            self.plot.addItem(item)
            self._more_bars.append(item)
            items.append(item)
        for item, (key, rows) in zip(items, groups.items()):
            colours = {"brush": looks[key][0], "pen": looks[key][1], "brushes": None, "pens": None} if key in looks \
                else {"brushes": [looks[keys[i]][0] for i in rows], "pens": [looks[keys[i]][1] for i in rows]}
            item.setOpts(x0=[extents[i][0] for i in rows], y=[drawn[i][0] for i in rows],
                         height=[drawn[i][1] for i in rows], width=[extents[i][1] - extents[i][0] for i in rows],
                         **colours)
        if not groups:
            self.bars.setOpts(x0=[], y=[], height=[], width=[])

    def _paint_legend(self) -> None:
        data = self.data
        if data is None or not self._show_legend or not self.legend_items():
            self.legend.hide()
            return
        items = [join([styled("■", colour), Markup("&nbsp;"), text]) for colour, text in self.legend_items()]
        self.legend.setText(styled(join(items, Markup("&nbsp;&nbsp; ")), self.theme.chart_fg))
        self.legend.setStyleSheet(f"background:{self.theme.chart_bg}; padding:3px 6px")
        self.legend.show()

    def legend_items(self) -> list[tuple[str, str]]:
        """(colour, words) for each source, then for the warning colour if any bar has it."""
        data = self.data
        if data is None:
            return []
        items = []
        if len(data.series) > 1:
            colours = self.theme.series
            for i, series in enumerate(data.series):
                last = tr(" (top to bottom in each country)") if i == len(data.series) - 1 else ""
                items.append((self.theme.bar if i == 0 else colours[i % len(colours)], series.label + last))
        if any(b.highlight for b in data.bars):
            items.append((self.theme.bar_warn, tr("matches no USGS edition")))
        return items

    def _fit(self, *_args) -> None:
        """Size the labels to the bars and widen the axis so every label fits inside the plot."""
        data = self.data
        box = self.plot.getViewBox()
        width, height = box.width(), box.height()
        if data is None or self._fitting or width <= 0 or height <= 0:
            return
        self._fitting = True
        try:
            per_unit = height / (self._slot_count + 0.4)  # pixels per slot
            pitch = per_unit  # one row a bar
            font = QFont()
            self._font_px = MAX_LABEL_PX
            font.setPixelSize(self._font_px)
            while self._font_px > MIN_LABEL_PX and QFontMetricsF(font).height() > pitch - 1:
                self._font_px -= 1
                font.setPixelSize(self._font_px)
            metrics = QFontMetricsF(font)
            shown = metrics.height() <= pitch - 1 and bool(self._labels)
            start = float(data.floor) if data.spec.log else 0.0
            top = max(data.top(), start + 1e-9)
            end = top + (top - start) * 0.02
            usable = width - AXIS_GAP_PX  # pixels from where bars start to the right edge
            for (_y, _h, bar), label in zip(self._slots, self._labels):
                label.setFont(font)
                margin = label.textItem.document().documentMargin()  # blank around the glyphs
                room = usable - LABEL_PAD_PX - (label.textItem.boundingRect().width() - margin) - 2
                tip = data.extent(bar)[1] if bar.drawn else start
                if shown and room > usable * 0.25:
                    end = max(end, start + (tip - start) * usable / room)
            self._end = end
            per_px = (end - start) / usable
            self.plot.setXRange(start - AXIS_GAP_PX * per_px, end, padding=0)
            self.plot.getAxis("bottom").setTicks([data.ticks(end)])
            pad = LABEL_PAD_PX * per_px
            for (y, _h, bar), label in zip(self._slots, self._labels):
                label.setPos((data.extent(bar)[1] if bar.drawn else start) + pad, y)
                label.setVisible(shown)
            self.notice.setText("" if shown else tr("Bars too thin for labels: hover a bar, or read the table"))
            self.notice.setColor(self.theme.muted)
            self.notice.setPos(end, -0.7)  # the bottom right corner, inside the plot: the smallest bars
        finally:
            self._fitting = False

    # --- theme and selection ---------------------------------------------------------------
    def _apply_axis_colours(self) -> None:
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(self.theme.chart_fg)
            axis.setTextPen(self.theme.chart_fg)
        self.plot.setBackground(self.theme.chart_bg)

    def set_theme(self, theme: themes.Theme) -> None:
        self.theme = theme
        self._apply_axis_colours()
        if self.data is not None:
            self.set_chart(self.data)

    def set_selected(self, record_ids: set[str] | list[str] | tuple[str, ...]) -> None:
        """Outline the bars of these records (the rows selected in the table)."""
        selected = set(record_ids)
        if selected != self._selected:
            self._selected = selected
            self._paint_bars()

    def selected_ids(self) -> set[str]:
        drawn = {b.record_id for _y, _h, b in self._slots if b.drawn}
        return self._selected & drawn

    # --- hover and click -------------------------------------------------------------------
    def slot_at(self, scene_pos: QPointF) -> ChartBar | None:
        """The bar (or the empty slot of an NA figure) in the row under a scene point."""
        box = self.plot.getViewBox()
        if self.data is None or not box.sceneBoundingRect().contains(scene_pos):
            return None
        point = box.mapSceneToView(scene_pos)
        for y, height, bar in self._slots:
            if abs(point.y() - y) <= height / 2:
                return bar
        return None

    def scene_pos_of(self, bar: ChartBar) -> QPointF:
        """A scene point on ``bar`` (its middle; just right of the axis for a short one)."""
        y, _h, _bar = next(s for s in self._slots if s[2] == bar)
        x0, x1 = self.data.extent(bar)
        return self.plot.getViewBox().mapViewToScene(QPointF(x0 + max(x1 - x0, 0) / 2 + 1e-6, y))

    def _on_move(self, scene_pos: QPointF) -> None:
        bar = self.slot_at(scene_pos)
        self.hovered = bar
        if bar is None:
            QToolTip.hideText()
            return
        view = self.plot
        QToolTip.showText(view.mapToGlobal(view.mapFromScene(scene_pos)), chart_words(bar.tooltip), view)

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        bar = self.slot_at(event.scenePos())
        if bar is not None and bar.record_id is not None:
            event.accept()
            self.bar_clicked.emit(bar.record_id)

    # --- reading back (tests, exports) -----------------------------------------------------
    def drawn_bars(self) -> list[ChartBar]:
        return [b for _y, _h, b in self._slots if b.drawn]

    @property
    def _data(self) -> list[ChartBar]:
        return self.drawn_bars()

    def bar_count(self) -> int:
        return len(self.drawn_bars())

    def bar_values(self) -> list[int]:
        return [b.tons for b in self.drawn_bars() if b.tons is not None]

    def bar_labels(self) -> list[str]:
        return [b.country for b in self.drawn_bars()]

    def value_texts(self) -> list[str]:
        return [bar_label_text(b.label) for b in self.drawn_bars()]

    def axis_title(self) -> str:
        return tr_msg(self.data.axis_title) if self.data is not None else ""

    def bar_colours(self) -> list[str]:
        return [QColor(self._colour(b)).name() for b in self.drawn_bars()]

    def labels_shown(self) -> bool:
        return bool(self._labels) and all(label.isVisible() for label in self._labels)

    def label_font_px(self) -> int:
        return self._font_px

    def overlaps(self) -> list[str]:
        """Labels that overlap each other, the left axis or run out of the plot (none, we hope)."""
        problems = []
        self.plot.getViewBox().updateMatrix()  # pyqtgraph applies a new range only before painting
        box = self.plot.getViewBox().sceneBoundingRect()
        axis = self.plot.getAxis("left").sceneBoundingRect()
        rects: list[tuple[str, QRectF]] = []
        for (_y, _h, bar), label in zip(self._slots, self._labels):
            if not label.isVisible():
                continue
            label.updateTransform(force=True)  # pyqtgraph updates it only before painting
            margin = label.textItem.document().documentMargin()  # blank space around the glyphs
            rect = label.mapRectToScene(label.boundingRect()).adjusted(margin, margin, -margin, -margin)
            name = f"{bar.country}/{bar.source} {bar.label!r}"
            if rect.intersects(axis) or rect.left() < box.left() - 0.5:
                problems.append(f"{name} overlaps the axis")
            if rect.right() > box.right() + 0.5:
                problems.append(f"{name} runs past the plot's right edge")
            problems += [f"{name} overlaps {other}" for other, seen in rects if rect.intersects(seen)]
            rects.append((name, rect))
        return problems
