"""The versioned envelope around a document on disk, and the bytes of one save.

On disk::

    {"format": "<format_name>", "schema_version": 3, "app_version": "1.4.0",
     "saved_at": "2026-11-29T22:30:00Z", "data": {...}}

:class:`Envelope` turns bytes into validated data of the current schema (running the
migration steps) and data into a :class:`Payload`: the bytes to write, the fingerprint of the
data they hold, and how they were checked to load back. It knows nothing about what the data
means; the caller supplies ``validate`` and the migrations. No I/O happens here.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain.text import QT_TRANSLATE_NOOP, Msg
from app.storage.atomic import SaveError
from app.storage.clock import iso_utc
from app.storage.digest import sha256 as _sha256
from app.storage.strict_json import MAX_DOCUMENT_BYTES, LoadError, json_dumps_bytes, strict_json_loads

__all__ = ["Decoded", "Document", "Envelope", "NewerSchema", "Parsed", "Payload", "PRETTY_LIMIT", "sha256"]

# Documents smaller than this (compact) are written indented and read back strictly.
PRETTY_LIMIT = 256 * 1024
# The compact layout ``encode`` writes a larger document in, around the data's own bytes: sorted
# keys, no spaces. Inside a JSON string every '"' follows a backslash, so ',"format":' can only be
# the key itself, and the last one in the file is where the data ends.
_COMPACT_HEAD = re.compile(rb'\{"app_version":"(?:[^"\\]|\\.)*","data":')
_COMPACT_TAIL = re.compile(rb',"format":"(?:[^"\\]|\\.)*","saved_at":"(?:[^"\\]|\\.)*","schema_version":[0-9]{1,9}\}\n\Z')

Document = dict[str, Any]
Migration = Callable[[Document], Document]
Validator = Callable[[Document], None]


@dataclass(frozen=True)
class Parsed:
    """A file's data as written, before migration and validation."""

    data: Document
    schema_version: int
    app_version: str | None


@dataclass(frozen=True)
class Decoded:
    data: Document  # validated, in the current schema
    schema_version: int  # the version found in the file, before migration
    app_version: str | None
    original: Document  # the data as found in the file (``data`` itself when not migrated)


@dataclass(frozen=True)
class Payload:
    """The bytes of one save. ``fingerprint`` is the sha256 of the data's compact encoding
    (the same whether the file is written indented or compact), used to skip saves that change
    nothing. ``checked`` says how the bytes are known to load back: "read-back" (parsed again
    strictly), "round-trip" (the C parser gave back equal data), "encoder" (the caller's encoder
    checked each piece) or "verbatim" (the bytes of a backup that decoded)."""

    file_bytes: bytes
    fingerprint: bytes
    checked: str


class NewerSchema(Exception):
    """The file was written by a newer Curbwatch; it is kept as it is, never overwritten."""

    def __init__(self, version: int, app_version: str | None) -> None:
        super().__init__(version, app_version)
        self.version = version
        self.app_version = app_version


def sha256(data: bytes | None) -> bytes | None:
    return None if data is None else _sha256(data).digest()


def describe(exc: BaseException) -> str:
    """An exception as a short phrase for a banner."""
    text = str(exc).strip().rstrip(".") or type(exc).__name__
    if not isinstance(exc, ValueError):
        text = f"{type(exc).__name__}: {text}"
    return text[:300]


def kind_of_value(value: object) -> str:
    names = {list: QT_TRANSLATE_NOOP("", "a list"), str: QT_TRANSLATE_NOOP("", "a string"),
             int: QT_TRANSLATE_NOOP("", "a number"), float: QT_TRANSLATE_NOOP("", "a number"),
             bool: QT_TRANSLATE_NOOP("", "true/false"), type(None): "null"}
    name = names.get(type(value))
    return Msg(name) if name is not None else type(value).__name__


def _at_most_200(message: Msg) -> str:
    # A hand-edited file can put anything in a field; the reason stays short enough for a banner
    # (cut, it is no longer a whole sentence to translate, so it stays as it is).
    return message if len(message) <= 200 else str(message)[:200]


class Envelope:
    """One document format: its name, current schema version, migrations and validator."""

    def __init__(self, *, format_name: str, schema_version: int, migrations: Mapping[int, Migration] | None,
                 validate: Validator, app_version: str, clock: Callable[[], datetime]) -> None:
        if schema_version < 1:
            raise ValueError("schema_version starts at 1")
        migrations = dict(migrations or {})
        bad = [k for k in migrations if not (isinstance(k, int) and 1 <= k < schema_version)]
        if bad:
            raise ValueError(f"migration steps {bad} do not lead to version {schema_version}")
        self.format_name = format_name
        self.schema_version = schema_version
        self.app_version = app_version
        self._migrations = migrations
        self._validate = validate
        self._clock = clock

    # ------------------------------------------------------------------ reading

    def decode(self, raw: bytes, *, ours: bool = False) -> Decoded:
        """Bytes -> validated data in the current schema. Raises LoadError for anything
        unusable and NewerSchema for a file from a newer version."""
        return self.upgrade(self.parse(raw, ours=ours))

    def parse(self, raw: bytes, *, ours: bool = False) -> Parsed:
        """Bytes -> the envelope's data as written (not yet migrated or validated). ``ours``:
        the bytes are known to be this store's own compact encoding (``compact_fingerprint``
        is a journal marker), so the checks only a foreign file can fail are skipped
        (``strict_json_loads(ours=True)``); the data is still validated."""
        obj = strict_json_loads(raw, ours=ours)
        if not isinstance(obj, dict):
            raise LoadError(Msg(QT_TRANSLATE_NOOP("", "the top level is {kind}, not an object"),
                                kind=kind_of_value(obj)))
        if "format" not in obj:
            raise LoadError(Msg(QT_TRANSLATE_NOOP("", "no format field")))
        if obj["format"] != self.format_name:
            raise LoadError(_at_most_200(Msg(QT_TRANSLATE_NOOP("", "not a {name} file (format {found})"),
                                             name=self.format_name, found=repr(obj["format"]))))
        if "schema_version" not in obj:
            raise LoadError(Msg(QT_TRANSLATE_NOOP("", "no schema_version")))
        version = obj["schema_version"]
        if type(version) is not int or version < 1:
            raise LoadError(_at_most_200(Msg(QT_TRANSLATE_NOOP("", "schema_version {found} is not a positive whole "
                                                                   "number"), found=repr(version))))
        app_version = obj.get("app_version")
        app_version = app_version if isinstance(app_version, str) else None
        if version > self.schema_version:
            raise NewerSchema(version, app_version)
        data = obj.get("data")
        if not isinstance(data, dict):
            raise LoadError(Msg(QT_TRANSLATE_NOOP("", "the data field is missing or not an object")))
        return Parsed(data, version, app_version)

    def upgrade(self, parsed: Parsed) -> Decoded:
        """Parsed data -> validated data of the current schema (LoadError if unusable)."""
        return Decoded(self._upgrade(parsed.data, parsed.schema_version), parsed.schema_version,
                       parsed.app_version, parsed.data)

    def _upgrade(self, data: Document, version: int) -> Document:
        if version < self.schema_version:
            data = copy.deepcopy(data)  # a step may change its input; the original stays as read
        for step in range(version, self.schema_version):
            migrate = self._migrations.get(step)
            if migrate is None:
                raise LoadError(Msg(QT_TRANSLATE_NOOP("", "format {version} is too old to upgrade (no step from "
                                                          "{step} to {next})"), version=version, step=step, next=step + 1))
            try:
                data = migrate(data)
            except Exception as exc:  # noqa: BLE001 - a hand-edited file can break any step
                raise LoadError(Msg(QT_TRANSLATE_NOOP("", "upgrading from format {step} failed ({problem})"),
                                    step=step, problem=describe(exc))) from None
            if not isinstance(data, dict):
                raise LoadError(Msg(QT_TRANSLATE_NOOP("", "upgrading from format {step} did not give an object"),
                                    step=step))
        try:
            self._validate(data)
        except Exception as exc:  # noqa: BLE001 - a validator bug must not crash start-up
            raise LoadError(Msg(QT_TRANSLATE_NOOP("", "invalid data: {problem}"), problem=describe(exc))) from None
        return data

    def validate_file(self, raw: bytes) -> None:
        """Raise unless ``raw`` is worth keeping as a backup. A file from a newer Curbwatch
        is valid for that version and worth keeping."""
        try:
            self.decode(raw)
        except NewerSchema:
            return

    # ------------------------------------------------------------------ writing

    def data_bytes(self, data: Document) -> bytes:
        """``data`` as compact, sorted UTF-8 JSON (the C encoder): the basis of both the
        no-change fingerprint and, for large documents, the file itself."""
        try:
            return json_dumps_bytes(data, pretty=False)
        except SaveError as exc:
            raise SaveError("invalid", f"Nothing was saved: {exc}") from None

    def fingerprint(self, data: Document) -> bytes:
        return _sha256(self.data_bytes(data)).digest()

    def compact_fingerprint(self, raw: bytes) -> bytes | None:
        """The sha256 of the data's bytes when ``raw`` is laid out exactly as ``encode`` writes a
        large document (``{"app_version":…,"data":<data>,"format":…,"saved_at":…,
        "schema_version":…}``), else None. Only a candidate: when it equals a fingerprint this
        store wrote (a journal marker), the data's bytes are an encoding this store made of data
        it had checked, so the file is known to be its own before it is parsed: no key twice,
        no NaN, nesting it wrote (see ``parse(ours=True)``), and its data is named without
        being encoded again."""
        head = _COMPACT_HEAD.match(raw)
        end = raw.rfind(b',"format":')
        if head is None or end <= head.end() or not _COMPACT_TAIL.match(raw, end):
            return None
        digest = _sha256(memoryview(raw)[head.end():end])
        digest.update(b"\n")
        return digest.digest()

    def marker(self, data: Document) -> str:
        """The fingerprint the journal names data by (hex)."""
        return self.fingerprint(data).hex()

    def verbatim(self, raw: bytes, decoded: Decoded) -> Payload:
        """A decoded file's own bytes as a payload (copied byte for byte, so the next routine
        backup sees them unchanged)."""
        return Payload(raw, self.fingerprint(decoded.data), "verbatim")

    def encode(self, data: Document, *, encoded: bytes | None = None) -> Payload:
        """The payload for ``data``: validated, wrapped, and known to load back. ``encoded``
        is the caller's own compact encoding of ``data``, already checked piece by piece (see
        app.storage.layer_encoder.LayerEncoder). Raises ``SaveError(kind="invalid")``."""
        if not isinstance(data, dict):
            raise SaveError("invalid", f"Nothing was saved: the data is {kind_of_value(data)}, not an object.")
        try:
            self._validate(data)
        except Exception as exc:  # noqa: BLE001
            raise SaveError("invalid", f"Nothing was saved because the data is invalid: {describe(exc)}.") from None
        data_bytes = encoded if encoded is not None else self.data_bytes(data)
        fingerprint = _sha256(data_bytes).digest()
        envelope = {"format": self.format_name, "schema_version": self.schema_version,
                    "app_version": self.app_version, "saved_at": iso_utc(self._clock()), "data": data}
        # Keys in sorted order, as json_dumps_bytes would write them, around the data bytes
        # already made for the fingerprint: one encoding of the data per save, not three.
        compact = (b'{"app_version":' + json.dumps(self.app_version, ensure_ascii=False).encode("utf-8")
                   + b',"data":' + data_bytes.rstrip(b"\n")
                   + b',"format":' + json.dumps(self.format_name, ensure_ascii=False).encode("utf-8")
                   + b',"saved_at":' + json.dumps(envelope["saved_at"]).encode("utf-8")
                   + b',"schema_version":' + str(int(self.schema_version)).encode("ascii") + b"}\n")
        if len(compact) < PRETTY_LIMIT:
            payload = json_dumps_bytes(envelope)
            # Read-back check: never write what this very version could not load again
            # (size or depth caps, a validator that disagrees with its own output).
            try:
                self.decode(payload)
            except (LoadError, NewerSchema) as exc:
                reason = exc.reason if isinstance(exc, LoadError) else "newer schema"
                raise SaveError("invalid", f"Nothing was saved: the data would not load back ({reason}).") from None
            return Payload(payload, fingerprint, "read-back")
        # Large documents: the strict parser's Python hooks cost more than the save budget.
        # The bytes come from the C encoder (no NaN, no duplicate keys possible), so the
        # read-back checks what matters there: the size cap, and that parsing them gives
        # back exactly the data (e.g. no int key silently turned into a string).
        if len(compact) > MAX_DOCUMENT_BYTES:
            raise SaveError("invalid", f"Nothing was saved: the data would not load back "
                            f"(larger than {MAX_DOCUMENT_BYTES:,} bytes).")
        if encoded is not None:
            return Payload(compact, fingerprint, "encoder")
        if json.loads(compact) != envelope:
            raise SaveError("invalid", "Nothing was saved: the data would not load back unchanged.")
        return Payload(compact, fingerprint, "round-trip")
