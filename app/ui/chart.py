"""The reserves bar chart (pyqtgraph). Imported only when the Reserves tab is first shown:
pyqtgraph and numpy cost about half a second of imports that the first frame does not need.

One horizontal ``BarGraphItem`` updated in place with ``setOpts``; countries on the left axis,
largest on top, each value written at the end of its bar. The chart reads tonnages from the
domain, never display text. It draws whichever figure the tab chose (reserves in million
tons, mine production in thousand tons): the axis title and the value labels come with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.domain.reserves import format_mt
from app.ui import theme as themes


@dataclass(frozen=True)
class Bar:
    label: str
    tons: int
    highlight: bool = False  # drawn in the warning colour (a figure matching no USGS edition)


RESERVES_AXIS = "Reserves, million metric tons of rare-earth oxide (REO) equivalent"


class ReserveChart(QWidget):
    def __init__(self, parent: QWidget | None = None, *, theme: themes.Theme | None = None) -> None:
        super().__init__(parent)
        self.theme = theme or themes.current()
        # Colours set on this widget, not through pyqtgraph's global options, so nothing else
        # that uses pyqtgraph is affected and the chart can follow the palette.
        self.plot = pg.PlotWidget(background=self.theme.chart_bg)
        self.plot.setAntialiasing(True)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(self.theme.chart_fg)
            axis.setTextPen(self.theme.chart_fg)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        self._axis_title = RESERVES_AXIS
        self.plot.setLabel("bottom", RESERVES_AXIS)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.6, width=[], brush=self.theme.bar, pen=self.theme.bar)
        self.plot.addItem(self.bars)
        self._labels: list[pg.TextItem] = []
        self._texts: list[str] = []
        self._data: list[Bar] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def set_bars(self, bars: list[Bar], *, axis_title: str = RESERVES_AXIS, scale: float = 1e6,
                 value_text: Callable[[int], str] = format_mt) -> None:
        """Draw ``bars``: lengths are tons / ``scale`` (the unit the axis title names); each bar is
        labelled with ``value_text(tons)``."""
        self._data = list(bars)
        if axis_title != self._axis_title:
            self._axis_title = axis_title
            self.plot.setLabel("bottom", axis_title)
        n = len(bars)
        # Largest first means top of the chart: row 0 is drawn at the top. A few bars keep the
        # height they would have among many, rather than swelling to fill the plot.
        slots = max(n, 8)
        ys = [slots - 1 - i for i in range(n)]
        widths = [b.tons / scale for b in bars]
        colours = [self.theme.bar_warn if b.highlight else self.theme.bar for b in bars]
        brushes = [pg.mkBrush(c) for c in colours]
        pens = [pg.mkPen(QColor(c).darker(130)) for c in colours]
        self.bars.setOpts(x0=[0.0] * n, y=ys, height=0.6, width=widths, brushes=brushes, pens=pens)
        axis = self.plot.getAxis("left")
        axis.setTicks([[(y, b.label) for y, b in zip(ys, bars)]])
        for label in self._labels:
            self.plot.removeItem(label)
        self._labels = []
        self._texts = [value_text(b.tons) for b in bars]
        font = QFont()
        font.setPointSize(9)
        top = max(widths, default=1.0) or 1.0
        for y, shown, width in zip(ys, self._texts, widths):
            text = pg.TextItem(shown, color=self.theme.chart_fg, anchor=(0, 0.5))
            text.setFont(font)
            text.setPos(width + top * 0.01, y)
            self.plot.addItem(text)
            self._labels.append(text)
        self.plot.setXRange(0, top * 1.18, padding=0)
        self.plot.setYRange(-0.7, slots - 0.3, padding=0)

    def bar_count(self) -> int:
        return len(self._data)

    def bar_values(self) -> list[int]:
        return [b.tons for b in self._data]

    def bar_labels(self) -> list[str]:
        return [b.label for b in self._data]

    def value_texts(self) -> list[str]:
        return list(self._texts)

    def axis_title(self) -> str:
        return self._axis_title
