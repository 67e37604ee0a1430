"""Issue 10 in the window: one forgiving search with reasons, facets with counts, links between
records, and screening a list with progress, Cancel, threshold, filter, export and open."""

from __future__ import annotations

import csv
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.facets import covered_by

ON = dt.date(2026, 11, 29)


def test_search_everything_is_forgiving_and_says_why(make_window, qtbot):
    window = make_window(ON)
    for query, expected in (("insito", "insitu-inc"), ("echodine", "echodyne"),
                            ("teledyne brwn", "teledyne-brown-engineering-inc"), ("cubik corp", "cubic-corporation")):
        window.search.box.setText(query)
        kinds_ids = window.search.hits()
        assert kinds_ids and kinds_ids[0] == ("companies", expected), (query, kinds_ids[:3])
    window.search.box.setText("geneva")
    found = {record_id for kind, record_id in window.search.hits() if kind == "companies"}
    mentions = {c.id for c in window.workspace.records("companies")
                if any("geneva" in e.text.casefold() for e in c.events)}
    assert found == mentions and len(found) >= 16
    html = window.search.results.item(0).data(Qt.ItemDataRole.UserRole + 20)
    assert "Timeline" in html and "<u>Geneva</u>" in html  # which field, with the words highlighted
    window.search.open_row(0)
    assert window.current_tab() is window.companies


def test_facets_show_counts_and_filter(make_window):
    window = make_window(ON)
    tab = window.companies
    combo = tab.facets.combos["list"]
    labels = [combo.itemText(i) for i in range(combo.count())]
    uel = next(t for t in labels if t.startswith("Unreliable Entity List"))
    count = int(uel.rsplit("(", 1)[1].rstrip(")"))
    assert tab.facets.choose("list", "uel")
    assert tab.proxy.rowCount() == count > 0
    status = tab.facets.combos["status"]
    assert any(status.itemText(i).startswith("Lifted (") for i in range(status.count()))
    tab.facets.clear()
    assert tab.proxy.rowCount() == tab.model.rowCount()


def test_a_facet_bar_counts_its_records_once_when_made(qtbot, dataset, monkeypatch):
    from app.ui import facet_bar

    counted = []
    real = facet_bar.facets
    monkeypatch.setattr(facet_bar, "facets", lambda *args: counted.append(args) or real(*args))
    bar = facet_bar.FacetBar(lambda: dataset.companies, ON)
    qtbot.addWidget(bar)
    assert len(counted) == 1
    texts = {key: [combo.itemText(i) for i in range(combo.count())] for key, combo in bar.combos.items()}
    assert texts["list"][0] == "List: all" and len(texts["status"]) > 2
    bar.refresh()  # counting again gives what the bar was made with
    assert texts == {key: [combo.itemText(i) for i in range(combo.count())] for key, combo in bar.combos.items()}
    assert bar.choose("list", "uel") and len(counted) == 3
    keep = bar.predicate()
    assert {c.id for c in dataset.companies if keep(c)} == {c.id for c in dataset.companies if c.uel_date is not None}


def test_links_open_records_and_list_an_announcement(make_window):
    window = make_window(ON)
    tab = window.companies
    tab.select_id("echodyne")
    html = tab.detail.toHtml()
    assert "Listed with" in tab.detail.toPlainText() and "curbwatch:record/companies/" in html
    assert window.follow_link(["record", "companies", "insitu-inc"])
    assert tab.current_record().id == "insitu-inc"
    announcement = tab.current_record().announcement
    assert window.follow_link(["announcement", announcement])
    shown = {tab.model.record(tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()).id
             for r in range(tab.proxy.rowCount())}
    assert shown == {r.id for r in covered_by(window.workspace.dataset, announcement) if hasattr(r, "listed")}


def test_screening_dialog_runs_with_progress_threshold_filter_export_and_open(make_window, qtbot, tmp_path):
    window = make_window(ON)
    dialog = window.show_screening()
    names = ["Insito Inc", "Kratos UAS", "Technologies Inc", "Sierra Nevada Brewing Co", "Acme Plumbing"] * 400
    dialog.names.setPlainText("\n".join(names))
    assert dialog.start()
    assert dialog.running() and dialog.progress.isVisible()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=20_000)
    run = dialog.run
    assert len(run.results) == 2000 and not run.cancelled
    assert run.possible_names == 1200 and run.cleared_names == 800
    dialog.show_filter.setCurrentIndex(2)  # cleared only
    assert dialog.proxy.rowCount() == 800
    dialog.show_filter.setCurrentIndex(0)
    dialog.threshold.setValue(100)  # re-split without screening again
    assert dialog.run.possible_names < 1200
    out = tmp_path / "report.csv"
    assert dialog.export(str(out))
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert {"input", "match", "score", "matched_on", "status", "threshold"} <= set(rows[0])
    assert rows[0]["threshold"] == "100"
    dialog.threshold.setValue(80)
    row = next(r for r in range(dialog.proxy.rowCount()) if dialog.proxy.index(r, 0).data() == "Kratos UAS")
    dialog.table.activated.emit(dialog.proxy.index(row, 0))
    assert window.companies.current_record().id == "kratos-unmanned-aerial-systems-inc"


def test_screening_can_be_cancelled(make_window, qtbot):
    window = make_window(ON)
    dialog = window.show_screening()
    dialog.names.setPlainText("\n".join(f"Company number {i}" for i in range(5000)))
    assert dialog.start()
    qtbot.waitUntil(lambda: len(dialog.run.results) > 0, timeout=10_000)
    dialog.cancel()
    assert not dialog.running() and dialog.run.cancelled and len(dialog.run.results) < 5000
    assert "Cancelled after" in dialog.summary.text()


def test_screening_opens_a_csv_with_a_chosen_column(make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window = make_window(ON)
    dialog = window.show_screening()
    path = tmp_path / "suppliers.csv"
    path.write_text("id,supplier\n1,Insitu\n2,Acme\n", encoding="utf-8")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("supplier", True))
    assert dialog.open_file(str(path))
    assert dialog.names.toPlainText().splitlines() == ["Insitu", "Acme"]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad\x00\xd8")
    assert not dialog.open_file(str(bad))
    assert dialog.summary.text().startswith("Not opened:")


def test_the_28_of_april_are_one_choice_away(make_window):
    window = make_window(ON)
    tab = window.companies
    assert tab.facets.choose("list", "april_28")
    assert tab.proxy.rowCount() == 28
    ids = {tab.model.record(tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()).announcement
           for r in range(tab.proxy.rowCount())}
    assert all("No. 21 of 2025" in a or "No. 22 of 2025" in a for a in ids)


def test_how_old_the_data_is_is_said_once(make_window, qtbot):
    window = make_window(ON)
    as_of = window.workspace.info.as_of
    age = [t for t in window.banner_texts() if t.startswith("The data reaches")]
    assert len(age) == 1 and as_of.isoformat() in age[0] and ON.isoformat() in age[0]
    window.set_status_date(as_of)
    assert not any(t.startswith("The data reaches") for t in window.banner_texts())
    window.set_status_date(ON)
    assert sum(t.startswith("The data reaches") for t in window.banner_texts()) == 1


def test_a_selected_result_draws_every_part_in_the_selections_text_colour(qapp):
    """A result's secondary words (kind, score, field) are muted grey; on the selection's colour
    they were grey on blue. Selected, every part takes the palette's highlighted-text colour."""
    from PySide6.QtGui import QPalette, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from app.ui.html_delegate import HTML_ROLE, HtmlDelegate

    model = QStandardItemModel()
    item = QStandardItem()
    item.setData('<b>Echodyne</b> <span style="color:#888888">company · score 90</span>', HTML_ROLE)
    model.appendRow(item)
    delegate, option = HtmlDelegate(), QStyleOptionViewItem()
    colours = {}
    for selected in (False, True):
        option.state = QStyle.StateFlag.State_Selected if selected else QStyle.StateFlag.State_None
        document = delegate._document(option, model.index(0, 0))
        block, seen = document.begin(), set()
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.text().strip():
                seen.add(fragment.charFormat().foreground().color().name())
            iterator += 1
        colours[selected] = seen
    assert "#888888" in colours[False]
    assert colours[True] == {option.palette.color(QPalette.ColorRole.HighlightedText).name()}


def test_search_results_are_laid_out_at_the_width_they_are_drawn(make_window, qtbot):
    """Rows are as tall as their text at the list's width, and none is drawn over another: a
    result whose title holds a Chinese name (a taller line) used to overlap the row below, the
    rows having been measured at another width; and again after the window is resized."""
    window = make_window(ON)
    window.resize(1280, 800)
    window.show()
    window.search.box.setText("geneva")
    results = window.search.results
    for width in (1280, 900):
        window.resize(width, 800)
        qtbot.waitUntil(lambda: results.viewport().width() < width, timeout=3000)
        QApplication.processEvents()
        rects = [results.visualItemRect(results.item(i)) for i in range(min(results.count(), 8))]
        assert len(rects) >= 3
        assert all(a.bottom() < b.top() for a, b in zip(rects, rects[1:])), [(r.top(), r.bottom()) for r in rects]
        assert all(r.height() == results.sizeHintForRow(i) for i, r in enumerate(rects))
        assert results.sizeHintForRow(0) < 80  # two lines, not the text wrapped at a guessed width


def test_dragging_the_threshold_redoes_the_report_once_let_go(make_window, qtbot):
    """Each value the handle passed redid the report (2.2 s for 10,000 names): now the label
    follows the drag and the report is redone when the handle is let go."""
    window = make_window(ON)
    dialog = window.show_screening()
    dialog.names.setPlainText("\n".join(["Insito Inc", "Acme Plumbing"] * 10))
    assert dialog.start()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=20_000)
    shown = []
    dialog._show_run = lambda: shown.append(dialog.run.threshold)
    slider = dialog.threshold
    slider.setSliderDown(True)
    for value in (85, 90, 95):
        slider.setSliderPosition(value)
    assert shown == [] and dialog.threshold_label.text() == "95"
    slider.setSliderDown(False)
    assert shown == [95] and dialog.run.threshold == 95
