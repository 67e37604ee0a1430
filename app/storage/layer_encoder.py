"""Compact JSON of the user layer for saving, re-encoding only the entries that changed since
the last save (the 10,000-edit save budget depends on it)."""

from __future__ import annotations

import json

from app.storage.atomic import SaveError
from app.storage.strict_json import json_dumps_bytes

__all__ = ["LayerEncoder"]


class LayerEncoder:
    """Compact JSON of the user layer, re-encoding only the entries that changed.

    The workspace replaces an entry object whenever it changes it (``Workspace.set_entry``)
    and never edits one in place, so an entry that is the same object as last time has the
    same bytes. Each new fragment is read back (parsed and compared) once, when it is made,
    which is the docstore's read-back check done piece by piece. The output is byte-for-byte
    what ``json_dumps_bytes(layer, pretty=False)`` gives (sorted keys), so fingerprints agree.
    With 10,000 entries this takes the save from about 59 ms to under 20 ms."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], tuple[object, bytes]] = {}
        self._priming: list[tuple[str, str, object]] | None = None  # what prime() has still to encode

    @staticmethod
    def _dumps(value) -> bytes:
        return json_dumps_bytes(value, pretty=False)[:-1]  # without the trailing newline

    def _fragment(self, kind: str, record_id: str, entry) -> tuple[object, bytes]:
        fragment = self._dumps(entry)
        if json.loads(fragment) != entry:
            raise SaveError("invalid", f"Nothing was saved: {kind} {record_id!r} would not load back unchanged.")
        # The key travels with its value: one lookup per entry per save.
        cached = (entry, self._dumps(record_id) + b":" + fragment)
        self._cache[(kind, record_id)] = cached
        return cached

    def prime(self, layer: dict, count: int) -> bool:
        """Encode up to ``count`` entries not encoded yet, ahead of the first save (which would
        otherwise encode them all at once: about 350 ms for 25,000 entries, just after the
        user's first edit). True when none is left. An entry that will not load back is left
        for ``encode``, which refuses the save with the message."""
        if self._priming is None:
            self._priming = [(kind, record_id, entry) for kind, entries in layer.get("records", {}).items()
                             for record_id, entry in entries.items()]
        todo = self._priming
        while todo and count > 0:
            kind, record_id, entry = todo.pop()
            cached = self._cache.get((kind, record_id))
            if cached is not None and cached[0] is entry:
                continue
            try:
                self._fragment(kind, record_id, entry)
            except (SaveError, TypeError, ValueError):
                continue
            count -= 1
        return not todo

    def encode(self, layer: dict) -> bytes:
        cache = self._cache
        used = 0
        parts = []
        for key in sorted(layer):
            if key != "records" or not isinstance(layer[key], dict):
                parts.append(self._dumps(key) + b":" + self._dumps(layer[key]))
                continue
            kinds = []
            for kind in sorted(layer["records"]):
                entries = layer["records"][kind]
                fragments = []
                for record_id in sorted(entries):
                    entry = entries[record_id]
                    cached = cache.get((kind, record_id))
                    if cached is None or cached[0] is not entry:
                        cached = self._fragment(kind, record_id, entry)
                    fragments.append(cached[1])
                used += len(entries)
                kinds.append(self._dumps(kind) + b":{" + b",".join(fragments) + b"}")
            parts.append(b'"records":{' + b",".join(kinds) + b"}")
        if len(cache) > used:  # entries were removed: forget them
            live = {(k, i) for k, entries in layer.get("records", {}).items() for i in entries}
            for gone in set(cache) - live:
                del cache[gone]
        return b"{" + b",".join(parts) + b"}\n"
