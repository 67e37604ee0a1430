"""Test helper: record the fsyncs and renames a write makes, to check the order that makes it durable."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def record_durability(monkeypatch) -> list[tuple]:
    """From now on, each os.fsync appends ("fsync", "file" | "dir") and each os.replace
    ("replace", src, dst) to the returned list; both still do their work."""
    events: list[tuple] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fake_fsync(fd):
        kind = "dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"
        events.append(("fsync", kind))
        return real_fsync(fd)

    def fake_replace(src, dst):
        events.append(("replace", Path(src), Path(dst)))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fake_fsync)
    monkeypatch.setattr(os, "replace", fake_replace)
    return events
