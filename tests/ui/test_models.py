"""Qt models checked with pytest-qt's model tester, the search/sort proxy, and the models
following the workspace by themselves (row signals, not resets)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.domain.kinds import COMPANIES, ELEMENTS, RESERVES
from app.domain.workspace import Workspace
from app.ui.columns import COMPANY_COLUMNS, ELEMENT_COLUMNS, RESERVE_COLUMNS
from app.ui.models import ID_ROLE, RecordTableModel, ReserveTableModel, SearchFilterProxy

ON = dt.date(2026, 11, 29)


def workspace(bundled):
    return Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions, bundled_records=bundled.records)


def test_company_model(qtmodeltester, bundled):
    model = RecordTableModel(workspace(bundled), COMPANIES, COMPANY_COLUMNS, on=ON)
    qtmodeltester.check(model)
    assert model.rowCount() == len(bundled.dataset.companies)
    text = model.data(model.index(model.row_of("echodyne"), model.column_of("status")))
    assert text.startswith("Lifted 2025-08-12")
    text = model.data(model.index(model.row_of("sierra-nevada-corporation"), model.column_of("status")))
    assert text.startswith("Suspension ended 2026-11-10")


def test_element_model(qtmodeltester, bundled):
    model = RecordTableModel(workspace(bundled), ELEMENTS, ELEMENT_COLUMNS, on=ON)
    qtmodeltester.check(model)
    assert model.rowCount() == len(bundled.dataset.elements)


def test_reserve_model_compares_article_with_usgs(qtmodeltester, bundled):
    model = ReserveTableModel(workspace(bundled), RESERVES, RESERVE_COLUMNS, on=ON)
    qtmodeltester.check(model)
    usgs_col = model.column_of("usgs")
    verdicts = {model.record(i).country: model.data(model.index(i, usgs_col)) for i in range(model.rowCount())
                if model.record(i).edition == "article-2025"}
    assert verdicts["Vietnam"].startswith("✗ Matches no USGS edition")
    assert verdicts["China"].startswith("✓ Matches")


def test_proxy_search_and_sort(qtmodeltester, bundled):
    model = RecordTableModel(workspace(bundled), COMPANIES, COMPANY_COLUMNS, on=ON)
    proxy = SearchFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_query("TECHNOLOGIES")
    names = {proxy.data(proxy.index(r, 0)) for r in range(proxy.rowCount())}
    assert {"Saronic Technologies, Inc.", "Hudson Technologies Co.", "High Point Aerotechnologies (LLC)"} <= names
    proxy.set_query("")
    proxy.sort(model.column_of("listed"), Qt.SortOrder.DescendingOrder)
    assert proxy.data(proxy.index(0, model.column_of("listed"))) >= "2025-04-09"
    proxy.set_predicate(lambda c: c.uel_date is None)
    ids = {proxy.data(proxy.index(r, 0), ID_ROLE) for r in range(proxy.rowCount())}
    assert ids and all(model.record(model.row_of(i)).uel_date is None for i in ids)


def test_models_follow_the_workspace_row_by_row(qtbot, bundled):
    """An edit changes one row (dataChanged), an addition inserts one, a deletion removes one;
    only a whole-layer change resets the model."""
    ws = workspace(bundled)
    model = RecordTableModel(ws, COMPANIES, COMPANY_COLUMNS, on=ON)
    others = RecordTableModel(ws, ELEMENTS, ELEMENT_COLUMNS, on=ON)
    seen = []
    for name in ("dataChanged", "rowsInserted", "rowsRemoved", "modelReset"):
        getattr(model, name).connect(lambda *args, n=name: seen.append((n, args[0].row() if args and
                                                                         hasattr(args[0], "row") else None)))
    others.modelReset.connect(lambda: seen.append(("other reset", None)))
    row = model.row_of("echodyne")
    ws.set_entry("companies", "echodyne", ws.entry_for_field("companies", "echodyne", "name", "Echo"))
    assert seen == [("dataChanged", row)] and model.data(model.index(row, 0)) == "Echo"
    seen.clear()
    new_id, entry = ws.entry_for_new("companies", {"name": "Example", "name_confidence": "MED",
                                                   "announcement": "x", "listed": "2026-01-01"})
    ws.set_entry("companies", new_id, entry)
    assert seen[0][0] == "rowsInserted" and model.record(model.rowCount() - 1).id == new_id
    seen.clear()
    ws.set_entry("companies", "echodyne", ws.entry_for_delete("companies", "echodyne"))
    assert [s[0] for s in seen] == ["rowsRemoved"] and model.row_of("echodyne") == -1
    assert model.row_of(new_id) == model.rowCount() - 1  # the index of the rows after it follows
    seen.clear()
    ws.replace_layer(None)
    assert ("modelReset", None) in seen and model.row_of("echodyne") >= 0


def test_reserve_comparisons_follow_usgs_edits(bundled):
    """Correcting a USGS figure updates the article row's comparison (another row) in place."""
    ws = workspace(bundled)
    model = ReserveTableModel(ws, RESERVES, RESERVE_COLUMNS, on=ON)
    changed = []
    model.dataChanged.connect(lambda tl, br, *_: changed.append((tl.row(), tl.column())))
    vietnam = next(r.id for r in model.records() if r.edition == "article-2025" and r.country == "Vietnam")
    assert model.comparison(model.row_of(vietnam)).kind == "no_match"
    usgs = next(r.id for r in model.records() if r.edition == "usgs-mcs-2023" and r.country == "Vietnam")
    ws.set_entry("reserves", usgs, ws.entry_for_field("reserves", usgs, "reserves_t", 24_000_000))
    assert model.comparison(model.row_of(vietnam)).kind == "match"
    assert (model.row_of(vietnam), model.column_of("usgs")) in changed


def test_editable_models_pass_the_model_tester(qtmodeltester, make_window):
    """The models as the window uses them: editable, marking edits, with rows added and removed."""
    window = make_window(ON)
    companies = window.companies.model
    qtmodeltester.check(companies)
    assert companies.setData(companies.index(companies.row_of("echodyne"), 0), "Echo")
    window.companies.actions.add_new({"name": "Example", "name_confidence": "MED", "announcement": "x",
                                      "listed": "2026-01-01", "effective": None, "uel_announcement": "",
                                      "uel_date": None, "notes": ""})
    qtmodeltester.check(companies)
    qtmodeltester.check(window.companies.proxy)
    reserves = window.reserves.model
    window.reserves.select_source("article-2025")
    qtmodeltester.check(reserves)
    assert reserves.flags(reserves.index(0, reserves.column_of("reserves"))) & Qt.ItemFlag.ItemIsEditable
    assert not reserves.flags(reserves.index(0, reserves.column_of("usgs"))) & Qt.ItemFlag.ItemIsEditable


def test_many_changes_at_once_refresh_each_view_once(bundled):
    """A large import or reset (one undo step) resets each affected model once instead of
    recomputing the reserve comparisons once per record (quadratic before)."""
    ws = workspace(bundled)
    reserves = ReserveTableModel(ws, RESERVES, RESERVE_COLUMNS, on=ON)
    companies = RecordTableModel(ws, COMPANIES, COMPANY_COLUMNS, on=ON)
    seen = []
    reserves.modelReset.connect(lambda: seen.append("reserves reset"))
    reserves.dataChanged.connect(lambda *_: seen.append("reserves row"))
    companies.modelReset.connect(lambda: seen.append("companies reset"))
    ids = [r.id for r in ws.records("reserves") if r.reserves_t is not None][:25]
    states = [ws.stage("reserves", i, ws.entry_for_field("reserves", i, "reserves_t", 1_000 + n))
              for n, i in enumerate(ids)]
    ws.apply_many(states)
    assert seen == ["reserves reset"]
    assert all(reserves.record(reserves.row_of(i)).reserves_t == 1_000 + n for n, i in enumerate(ids))
    seen.clear()
    few = [ws.stage("reserves", ids[0], ws.entry_for_field("reserves", ids[0], "reserves_t", 7))]
    ws.apply_many(few)
    assert "reserves reset" not in seen and "reserves row" in seen


def test_a_columns_own_sort_key_is_its_cells(dataset):
    """Where a column gives its sort key without making the cell (the reserve figures, sorted at
    start over every row), the key is the cell's, NA included, for every bundled row of its kind."""
    import dataclasses

    from app.ui.columns import COLUMNS_BY_KIND, Context
    from app.ui.models import _sortable

    context = Context()
    keyed = [(kind, c) for kind, columns in COLUMNS_BY_KIND.items() for c in columns if c.sort is not None]
    assert {c.key for _kind, c in keyed} >= {"country", "reserves", "production_t", "production_prior_t"}
    rows = list(dataset.reserves) + [dataclasses.replace(dataset.reserves[0], reserves_t=None, production_t=0)]
    assert any(r.reserves_t is None for r in dataset.reserves)  # the bundled NA figures are covered too
    for kind, column in keyed:
        records = rows if kind == "reserves" else getattr(dataset, kind)
        for record in records:
            assert _sortable(column.sort(record, context)) == _sortable(column.cell(record, context).sort), column.key
