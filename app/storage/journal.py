"""The journal of committed edits: "<data folder>/userdata.journal", appended and synced once
per committed edit, so an edit is on disk before the next one starts, long before the whole
file is rewritten.

Each line is ``<crc32, 8 hex digits> <compact JSON>\\n``. The first line is a header
(``{"journal": format, "schema_version": n}``); the others are one of::

    {"op": "saved", "fp": "<sha256 hex of the data>"}   the data with this fingerprint is
                                                        being written as the main file
    {"op": "change", "at": "<UTC>", "changes": [...]}    one committed edit (opaque changes,
                                                        each setting one record's entry)
    {"op": "data", "at": "<UTC>", "data": {...}}         the whole data replaced (a restore)

A change sets entries to their new value rather than describing a difference, so replaying
the lines that follow a "saved" marker over the file with that fingerprint gives exactly the
state after the last committed edit, and replaying them twice changes nothing. A crash in the
middle of an append leaves an incomplete last line, which is ignored (and cut off before the
next append); a bad line anywhere else is counted as damage. See app.storage.recovery.
"""

from __future__ import annotations

import logging
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain.text import QT_TRANSLATE_NOOP, Msg
from app.storage.atomic import SaveError, atomic_write_bytes, classify_oserror, fsync_data, write_all
from app.storage.clock import iso_utc
from app.storage.safe_open import open_regular, read_regular
from app.storage.strict_json import MAX_DOCUMENT_BYTES, LoadError, json_dumps_bytes, strict_json_loads

__all__ = ["EMPTY", "Journal", "JournalContents", "data_of", "encode_line"]

log = logging.getLogger(__name__)

# The fingerprint of "no file at all" (a first start): the caller's empty document.
EMPTY = "empty"
# A line holds at most one whole document (a "data" line) plus its wrapper.
_MAX_LINE = MAX_DOCUMENT_BYTES + 4096
# Far more than ten minutes of edits (the journal is cut at every backup); beyond this the
# file is not read at all and is treated as damaged.
MAX_JOURNAL_BYTES = 64 * 1024 * 1024


_DATA_SUFFIX = b',"op":"data"}'


def data_of(edit: dict[str, Any]) -> Any:
    """The document a "data" line holds (parsed now, strictly); None if it does not parse."""
    if "raw" not in edit:
        return edit.get("data")
    try:
        obj = strict_json_loads(edit["raw"], max_bytes=_MAX_LINE)
    except LoadError:
        return None
    return obj.get("data") if isinstance(obj, dict) else None


def encode_line(obj: dict[str, Any]) -> bytes:
    body = json_dumps_bytes(obj, pretty=False)[:-1]  # SaveError("invalid") for what would not load
    return b"%08x " % zlib.crc32(body) + body + b"\n"


def _decode_line(line: bytes) -> dict[str, Any]:
    if len(line) < 10 or line[8:9] != b" ":
        raise ValueError("no checksum")
    try:
        crc = int(line[:8], 16)
    except ValueError:
        raise ValueError("no checksum") from None
    body = line[9:]
    if zlib.crc32(body) != crc:
        raise ValueError("checksum mismatch")
    if body.endswith(_DATA_SUFFIX):
        # A whole document (sorted keys put "op" last): parsed only if it is replayed, so a
        # restore's line does not slow every start until the journal is next cut back.
        return {"op": "data", "raw": body}
    try:
        obj = strict_json_loads(body, max_bytes=_MAX_LINE)
    except LoadError as exc:
        raise ValueError(exc.reason) from None
    if not isinstance(obj, dict):
        raise ValueError("not an object")
    return obj


@dataclass
class JournalContents:
    """What a journal file holds. ``lines`` are the good lines after the header, each with
    its bytes (kept so the journal can be rewritten from any marker without encoding again)."""

    header: dict[str, Any] | None = None
    lines: list[tuple[dict[str, Any], bytes]] = field(default_factory=list)
    damaged: list[int] = field(default_factory=list)  # line numbers (1-based) that failed
    torn_tail: bool = False  # the last line was incomplete: a write cut short, ignored
    good_length: int = 0  # bytes up to the end of the last good line

    def last_marker(self, fingerprint: str) -> int | None:
        """Index in ``lines`` of the last "saved" marker with ``fingerprint``."""
        for index in range(len(self.lines) - 1, -1, -1):
            obj = self.lines[index][0]
            if obj.get("op") == "saved" and obj.get("fp") == fingerprint:
                return index
        return None

    def fingerprints(self) -> set[str]:
        return {o["fp"] for o, _ in self.lines if o.get("op") == "saved" and isinstance(o.get("fp"), str)}

    def edits_after(self, index: int) -> list[dict[str, Any]]:
        return [o for o, _ in self.lines[index + 1:] if o.get("op") in ("change", "data")]

    def unsaved(self) -> list[dict[str, Any]]:
        """The edits after the last "saved" marker of any fingerprint."""
        last = max((i for i, (o, _) in enumerate(self.lines) if o.get("op") == "saved"), default=-1)
        return self.edits_after(last)

    def started_at(self) -> str | None:
        return next((o.get("at") for o, _ in self.lines if isinstance(o.get("at"), str)), None)


class Journal:
    """One journal file next to the document. :meth:`read` it at load; then :meth:`start`
    a new one or :meth:`resume` the one read, and :meth:`append` committed edits."""

    def __init__(self, path: Path, *, format_name: str, schema_version: int,
                 clock: Callable[[], datetime]) -> None:
        self.path = Path(path)
        self._header = {"journal": format_name, "schema_version": schema_version}
        self._clock = clock
        self._fd: int | None = None
        self._length = 0
        self._lines: list[tuple[dict[str, Any], bytes]] = []

    @property
    def active(self) -> bool:
        return self._fd is not None

    def read(self) -> JournalContents | None:
        """The journal as it is on disk, None when there is none. Raises NotRegularFile
        (a link or pipe in its place), OSError, or LoadError when it is beyond any use."""
        raw = read_regular(self.path, MAX_JOURNAL_BYTES + 1)
        if raw is None:
            return None
        if len(raw) > MAX_JOURNAL_BYTES:
            raise LoadError(Msg(QT_TRANSLATE_NOOP("", "larger than {n:,} bytes"), n=MAX_JOURNAL_BYTES), path=self.path)
        contents = JournalContents()
        pieces = raw.split(b"\n")
        complete, tail = pieces[:-1], pieces[-1]
        contents.torn_tail = bool(tail)
        offset = 0
        for number, line in enumerate(complete, start=1):
            end = offset + len(line) + 1
            try:
                obj = _decode_line(line)
            except ValueError:
                if number == len(complete) and not tail:
                    contents.torn_tail = True  # the last line, synced only in part
                else:
                    contents.damaged.append(number)
                offset = end
                continue
            if number == 1 and "journal" in obj:
                contents.header = obj
            elif "op" in obj:
                contents.lines.append((obj, line + b"\n"))
            else:
                contents.damaged.append(number)
            contents.good_length = offset = end
        return contents

    def matches(self, contents: JournalContents) -> bool:
        """Whether a journal read from disk is one of ours, for this format and schema."""
        return contents.header == self._header

    # ------------------------------------------------------------------ writing

    def start(self, fingerprint: str) -> None:
        """Replace any journal with a new one that begins at the data with ``fingerprint``."""
        marker = {"op": "saved", "fp": fingerprint}
        self._rewrite([(marker, encode_line(marker))])

    def resume(self, contents: JournalContents) -> None:
        """Append to the journal that was read, cutting off an incomplete last line first (a
        new line written after it would be joined to it and lost)."""
        self.close()
        try:
            fd = open_regular(self.path, os.O_WRONLY | os.O_APPEND)
        except OSError as exc:
            raise classify_oserror(exc, self.path) from exc
        try:
            if os.fstat(fd).st_size != contents.good_length:
                os.ftruncate(fd, contents.good_length)
        except OSError as exc:
            os.close(fd)
            raise classify_oserror(exc, self.path) from exc
        self._fd, self._length = fd, contents.good_length
        self._lines = list(contents.lines)

    def rotate(self, fingerprint: str) -> bool:
        """Drop the lines before the last marker of ``fingerprint`` (the data of the newest
        backup): recovery from that backup needs only what follows. False if not found."""
        contents = JournalContents(lines=self._lines)
        index = contents.last_marker(fingerprint)
        if index is None or index == 0:
            return index == 0
        self._rewrite(self._lines[index:])
        return True

    def _rewrite(self, kept: list[tuple[dict[str, Any], bytes]]) -> None:
        self.close()
        data = encode_line(self._header) + b"".join(line for _obj, line in kept)
        atomic_write_bytes(self.path, data)
        self._lines = list(kept)
        try:
            self._fd = open_regular(self.path, os.O_WRONLY | os.O_APPEND)
        except OSError as exc:
            raise classify_oserror(exc, self.path) from exc
        self._length = len(data)

    def saved(self, fingerprint: str) -> None:
        self.append({"op": "saved", "fp": fingerprint})

    def changes(self, changes: list[Any]) -> None:
        self.append({"op": "change", "at": iso_utc(self._clock()), "changes": changes})

    def replaced(self, data: Any) -> None:
        self.append({"op": "data", "at": iso_utc(self._clock()), "data": data})

    def append(self, obj: dict[str, Any]) -> None:
        """Write one line and sync it. On failure the file is cut back to what it held, so a
        half-written line never sits in front of the next one; SaveError is raised."""
        if self._fd is None:
            raise SaveError("io", Msg(QT_TRANSLATE_NOOP("", "The journal {path} is not open; the edit is kept in "
                                                            "memory and saved with the next full save."),
                                      path=self.path), path=self.path)
        line = encode_line(obj)
        try:
            write_all(self._fd, line)
            fsync_data(self._fd)
        except OSError as exc:
            self._cut_back()
            raise classify_oserror(exc, self.path) from exc
        self._length += len(line)
        self._lines.append((obj, line))

    def _cut_back(self) -> None:
        try:
            os.ftruncate(self._fd, self._length)
        except OSError:
            log.warning("could not cut %s back after a failed append; starting it again at the next save",
                        self.path)
            self.close()

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                os.close(fd)
            except OSError:
                pass
