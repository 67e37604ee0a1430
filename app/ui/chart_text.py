"""The Reserves tab's words in the user's language: figure names and headers, bar labels and
world totals.

``app.domain.reserves`` and ``app.domain.chart_data`` word these as ``Msg`` values: their English
for the exports and the command line (--chart, --evidence keep that English), with the templates
the window translates (``tr_msg``): the chart's title and axis title are shown with ``tr_msg``
as they are.
"""

from __future__ import annotations

from app.domain.reserves import figure_header, figure_label, world_total_text
from app.ui.columns import comparison_text
from app.ui.i18n import tr, tr_msg


def figure_label_text(figure: str, edition) -> str:
    """"Reserves", "Mine production 2025" (``app.domain.reserves.figure_label``)."""
    return tr_msg(figure_label(figure, edition))


def figure_header_text(figure: str, edition) -> str:
    """A table header: "Reserves (t REO)", "Production 2025 (t)" (``figure_header``)."""
    return tr_msg(figure_header(figure, edition))


def bar_label_text(label: str) -> str:
    """A bar's label: a figure as written, or "NA" / "not listed" in words."""
    return {"NA": tr("NA"), "not listed": tr("not listed")}.get(label, label)


def chart_words(text: str) -> str:
    """A tooltip, note or description the chart data worded (Msg templates, with the reserve
    comparisons' sentences inside) in the user's language."""
    return tr_msg(text, comparison_text)


def world_text(edition, figure: str) -> str:
    """A source's world total as it gives it ("more than 85 Mt", "390,000 t (rounded)")."""
    return tr_msg(world_total_text(edition, figure))
