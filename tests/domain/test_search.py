"""Search across every record: forgiving matching, ranking, and why each result matched."""

from __future__ import annotations

import dataclasses

import pytest

from app.domain.matching import fold, matches
from app.domain.search import SearchIndex


@pytest.fixture(scope="module")
def index(dataset):
    return SearchIndex(dataset)


def _top(index, query, kinds=None):
    results = index.search(query) if kinds is None else index.search(query, kinds=kinds)
    assert results, f"{query!r} found nothing"
    return results[0]


@pytest.mark.parametrize("query,record_id", [
    ("insito", "insitu-inc"), ("echodine", "echodyne"), ("cubik corp", "cubic-corporation"),
    ("kratos uas", "kratos-unmanned-aerial-systems-inc"), ("teledyne brwn", "teledyne-brown-engineering-inc"),
    ("BROWN, teledyne", "teledyne-brown-engineering-inc"), ("oceaneering intl", "oceaneering-international-inc"),
    ("domo comms", "domo-tactical-communications"), ("hudson tech", "hudson-technologies-co"),
    ("tcom l.p.", "tcom-limited-partnership"), ("Sierra Nevada Corp.", "sierra-nevada-corporation"),
    ("Ínsitu", "insitu-inc"), ("echodi", "echodyne"), ("saronic technologies llc", "saronic-technologies-inc"),
    ("samarium", "samarium"), ("Sm", "samarium"), ("vietnam", "usgs-mcs-2025.vietnam"),
])
def test_forgiving_queries_find_the_record_first(index, query, record_id):
    top = _top(index, query)
    if top.kind == "reserves":
        assert top.record.country.casefold() == record_id.split(".")[1]
    else:
        assert top.record_id == record_id


def test_why_it_matched_names_the_field_and_the_words(index):
    top = _top(index, "teledyne brwn")
    hit = top.hits[0]
    assert (hit.field, hit.label, hit.text) == ("name", "Name", "Teledyne Brown Engineering, Inc.")
    assert hit.spans == ((0, 8), (9, 14)) and hit.matched_words == ("Teledyne", "Brown")


def test_an_abbreviation_highlights_its_long_form(index):
    hit = _top(index, "kratos uas").hits[0]
    assert hit.matched_words == ("Kratos", "Unmanned Aerial Systems")
    hit = _top(index, "oceaneering intl").hits[0]
    assert hit.matched_words == ("Oceaneering", "International")


def test_geneva_finds_every_company_whose_timeline_mentions_it(index, dataset):
    expected = {c.id for c in dataset.companies if any("geneva" in e.text.casefold() for e in c.events)}
    assert len(expected) == 28  # the 28 of April: their 14 May 2025 suspension carried out the Geneva consensus
    results = index.search("Geneva")
    assert {r.record_id for r in results if r.kind == "companies"} == expected
    for result in results:
        hit = result.hits[0]
        assert hit.field == "timeline" and hit.label.startswith("Timeline 2025-05-14")
        assert hit.event_id == "ec-2025-05-14-suspended" and hit.matched_words == ("Geneva",)
        text, spans = hit.snippet(60)
        assert [text[s:e] for s, e in spans] == ["Geneva"] and len(text) <= 62


def test_items_notes_and_announcements_are_searched(index):
    neodymium = _top(index, "NdFeB", kinds=("elements",))
    assert neodymium.hits[0].field == "items"
    no21 = index.search("announcement 21", kinds=("companies",))
    assert len(no21) == 16 and all(r.record.announcement.endswith("No. 21 of 2025") for r in no21)
    assert {h.field for r in no21 for h in r.hits} >= {"announcement"}
    financial = _top(index, "financialexpress")
    assert financial.hits[0].field == "notes"


def test_a_name_match_outranks_a_note_match(index):
    results = index.search("gallium")
    assert results[0].record_id == "gallium" and results[0].hits[0].field == "name"
    assert results[0].score > results[-1].score and len(results) > 1


def test_every_word_must_be_found_in_the_record(index):
    assert index.search("insitu geneva")[0].record_id == "insitu-inc"
    assert index.search("insitu xylophone") == []
    assert index.search("   ") == [] and index.search("!!") == []


def test_legal_form_words_neither_help_nor_hurt(index):
    plain = [r.record_id for r in index.search("cubic")]
    assert [r.record_id for r in index.search("cubic corporation")] == plain
    assert [r.record_id for r in index.search("cubic LLC")] == plain


def test_misspelling_is_tried_only_for_words_not_in_the_data(index):
    # "general" is in the data, so it is not read as a misspelling of something else
    found = [w.casefold() for r in index.search("general") for h in r.hits for w in h.matched_words]
    assert found and all(w.startswith("general") for w in found)
    assert index.lookup("geneva") == {"geneva": 1.0}


def test_aliases_and_chinese_names_are_searched(dataset):
    companies = [dataclasses.replace(c, aliases=("SNC",), name_zh="内华达山脉公司")
                 if c.id == "sierra-nevada-corporation" else c for c in dataset.companies]
    index = SearchIndex(dataclasses.replace(dataset, companies=companies))
    hit = _top(index, "snc").hits[0]
    assert (hit.field, hit.label, hit.matched_words) == ("alias", "Alias", ("SNC",))
    top = _top(index, "内华达")
    assert top.record_id == "sierra-nevada-corporation" and top.hits[0].field == "name_zh"
    assert top.hits[0].label == "Chinese name"


def test_kinds_limit_and_matching_ids(index):
    assert {r.kind for r in index.search("china")} >= {"reserves"}
    assert {r.kind for r in index.search("china", kinds=("reserves",))} == {"reserves"}
    assert len(index.search("geneva", limit=3)) == 3
    assert index.matching_ids("geneva", "elements") == set()
    assert "echodyne" in index.matching_ids("echodine", "companies")


def test_fold_and_matches_still_work():
    assert fold("Estadão ÉCHODYNE") == "estadao echodyne"
    assert matches("SIERRA corp", fold("Sierra Nevada Corporation"))
    assert not matches("sierra xyz", fold("Sierra Nevada Corporation"))
