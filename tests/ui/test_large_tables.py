"""Tables of thousands of records: the Python-list proxy gives the rows and order the
QSortFilterProxyModel it replaced gave, keeps the selection on its records across filters and
sorts, follows edits, additions and removals, works a large filter out in slices, and the
filter box shows what the search index finds; the index stays equal to a fresh one as records
change; facet counts and links equal a plain count. Behaviour only: nothing here is timed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cmp_to_key

import pytest
from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView

from app.domain.facets import facets, listed_with, record_values
from app.domain.kinds import COMPANIES
from app.domain.matching import matches
from app.domain.records import parse_company
from app.domain.search import SearchIndex
from app.domain.search_fields import fields, texts
from app.domain.workspace import Workspace
from app.storage.bundled import Bundled
from app.ui.columns import COMPANY_COLUMNS
from app.ui.models import ID_ROLE, SEARCH_ROLE, SORT_ROLE, RecordTableModel, SearchFilterProxy
from tests.benchmarks import synth

ON = dt.date(2025, 12, 1)
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
ROWS = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


@pytest.fixture(scope="module")
def big(bundled):
    """The bundled data with 1,500 synthetic companies after its own."""
    raws = synth.companies(1500, seed=5)
    parsed = [parse_company(r) for r in raws]
    dataset = dataclasses.replace(bundled.dataset, companies=bundled.dataset.companies + parsed)
    return Bundled(dataset=dataset, raw={**bundled.raw, "companies": bundled.raw["companies"] + raws})


def workspace(bundled):
    return Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions, bundled_records=bundled.records)


class OldProxy(QSortFilterProxyModel):
    """The proxy the tables had before (QSortFilterProxyModel with Python callbacks), as the reference."""

    def __init__(self, ids=None, predicate=None, query="") -> None:
        super().__init__()
        self.ids, self.predicate, self.query = ids, predicate, query
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left, right):  # noqa: N802 - Qt override
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a != b:
            try:
                return a < b
            except TypeError:
                return str(a) < str(b)
        model = self.sourceModel()
        first_a = model.index(left.row(), 0).data(SORT_ROLE)
        first_b = model.index(right.row(), 0).data(SORT_ROLE)
        if self.sortOrder() == DESC:
            return str(first_a) > str(first_b)
        return str(first_a) < str(first_b)

    def filterAcceptsRow(self, row, parent):  # noqa: N802 - Qt override
        model = self.sourceModel()
        if self.ids is not None and model.record(row).id not in self.ids:
            return False
        if self.predicate is not None and not self.predicate(model.record(row)):
            return False
        return not self.query or matches(self.query, model.data(model.index(row, 0, parent), SEARCH_ROLE))


def ids_of(proxy) -> list[str]:
    return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]


def reference(model, column, order, ids=None, predicate=None, query="") -> list[str]:
    old = OldProxy(ids, predicate, query)
    old.setSourceModel(model)
    old.sort(column, order)
    return ids_of(old)


def test_rows_and_order_are_those_of_the_old_proxy(big):
    model = RecordTableModel(workspace(big), COMPANIES, COMPANY_COLUMNS, on=ON)
    proxy = SearchFilterProxy()
    proxy.setSourceModel(model)
    some = {model.record(r).id for r in range(0, model.rowCount(), 3)}
    filters = [{}, {"ids": some}, {"predicate": lambda c: c.announcement.endswith("No. 13 of 2025")},
               {"query": "technologies"}, {"ids": some, "query": "inc"}]
    for column in (0, model.column_of("status"), model.column_of("listed"), model.column_of("uel")):
        for order in (ASC, DESC):
            proxy.sort(column, order)
            for chosen in filters:
                proxy.set_ids(chosen.get("ids"))
                proxy.set_predicate(chosen.get("predicate"))
                proxy.set_query(chosen.get("query", ""))
                assert ids_of(proxy) == reference(model, column, order, **chosen), (column, order, chosen)
    assert proxy.sortColumn() == model.column_of("uel") and proxy.sortOrder() == DESC


def test_selection_and_current_row_stay_on_their_records(big, qtbot):
    model = RecordTableModel(workspace(big), COMPANIES, COMPANY_COLUMNS, on=ON)
    proxy = SearchFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(0, ASC)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    chosen = ids_of(proxy)[700]
    view.selectionModel().setCurrentIndex(proxy.index(700, 0), ROWS)

    def selected() -> tuple[str | None, list[str]]:
        current = view.currentIndex()
        rows = view.selectionModel().selectedRows()
        return (current.data(ID_ROLE) if current.isValid() else None), [i.data(ID_ROLE) for i in rows]

    assert selected() == (chosen, [chosen])
    keep = {model.record(r).id for r in range(0, model.rowCount(), 2)} | {chosen}
    proxy.set_ids(keep)  # the record moves up: half the rows above it go
    assert proxy.mapFromSource(model.index(model.row_of(chosen), 0)).row() < 700
    assert selected() == (chosen, [chosen])
    proxy.sort(model.column_of("listed"), DESC)
    assert selected() == (chosen, [chosen])
    proxy.set_ids(keep - {chosen})  # filtered out: nothing is current or selected
    assert selected() == (None, [])
    assert view.verticalHeader().count() == proxy.rowCount() == len(keep) - 1


def test_edits_additions_and_removals_keep_rows_sorted_and_filtered(big, qtmodeltester):
    ws = workspace(big)
    model = RecordTableModel(ws, COMPANIES, COMPANY_COLUMNS, editor=None, on=ON)
    proxy = SearchFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)  # stays attached: every change below is checked too
    proxy.sort(0, DESC)
    proxy.set_query("systems")
    watched = proxy.index(10, 0)
    from PySide6.QtCore import QPersistentModelIndex

    watched_id, watched = watched.data(ID_ROLE), QPersistentModelIndex(watched)
    target = next(r.id for r in ws.records("companies") if "Systems" not in r.name and r.id.startswith("synth"))
    ws.set_entry("companies", target, ws.entry_for_field("companies", target, "name", "Aaaa Zeta Systems Inc."))
    assert target in ids_of(proxy) and ids_of(proxy)[-1] == target  # Z-A: "Aaaa" last
    assert ids_of(proxy) == reference(model, 0, DESC, query="systems")
    new_id, entry = ws.entry_for_new("companies", {**synth.company(99_999, __import__("random").Random(1)),
                                                   "name": "Mmmm Systems LLC", "id": ""})
    ws.set_entry("companies", new_id, entry)
    assert new_id in ids_of(proxy)
    ws.set_entry("companies", target, ws.entry_for_delete("companies", target))
    assert target not in ids_of(proxy)
    assert ids_of(proxy) == reference(model, 0, DESC, query="systems")
    assert watched.isValid() and watched.data(ID_ROLE) == watched_id
    ws.replace_layer(None)  # a whole-layer change resets the model and the proxy
    assert ids_of(proxy) == reference(model, 0, DESC, query="systems") and new_id not in ids_of(proxy)


def test_a_large_table_filters_in_slices_and_the_newest_filter_wins(big, qtbot):
    model = RecordTableModel(workspace(big), COMPANIES, COMPANY_COLUMNS, on=ON)
    proxy = SearchFilterProxy()
    proxy.large = 100  # what 200,000 rows do, on 1,545
    proxy.setSourceModel(model)
    index = SearchIndex(big.dataset)
    everything = proxy.rowCount()
    proxy.set_ids(index.matching_steps("tech", "companies"))
    assert proxy.busy() and proxy.rowCount() == everything  # still the rows shown before
    proxy.set_predicate(lambda c: c.listed is not None and c.listed.year == 2025)
    proxy.set_ids(index.matching_steps("systems", "companies"))  # replaces the search still running
    with qtbot.waitSignal(proxy.filtered, timeout=10_000):
        pass
    assert not proxy.busy()
    expected = reference(model, -1, ASC, ids=index.matching_ids("systems", "companies"),
                         predicate=lambda c: c.listed is not None and c.listed.year == 2025)
    assert sorted(ids_of(proxy)) == sorted(expected) and len(expected) > 10


def test_the_filter_box_shows_what_the_index_finds(big, qtbot, tmp_path):
    from app.storage.userdata import UserData
    from app.ui.controller import EditController
    from app.ui.main_window import MainWindow

    userdata = UserData(tmp_path / "data", big)
    userdata.open()
    window = MainWindow(EditController(userdata), ON)
    qtbot.addWidget(window)
    window.show()
    tab = window.companies
    name = big.dataset.companies[200].name
    typed = ""
    for char in name[:12]:
        QTest.keyClicks(tab.search, char)
        typed += char
        qtbot.waitUntil(lambda: not tab.proxy.busy())
        expected = window.search.index().matching_ids(typed, "companies") if typed.strip() else None
        shown = set(ids_of(tab.proxy))
        assert shown == (expected if expected is not None else {r.id for r in tab.model.records()}), typed
    assert big.dataset.companies[200].id in shown
    assert tab.count.text() == f"{len(shown)} of {tab.model.rowCount()}"
    userdata.close()


def test_the_index_after_updates_equals_a_fresh_one(big):
    dataset = big.dataset
    index = SearchIndex(dataset)
    renamed = dataclasses.replace(dataset.companies[60], name="Quixotic Zephyr Holdings")
    gone = dataset.companies[61]
    added = dataclasses.replace(dataset.companies[62], id="brand-new", name="Wobbleton Aerospace Corp.",
                                name_zh="摇摆顿航空")
    index.lookup("wobleton")  # the misspelling tables are made, so the updates must not leave them stale
    index.update("companies", renamed.id, renamed)
    index.update("companies", gone.id, None)
    index.update("companies", added.id, added)
    companies = [renamed if c.id == renamed.id else c for c in dataset.companies if c.id != gone.id] + [added]
    fresh = SearchIndex(dataclasses.replace(dataset, companies=companies))
    old_word = dataset.companies[60].name.split()[0]
    for query in ("quixotic", "zephyr holdings", "wobbleton", old_word, gone.name, "geneva", "tech", "kuala",
                  "wobleton", "quixotc"):
        assert index.matching_ids(query, "companies") == fresh.matching_ids(query, "companies"), query
        got = {(r.record_id, r.score, r.hits) for r in index.search(query)}
        assert got == {(r.record_id, r.score, r.hits) for r in fresh.search(query)}, query
    assert index.lookup(old_word.lower()) == fresh.lookup(old_word.lower())
    assert index.lookup("摇摆") == fresh.lookup("摇摆") and index.lookup("摇摆")
    # The vocabulary is updated in place (no sort of every word per edit) and equals a fresh one.
    assert index._vocab.words == fresh._vocab.words and index._vocab._cjk == fresh._vocab._cjk


def test_step_wise_matching_yields_and_finds_the_same(big):
    index = SearchIndex(big.dataset)
    steps = index.matching_steps("t", "companies")
    yields = 0
    while True:
        try:
            next(steps)
            yields += 1
        except StopIteration as done:
            found = done.value
            break
    assert yields > 1 and found == index.matching_ids("t", "companies") and len(found) > 1000


def test_every_searched_field_has_its_label_and_text(big):
    for record in [*big.dataset.companies[:80], *big.dataset.elements, *big.dataset.reserves]:
        listed = [(name, text) for name, _label, text, _event in fields(record, big.dataset)]
        assert listed == [(name, text) for name, text in texts(record, big.dataset) if text]


def test_facet_counts_and_links_at_scale_equal_a_plain_count(big):
    companies = big.dataset.companies
    chosen = {"status": {"suspended"}}
    counted = {f.key: {v.key: v.count for v in f.values} for f in facets(companies, ON, chosen)}
    status = {c.id: record_values(c, ON)["status"] for c in companies}
    announcements = [a for c in companies for a in record_values(c, ON)["announcement"]
                     if "suspended" in status[c.id]]
    assert counted["announcement"] == {a: announcements.count(a) for a in set(announcements)} | \
        {a: 0 for a in counted["announcement"] if a not in announcements}
    assert sum(counted["status"].values()) == len(companies)
    record = companies[100]
    links = listed_with(big.dataset, record)
    plain = [c for c in [*companies, *big.dataset.elements] if record.announcement in (c.announcement,
             getattr(c, "uel_announcement", "")) and c.id != record.id]
    assert links[record.announcement] == plain


def test_links_leave_out_every_record_of_the_same_id(bundled):
    """A company and an element sharing an id and an announcement: both are left out, as before."""
    dataset = bundled.dataset
    company = dataset.companies[0]
    twin = dataclasses.replace(dataset.elements[0], id=company.id, announcement=company.announcement)
    doubled = dataclasses.replace(dataset, elements=[twin, *dataset.elements[1:]])
    links = listed_with(doubled, company)[company.announcement]
    plain = [r for r in [*doubled.companies, *doubled.elements] if company.announcement in
             (r.announcement, getattr(r, "uel_announcement", "")) and r.id != company.id]
    assert list(links) == plain and twin not in links and len(links) == len(plain)


def test_an_edit_updates_the_search_index_in_place(make_window):
    window = make_window(ON)
    index = window.search.index()
    assert index.build()  # the bundled data is small: left to the first search, then built at once
    workspace = window.workspace
    workspace.set_entry("companies", "echodyne", workspace.entry_for_field("companies", "echodyne", "name",
                                                                           "Quillfeather Radar Corp."))
    assert window.search.index() is index  # updated, not rebuilt
    assert [r.record_id for r in index.search("quillfeather")] == ["echodyne"]
    assert "echodyne" not in {r.record_id for r in index.search("echodyne") if r.hits[0].field == "name"}
    assert index.matching_ids("quillfeather", "companies") == {"echodyne"}
    workspace.replace_layer(None)  # the whole layer: built again from the data
    assert window.search.index() is not index and window.search.index().search("quillfeather") == []


def test_a_large_index_is_built_in_steps_after_the_first_frame(big, qtbot, tmp_path, monkeypatch):
    from app.storage.userdata import UserData
    from app.ui import global_search
    from app.ui.controller import EditController
    from app.ui.main_window import MainWindow

    monkeypatch.setattr(global_search, "PREPARE_FROM", 1_000)  # what 20,000 records do, on 1,545
    userdata = UserData(tmp_path / "data", big)
    userdata.open()
    window = MainWindow(EditController(userdata), ON)
    qtbot.addWidget(window)
    assert window.search._index is None  # nothing before the window is on screen
    window.show()
    qtbot.waitUntil(lambda: window.search._index is not None and window.search._index.ready(), timeout=20_000)
    assert len(window.built_tabs()) == 1  # the index needs no tab: the others wait to be shown
    index = window.search.index()
    assert index.matching_ids(big.dataset.companies[300].name, "companies") >= {big.dataset.companies[300].id}
    steps = SearchIndex(big.dataset, build=False)
    count = 0
    while not steps.build(steps=1):
        count += 1
    assert count > 1 and steps.matching_ids("systems", "companies") == index.matching_ids("systems", "companies")
    window.search._on_change("", None)  # what a whole-layer change tells: the index is built again, in steps, unasked
    assert window.search._index is None or window.search._index is not index
    qtbot.waitUntil(lambda: window.search._index is not None and window.search._index.ready(), timeout=20_000)
    userdata.close()


def test_a_restore_preview_of_thousands_of_changes_names_the_first_and_counts_the_rest(qtbot):
    """Restoring a backup 25,000 rows away laid out every row (16 s): now each section names
    the first LISTED and counts the rest, and its heading gives the whole count."""
    from types import SimpleNamespace

    from app.ui.restore_dialog import LISTED, preview_html

    changes = [SimpleNamespace(action="removed", kind="reserves", label=f"Land {i} (USGS MCS 2025)", fields=())
               for i in range(3000)]
    html = str(preview_html(SimpleNamespace(changes=changes, unusable=[], damaged_files=[])))
    assert "Removed (3,000)" in html and f"Land {LISTED - 1} (USGS" in html and f"Land {LISTED} (USGS" not in html
    assert f"… and {3000 - LISTED:,} more" in html


def test_what_changed_lists_the_newest_and_counts_the_rest(make_window):
    """Help > What changed made a row for each of 25,000 changes before showing 500 (2.6 s): only
    the rows shown are made, and the rest are counted as before."""
    from app.ui.history_dialog import SHOWN, dataset_versions, history_html

    window = make_window()
    ws = window.workspace
    for i in range(SHOWN + 40):
        new_id, entry = ws.entry_for_new("reserves", {"country": f"Land {i}", "edition": "usgs-mcs-2025",
                                                      "reserves_t": i, "confidence": "LOW"})
        ws.set_entry("reserves", new_id, entry)
    versions, notes = dataset_versions(window.controller.userdata)
    changes = ws.changes()
    html = str(history_html(versions, ws.info.dataset_version, changes, {}, notes))
    assert f"Your changes ({len(changes):,})" in html and f"… and {len(changes) - SHOWN:,} more" in html
    assert html.count("<tr>") <= SHOWN + 1 + 1 + 50  # the shown rows, the count, the header (and a diff table)
