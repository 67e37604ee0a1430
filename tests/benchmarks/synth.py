"""Synthetic records for the benchmark (not shipped: tests/ is not in the wheel).

Companies shaped like the bundled ones: an invented name (syllables, a generic business word,
a legal form), one of a few announcements with its listing date, and a timeline drawn from a
small pool of event texts, as real lists hold many entities listed by the same announcement.
Every record parses (``app.domain.records.parse_company``); the same ``seed`` gives the same
records.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

SYLLABLES = ("ka", "ro", "ten", "vi", "lux", "mar", "dor", "sen", "tri", "gal", "nex", "ova", "pra", "zen",
             "cor", "tal", "mi", "bel", "quo", "dyn", "fer", "hal", "jun", "pel", "sor", "um", "wes", "yar")
GENERIC = ("Technologies", "International", "Systems", "Group", "Holdings", "Solutions", "Engineering",
           "Laboratories", "Logistics", "Aerospace", "Dynamics", "Industries")
LEGAL = ("Inc.", "LLC", "Corp.", "Co.", "Ltd.", "")
# (announcement, listed, events): what a listing does over time, as the bundled data tells it.
LISTINGS = (
    ("MOFCOM Announcement No. 13 of 2025", "2025-03-04", (
        ("in-force", "2025-03-04", "in_force", "Export of dual-use items to the entity prohibited.", None),
        ("suspended", "2025-11-10", "suspended", "Measures suspended for one year after the Kuala Lumpur "
                                                 "consultations.", "2026-11-10"))),
    ("MOFCOM Announcement No. 21 of 2025", "2025-04-04", (
        ("in-force", "2025-04-04", "in_force", "Export of dual-use items prohibited; ongoing exports stop at once.",
         None),)),
    ("MOFCOM Announcement No. 31 of 2025", "2025-04-09", (
        ("announced", "2025-04-09", "announced", "Listed on the export control list, in force the next day.", None),
        ("in-force", "2025-04-10", "in_force", "Measures in force.", None))),
    ("MOFCOM Announcement No. 58 of 2025", "2025-10-09", (
        ("in-force", "2025-10-09", "in_force", "Listed for cooperation with Taiwan on military technology.",
         None),)),
)
NOTES = ("", "", "Supplier of components for unmanned aerial systems.", "Defence contractor; subsidiary of a "
         "listed group.", "Named in the MOFCOM statement with its parent company.")


def company_name(rng: random.Random) -> str:
    parts = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).title()]
    if rng.random() < 0.4:
        parts.append("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title())
    if rng.random() < 0.8:
        parts.append(rng.choice(GENERIC))
    parts.append(rng.choice(LEGAL))
    return " ".join(p for p in parts if p)


def company(i: int, rng: random.Random) -> dict[str, Any]:
    """One synthetic company (JSON form) with id ``synth-<i>``."""
    announcement, listed, events = LISTINGS[rng.randrange(len(LISTINGS))]
    raw: dict[str, Any] = {"id": f"synth-{i}", "name": company_name(rng), "name_confidence": "HIGH",
                           "announcement": announcement, "listed": listed, "effective": listed,
                           "notes": rng.choice(NOTES), "events": [], "sources": []}
    for event_id, date, kind, text, until in events:
        event: dict[str, Any] = {"id": event_id, "date": date, "measure": "export_control", "kind": kind,
                                 "text": text, "until_confirmed": True, "confidence": "HIGH", "sources": []}
        if until:
            event["until"] = until
        raw["events"].append(event)
    return raw


def companies(n: int, seed: int = 12) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [company(i, rng) for i in range(n)]


def names(records: list[dict[str, Any]], count: int, seed: int = 3) -> list[str]:
    """Names of ``count`` records, for typing into a filter box."""
    rng = random.Random(seed)
    return [records[rng.randrange(len(records))]["name"] for _ in range(count)]


def write_bundled(source: Path, target: Path, extra_companies: list[dict[str, Any]]) -> Path:
    """A copy of the bundled data folder ``source`` in ``target`` with ``extra_companies``
    appended to companies.json (the loader reads it as it reads the real one)."""
    target.mkdir(parents=True, exist_ok=True)
    for path in source.glob("*.json"):
        shutil.copyfile(path, target / path.name)
    doc = json.loads((source / "companies.json").read_text(encoding="utf-8"))
    doc["companies"] = doc["companies"] + extra_companies
    (target / "companies.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return target


def user_layer(dataset_version: str, records: list[dict[str, Any]], kind: str = "companies") -> dict[str, Any]:
    """A user layer that adds ``records`` (each one an edit of the user's)."""
    from app.domain.layers import empty_layer

    layer = empty_layer(dataset_version)
    layer["records"][kind] = {r["id"]: {"added": r} for r in records}
    return layer
