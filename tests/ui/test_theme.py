"""Status colours told apart by people with colour-vision deficiencies, readable on their
background, in the light and the dark palette (issue 13)."""

from __future__ import annotations

import itertools
import math

import pytest

from app.domain.status import EXPIRED, IN_FORCE, LIFTED, SUSPENDED
from app.ui.theme import DARK, LIGHT

# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
SIMULATIONS = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
STATUSES = (IN_FORCE, SUSPENDED, EXPIRED, LIFTED)


def _linear(hex_colour: str) -> list[float]:
    values = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    return [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in values]


def _lab(rgb: list[float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _simulate(rgb: list[float], matrix) -> list[float]:
    return [min(1.0, max(0.0, sum(matrix[i][j] * rgb[j] for j in range(3)))) for i in range(3)]


def _luminance(hex_colour: str) -> float:
    r, g, b = _linear(hex_colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("vision", ["normal", *SIMULATIONS])
def test_status_colours_stay_distinct(theme, vision):
    labs = {}
    for status in STATUSES:
        rgb = _linear(theme.status[status])
        labs[status] = _lab(rgb if vision == "normal" else _simulate(rgb, SIMULATIONS[vision]))
    for a, b in itertools.combinations(STATUSES, 2):
        assert math.dist(labs[a], labs[b]) >= 10, (vision, a, b)


@pytest.mark.parametrize("theme, background", [(LIGHT, "#ffffff"), (DARK, DARK.chart_bg)], ids=["light", "dark"])
def test_status_colours_are_readable(theme, background):
    for status in STATUSES:
        a, b = _luminance(theme.status[status]), _luminance(background)
        assert (max(a, b) + 0.05) / (min(a, b) + 0.05) >= 4.5, status
