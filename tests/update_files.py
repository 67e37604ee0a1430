"""Dataset update files for tests, built from the bundled data the way a colleague would: copy
the three files, change what they change, give them a new dataset_version, zip them."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from app.storage.paths import bundled_data_dir

NAMES = ("companies.json", "elements.json", "reserves.json")
NEW_VERSION = "2026.12.2"
BRAZIL = "usgs-mcs-2026.brazil"  # 21,000,000 t in the bundled data


def bundled_docs() -> dict[str, dict]:
    return {name: json.loads((bundled_data_dir() / name).read_text(encoding="utf-8")) for name in NAMES}


def record(docs: dict[str, dict], kind: str, record_id: str) -> dict:
    return next(r for r in docs[f"{kind}.json"][kind] if r["id"] == record_id)


def one_changed_figure(docs: dict[str, dict]) -> None:
    record(docs, "reserves", BRAZIL)["reserves_t"] = 22_000_000


def build_folder(folder: Path, change: Callable[[dict], None] | None = one_changed_figure,
                 version: str = NEW_VERSION) -> Path:
    docs = bundled_docs()
    for doc in docs.values():
        doc["dataset_version"] = version
    if change is not None:
        change(docs)
    folder.mkdir(parents=True, exist_ok=True)
    for name, doc in docs.items():
        (folder / name).write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder


def build_zip(path: Path, change: Callable[[dict], None] | None = one_changed_figure, version: str = NEW_VERSION,
              prefix: str = "") -> Path:
    folder = build_folder(path.with_suffix(".parts"), change, version)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in NAMES:
            archive.write(folder / name, prefix + name)
    return path
