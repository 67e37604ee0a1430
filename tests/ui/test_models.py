"""Qt models checked with pytest-qt's model tester, plus the search/sort proxy."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.ui.models import (
    COMPANY_COLUMNS, ELEMENT_COLUMNS, ID_ROLE, RecordTableModel, ReserveTableModel, SearchFilterProxy,
)

ON = dt.date(2026, 11, 29)


def test_company_model(qtmodeltester, dataset):
    model = RecordTableModel(COMPANY_COLUMNS)
    model.set_records(dataset.companies, ON)
    qtmodeltester.check(model)
    assert model.rowCount() == 28
    status_col = model.column_of("status")
    text = model.data(model.index(0, status_col))
    assert text.startswith("Suspension ended 2026-11-10")


def test_element_model(qtmodeltester, dataset):
    model = RecordTableModel(ELEMENT_COLUMNS)
    model.set_records(dataset.elements, ON)
    qtmodeltester.check(model)
    assert model.rowCount() == 21


def test_reserve_model_compares_article_with_usgs(qtmodeltester, dataset):
    model = ReserveTableModel()
    rows = [r for r in dataset.reserves if r.edition == "article-2025"]
    model.set_source(rows, dataset.reserves, dataset.editions)
    qtmodeltester.check(model)
    usgs_col = model.column_of("usgs")
    verdicts = {model.data(model.index(i, 0)): model.data(model.index(i, usgs_col)) for i in range(model.rowCount())}
    assert verdicts["Vietnam"].startswith("✗ Matches no USGS edition")
    assert verdicts["China"].startswith("✓ Matches")


def test_proxy_search_and_sort(qtmodeltester, dataset):
    model = RecordTableModel(COMPANY_COLUMNS)
    model.set_records(dataset.companies, ON)
    proxy = SearchFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_query("TECHNOLOGIES")
    names = {proxy.data(proxy.index(r, 0)) for r in range(proxy.rowCount())}
    assert names == {"Saronic Technologies, Inc.", "Hudson Technologies Co.", "High Point Aerotechnologies (LLC)"}
    proxy.set_query("")
    proxy.sort(model.column_of("listed"), Qt.SortOrder.DescendingOrder)
    first = proxy.data(proxy.index(0, model.column_of("listed")))
    assert first == "2025-04-09"
    proxy.set_predicate(lambda c: c.uel_date is None)
    ids = {proxy.data(proxy.index(r, 0), ID_ROLE) for r in range(proxy.rowCount())}
    assert len(ids) == 8


def test_editable_models_pass_the_model_tester(qtmodeltester, make_window):
    """The models as the window uses them: editable, marking edits, with rows added and removed."""
    window = make_window(ON)
    companies = window.companies.model
    qtmodeltester.check(companies)
    assert companies.setData(companies.index(companies.row_of("echodyne"), 0), "Echo")
    window.companies.add_new({"name": "Example", "name_confidence": "MED", "announcement": "x",
                              "listed": "2026-01-01", "effective": None, "uel_announcement": "", "uel_date": None,
                              "notes": ""})
    qtmodeltester.check(companies)
    qtmodeltester.check(window.companies.proxy)
    reserves = window.reserves.model
    window.reserves.select_source("article-2025")
    qtmodeltester.check(reserves)
    assert reserves.flags(reserves.index(0, reserves.column_of("reserves"))) & Qt.ItemFlag.ItemIsEditable
    assert not reserves.flags(reserves.index(0, reserves.column_of("usgs"))) & Qt.ItemFlag.ItemIsEditable
