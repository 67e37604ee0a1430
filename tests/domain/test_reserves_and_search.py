from __future__ import annotations

from app.domain.reserves import MATCH, NO_MATCH, ROUNDED, compare_with_usgs, format_mt, rows_for
from app.domain.matching import fold, matches


def test_article_figures_against_usgs(dataset):
    article = {r.country: r for r in dataset.reserves if r.edition == "article-2025"}
    verdict = {c: compare_with_usgs(r, dataset.reserves, dataset.editions) for c, r in article.items()}
    assert verdict["China"].kind == MATCH
    assert verdict["Vietnam"].kind == NO_MATCH and "22 Mt" in verdict["Vietnam"].text \
        and "3.5 Mt" in verdict["Vietnam"].text
    assert verdict["Brazil"].kind == NO_MATCH and "21 Mt" in verdict["Brazil"].text
    assert verdict["United States"].kind == ROUNDED


def test_comparison_follows_the_data(dataset):
    from dataclasses import replace

    vietnam = next(r for r in dataset.reserves if r.edition == "article-2025" and r.country == "Vietnam")
    corrected = replace(vietnam, reserves_t=22_000_000)
    assert compare_with_usgs(corrected, dataset.reserves, dataset.editions).kind == MATCH


def test_rows_largest_first_na_last(dataset):
    rows = rows_for(dataset.reserves, "usgs-mcs-2025")
    values = [r.reserves_t for r in rows if r.reserves_t is not None]
    assert values == sorted(values, reverse=True)
    assert all(r.reserves_t is None for r in rows[len(values):])


def test_format_mt():
    assert format_mt(44_000_000) == "44 Mt" and format_mt(3_500_000) == "3.5 Mt"
    assert format_mt(890_000) == "0.89 Mt" and format_mt(4_500) == "4,500 t" and format_mt(None) == "NA"


def test_fold_ignores_case_and_accents():
    assert fold("Estadão ÉCHODYNE") == "estadao echodyne"
    assert matches("echo", fold("Echodyne")) and matches("SIERRA corp", fold("Sierra Nevada Corporation"))
    assert not matches("sierra xyz", fold("Sierra Nevada Corporation"))
