"""Facets above a table: one choice list per facet (companies: list, announcement, status on the
status date; elements: group, announcement, status), each value with its count. The counts
follow the other facets' choices, so a count is what choosing that value would show."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from app.domain.facets import Facet, facets, passes, record_values
from app.ui.i18n import QT_TRANSLATE_NOOP, tr

ALL = ""
ENGLISH_ROLE = Qt.ItemDataRole.UserRole + 1  # a value's label as exports write it (exports stay in English)
DATA_FACETS = ("announcement",)  # values that are data (announcement titles), shown as written
# Accessible names whole, so that a translation can word each one naturally.
FILTER_NAMES = {"list": QT_TRANSLATE_NOOP("", "Filter by list"),
                "announcement": QT_TRANSLATE_NOOP("", "Filter by announcement"),
                "status": QT_TRANSLATE_NOOP("", "Filter by status"), "group": QT_TRANSLATE_NOOP("", "Filter by group")}


class FacetBar(QWidget):
    changed = Signal()

    def __init__(self, records: Callable[[], list[Any]], on: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records = records
        self.on = on
        self.combos: dict[str, QComboBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        found = facets(records(), on)
        for facet in found:
            combo = QComboBox()
            combo.setAccessibleName(tr(FILTER_NAMES[facet.key]) if facet.key in FILTER_NAMES
                                    else tr("Filter by {facet}").format(facet=tr(facet.label).lower()))
            combo.setProperty("facet_label", facet.label)  # what an export of the view says it was narrowed by
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMaximumWidth(340)
            combo.currentIndexChanged.connect(self._on_choice)
            layout.addWidget(combo)
            self.combos[facet.key] = combo
        self._fill(found)

    def chosen(self) -> dict[str, set[str]]:
        return {key: {combo.currentData()} for key, combo in self.combos.items() if combo.currentData()}

    def choose(self, facet: str, value: str) -> bool:
        combo = self.combos.get(facet)
        index = combo.findData(value) if combo is not None else -1
        if index < 0:
            return False
        combo.setCurrentIndex(index)
        return True

    def clear(self) -> None:
        for combo in self.combos.values():
            combo.setCurrentIndex(0)

    def predicate(self) -> Callable[[Any], bool] | None:
        chosen = self.chosen()
        if not chosen:
            return None
        on = self.on

        def keep(record: Any) -> bool:
            return passes(record_values(record, on), chosen)

        return keep

    def set_date(self, on: dt.date) -> None:
        self.on = on
        self.refresh()
        self.changed.emit()

    def refresh(self) -> None:
        """Recount every value (the data, the date or another facet changed)."""
        self._fill(facets(self._records(), self.on, self.chosen()))

    def _fill(self, found: list[Facet]) -> None:
        """Each combo's values with their counts, keeping its choice."""
        for facet in found:
            combo = self.combos.get(facet.key)
            if combo is None:
                continue
            current = combo.currentData() or ALL
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("{facet}: all").format(facet=tr(facet.label)), ALL)
            for value in facet.values:
                if value.count or value.key == current:
                    label = value.label if facet.key in DATA_FACETS else tr(value.label)
                    combo.addItem(tr("{value} ({count})").format(value=label, count=value.count), value.key)
                    combo.setItemData(combo.count() - 1, value.label, ENGLISH_ROLE)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _on_choice(self, _index: int) -> None:
        self.refresh()
        self.changed.emit()
