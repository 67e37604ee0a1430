"""Files of screening: reading a list of names (a text file, one name a line, or a CSV with a
``name`` column or a chosen one) and writing the screening report as CSV.

Reading is strict about what it cannot read and forgiving about layout: a UTF-8 BOM, CRLF or CR
line ends, blank lines and a header line are handled; text that is not UTF-8 (or UTF-16 with a
BOM), a binary file (a spreadsheet saved as .xlsx), an unterminated CSV quote or a file too big
to be a name list is refused with a message that says what to do. No Qt.

The report has one row per input name and possible match (a single row with an empty ``match``
when the name cleared), and the run's metadata as columns on every row, so that sorting or
filtering in a spreadsheet never separates a row from the run it came from.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from app.domain.screening import ScreeningRun
from app.domain.text import QT_TRANSLATE_NOOP, Msg
from app.storage import user_file
from app.storage.atomic import atomic_write_bytes, classify_oserror
from app.storage.export import csv_bytes
from app.storage.user_file import UserFileProblem, decode_text, read_capped

MAX_BYTES = 16 * 1024 * 1024
MAX_NAMES = 100_000
MAX_NAME_CHARS = 500
# A first line that is one of these is a header, not a name.
HEADER_WORDS = frozenset({"name", "names", "company", "company name", "companies", "supplier", "supplier name",
                          "vendor", "vendor name", "entity", "entity name", "organisation", "organization"})
REPORT_COLUMNS = ("input", "match", "score", "matched_on", "status", "outcome", "matched_field", "record_id",
                  "dataset_version", "data_as_of", "status_on", "threshold", "local_edits", "run")


class NameListError(ValueError):
    """A name list that cannot be read; the message (a Msg) says why and what to do."""


_THE_LIST = Msg(QT_TRANSLATE_NOOP("", "the list"))  # names pasted rather than read from a file


@dataclass(frozen=True)
class NameList:
    names: list[str]
    format: str  # "text" or "csv"
    column: str = ""  # the CSV column read ("" when the file has no header)
    header: bool = False  # whether a header line was skipped
    blank_lines: int = 0


def _refusal(problem: UserFileProblem, where: str | Path) -> Msg:
    """What the user is told when ``user_file`` refuses the name list ``where``."""
    facts = problem.facts
    if problem.kind == user_file.TOO_BIG:
        return Msg(QT_TRANSLATE_NOOP("", "{path} is {mb:.0f} MB; a name list may be at most {cap} MB ({names:,} "
                                         "names): split it."),
                   path=where, mb=facts["size"] / 1024 / 1024, cap=MAX_BYTES // 1024 // 1024, names=MAX_NAMES)
    if problem.kind == user_file.FOLDER:
        return Msg(QT_TRANSLATE_NOOP("", "{path} is a folder, not a file."), path=where)
    if problem.kind == user_file.NOT_A_FILE:
        return Msg(QT_TRANSLATE_NOOP("", "{name} is {what}: only regular files are read."), name=where,
                   what=facts["what"])
    if problem.kind == user_file.BAD_UTF16:
        return Msg(QT_TRANSLATE_NOOP("", "{where} is not valid UTF-16 text ({reason})."), where=str(where),
                   reason=facts["reason"])
    if problem.kind == user_file.BINARY:
        return Msg(QT_TRANSLATE_NOOP("", "{where} looks like a binary file (a spreadsheet such as .xlsx?): save it "
                                         "as CSV (UTF-8) or as a text file, one name a line."), where=str(where))
    if problem.kind == user_file.NOT_UTF8:
        return Msg(QT_TRANSLATE_NOOP("", "{where} is not UTF-8 text (byte 0x{byte:02x} on line {line}): save it as "
                                         "UTF-8 (in Excel: \"CSV UTF-8\"; in a text editor: encoding UTF-8)."),
                   where=str(where), byte=facts["byte"], line=facts["line"])
    return Msg(QT_TRANSLATE_NOOP("", "cannot read {path}: {reason}"), path=where, reason=facts["reason"])


def read_text(path: Path | str, *, pipes: bool = False) -> str:
    """A name list's text: size-capped, decoded (UTF-8 with or without BOM, UTF-16 with BOM);
    ``pipes``: a named pipe is read too (the command line), else refused (the window)."""
    path = Path(path)
    try:
        return decode_text(read_capped(path, MAX_BYTES, pipes=pipes))
    except UserFileProblem as problem:
        raise NameListError(_refusal(problem, path)) from None


def file_columns(path: Path | str) -> list[str]:
    """The first line's cells of a CSV file, for a dialog that lets the user choose the column."""
    return csv_columns(read_text(path))


def read_names(path: Path | str, *, column: str | None = None, csv_format: bool | None = None,
               pipes: bool = False) -> NameList:
    """Names from a file. ``column`` picks a CSV column by header or 1-based number; without it a
    ``name`` column is used. ``csv_format`` None decides from the suffix (.csv, .tsv) or a first
    line with a ``name`` cell."""
    path = Path(path)
    text = read_text(path, pipes=pipes)
    if csv_format is None:
        csv_format = column is not None or path.suffix.casefold() in (".csv", ".tsv") or _has_name_cell(text)
    return parse_names(text, csv_format=csv_format, column=column, where=str(path))


def parse_names(text: str, *, csv_format: bool = False, column: str | None = None,
                where: str = _THE_LIST) -> NameList:
    """Names from text already in memory (a pasted list, or a file's content)."""
    text = text.lstrip("\ufeff")
    if csv_format:
        return _parse_csv(text, column, where)
    lines = text.splitlines()
    names, blank = [], 0
    for line in lines:
        name = " ".join(line.split())
        if name:
            names.append(name)
        else:
            blank += 1
    header = bool(names) and names[0].casefold() in HEADER_WORDS
    if header:
        names = names[1:]
    _check(names, where)
    return NameList(names, "text", "", header, blank)


def _has_name_cell(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        cells = next(csv.reader([first], delimiter=_delimiter(first)), [])
    except csv.Error:
        return False
    return len(cells) > 1 and any(c.strip().casefold() == "name" for c in cells)


def _delimiter(sample: str) -> str:
    first = next((line for line in sample.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_columns(text: str) -> list[str]:
    """The header cells of a CSV text (for a dialog that lets the user choose the column)."""
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=_delimiter(text), strict=True)
    try:
        return [c.strip() for c in next((r for r in rows if any(c.strip() for c in r)), [])]
    except csv.Error:
        return []


def _parse_csv(text: str, column: str | None, where: str) -> NameList:
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise NameListError(Msg(QT_TRANSLATE_NOOP("", "{where} is not valid CSV (line {line}: {reason}); an unclosed "
                                                      "quote swallows the rest of the file."),
                                where=where, line=reader.line_num, reason=str(exc))) from None
    blank = sum(1 for r in rows if not any(c.strip() for c in r))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        _check([], where)
    first = [c.strip() for c in rows[0]]
    folded = [c.casefold() for c in first]
    index, header = None, False
    if column is not None:
        wanted = column.strip().casefold()
        if wanted in folded:
            index, header = folded.index(wanted), True
        elif wanted.isdigit() and 1 <= int(wanted) <= len(first):
            index = int(wanted) - 1
            header = folded[index] in HEADER_WORDS
        else:
            raise NameListError(Msg(QT_TRANSLATE_NOOP("", "{where} has no column {column}; its first line has: "
                                                          "{columns}."),
                                    where=where, column=repr(column), columns=", ".join(repr(c) for c in first)))
    elif "name" in folded:
        index, header = folded.index("name"), True
    elif len(first) == 1:
        index, header = 0, folded[0] in HEADER_WORDS
    else:
        raise NameListError(Msg(QT_TRANSLATE_NOOP("", "{where} has no `name` column (its first line has: {columns}): "
                                                      "name the column of names `name`, choose the column, or save "
                                                      "the names as a text file, one a line."),
                                where=where, columns=", ".join(repr(c) for c in first)))
    body = rows[1:] if header else rows
    if len(first) == 1:
        # One column: a name with an unquoted comma ("Insitu, Inc.") is still one name.
        body = [[delimiter.join(r)] for r in body]
    names = [" ".join(r[index].split()) for r in body if index < len(r)]
    blank += sum(1 for n in names if not n)
    names = [n for n in names if n]
    _check(names, where)
    return NameList(names, "csv", first[index] if header else "", header, blank)


def _check(names: list[str], where: str) -> None:
    if not names:
        raise NameListError(Msg(QT_TRANSLATE_NOOP("", "{where} holds no names."), where=where))
    if len(names) > MAX_NAMES:
        raise NameListError(Msg(QT_TRANSLATE_NOOP("", "{where} holds {n:,} names; screening takes at most {cap:,} "
                                                      "at a time: split the list."),
                                where=where, n=len(names), cap=MAX_NAMES))
    for number, name in enumerate(names, 1):
        if len(name) > MAX_NAME_CHARS:
            raise NameListError(Msg(QT_TRANSLATE_NOOP("", "name {number} of {where} is {n:,} characters long (at "
                                                          "most {cap}): is this a list of names, one a line?"),
                                    number=number, where=where, n=len(name), cap=MAX_NAME_CHARS))


# --- the report ----------------------------------------------------------------------------
def report_rows(run: ScreeningRun) -> list[list[object]]:
    """The report's rows (without the header), as written to the CSV."""
    meta = [run.dataset_version, run.as_of.isoformat() if run.as_of else "", run.on.isoformat(), run.threshold,
            "yes" if run.local_edits else "no",
            f"cancelled: {len(run.results):,} of {run.total:,} names screened" if run.cancelled else "complete"]
    rows: list[list[object]] = []
    for result in run.results:
        possible = result.possible(run.threshold)
        for match in possible:
            rows.append([result.input, match.record.name, match.score, match.matched_on, match.status,
                         "possible match", match.field, match.record.id, *meta])
        if not possible:
            outcome = f"cleared ({result.note})" if result.note else "cleared"
            rows.append([result.input, "", "", "", "", outcome, "", "", *meta])
    return rows


def report_bytes(run: ScreeningRun) -> bytes:
    """UTF-8 with a BOM (so Excel reads the accents and Chinese names), CRLF, and formula-like
    cells defused exactly as the CSV export does it."""
    return csv_bytes(list(REPORT_COLUMNS), report_rows(run))


def write_report(path: Path | str, run: ScreeningRun) -> Path:
    """Write the report atomically (raises SaveError on a full or read-only disk)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise classify_oserror(exc, path.parent) from None
    atomic_write_bytes(path, report_bytes(run))
    return path
