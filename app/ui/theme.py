"""Colours in one place: status colours, edit tints, chart bars and banners, for the light and
the dark palette. The tables, the detail pane, the chart and the banners all ask here."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from app.domain.reserves import NO_MATCH
from app.domain.status import EXPIRED, IN_FORCE, LIFTED, SUSPENDED, UNKNOWN


@dataclass(frozen=True)
class Theme:
    dark: bool
    status: dict[str, str]  # status kind (or comparison kind) -> text colour
    edited: str  # background of a value the user changed
    conflict: str  # the user's value, kept over a newer bundled one
    added: str  # a record the user added
    note_bg: str  # the "you changed this" box of the detail pane
    muted: str  # future events, secondary text
    warn: str  # unconfirmed, needs verifying
    error: str  # a refusal, a problem to fix
    bar: str
    bar_warn: str  # a figure matching no USGS edition
    series: tuple[str, str, str]  # the bars of up to three compared sources
    chart_bg: str
    chart_fg: str
    banners: dict[str, tuple[str, str]]  # level -> (background, text)

    def status_color(self, kind: str) -> QColor | None:
        colour = self.status.get(kind)
        return QColor(colour) if colour else None


# The four status colours stay apart for people with protanopia, deuteranopia and tritanopia
# (checked by tests/ui/test_theme.py with the Machado et al. 2009 simulation: at least 10 CIELAB
# units between any two, in both palettes) and have a contrast of at least 4.5:1 with the
# background; status is always written in words too, and "verify" is also bold.
LIGHT = Theme(
    dark=False,
    status={IN_FORCE: "#c62828", SUSPENDED: "#1565c0", EXPIRED: "#6a1b9a", UNKNOWN: "#6a1b9a",
            LIFTED: "#2e7d32", NO_MATCH: "#c62828"},
    edited="#fff4c2", conflict="#ffd6a8", added="#e3f2e1", note_bg="#fff4c2", muted="#777777",
    warn="#9a4f00", error="#b3261e", bar="#3b6ea8", bar_warn="#d9822b", series=("#3b6ea8", "#9cc2e8", "#3f8f6f"),
    chart_bg="#ffffff", chart_fg="#222222",
    banners={"info": ("#e8f0fb", "#1f4f8a"), "warning": ("#fff4d6", "#7a4a00"), "error": ("#fde7e5", "#8c1d18")},
)

DARK = Theme(
    dark=True,
    status={IN_FORCE: "#ff8a80", SUSPENDED: "#8ab4f8", EXPIRED: "#ffd54f", UNKNOWN: "#ffd54f",
            LIFTED: "#4db6ac", NO_MATCH: "#ff8a80"},
    edited="#5c4f13", conflict="#6b3f12", added="#1f4a24", note_bg="#4a4114", muted="#9aa0a6",
    warn="#ffb74d", error="#ff8a80", bar="#6fa3e0", bar_warn="#f0a04b", series=("#6fa3e0", "#c6dcf5", "#5fbf98"),
    chart_bg="#1e1f22", chart_fg="#e8eaed",
    banners={"info": ("#1c3049", "#c2dbff"), "warning": ("#4a3a10", "#ffe08a"), "error": ("#4d1b17", "#ffb4ab")},
)


def current() -> Theme:
    """The theme that fits the application's palette (dark when the window colour is dark)."""
    app = QGuiApplication.instance()
    if app is None:
        return LIGHT
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightness() < 128 else LIGHT
