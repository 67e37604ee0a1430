"""Window and view state kept between runs (QSettings), stored by meaning: tabs, columns and
splitters by their names, not by position, and only where they differ from the default. So a
new column or a reordered menu in a later version never restores onto the wrong thing.

Data never goes here; only how the user arranged the window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtCore  # QtCore.Qt when needed: its ~100 enums cost 15 ms before the first frame
from PySide6.QtCore import QByteArray, QSettings

from app.ui.tabs import TAB_KEYS

if TYPE_CHECKING:  # imported where used: these types cost a few ms before the first frame
    from PySide6.QtWidgets import QSplitter, QTableView


def _list(value: Any) -> list:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


class TableState:
    """The columns of one table: order, widths, hidden ones and the sort, keyed by column key."""

    def __init__(self, table: QTableView, keys: list[str], widths: dict[str, int],
                 sort: tuple[str, QtCore.Qt.SortOrder],
                 auto: tuple[str, ...] = ()) -> None:
        self.table = table
        self.keys = keys
        self.default_widths = widths
        self.default_sort = sort
        self.auto = auto  # columns the tab shows and hides by itself (not the user's choice)

    def save(self, settings: QSettings, prefix: str) -> None:
        header = self.table.horizontalHeader()
        order = [self.keys[header.logicalIndex(v)] for v in range(header.count())]
        self._put(settings, f"{prefix}/order", order if order != self.keys else None)
        widths = {k: header.sectionSize(i) for i, k in enumerate(self.keys)
                  if not header.isSectionHidden(i) and header.sectionSize(i) != self.default_widths.get(k)
                  and i != header.count() - 1}
        self._put(settings, f"{prefix}/widths", [f"{k}={w}" for k, w in widths.items()] or None)
        hidden = [k for i, k in enumerate(self.keys) if header.isSectionHidden(i) and not self._forced_hidden(i)]
        self._put(settings, f"{prefix}/hidden", hidden or None)
        column = header.sortIndicatorSection()
        if 0 <= column < len(self.keys):
            sort = (self.keys[column], header.sortIndicatorOrder())
            value = f"{sort[0]}:{'desc' if sort[1] == QtCore.Qt.SortOrder.DescendingOrder else 'asc'}"
            self._put(settings, f"{prefix}/sort", value if sort != self.default_sort else None)

    def _forced_hidden(self, index: int) -> bool:
        return self.keys[index] in self.auto

    @staticmethod
    def _put(settings: QSettings, key: str, value: Any) -> None:
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)

    def restore(self, settings: QSettings, prefix: str) -> None:
        header = self.table.horizontalHeader()
        order = [k for k in _list(settings.value(f"{prefix}/order")) if k in self.keys]
        for visual, key in enumerate(order):
            header.moveSection(header.visualIndex(self.keys.index(key)), visual)
        for item in _list(settings.value(f"{prefix}/widths")):
            key, _, width = str(item).partition("=")
            if key in self.keys and width.isdigit() and 20 <= int(width) <= 2000:
                header.resizeSection(self.keys.index(key), int(width))
        for key in _list(settings.value(f"{prefix}/hidden")):
            if key in self.keys and key != self.keys[0] and key not in self.auto:  # the name always stays
                self.table.setColumnHidden(self.keys.index(key), True)
        sort = str(settings.value(f"{prefix}/sort") or "")
        key, _, direction = sort.partition(":")
        if key in self.keys:
            order = QtCore.Qt.SortOrder.DescendingOrder if direction == "desc" else QtCore.Qt.SortOrder.AscendingOrder
            self.table.sortByColumn(self.keys.index(key), order)

    def reset(self) -> None:
        header = self.table.horizontalHeader()
        for logical in range(header.count()):
            header.moveSection(header.visualIndex(logical), logical)
            if not self._forced_hidden(logical):
                self.table.setColumnHidden(logical, False)
            width = self.default_widths.get(self.keys[logical])
            if width:
                header.resizeSection(logical, width)
        key, order = self.default_sort
        self.table.sortByColumn(self.keys.index(key), order)


class SplitterState:
    def __init__(self, splitter: QSplitter) -> None:
        self.splitter = splitter
        self.default = splitter.sizes()

    def save(self, settings: QSettings, key: str) -> None:
        sizes = self.splitter.sizes()
        TableState._put(settings, key, [str(s) for s in sizes] if sizes != self.default else None)

    def restore(self, settings: QSettings, key: str) -> None:
        sizes = [int(s) for s in _list(settings.value(key)) if str(s).isdigit()]
        if len(sizes) == self.splitter.count() and sum(sizes) > 0:
            self.splitter.setSizes(sizes)

    def reset(self) -> None:
        self.splitter.setSizes(self.default)


class ViewState:
    """Everything the window remembers; ``save``/``restore``/``reset``. Tabs are built on first
    use, so each one is ``attach``ed when it exists and gets its saved layout then."""

    def __init__(self, window) -> None:
        self.window = window
        self.tables: dict[str, TableState] = {}
        self.splitters: dict[str, SplitterState] = {}
        self._settings: QSettings | None = None  # what restore() read, for tabs built later

    def attach(self, key: str, tab) -> None:
        columns = tab.model.columns()
        keys = [c.key for c in columns]
        header = tab.table.horizontalHeader()
        sort = (keys[header.sortIndicatorSection()], header.sortIndicatorOrder())
        auto = tuple(tab.auto_columns)
        made = getattr(tab.table, "default_widths", {})  # as set_default_widths gave them (header text)
        widths = {c.key: made.get(i, c.width) for i, c in enumerate(columns)}
        self.tables[key] = TableState(tab.table, keys, widths, sort, auto)
        names = []
        from PySide6.QtWidgets import QSplitter  # not at import: its type costs a few ms before the first frame

        for splitter in tab.findChildren(QSplitter):
            if splitter.objectName():
                self.splitters[splitter.objectName()] = SplitterState(splitter)
                names.append(splitter.objectName())
        if self._settings is not None:
            self._restore_tab(key, names)

    def save(self, settings: QSettings) -> None:
        window = self.window
        settings.setValue("window/geometry", window.saveGeometry())
        index = window.tabs.currentIndex()
        tab = TAB_KEYS[index] if 0 <= index < len(TAB_KEYS) else TAB_KEYS[0]
        TableState._put(settings, "window/tab", tab if tab != TAB_KEYS[0] else None)
        for key, table in self.tables.items():
            table.save(settings, f"tables/{key}")
        for name, splitter in self.splitters.items():
            splitter.save(settings, f"splitters/{name}")
        if "reserves" in self.tables:
            for key, combo in self._chart_choices(window.reserves):
                value = combo.currentData()
                TableState._put(settings, f"chart/{key}", value if value != combo.itemData(0) else None)

    def restore(self, settings: QSettings) -> None:
        self._settings = settings
        window = self.window
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        for key in list(self.tables):
            self._restore_tab(key, [n for n in self.splitters if n.startswith(f"{key}-")])
        tab = str(settings.value("window/tab") or "")
        if tab in TAB_KEYS:
            window.tabs.setCurrentIndex(TAB_KEYS.index(tab))

    def _restore_tab(self, key: str, splitters: list[str]) -> None:
        settings = self._settings
        self.tables[key].restore(settings, f"tables/{key}")
        for name in splitters:
            self.splitters[name].restore(settings, f"splitters/{name}")
        if key != "reserves":
            return
        for name, combo in self._chart_choices(self.window.tab("reserves")):
            value = settings.value(f"chart/{name}")
            if value is not None and combo.findData(value) >= 0:
                combo.setCurrentIndex(combo.findData(value))

    @staticmethod
    def _chart_choices(reserves) -> list[tuple[str, object]]:
        """The chart's choices worth remembering, by name: the source, what is shown, and any
        option combo the tab lists in ``chart_options`` (name -> QComboBox)."""
        found = [("source", reserves.source)]
        if getattr(reserves, "figure", None) is not None:
            found.append(("figure", reserves.figure))
        found += list(getattr(reserves, "chart_options", {}).items())
        return found

    def reset(self) -> None:
        for table in self.tables.values():
            table.reset()
        for splitter in self.splitters.values():
            splitter.reset()
