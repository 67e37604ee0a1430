"""A minimal XLSX (Office Open XML spreadsheet) writer: tables of text and numbers, one sheet
each, a bold frozen header row, column widths from the content. Standard library only.

Why not a library: the workbooks Curbwatch writes are a few tables of strings and numbers, which
takes about a hundred lines of OOXML; openpyxl would add a runtime dependency (and Pillow for
pictures) to the installers for that. The tests read what this writes back with openpyxl.

Text is always written as an inline string, never as a formula, so ``=HYPERLINK(...)`` in a
record stays text. Text that a spreadsheet would turn into a formula when the cell is edited
(starting with = + - @) also gets the ``quotePrefix`` style, Excel's own mark for "this is text".
A later sheet kind (a chart picture) is a new part list in ``xlsx_bytes``; the sheets are
numbered and related in one place for that reason.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from dataclasses import dataclass, field
from typing import Sequence
from xml.sax.saxutils import escape

MAX_CELL_CHARS = 32_767  # Excel's limit for one cell
_FORMULA_START = ("=", "+", "-", "@")
# XML 1.0 has no way to write these characters; they cannot be in a cell.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
HEADER_STYLE, TEXT_STYLE, QUOTED_STYLE = 1, 0, 2

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass(frozen=True)
class Sheet:
    name: str
    header: list[str]
    rows: list[list[object]] = field(default_factory=list)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_name(name: str, taken: set[str]) -> str:
    """A name Excel accepts: at most 31 characters, none of []:*?/\\, unique (case-insensitive)."""
    base = _BAD_SHEET_CHARS.sub(" ", name).strip(" '")[:31] or "Sheet"
    candidate, n = base, 2
    while candidate.casefold() in taken:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.casefold())
    return candidate


def _text(value: str) -> str:
    value = _NOT_XML.sub("\ufffd", value)
    if len(value) > MAX_CELL_CHARS:
        value = value[: MAX_CELL_CHARS - 1] + "…"
    return escape(value)


def _cell(ref: str, value: object, header: bool) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)) and not header and math.isfinite(value):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    text = str(value)
    style = HEADER_STYLE if header else QUOTED_STYLE if text.startswith(_FORMULA_START) else TEXT_STYLE
    attr = f' s="{style}"' if style else ""
    return f'<c r="{ref}" t="inlineStr"{attr}><is><t xml:space="preserve">{_text(text)}</t></is></c>'


def _width(values: Sequence[object]) -> float:
    longest = max((max((len(line) for line in str(v).splitlines()), default=0) for v in values if v is not None),
                  default=0)
    return float(min(max(longest + 2, 8), 60))


def _sheet_xml(sheet: Sheet) -> str:
    columns = len(sheet.header)
    widths = [_width([sheet.header[i], *(row[i] for row in sheet.rows[:500] if i < len(row))])
              for i in range(columns)]
    cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths))
    rows = []
    for number, values in enumerate([sheet.header, *sheet.rows], 1):
        cells = "".join(_cell(f"{column_letter(i)}{number}", v, number == 1) for i, v in enumerate(values))
        rows.append(f'<row r="{number}">{cells}</row>')
    pane = ('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
            'state="frozen"/></sheetView></sheetViews>')
    return (f'{_XML}<worksheet {_NS} {_REL_NS}>{pane}<sheetFormatPr defaultRowHeight="15"/>'
            f'{"<cols>" + cols + "</cols>" if cols else ""}<sheetData>{"".join(rows)}</sheetData></worksheet>')


_STYLES = (f'{_XML}<styleSheet {_NS}>'
           '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
           '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill>'
           '<fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
           '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>'
           '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
           '</styleSheet>')


def xlsx_bytes(sheets: Sequence[Sheet], *, title: str = "", creator: str = "") -> bytes:
    """The workbook as bytes (deterministic: the same sheets give the same bytes)."""
    if not sheets:
        raise ValueError("a workbook needs at least one sheet")
    taken: set[str] = set()
    names = [sheet_name(s.name, taken) for s in sheets]
    n = len(sheets)
    types = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-'
                    f'officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
    parts = {
        "[Content_Types].xml": (
            f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.'
            f'core-properties+xml"/>{types}</Types>'),
        "_rels/.rels": (
            f'{_XML}<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_DOC_REL}/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
            'core-properties" Target="docProps/core.xml"/></Relationships>'),
        "docProps/core.xml": (
            f'{_XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:title>{_text(title)}</dc:title><dc:creator>{_text(creator)}</dc:creator></cp:coreProperties>'),
        "xl/workbook.xml": (
            f'{_XML}<workbook {_NS} {_REL_NS}><sheets>'
            + "".join(f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, name in enumerate(names, 1))
            + "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": (
            f'{_XML}<Relationships xmlns="{_PKG_REL}">'
            + "".join(f'<Relationship Id="rId{i}" Type="{_DOC_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                      for i in range(1, n + 1))
            + f'<Relationship Id="rId{n + 1}" Type="{_DOC_REL}/styles" Target="styles.xml"/></Relationships>'),
        "xl/styles.xml": _STYLES,
    }
    for i, sheet in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{i}.xml"] = _sheet_xml(sheet)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
