"""Axis ticks of the Reserves chart: round steps on a linear axis, one a decade on a log axis.

Worked in ``decimal`` so that 0.1 + 0.2 steps read "0.3", not "0.30000000000000004". The
module is imported when a tick is first asked for, not at start-up (0.3 MB resident).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from app.domain.reserves import number_text

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = ["linear_ticks", "log_ticks"]


def _tick_text(value: Decimal) -> str:
    if value >= 1_000_000:
        return f"{number_text(value / 1_000_000)} million"
    return number_text(value)


def linear_ticks(end: float, count: int = 5) -> list[tuple[float, str]]:
    """Ticks at 1, 2 or 5 times a power of ten from 0 to ``end``, about ``count`` of them."""
    if end <= 0:
        return [(0.0, "0")]
    from decimal import Decimal

    raw = Decimal(repr(end)) / count
    power = Decimal(10) ** raw.adjusted()
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    ticks, at = [], Decimal(0)
    while at <= Decimal(repr(end)):
        ticks.append((float(at), _tick_text(at)))
        at += step
    return ticks


def log_ticks(floor: int, end: float) -> list[tuple[float, str]]:
    """One tick a decade, at its log10, from ``floor`` to ``end`` (a log10)."""
    from decimal import Decimal

    return [(float(k), _tick_text(Decimal(10) ** k)) for k in range(floor, math.floor(end + 1e-9) + 1)]
