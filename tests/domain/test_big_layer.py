"""A large user layer merged over the bundled data: the quick paths (JSON copies, a layer handed
over instead of copied, whole tons read straight from a file) give what the careful ones give,
and every bad entry is still left out with the same reason. What the Reserves tab asks of a
big layer (comparisons with USGS, the chart's deleted rows, folded text) is what it was."""

from __future__ import annotations

import copy
import unicodedata

import pytest

from app.domain import fields as F
from app.domain import layers as L
from app.domain import reserves as RS
from app.domain.chart_data import ChartSpec, local_edits
from app.domain.kinds import kind_of
from app.domain.matching import fold
from app.domain.model import Reserve
from app.domain.workspace import Workspace


def workspace(bundled):
    return Workspace(bundled.dataset.info, bundled.raw, bundled.dataset.editions, bundled_records=bundled.records)


def big_layer(bundled, n=3000):
    layer = L.empty_layer(bundled.dataset.info.dataset_version)
    rows = layer["records"]["reserves"]
    for i in range(n):
        record_id = f"usgs-mcs-2025.big-{i}"
        rows[record_id] = {"added": {"id": record_id, "country": f"Country {i}", "edition": "usgs-mcs-2025",
                                     "reserves_t": i * 1000, "confidence": "LOW", "note": "a row"}}
    bundled_id = bundled.raw["reserves"][0]["id"]
    rows[bundled_id] = L.entry_with_field(None, bundled.raw["reserves"][0], "note", "mine")
    return layer


def spoil(layer):
    """Bad entries of every sort, and the reason each is left out with (as worded before)."""
    rows = layer["records"]["reserves"]
    rows["usgs-mcs-2025.big-10"]["added"]["reserves_t"] = -5
    rows["usgs-mcs-2025.big-11"]["added"]["edition"] = "nowhere"
    rows["usgs-mcs-2025.big-12"]["added"]["colour"] = "red"
    rows["usgs-mcs-2025.big-13"]["deleted"] = True
    rows["usgs-mcs-2025.big-15"] = "nonsense"
    rows["usgs-mcs-2025.big-16"]["added"]["reserves_t"] = 10_000_000_001
    rows["usgs-mcs-2025.big-17"]["added"]["reserves_t"] = True
    rows["usgs-mcs-2025.big-18"]["added"]["reserves_t"] = 1.5
    rows["usgs-mcs-2025.big-19"]["added"]["country"] = "Country 20"
    return {
        "usgs-mcs-2025.big-10": "record 'usgs-mcs-2025.big-10': reserves_t: must not be negative (got -5)",
        "usgs-mcs-2025.big-11": "record 'usgs-mcs-2025.big-11': edition: unknown source 'nowhere'",
        "usgs-mcs-2025.big-12": "record 'usgs-mcs-2025.big-12': colour: unknown field",
        "usgs-mcs-2025.big-13": "reserves.usgs-mcs-2025.big-13: an added record has nothing beside it",
        "usgs-mcs-2025.big-15": "reserves.usgs-mcs-2025.big-15 must be an object",
        "usgs-mcs-2025.big-16": "record 'usgs-mcs-2025.big-16': reserves_t: must be at most 10,000,000,000 t "
                                "(got 10000000001)",
        "usgs-mcs-2025.big-17": "record 'usgs-mcs-2025.big-17': reserves_t: must be a number of metric tons "
                                "(got True)",
        "usgs-mcs-2025.big-18": "record 'usgs-mcs-2025.big-18': reserves_t: must be whole metric tons (got 1.5)",
        "usgs-mcs-2025.big-20": "duplicates 'usgs-mcs-2025.big-19' (country and source)",
    }


def test_copy_json_equals_a_deep_copy_and_shares_nothing():
    value = {"a": [1, 2.5, {"b": None, "c": [True, "x"]}], "d": {"e": {"f": []}}, "g": "text", "h": 0}
    copied = L.copy_json(value)
    assert copied == copy.deepcopy(value) and copied is not value
    assert copied["a"] is not value["a"] and copied["a"][2] is not value["a"][2]
    assert copied["a"][2]["c"] is not value["a"][2]["c"] and copied["d"]["e"]["f"] is not value["d"]["e"]["f"]
    odd = {"t": (1, [2])}  # not JSON: copied as deepcopy copies it
    assert L.copy_json(odd) == copy.deepcopy(odd) and L.copy_json(odd)["t"][1] is not odd["t"][1]


def test_a_big_layer_merges_to_the_records_it_holds(bundled):
    layer = big_layer(bundled)
    ws = workspace(bundled)
    assert ws.replace_layer(copy.deepcopy(layer)) == []
    parse = kind_of("reserves").parse
    rows = layer["records"]["reserves"]
    expected = [parse(raw) for raw in bundled.raw["reserves"]]
    expected[0] = parse({**bundled.raw["reserves"][0], "note": "mine"})
    expected += [parse(entry["added"]) for record_id, entry in rows.items() if "added" in entry]
    assert ws.records("reserves") == expected
    assert ws.layer_view() == layer
    assert ws.edited_fields("reserves", bundled.raw["reserves"][0]["id"]) == {"note"}
    # The merged records are copies: changing one leaves the layer's entry as it was.
    ws.raw("reserves", "usgs-mcs-2025.big-5")["country"] = "Elsewhere"
    assert ws.entry("reserves", "usgs-mcs-2025.big-5")["added"]["country"] == "Country 5"


def test_a_layer_handed_over_merges_as_a_copied_one(bundled):
    layer = big_layer(bundled)
    reasons = spoil(layer)
    copied_layer = copy.deepcopy(layer)
    dropped = L.drop_malformed_entries(copied_layer)
    as_passed = copy.deepcopy(copied_layer)
    copied = workspace(bundled)
    rejected = copied.replace_layer(copied_layer)
    assert copied_layer == as_passed  # copied: the caller's layer is not changed
    handed_layer = copy.deepcopy(layer)
    handed_dropped = L.drop_malformed_entries(handed_layer)
    handed = workspace(bundled)
    handed_rejected = handed.replace_layer(handed_layer, owned=True)
    assert handed_dropped == dropped and handed_rejected == rejected
    assert handed.layer_view() is handed_layer  # used as it is: what was left out is gone from it
    assert handed.records("reserves") == copied.records("reserves")
    assert handed.layer_view() == copied.layer_view()
    left_out = {record_id: reason for _kind, record_id, reason in dropped}
    left_out.update({r.record_id: r.reason for r in rejected})
    assert left_out == reasons
    assert len(handed.records("reserves")) == len(bundled.raw["reserves"]) + 3000 - len(reasons)


@pytest.mark.parametrize("value", [0, 1, 44_000_000, F.TONS_MAX])
def test_whole_tons_from_a_file_are_read_as_they_are(value):
    assert F.parse_tons("reserves_t", value) == value and type(F.parse_tons("reserves_t", value)) is int


@pytest.mark.parametrize("value, rule", [(-1, "must not be negative"), (F.TONS_MAX + 1, "must be at most"),
                                         (True, "must be a number of metric tons"), (False, "must be a number")])
def test_whole_numbers_out_of_range_are_still_refused(value, rule):
    with pytest.raises(F.FieldError) as info:
        F.parse_tons("reserves_t", value)
    assert str(info.value).startswith(f"reserves_t: {rule}")


def _compare_by_scanning(row, reserves, editions):
    """compare_with_usgs as it was: every USGS edition's rows scanned for the row's country."""
    figures = []
    for edition in [e for e in editions if e.is_usgs]:
        same = [r for r in reserves if r.edition == edition.id and r.country == row.country
                and r.reserves_t is not None]
        if same:
            figures.append((edition, same[0].reserves_t))
    if row.reserves_t is None or not figures:
        return RS.Comparison(RS.NO_DATA, "No USGS figure to compare")
    grouped = {}
    for edition, tons in figures:
        grouped.setdefault(tons, []).append(edition.short)
    listed = "; ".join(f"{RS._names(names)}: {RS.format_mt(t)}" for t, names in grouped.items())
    exact = [e.short for e, t in figures if t == row.reserves_t]
    if exact:
        return RS.Comparison(RS.MATCH, f"Matches {RS._names(exact)}")
    rounded = [e.short for e, t in figures if RS._rounds_to(t, row.reserves_t)]
    if rounded:
        return RS.Comparison(RS.ROUNDED, f"Rounded from {RS._names(rounded)} ({listed})")
    return RS.Comparison(RS.NO_MATCH, f"Matches no USGS edition ({listed})")


def test_comparisons_with_usgs_over_many_rows_are_what_scanning_gives(dataset):
    def row(i, edition, country, tons):
        return Reserve(id=f"x-{i}", country=country, edition=edition, reserves_t=tons, confidence="LOW")

    extra = [row(0, "usgs-mcs-2025", "Atlantis", None), row(1, "usgs-mcs-2025", "Atlantis", 5_000_000),
             row(2, "usgs-mcs-2025", "Atlantis", 6_000_000), row(3, "usgs-mcs-2026", "Atlantis", 5_000_000)]
    extra += [row(10 + i, "article-2025", country, tons) for i, (country, tons) in enumerate(
        [("Atlantis", 5_000_000), ("Atlantis", 5_040_000), ("Atlantis", 7), ("Atlantis", None), ("Nowhere", 1),
         ("China", 44_000_000), ("Brazil", 21_000_000), ("India", 6_900_000)])]
    extra += [row(100 + i, "usgs-mcs-2024", f"Country {i}", i) for i in range(2000)]
    extra += [row(5000 + i, "article-2025", f"Country {i}", i + i % 2) for i in range(0, 2000, 7)]
    extra.append(row(9999, "unknown-source", "Atlantis", 1))
    reserves = list(dataset.reserves) + extra
    compared = RS.compare_all(reserves, dataset.editions)
    usgs = {e.id for e in dataset.editions if e.is_usgs}
    expected = {r.id: _compare_by_scanning(r, reserves, dataset.editions) for r in reserves
                if r.edition == "article-2025" and r.edition not in usgs}
    assert compared == expected
    assert {c.kind for c in compared.values()} == {RS.MATCH, RS.ROUNDED, RS.NO_MATCH, RS.NO_DATA}
    for r in reserves[-20:]:
        assert RS.compare_with_usgs(r, reserves, dataset.editions) == _compare_by_scanning(r, reserves,
                                                                                           dataset.editions)


def test_the_charts_deleted_rows_are_the_deleted_changes(bundled):
    ws = workspace(bundled)
    ws.replace_layer(big_layer(bundled, 500))
    rows = bundled.raw["reserves"]
    article = [r["id"] for r in rows if r["edition"] == "article-2025"]
    usgs = [r["id"] for r in rows if r["edition"] == "usgs-mcs-2025"]
    for record_id in (article[0], article[2], usgs[1], usgs[3]):
        ws.set_entry("reserves", record_id, ws.entry_for_delete("reserves", record_id))
    ws.set_entry("reserves", usgs[4], ws.entry_for_field("reserves", usgs[4], "note", "edited"))
    for sources in (("article-2025",), ("usgs-mcs-2025", "article-2025"), ("usgs-mcs-2026",)):
        shown = set(sources)
        expected = tuple(c.label for c in ws.changes() if c.kind == "reserves" and c.action == "deleted"
                         and (ws.bundled_raw("reserves", c.record_id) or {}).get("edition") in shown)
        assert local_edits(ws, ChartSpec(sources))[1] == expected
    assert len(local_edits(ws, ChartSpec(("usgs-mcs-2025", "article-2025")))[1]) == 4


def _fold_decomposing(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@pytest.mark.parametrize("text", ["".join(map(chr, range(128))), "Country 12", "ABC Corp.", "",
                                  "Ångström Œuvre", "ＡＢＣ", "Straße", "İstanbul", "中国有限公司"])
def test_folding_ascii_text_is_what_decomposing_it_gives(text):
    assert fold(text) == _fold_decomposing(text)


def test_folding_what_is_not_text_fails_as_before():
    with pytest.raises(TypeError):
        fold(None)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_as_it_was_after_a_merge(bundled, enabled):
    import gc

    ws = workspace(bundled)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        ws.replace_layer(big_layer(bundled, 100))
        assert gc.isenabled() is enabled
        with pytest.raises(ZeroDivisionError), L.collector_paused():
            assert not gc.isenabled()
            raise ZeroDivisionError
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_what_a_paused_merge_made_is_collected_as_it_ends(bundled):
    """Objects made while the collector is paused are passed over once, as the pause ends, not in
    one long young-generation pass at some later moment (at 1,000,000 records that pass took
    0.2-0.5 s and, falling inside the typing, was the window's longest stall)."""
    import gc

    was = gc.isenabled()
    gc.enable()
    try:
        with L.collector_paused():
            assert not gc.isenabled()
            made = [[i] for i in range(20_000)]  # containers the collector tracks
            assert gc.get_count()[0] > 10_000  # left young while paused
        young, middle, _old = gc.get_count()
        assert gc.isenabled() and young < 100 and middle == 0 and len(made) == 20_000
    finally:
        (gc.enable if was else gc.disable)()
