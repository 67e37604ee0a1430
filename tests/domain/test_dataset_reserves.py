"""USGS MCS 2026 as bundled (fact sheet section 6a): every country's reserves with NA kept as NA,
"–" production as 0, mine production of both years of MCS 2026 and MCS 2025, the edition's
notes and world totals, and the article's figures checked against MCS 2026 too."""

from __future__ import annotations

from app.domain.reserves import (
    MATCH, NO_MATCH, PRODUCTION, PRODUCTION_PRIOR, RESERVES, ROUNDED, compare_with_usgs, figure_header,
    figure_label, figures_in, world_share_text, world_total, world_total_text,
)

# country: (production 2024, production 2025, reserves), None for NA
MCS_2026 = {
    "China": (270_000, 270_000, 44_000_000), "Brazil": (560, 2_000, 21_000_000),
    "Australia": (29_000, 29_000, 6_300_000), "Russia": (2_600, 2_600, 3_800_000),
    "Vietnam": (300, 150, 3_500_000), "United States": (45_500, 51_000, 1_900_000),
    "Greenland": (0, 0, 1_500_000), "Tanzania": (0, 0, 890_000), "South Africa": (0, 0, 860_000),
    "Canada": (0, 0, 830_000), "Malaysia": (140, 110, 710_000), "India": (2_900, 2_900, None),
    "Thailand": (2_100, 4_800, None), "Burma (Myanmar)": (27_000, 22_000, None),
    "Madagascar": (1_400, 2_700, None), "Nigeria": (1_500, 1_500, None), "Other": (1_000, 550, None),
}
# country: (production 2023, production 2024), from MCS 2025
MCS_2025_PRODUCTION = {
    "China": (255_000, 270_000), "Brazil": (140, 20), "India": (2_900, 2_900), "Australia": (16_000, 13_000),
    "Russia": (2_500, 2_500), "Vietnam": (300, 300), "United States": (41_600, 45_000), "Greenland": (0, 0),
    "Tanzania": (0, 0), "South Africa": (0, 0), "Canada": (0, 0), "Thailand": (3_600, 13_000),
    "Burma (Myanmar)": (43_000, 31_000), "Madagascar": (2_100, 2_000), "Malaysia": (310, 130),
    "Nigeria": (7_200, 13_000), "Other": (1_440, 1_100),
}


def _rows(dataset, edition):
    return {r.country: r for r in dataset.reserves if r.edition == edition}


def test_mcs_2026_every_country_na_kept_as_na_and_dash_as_zero(dataset):
    rows = _rows(dataset, "usgs-mcs-2026")
    got = {c: (r.production_prior_t, r.production_t, r.reserves_t) for c, r in rows.items()}
    assert got == MCS_2026
    assert {r.confidence for r in rows.values()} == {"MED"}


def test_mcs_2026_edition_first_with_its_notes_source_and_world_totals(dataset):
    edition = dataset.editions[0]
    assert (edition.id, edition.short, edition.data_year, edition.prior_year, edition.confidence, edition.is_usgs) == \
        ("usgs-mcs-2026", "USGS MCS 2026", 2025, 2024, "MED", True)
    assert edition.url == "https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-rare-earths.pdf"
    assert "pranava0x0/usgs-mineral-commodity-summaries" in edition.how_read and "2514d2b" in edition.how_read
    for needle in ("Units: metric tons of rare-earth-oxide (REO) equivalent", "'–' is zero", "NA is not available",
                   "Australia 5.7 → 6.3 Mt", "India 6.9 Mt → NA", "Malaysia NA → 0.71 Mt", "world >90 Mt → >85 Mt"):
        assert needle in edition.note, needle
    rows = _rows(dataset, "usgs-mcs-2026")
    assert "JORC" in rows["Australia"].note and "3,300,000" in rows["Australia"].note
    assert "monazite" in rows["India"].note and "256,000" in rows["India"].note
    imported = {c for c, r in rows.items() if "import data" in r.note}
    assert imported == {"Vietnam", "Malaysia", "Thailand", "Burma (Myanmar)", "Madagascar"}
    # ">85,000,000" is a lower bound, and the production totals are rounded: never shown as exact
    assert world_total(edition, RESERVES) == (85_000_000, ">")
    assert world_total(edition, PRODUCTION) == (390_000, "≈") and world_total(edition, PRODUCTION_PRIOR) == (380_000, "≈")
    assert world_total_text(edition, RESERVES) == "more than 85 Mt"
    assert world_share_text(44_000_000, edition, RESERVES) == "<52%"
    assert world_share_text(270_000, edition, PRODUCTION) == "≈69%"


def test_mcs_2025_production_of_2023_and_2024(dataset):
    rows = _rows(dataset, "usgs-mcs-2025")
    assert {c: (r.production_prior_t, r.production_t) for c, r in rows.items()} == MCS_2025_PRODUCTION
    edition = dataset.edition("usgs-mcs-2025")
    assert (figure_label(PRODUCTION, edition), figure_label(PRODUCTION_PRIOR, edition)) == \
        ("Mine production 2024", "Mine production 2023")
    assert world_total_text(edition, RESERVES) == "more than 90 Mt"
    assert rows["Other"].reserves_t is None


def test_labels_name_the_years_of_each_edition(dataset):
    mcs26 = dataset.edition("usgs-mcs-2026")
    assert figure_header(PRODUCTION, mcs26) == "Production 2025 (t)"
    assert figure_header(PRODUCTION_PRIOR, mcs26) == "Production 2024 (t)"
    article = dataset.edition("article-2025")
    assert figure_label(PRODUCTION, article) == "Mine production (data year)"
    assert figures_in(list(_rows(dataset, "article-2025").values())) == (RESERVES,)
    assert figures_in(list(_rows(dataset, "usgs-mcs-2026").values())) == (RESERVES, PRODUCTION, PRODUCTION_PRIOR)


def test_article_checked_against_mcs_2026_too(dataset):
    article = {r.country: r for r in dataset.reserves if r.edition == "article-2025"}
    verdict = {c: compare_with_usgs(r, dataset.reserves, dataset.editions) for c, r in article.items()}
    assert verdict["China"] == verdict["China"].__class__(MATCH, "Matches USGS MCS 2026, 2025, 2024, 2023")
    assert verdict["Vietnam"].kind == NO_MATCH
    assert verdict["Vietnam"].text == "Matches no USGS edition (USGS MCS 2026, 2025: 3.5 Mt; USGS MCS 2024, 2023: 22 Mt)"
    assert verdict["Brazil"].text == "Matches no USGS edition (USGS MCS 2026, 2025, 2024, 2023: 21 Mt)"
    assert verdict["United States"].kind == ROUNDED
    assert verdict["United States"].text.startswith("Rounded from USGS MCS 2026, 2025, 2023 (")
