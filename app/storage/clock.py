"""UTC time for the user's data files: the injectable clock, and the stamps used in file names
("20261129T223000Z") and inside documents ("2026-11-29T22:30:00Z").

Everything in app.storage takes its clock as a parameter so tests can move time; a naive
datetime from such a clock is read as UTC, never as local time.
"""

from __future__ import annotations

from datetime import datetime, timezone

__all__ = ["as_utc", "file_timestamp", "iso_utc", "utc_now"]


def utc_now() -> datetime:
    """The default clock: aware UTC now (injectable everywhere for tests)."""
    return datetime.now(timezone.utc)


def as_utc(when: datetime) -> datetime:
    # A naive datetime from an injected clock is taken as UTC rather than local time,
    # so file names never depend on the machine's time zone.
    if when.tzinfo is None:
        return when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc)


def file_timestamp(when: datetime) -> str:
    """UTC time for file names: "20261129T223000Z" (sorts, no colons for Windows)."""
    return as_utc(when).strftime("%Y%m%dT%H%M%SZ")


def iso_utc(when: datetime) -> str:
    """UTC time for the envelope: "2026-11-29T22:30:00Z"."""
    return as_utc(when).strftime("%Y-%m-%dT%H:%M:%SZ")

