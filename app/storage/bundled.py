"""Loading and validating the bundled dataset in ``data/``.

Each file is a JSON envelope with ``format``, ``schema_version``, ``dataset_version`` and
``as_of``. Any problem fails the whole load with a message naming the file, the record and the
field: shipping a half-loaded reference would be worse than refusing to start.

``reserves.json`` also lists the sources of reserve figures (``editions``); the first one is
the source the Reserves tab opens on, so the newest USGS edition goes first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain import fields as F
from app.domain.kinds import KIND_KEYS, kind_of
from app.domain.model import Dataset, DatasetInfo
from app.domain.records import RecordError, parse_edition
from app.storage.strict_json import LoadError, strict_json_loads

SCHEMA_VERSION = 1
FILES = {kind: f"{kind}.json" for kind in KIND_KEYS}


class DataError(Exception):
    """A bundled or imported data file that cannot be used; the message says where and why."""


@dataclass
class Bundled:
    """The bundled dataset, parsed, plus its raw JSON records (the base of the user's layer)."""

    dataset: Dataset
    raw: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def records(self) -> dict[str, list[Any]]:
        """The parsed records by kind (the workspace reuses them for records nobody edited)."""
        return {"companies": self.dataset.companies, "elements": self.dataset.elements,
                "reserves": self.dataset.reserves}


def _envelope(path: Path, kind: str) -> tuple[dict, DatasetInfo]:
    try:
        doc = strict_json_loads(path.read_bytes())
    except OSError as exc:
        raise DataError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    except LoadError as exc:
        raise DataError(f"{path.name}: {exc}") from None
    if not isinstance(doc, dict):
        raise DataError(f"{path.name}: must hold a JSON object")
    if doc.get("format") != f"curbwatch-{kind}":
        raise DataError(f"{path.name}: format must be 'curbwatch-{kind}' (got {doc.get('format')!r})")
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version != SCHEMA_VERSION:
        raise DataError(f"{path.name}: schema_version {version!r} is not supported (expected {SCHEMA_VERSION})")
    try:
        info = DatasetInfo(
            dataset_version=F.parse_text("dataset_version", doc.get("dataset_version"), max_len=40),
            as_of=F.parse_date("as_of", doc.get("as_of")),
            schema_version=version,
        )
    except F.FieldError as exc:
        raise DataError(f"{path.name}: {exc}") from None
    if not isinstance(doc.get(kind), list):
        raise DataError(f"{path.name}: '{kind}' must be a list of records")
    return doc, info


def parse_records(kind: str, raws: list, where: str) -> list:
    records, seen = [], set()
    for index, raw in enumerate(raws):
        try:
            record = kind_of(kind).parse(raw)
        except RecordError as exc:
            raise DataError(f"{where}: {kind}[{index}]: {exc}") from None
        if record.id in seen:
            raise DataError(f"{where}: {kind}[{index}]: record {record.id!r}: id: duplicate id")
        seen.add(record.id)
        records.append(record)
    return records


def load_bundled(directory: Path) -> Bundled:
    infos, raw, parsed = [], {}, {}
    editions = []
    for kind in KIND_KEYS:
        path = directory / FILES[kind]
        if not path.exists():
            raise DataError(f"{path.name}: bundled data file is missing from {directory}")
        doc, info = _envelope(path, kind)
        infos.append(info)
        raw[kind] = doc[kind]
        parsed[kind] = parse_records(kind, doc[kind], path.name)
        if kind == "reserves":
            if not isinstance(doc.get("editions"), list):
                raise DataError(f"{path.name}: 'editions' must be a list")
            try:
                editions = [parse_edition(e) for e in doc["editions"]]
            except RecordError as exc:
                raise DataError(f"{path.name}: editions: {exc}") from None
            known = {e.id for e in editions}
            if len(known) != len(editions):
                raise DataError(f"{path.name}: editions: two sources share an id")
            for row in parsed[kind]:
                if row.edition not in known:
                    raise DataError(f"{path.name}: record {row.id!r}: edition: unknown source {row.edition!r}")
    versions = {i.dataset_version for i in infos}
    if len(versions) != 1:
        raise DataError(f"bundled files disagree on dataset_version: {sorted(versions)}")
    info = max(infos, key=lambda i: i.as_of)
    dataset = Dataset(info=info, companies=parsed["companies"], elements=parsed["elements"],
                      editions=editions, reserves=parsed["reserves"])
    return Bundled(dataset=dataset, raw=raw)
