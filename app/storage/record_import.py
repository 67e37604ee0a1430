"""Reading a file of records to import (File > Import records…): CSV or JSON, checked before
anything is changed. No Qt.

``read_table`` turns a file into a ``SourceTable`` (a header and rows of cells) or refuses it
with an ``ImportFileError`` whose message says what is wrong and what to do: a file too big or
with more than ``MAX_ROWS`` rows, text that is not UTF-8 (or UTF-16 with a byte-order mark), a
spreadsheet workbook, an unterminated quote (the CSV reader is strict), a row longer than the
header, two columns of the same name, JSON that is not a list of objects.

Accepted: the app's own exports (``--export`` CSV, File > Export current view… CSV and JSON,
whose formula-defusing apostrophes are taken off again), any CSV whose columns the user maps
to fields, a JSON list of objects, and the bundled data files' layout. What importing the table
would do is worked out by ``app.storage.import_plan``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from app.domain.text import QT_TRANSLATE_NOOP, Msg
from app.storage import user_file
from app.storage.export import neutralise
from app.storage.strict_json import LoadError, strict_json_loads
from app.storage.user_file import UserFileProblem, decode_text, read_capped

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 10_000  # a hundred times the bundled data; more is a mistake or another kind of file
KIND_KEYS = ("companies", "elements", "reserves")
_UNDO_AFTER = re.compile(r"(?<=[,;\t\r\n])([ \"]*)'([=+\-@])")


class ImportFileError(ValueError):
    """A file that cannot be imported at all; the message says why and what to do."""


@dataclass(frozen=True)
class SourceTable:
    name: str  # the file's name, for messages
    format: str  # "csv" or "json"
    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]  # CSV: text cells; JSON: JSON values
    numbers: tuple[int, ...]  # each row's number as the user finds it (spreadsheet row, JSON record)
    kind: str | None = None  # the kind the file says it holds, if it says
    row_word: str = "row"  # "row" (CSV, counted as a spreadsheet does: the header is row 1) or "record"

    def where(self, index: int) -> str:
        if self.row_word == "record":
            return Msg(QT_TRANSLATE_NOOP("", "Record {n}"), n=self.numbers[index])
        return Msg(QT_TRANSLATE_NOOP("", "Row {n}"), n=self.numbers[index])


def read_table(path: Path | str) -> SourceTable:
    path = Path(path)
    try:
        data = read_capped(path, MAX_BYTES)
    except UserFileProblem as problem:
        raise ImportFileError(_refusal(problem, path.name, path)) from None
    return parse_table(data, path.name)


def parse_table(data: bytes, name: str) -> SourceTable:
    """A table from a file's bytes (JSON by its suffix or its first character, else CSV)."""
    if data.startswith(b"PK\x03\x04"):
        raise ImportFileError(Msg(QT_TRANSLATE_NOOP("", "{name} is a workbook or an archive (.xlsx, .zip): Curbwatch "
                                                        "imports CSV or JSON. In your spreadsheet, save the sheet as "
                                                        "\"CSV UTF-8\"."), name=name))
    text = _decode(data, name)
    if not text.strip():
        raise ImportFileError(_empty(name))
    if name.lower().endswith(".json") or text.lstrip()[:1] in ("{", "["):
        return _json_table(data, name)
    return _csv_table(text, name)


def _decode(data: bytes, name: str) -> str:
    try:
        return decode_text(data)
    except UserFileProblem as problem:
        raise ImportFileError(_refusal(problem, name)) from None


def _refusal(problem: UserFileProblem, name: str, path: Path | None = None) -> Msg:
    """What the user is told when ``user_file`` refuses the file ``name``."""
    facts = problem.facts
    if problem.kind == user_file.TOO_BIG:
        return Msg(QT_TRANSLATE_NOOP("", "{name} is {size} MB; an import may be at most {most} MB ({rows} rows): "
                                         "split it."),
                   name=name, size=f"{facts['size'] / 1024 / 1024:.0f}", most=MAX_BYTES // 1024 // 1024,
                   rows=f"{MAX_ROWS:,}")
    if problem.kind == user_file.FOLDER:
        return Msg(QT_TRANSLATE_NOOP("", "{path} is a folder, not a file."), path=path or name)
    if problem.kind == user_file.NOT_A_FILE:
        return Msg(QT_TRANSLATE_NOOP("", "{name} is {what}: only regular files are read."), name=name,
                   what=facts["what"])
    if problem.kind == user_file.BAD_UTF16:
        return Msg(QT_TRANSLATE_NOOP("", "{name} is not valid UTF-16 text ({reason})."), name=name,
                   reason=facts["reason"])
    if problem.kind == user_file.BINARY:
        return Msg(QT_TRANSLATE_NOOP("", "{name} looks like a binary file, not CSV or JSON text: save it as "
                                         "\"CSV UTF-8\"."), name=name)
    if problem.kind == user_file.NOT_UTF8:
        return Msg(QT_TRANSLATE_NOOP(
            "", "{name} is not UTF-8 text (byte 0x{byte} on line {line}), so names with accents or in Chinese would "
                "come out wrong: save it as UTF-8 (in Excel: \"CSV UTF-8\"; in a text editor: encoding UTF-8) and "
                "import it again."), name=name, byte=f"{facts['byte']:02x}", line=facts["line"])
    return Msg(QT_TRANSLATE_NOOP("", "{name} cannot be read: {reason}."), name=name, reason=facts["reason"])


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_table(text: str, name: str) -> SourceTable:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    header: list[str] | None = None
    rows: list[tuple[object, ...]] = []
    numbers: list[int] = []
    number = 0
    try:
        for cells in reader:
            number += 1
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = _header([c.strip() for c in cells], name)
                continue
            if len(rows) >= MAX_ROWS:
                raise ImportFileError(Msg(QT_TRANSLATE_NOOP("", "{name} has more than {most} rows; an import takes at "
                                                                "most {most}: split the file."),
                                          name=name, most=f"{MAX_ROWS:,}"))
            if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
                raise ImportFileError(Msg(QT_TRANSLATE_NOOP("", "{name}, row {row}: {cells} cells, but the header has "
                                                                "{columns} columns (an unquoted comma in a cell?)."),
                                          name=name, row=number, cells=len(cells), columns=len(header)))
            cells = cells[: len(header)] + [""] * (len(header) - len(cells))
            rows.append(tuple(unneutralise(c) for c in cells))
            numbers.append(number)
    except csv.Error as exc:
        raise ImportFileError(Msg(QT_TRANSLATE_NOOP("", "{name} is not valid CSV (row {row}: {reason}): a quote that "
                                                        "is never closed swallows the rest of the file. Nothing was "
                                                        "imported."), name=name, row=number + 1, reason=exc)) from None
    if header is None:
        raise ImportFileError(_empty(name))
    return SourceTable(name, "csv", tuple(header), tuple(rows), tuple(numbers))


def _header(cells: list[str], name: str) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for index, cell in enumerate(cells, 1):
        label = cell.lstrip("\ufeff") or Msg(QT_TRANSLATE_NOOP("", "column {n}"), n=index)
        key = label.casefold()
        if key in seen:
            raise ImportFileError(Msg(QT_TRANSLATE_NOOP("", "{name} has two columns named {label} (columns {first} "
                                                            "and {second}): rename one so each column says which "
                                                            "field it is."),
                                      name=name, label=repr(str(label)), first=seen[key], second=index))
        seen[key] = index
        out.append(label)
    return out


def unneutralise(cell: str) -> str:
    """Take off the apostrophes the CSV export put in front of formula-like text, when that is
    what they are (the text without them defuses back to exactly the cell)."""
    candidate = _UNDO_AFTER.sub(r"\1\2", cell)
    if candidate.startswith("'") and candidate[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        candidate = candidate[1:]
    return candidate if candidate != cell and neutralise(candidate) == cell else cell


def _json_table(data: bytes, name: str) -> SourceTable:
    try:
        document = strict_json_loads(data, max_bytes=MAX_BYTES)
    except LoadError as exc:
        raise ImportFileError(Msg(QT_TRANSLATE_NOOP("", "{name} is not valid JSON: {reason}."), name=name,
                                  reason=exc)) from None
    kind = None
    columns: list[str] = []
    if isinstance(document, dict) and document.get("format") == "curbwatch-view":
        kind = document.get("kind") if document.get("kind") in KIND_KEYS else None
        items = document.get("rows")
        columns = [c for c in document.get("columns") or [] if isinstance(c, str)]
    elif isinstance(document, dict) and any(isinstance(document.get(k), list) for k in KIND_KEYS):
        kind = next(k for k in KIND_KEYS if isinstance(document.get(k), list))
        items = document[kind]
    else:
        items = document
    if not isinstance(items, list):
        raise ImportFileError(Msg(QT_TRANSLATE_NOOP("", "{name} holds no list of records: Curbwatch imports a JSON "
                                                        "list of objects, one a record, or a file exported by "
                                                        "Curbwatch."), name=name))
    if len(items) > MAX_ROWS:
        raise ImportFileError(Msg(QT_TRANSLATE_NOOP("", "{name} has {n} records; an import takes at most {most}: "
                                                        "split the file."),
                                  name=name, n=f"{len(items):,}", most=f"{MAX_ROWS:,}"))
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise ImportFileError(Msg(QT_TRANSLATE_NOOP("", "{name}, record {n}: not an object with fields, but "
                                                            "{type}."), name=name, n=number, type=type(item).__name__))
        columns.extend(k for k in item if k not in columns)
    rows = tuple(tuple(item.get(c) for c in columns) for item in items)
    return SourceTable(name, "json", tuple(columns), rows, tuple(range(1, len(items) + 1)), kind, "record")


def _empty(name: str) -> Msg:
    return Msg(QT_TRANSLATE_NOOP("", "{name} is empty."), name=name)
