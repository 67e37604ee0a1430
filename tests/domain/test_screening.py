"""Screening API: what a result says (score, matched_on, status), aliases and Chinese names,
inputs that cannot match, duplicates, chunks, progress and cancellation."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.domain.screening import (ALIAS, CHINESE, CLEARED_EMPTY, CLEARED_GENERIC_ONLY, CLEARED_LEGAL_ONLY,
                                  DEFAULT_THRESHOLD, NAME, Screener, screen, score_words)
from app.domain.status import SUSPENDED

ON = dt.date(2025, 12, 1)


def _with(dataset, company_id, **changes):
    return [dataclasses.replace(c, **changes) if c.id == company_id else c for c in dataset.companies]


def test_a_match_says_what_matched_and_the_status_on_the_date(dataset):
    result = Screener(dataset.companies, ON).screen_one("Insito Inc.")
    match = result.best
    assert match.record.id == "insitu-inc" and match.matched_on == "Insitu, Inc." and match.field == NAME
    assert 80 <= match.score < 100
    measures = dict(match.statuses)
    assert set(measures) == {"export_control", "uel"}
    assert measures["export_control"].label == "Lifted 2025-08-12"
    assert measures["uel"].kind == SUSPENDED
    assert match.status.startswith("Export control: Lifted 2025-08-12; Unreliable Entity List: Suspended until")


def test_status_follows_the_status_date(dataset):
    before = Screener(dataset.companies, dt.date(2025, 4, 20)).screen_one("Insitu").best
    assert dict(before.statuses)["export_control"].label == "In force since 2025-04-10"


def test_only_a_word_for_word_match_scores_100(dataset):
    screener = Screener(dataset.companies, ON)
    assert screener.screen_one("insitu llc").best.score == 100  # legal forms neither help nor hurt
    assert screener.screen_one("Insitu Incorporated Company").best.score == 100
    assert screener.screen_one("Echo Dyne").best.score == 99
    assert screener.screen_one("insitu drones").best.score < 100


@pytest.mark.parametrize("name,note", [("Corp", CLEARED_LEGAL_ONLY), ("Inc.", CLEARED_LEGAL_ONLY),
                                       ("", CLEARED_EMPTY), ("   ", CLEARED_EMPTY), ("---", CLEARED_EMPTY),
                                       ("Technologies Inc", CLEARED_GENERIC_ONLY),
                                       ("International Corporation", CLEARED_GENERIC_ONLY)])
def test_names_that_cannot_match_clear_with_the_reason(dataset, name, note):
    result = Screener(dataset.companies, ON).screen_one(name)
    assert result.matches == () and result.note == note
    assert result.cleared(1)  # not even at the lowest threshold


def test_a_listed_name_made_of_generic_words_still_matches_itself(dataset):
    companies = _with(dataset, "exovera", name="Global Systems Group")
    screener = Screener(companies, ON)
    assert screener.screen_one("Global Systems Group Inc").best.record.id == "exovera"
    assert screener.screen_one("Global Systems").cleared(1)


def test_alias_that_matched_is_named(dataset):
    companies = _with(dataset, "sierra-nevada-corporation", aliases=("SNC", "Sierra Nevada Corp Space Systems"))
    screener = Screener(companies, ON)
    match = screener.screen_one("SNC").best
    assert (match.record.id, match.matched_on, match.field, match.score) == \
        ("sierra-nevada-corporation", "SNC", ALIAS, 100)
    assert screener.screen_one("SNX").matches == ()  # short words match only exactly
    # one row per company: its best name or alias wins
    result = screener.screen_one("Sierra Nevada Space Systems")
    assert [m.record.id for m in result.matches].count("sierra-nevada-corporation") == 1
    assert result.best.matched_on == "Sierra Nevada Corp Space Systems"


def test_chinese_name_matches_without_its_legal_suffix(dataset):
    companies = _with(dataset, "insitu-inc", name_zh="英西图有限公司")
    screener = Screener(companies, ON)
    match = screener.screen_one("英西图公司").best
    assert (match.record.id, match.matched_on, match.field, match.score) == \
        ("insitu-inc", "英西图有限公司", CHINESE, 100)
    assert screener.screen_one("公司").matches == ()
    assert screener.screen_one("英西").cleared(DEFAULT_THRESHOLD)  # two characters: exact only


def test_full_width_and_accented_input(dataset):
    screener = Screener(dataset.companies, ON)
    assert screener.screen_one("ＥＣＨＯＤＹＮＥ").best.record.id == "echodyne"
    assert screener.screen_one("Échodyne").best.score == 100


def test_duplicates_and_order_are_kept(dataset):
    names = ["Cubic", "nobody at all", "Cubic", "Insitu"]
    results = Screener(dataset.companies, ON).screen_chunk(names)
    assert [r.input for r in results] == names
    assert results[0] == results[2]


def test_score_words_needs_a_distinctive_pair():
    weights = (1.0, 0.25)
    # "acme technologies" against "zeta technologies": only the generic word pairs
    assert score_words(["acme", "technologies"], weights, (True, False),
                       ["zeta", "technologies"], weights, (True, False)) == 0
    assert score_words(["zeta", "technologies"], weights, (True, False),
                       ["zeta", "technologies"], weights, (True, False)) == 100


def test_progress_reports_each_chunk_and_cancel_stops(dataset):
    names = [f"Company {i}" for i in range(1_000)] + ["Insitu"]
    seen = []
    run = screen(dataset.companies, names, ON, progress=lambda done, total: seen.append((done, total)),
                 chunk_size=300)
    assert seen == [(300, 1001), (600, 1001), (900, 1001), (1001, 1001)]
    assert not run.cancelled and len(run.results) == 1001 and run.possible_names == 1

    calls = []

    def cancel_after_two(done, total):
        calls.append(done)
        return len(calls) < 2

    run = screen(dataset.companies, names, ON, progress=cancel_after_two, chunk_size=300)
    assert run.cancelled and len(run.results) == 600 and run.total == 1001 and calls == [300, 600]


def test_run_counts_follow_the_threshold(dataset):
    run = screen(dataset.companies, ["Kratos", "Insitu", "Technologies Inc"], ON, threshold=75)
    assert (run.possible_names, run.cleared_names) == (2, 1)
    run.threshold = 80  # the UI's slider re-partitions without screening again
    assert (run.possible_names, run.cleared_names) == (1, 2)


def test_a_low_threshold_keeps_lower_matches(dataset):
    assert screen(dataset.companies, ["Teledyne Technologies"], ON, threshold=60).possible_matches == 1
    assert screen(dataset.companies, ["Teledyne Technologies"], ON).possible_matches == 0


def test_iter_chunks_can_be_abandoned(dataset):
    screener = Screener(dataset.companies, ON)
    chunks = screener.iter_chunks(["Insitu"] * 10, chunk_size=3)
    assert len(next(chunks)) == 3
    chunks.close()  # the UI's Cancel: nothing else runs
