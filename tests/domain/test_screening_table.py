"""The scoring table behind the default threshold.

Every row is an input name, the listed company it should (or should not) be matched to, and the
expected outcome at DEFAULT_THRESHOLD (80). Scores today (bundled data, Nov 2025):

- true matches score 80 to 100: exact names and legal-form variants 100; spacing and
  punctuation ("Echo Dyne", "T-COM", "ACT 1 Federal") 99; abbreviations of the data's words
  ("Kratos UAS", "Oceaneering Intl", "Hudson Tech", "Domo Tactical Comms") 100; word order 100;
  misspellings 80-96 (the lowest is "Cubik Corp": one letter in five, ratio 80); a listed name
  without its generic words or its second distinctive word ("Saronic", "Edge Autonomy") 90-94.
- decoys score at most 75: generic-word-only names clear outright; other companies that share
  one distinctive word of two ("Cubic Zirconia", "Sierra" alone) score 75, one sharing only a
  generic word or nothing scores under 75 or is not retained at all.

So 80 is the lowest threshold that keeps every decoy out and the highest that keeps every true
match in: at 80 a name must carry all the distinctive words of a listed name (each misspelt by at
most about one letter in five), or a listed name must carry nearly all of the input's. The near
misses below sit on either side and show what moving the threshold does: at 75 "Kratos" alone
(78) and "Prosperous America" (77) become possible matches, and so do the 75-point decoys.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.screening import DEFAULT_THRESHOLD, Screener

ON = dt.date(2025, 12, 1)
MATCH, CLEAR = "possible match", "cleared"

# (input, expected company id or None, outcome at the default threshold)
TRUE_MATCHES = [
    ("Insitu, Inc.", "insitu-inc"), ("INSITU INC", "insitu-inc"), ("Ínsitu LLC", "insitu-inc"),
    ("insito", "insitu-inc"), ("Echodine", "echodyne"), ("Echo Dyne", "echodyne"),
    ("Cubik Corp", "cubic-corporation"), ("Cubic", "cubic-corporation"),
    ("Kratos UAS", "kratos-unmanned-aerial-systems-inc"),
    ("Kratos Unmanned Aerial Systems Inc", "kratos-unmanned-aerial-systems-inc"),
    ("Teledyne Brwn", "teledyne-brown-engineering-inc"), ("Teledyne Brown Eng.", "teledyne-brown-engineering-inc"),
    ("Sierra Nevada Corp.", "sierra-nevada-corporation"), ("Nevada Sierra", "sierra-nevada-corporation"),
    ("Oceaneering Intl", "oceaneering-international-inc"),
    ("Oceanering International", "oceaneering-international-inc"),
    ("Hudson Tech", "hudson-technologies-co"), ("Domo Tactical Comms", "domo-tactical-communications"),
    ("Firestorm Laboratories", "firestorm-labs-inc"), ("Intelligence Source", "source-intelligence-inc"),
    ("S3 Aero Defense", "s3-aerodefense"), ("ACT 1 Federal", "act1-federal"), ("Text Ore", "textore"),
    ("T-COM L.P.", "tcom-limited-partnership"), ("Cyber Lux", "cyberlux-corporation"),
    ("Saronic", "saronic-technologies-inc"), ("Edge Autonomy", "edge-autonomy-operations-llc"),
    ("Stick Rudder", "stick-rudder-enterprises-llc"), ("Synexus", "synexxus-inc"), ("Exovara", "exovera"),
    ("Brinc Drones", "brinc-drones-inc"), ("Marvin Engineering Co", "marvin-engineering-company-inc"),
    ("Universal Logistics", "universal-logistics-holdings-inc"), ("American Photonics", "american-photonics"),
    ("High Point Aero Technologies", "high-point-aerotechnologies-llc"),
    ("coalition for a prosperous america", "coalition-for-a-prosperous-america"),
    ("Novotech", "novotech-inc"),
]

# Close to a listed name, but possibly another company: the outcome is what a reviewer should see.
NEAR_MISSES = [
    ("Insite Inc", "insitu-inc", MATCH),  # one letter from a listed name: flag it for review
    ("Novatech Inc", "novotech-inc", MATCH),  # idem
    ("Cubic Defense Applications, Inc.", "cubic-corporation", MATCH),  # subsidiary: listed name + generic words
    ("Sierra Nevada Brewing Co", "sierra-nevada-corporation", MATCH),  # both distinctive words of the listed name
    ("Kratos", "kratos-unmanned-aerial-systems-inc", CLEAR),  # 78: part of the name, shown at 75
    ("Prosperous America", "coalition-for-a-prosperous-america", CLEAR),  # 77
    ("Teledyne Technologies Inc", "teledyne-brown-engineering-inc", CLEAR),  # parent company, shares one word
    ("Kratos Defense & Security Solutions", "kratos-unmanned-aerial-systems-inc", CLEAR),  # idem
    ("Dome Tactical", "domo-tactical-communications", CLEAR),  # 4-letter word misspelt: 73
    ("ACT2 Federal", "act1-federal", CLEAR),  # digits must be equal
]

DECOYS = [
    "Technologies Inc", "International Corporation", "Engineering Company", "Systems LLC", "Corp", "Inc.",
    "LLC", "Limited Partnership", "Global Solutions Group", "Tech Intl Co", "American Systems", "The Company",
    "Cubic Zirconia Ltd", "Sierra", "Hudson Bay Company", "Marvin Gardens LLC", "High Point Furniture",
    "Edge Technologies", "Universal Studios", "Universal Technologies Inc", "Firestone Tire", "Acme Technologies",
    "Walmart Stores", "Procter & Gamble", "Kellogg Company", "Starbucks Coffee Company", "American Airlines",
    "Insight Enterprises", "Sourcing Partners LLC", "Kraton Polymers", "Cubist Pharmaceuticals",
    "Echo Global Logistics", "Teledata",
]


@pytest.fixture(scope="module")
def screener(dataset):
    return Screener(dataset.companies, ON)


def _listed(dataset, company_id):
    assert company_id in {c.id for c in dataset.companies}, f"the table names an unknown id {company_id!r}"
    return company_id


@pytest.mark.parametrize("name,expected", TRUE_MATCHES)
def test_true_matches_are_possible_matches(screener, dataset, name, expected):
    result = screener.screen_one(name)
    possible = result.possible(DEFAULT_THRESHOLD)
    assert possible, f"{name!r} cleared; best {result.best}"
    assert possible[0].record.id == _listed(dataset, expected)


@pytest.mark.parametrize("name,expected,outcome", NEAR_MISSES)
def test_near_misses(screener, dataset, name, expected, outcome):
    result = screener.screen_one(name)
    ids = [m.record.id for m in result.possible(DEFAULT_THRESHOLD)]
    if outcome == MATCH:
        assert ids and ids[0] == _listed(dataset, expected), result
    else:
        assert _listed(dataset, expected) not in ids, result


@pytest.mark.parametrize("name", DECOYS)
def test_decoys_clear(screener, name):
    result = screener.screen_one(name)
    assert result.cleared(DEFAULT_THRESHOLD), f"{name!r} matched {result.possible(DEFAULT_THRESHOLD)}"


def test_the_default_threshold_separates_the_table(screener):
    true_scores = [screener.screen_one(n).best.score for n, _ in TRUE_MATCHES]
    decoy_scores = [m.score for n in DECOYS for m in screener.screen_one(n).matches]
    assert min(true_scores) >= DEFAULT_THRESHOLD > max(decoy_scores, default=0)
    # and the gap is not an accident of one row: the margin on the decoy side is real
    assert max(decoy_scores) <= DEFAULT_THRESHOLD - 5
