"""The Reserves chart as a user meets it: three sources side by side, units, log scale, China
left out, the dark palette, tooltips on hover, a bar and its table row selecting each other,
labels that never overlap, and the chart exported as PNG and SVG (the written files opened,
parsed and rendered, not just the calls made) and in an evidence pack from the File menu."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
import zipfile

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QFileDialog, QToolTip

from app.ui import theme as themes
from app.ui.chart_text import chart_words

SVG = "{http://www.w3.org/2000/svg}"
THREE = ("usgs-mcs-2025", "article-2025")  # compared with the default, USGS MCS 2026
BRAZIL = "usgs-mcs-2026.brazil"


@pytest.fixture
def tab(make_window, qtbot):
    window = make_window(dt.date(2026, 12, 1))
    window.tabs.setCurrentWidget(window.reserves)
    qtbot.waitUntil(lambda: window.reserves.chart is not None)
    return window.reserves


def _settle(qtbot, tab):
    qtbot.waitUntil(lambda: not tab._refresh_pending, timeout=2000)
    QApplication.processEvents()


def _bar(chart, country, source="USGS MCS 2026"):
    return next(b for b in chart.drawn_bars() if b.country == country and b.source == source)


def _hover(qtbot, chart, bar):
    QToolTip.hideText()  # an open tooltip would take the next mouse move
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)
    pos = chart.plot.mapFromScene(chart.scene_pos_of(bar))
    qtbot.mouseMove(chart.plot.viewport(), pos)
    qtbot.waitUntil(lambda: chart.hovered == bar, timeout=2000)
    return pos


def test_three_sources_side_by_side(tab, qtbot):
    tab.compare_with(*THREE)
    _settle(qtbot, tab)
    chart = tab.chart
    assert [s.name for s in chart.data.series] == ["USGS MCS 2026", "USGS MCS 2025", "News article"]
    brazil = [(b.source, b.tons) for b in chart.drawn_bars() if b.country == "Brazil"]
    assert brazil == [("USGS MCS 2026", 21_000_000), ("USGS MCS 2025", 21_000_000), ("News article", 23_000_000)]
    assert chart.bar_count() == 11 + 12 + 4  # every figure of the three sources; NA ones are not bars
    legend = [text for _colour, text in chart.legend_items()]
    assert legend == ["USGS MCS 2026", "USGS MCS 2025", "News article (top to bottom in each country)",
                      "matches no USGS edition"] and chart.legend.isVisible()
    assert len(set(chart.bar_colours())) == 4  # three sources, and orange for the article's two misfits
    # the table is the chart's text twin: the three sources' rows, each naming its source
    assert tab.proxy.rowCount() == 17 + 17 + 4
    countries = {tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())}
    assert {"Brazil · News article", "Brazil · USGS MCS 2025", "Brazil · USGS MCS 2026"} <= countries
    assert "Sources compared:" in tab.caption.text() and "News article lists only" in tab.caption.text()
    assert "Brazil: USGS MCS 2026 21 Mt; USGS MCS 2025 21 Mt; News article 23 Mt." in chart.accessibleDescription()
    tab.compare_with()  # back to one source
    _settle(qtbot, tab)
    assert chart.bar_count() == 11 and tab.proxy.rowCount() == 17 and not chart.legend.isVisible()


def test_units_log_scale_without_china_in_the_dark_palette(tab, qtbot):
    app = QApplication.instance()
    before = QPalette(app.palette())
    try:
        dark = QPalette(before)
        dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
        dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
        app.setPalette(dark)
        tab.window().apply_theme()
        tab.compare_with(*THREE)
        for name, value in (("units", "kt"), ("scale", "log"), ("china", "left-out")):
            assert tab.set_option(name, value)
        _settle(qtbot, tab)
        chart = tab.chart
        assert chart.theme is themes.DARK
        assert chart.plot.backgroundBrush().color().name() == themes.DARK.chart_bg
        assert chart.axis_title() == ("Reserves, thousand metric tons of rare-earth oxide (REO) equivalent "
                                      "(log scale)")
        assert "China" not in chart.bar_labels() and chart.value_texts()[:3] == ["21,000 kt", "21,000 kt", "23,000 kt"]
        assert not any(tab.proxy.index(r, 0).data().startswith("China") for r in range(tab.proxy.rowCount()))
        assert "China left out (USGS MCS 2026: 44,000 kt" in tab.caption.text()
        assert chart.data.floor == 0  # 4.5 kt (Thailand, MCS 2025) is the smallest: bars start at 1 kt
        assert chart.overlaps() == [] and chart.labels_shown()
        # a row of China asked for (a search result) brings China back
        assert tab.select_id("usgs-mcs-2026.china")
        _settle(qtbot, tab)
        assert tab.china.currentData() == "shown" and "China" in chart.bar_labels()
    finally:
        app.setPalette(before)
        tab.window().apply_theme()
    assert tab.chart.theme is themes.LIGHT


def test_hover_shows_exact_value_unit_source_and_local_edit(tab, qtbot):
    window = tab.window()
    assert window.controller.edit_field("reserves", BRAZIL, "reserves_t", "20 Mt")
    _settle(qtbot, tab)
    chart = tab.chart
    assert tab.set_option("units", "long-tons")
    _settle(qtbot, tab)
    _hover(qtbot, chart, _bar(chart, "Brazil"))
    text = QToolTip.text()
    assert QToolTip.isVisible()
    assert "Brazil · USGS MCS 2026" in text
    assert "Reserves: 19,684,131 long tons (20,000,000 metric tons)" in text
    assert "Local edit: your figure (bundled: 21,000,000 t)" in text
    assert "Source: USGS Mineral Commodity Summaries 2026: Rare Earths" in text
    _hover(qtbot, chart, _bar(chart, "China"))
    assert "No local edit: the bundled figure" in QToolTip.text() and "<52%" in QToolTip.text()
    # the table twin: the figure cell of the row carries the same words
    row = tab.proxy.mapFromSource(tab.model.index(tab.model.row_of(BRAZIL), tab.model.column_of("reserves")))
    assert "19,684,131 long tons" in row.data(Qt.ItemDataRole.ToolTipRole)
    assert "Bundled value: 21000000" in row.data(Qt.ItemDataRole.ToolTipRole)
    assert "19,684,131 long tons" in row.data(Qt.ItemDataRole.AccessibleDescriptionRole)


def test_a_bar_selects_its_row_and_a_row_outlines_its_bar(tab, qtbot):
    chart = tab.chart
    tab.compare_with(*THREE)
    _settle(qtbot, tab)
    article = _bar(chart, "Vietnam", "News article")
    pos = _hover(qtbot, chart, article)
    qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert tab.current_record().id == "article-2025.vietnam"
    assert tab.source.currentData() == "usgs-mcs-2026"  # a compared source's row: no switch
    assert chart.selected_ids() == {"article-2025.vietnam"}
    index = [b for b in chart.drawn_bars()].index(article)
    assert chart.bars.opts["pens"][index].width() == 3
    # and back: selecting rows in the table outlines their bars
    rows = {tab.model.record(tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()).id: r
            for r in range(tab.proxy.rowCount())}
    tab.table.selectRow(rows[BRAZIL])
    assert chart.selected_ids() == {BRAZIL}
    assert chart.bars.opts["pens"][index].width() != 3
    # a slot with no figure has no row to select: a click there changes nothing
    na = next(b for b in chart.data.bars if b.label == "NA")
    assert na.record_id is not None and not na.drawn


@pytest.mark.parametrize("options", [
    {}, {"units": "t"}, {"units": "long-tons", "labels": "shares"}, {"scale": "log", "units": "short-tons"},
    {"compare": "usgs-mcs-2025", "compare2": "article-2025", "labels": "shares"},
    {"compare": "usgs-mcs-2025", "compare2": "usgs-mcs-2023", "units": "t", "scale": "log"},
])
def test_labels_never_overlap_each_other_or_the_axis(tab, qtbot, options):
    for name, value in options.items():
        assert tab.set_option(name, value)
    _settle(qtbot, tab)
    chart = tab.chart
    assert chart.labels_shown() and chart.label_font_px() >= 7
    assert chart.overlaps() == []
    box = chart.plot.getViewBox()
    assert box.viewRange()[0][1] >= chart.data.top()


def test_bars_too_thin_for_labels_hide_them_and_say_so(tab, qtbot):
    tab.compare_with(*THREE)
    _settle(qtbot, tab)
    chart = tab.chart
    tab.window().resize(1280, 420)
    qtbot.waitUntil(lambda: not chart.labels_shown(), timeout=3000)
    assert chart.overlaps() == [] and "hover a bar" in chart.notice.textItem.toPlainText()
    chart.notice.updateTransform(force=True)  # pyqtgraph places it only before painting
    inside = chart.plot.getViewBox().sceneBoundingRect()
    assert inside.contains(chart.notice.mapRectToScene(chart.notice.boundingRect()))  # where it can be seen
    tab.window().resize(1280, 1000)
    qtbot.waitUntil(chart.labels_shown, timeout=3000)
    assert chart.overlaps() == [] and chart.notice.textItem.toPlainText() == ""


# --- exports ---------------------------------------------------------------------------------------
def _svg_texts(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    return [" ".join("".join(e.itertext()).split()) for e in root.iter(f"{SVG}text")]


def _fills(data: bytes) -> dict[str, int]:
    """How many shapes are drawn in each fill colour (Qt sets the fill on the enclosing group)."""
    counts: dict[str, int] = {}

    def walk(node, fill=None):
        fill = node.attrib.get("fill", fill)
        if node.tag in (f"{SVG}path", f"{SVG}rect", f"{SVG}polygon"):
            counts[fill] = counts.get(fill, 0) + 1
        for child in node:
            walk(child, fill)

    walk(ET.fromstring(data))
    return counts


def _colour_pixels(image: QImage, colour: str) -> int:
    target = QColor(colour).rgb()
    step = 3
    return sum(1 for x in range(0, image.width(), step) for y in range(0, image.height(), step)
               if image.pixel(x, y) == target)


def test_svg_export_has_the_bars_and_words_and_renders(tab, qtbot, tmp_path):
    from app.ui.chart_export import export_chart_to

    window = tab.window()
    tab.compare_with(*THREE)
    _settle(qtbot, tab)
    written = export_chart_to(window, tmp_path / "chart.svg")
    data = written.read_bytes()
    texts = _svg_texts(data)
    assert "Rare-earth reserves by country: USGS MCS 2026, USGS MCS 2025 and News article" in texts
    assert "Million metric tons of rare-earth oxide (REO) equivalent, linear scale" in texts
    assert "Reserves, million metric tons of rare-earth oxide (REO) equivalent" in texts
    assert any(t.startswith("Source: USGS MCS 2026 = USGS Mineral Commodity Summaries 2026") for t in texts)
    assert "Data as of 2025-11-10; Curbwatch dataset 2026.12.1." in texts
    assert "No local edits: the bundled data as published." in texts
    assert not any("Includes local edits" in t for t in texts)
    assert texts.count("44 Mt") == 3 and "23 Mt" in texts and "24 Mt" in texts and "Thailand" in texts
    fills = _fills(data)
    light = themes.LIGHT
    # each source's bars, plus one legend square each
    assert fills.get(light.bar) == 11 + 1 and fills.get("#9cc2e8") == 12 + 1
    assert fills.get("#3f8f6f") == 2 + 1 and fills.get(light.bar_warn) == 2 + 1
    renderer = QSvgRenderer(QByteArray(data))
    assert renderer.isValid()
    size = renderer.viewBox().size()
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    assert size.width() == 1200 and size.height() > 900
    assert _colour_pixels(image, light.bar) > 1000 and _colour_pixels(image, light.bar_warn) > 300


def test_png_export_says_it_includes_local_edits(tab, qtbot, tmp_path):
    from app.ui.chart_export import export_chart_to, svg_bytes

    window = tab.window()
    assert window.controller.edit_field("reserves", BRAZIL, "reserves_t", "20 Mt")
    _settle(qtbot, tab)
    written = export_chart_to(window, tmp_path / "chart.png")
    image = QImage(str(written))
    assert not image.isNull() and image.width() == 2400  # 1200 logical pixels at twice the density
    assert _colour_pixels(image, themes.LIGHT.bar) > 3000
    assert _colour_pixels(image, themes.LIGHT.warn) > 20  # the "Includes local edits" line
    texts = _svg_texts(svg_bytes(window.workspace, tab.chart_data()))
    assert "Includes local edits: Brazil (USGS MCS 2026): your figure (bundled: 21,000,000 t)." in texts
    # a path that cannot be written: a banner, no file
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert export_chart_to(window, blocker / "chart.png") is None
    assert any("Chart not exported" in t for t in window.banner_texts())
    assert export_chart_to(window, tmp_path / "chart.pdf") is None  # neither PNG nor SVG
    assert not (tmp_path / "chart.pdf").exists()
    assert any("chart.pdf: choose a file ending in .png or .svg" in t for t in window.banner_texts())


def test_file_menu_exports_the_chart_and_an_evidence_pack(tab, qtbot, tmp_path, monkeypatch):
    window = tab.window()
    assert window.controller.edit_field("reserves", BRAZIL, "reserves_t", "20 Mt")
    tab.compare_with(*THREE)
    tab.set_option("china", "left-out")
    _settle(qtbot, tab)
    target = {"path": str(tmp_path / "picked.svg")}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (target["path"], ""))
    window.export_chart_action.trigger()
    assert "China left out" in " ".join(_svg_texts((tmp_path / "picked.svg").read_bytes()))
    target["path"] = str(tmp_path / "pack")  # no suffix: .zip is added
    window.evidence_action.trigger()
    with zipfile.ZipFile(tmp_path / "pack.zip") as archive:
        names = archive.namelist()
        readme = archive.read("README.txt").decode("utf-8")
        reserves = archive.read("reserves.csv").decode("utf-8-sig").splitlines()
        svg = archive.read("chart.svg")
        png = archive.read("chart.png")
    assert names == ["README.txt", "companies.csv", "elements.csv", "reserves.csv", "chart.png", "chart.svg",
                     "chart-data.csv"]
    assert len(reserves) == 1 + 17 + 17 + 4 - 3  # the view: three sources without China
    assert "- Edited reserve Brazil (USGS MCS 2026), Reserves: bundled 21000000, yours 20000000" in readme
    assert "Status date:      2026-12-01" in readme and "Dataset version:  2026.12.1" in readme
    assert "Includes local edits" in " ".join(_svg_texts(svg))
    image = QImage()
    assert image.loadFromData(png) and image.width() == 2400


def test_chart_follows_a_palette_change_of_the_window(tab, qtbot):
    window = tab.window()
    app = QGuiApplication.instance()
    before = QPalette(app.palette())
    try:
        dark = QPalette(before)
        dark.setColor(QPalette.ColorRole.Window, QColor("#1e1f22"))
        app.setPalette(dark)  # the window hears ApplicationPaletteChange and re-themes its tabs
        qtbot.waitUntil(lambda: tab.chart.theme is themes.DARK, timeout=3000)
        assert tab.chart.bar_colours()[0] == themes.DARK.bar
    finally:
        app.setPalette(before)
        window.apply_theme()


def test_a_source_of_thousands_of_countries_is_charted_without_labels(tab, qtbot):
    """A source with 1,000 rows (a big import): the window used to fail to chart 500 (the words
    for a screen reader nested one level a row, past Python's recursion limit) and froze with
    25,000 (every country's bars looked up among all bars). Now every bar is drawn, without
    value labels or country ticks, which could not be read at that size, and the notice says so;
    the tooltip is worded when asked for."""
    ws = tab.window().workspace
    for i in range(1000):
        new_id, entry = ws.entry_for_new("reserves", {"country": f"Land {i:04}", "edition": "usgs-mcs-2025",
                                                      "reserves_t": 1000 + i, "confidence": "LOW"})
        ws.set_entry("reserves", new_id, entry)
    tab.select_source("usgs-mcs-2025")
    _settle(qtbot, tab)
    chart = tab.chart
    assert chart.bar_count() > 1000 and "Land 0999" in chart.bar_labels()
    assert not chart.labels_shown() and chart._labels == [] and "hover a bar" in chart.notice.textItem.toPlainText()
    assert chart.plot.getAxis("left")._tickLevels == [[]]  # no country names squeezed onto the axis
    description = chart.accessibleDescription()
    assert "Land 0000: " in description and "Land 0999: " in description
    assert "Land 0500 · USGS MCS 2025" in chart_words(_bar(chart, "Land 0500", "USGS MCS 2025").tooltip)
    tab.compare_with("usgs-mcs-2026")  # two looks of thin bars: one item each, drawn in one call
    _settle(qtbot, tab)
    items = [chart.bars, *chart._more_bars]
    assert len(items) == 2 and all(item._singleColor for item in items)
    assert sum(len(item.opts["y"]) for item in items) == chart.bar_count()
    tab.compare_with()
    tab.select_source("usgs-mcs-2026")  # back to a few countries: labels again
    _settle(qtbot, tab)
    qtbot.waitUntil(chart.labels_shown, timeout=3000)
    assert chart._more_bars == []


def test_an_exported_chart_names_twenty_local_edits_and_counts_the_rest(tab, qtbot, tmp_path):
    """Under an exported chart, the local edits are named up to twenty, then counted: with 25,000
    rows added, the PNG listed them all (169 MB, half a minute). The evidence pack's README,
    text, still names every one."""
    from app.storage.evidence import all_views, readme
    from app.ui.chart_export import LISTED_EDITS, png_bytes, svg_bytes

    ws = tab.window().workspace
    for i in range(LISTED_EDITS + 15):
        new_id, entry = ws.entry_for_new("reserves", {"country": f"Land {i:02}", "edition": "usgs-mcs-2026",
                                                      "reserves_t": 1000 + i, "confidence": "LOW"})
        ws.set_entry("reserves", new_id, entry)
    _settle(qtbot, tab)
    texts = " ".join(_svg_texts(svg_bytes(ws, tab.chart_data())))
    assert texts.count("(USGS MCS 2026): a row you added") == LISTED_EDITS and "and 15 more not listed here." in texts
    image = QImage()
    assert image.loadFromData(png_bytes(ws, tab.chart_data())) and image.height() < 2 * 3000
    on = dt.date(2026, 12, 1)
    text = readme(ws, all_views(ws, on), tab.chart_data(), on, dt.datetime(2026, 12, 1, 12, 0))
    assert all(f"Land {i:02} (USGS MCS 2026)" in text for i in range(35)) and "not listed here" not in text
