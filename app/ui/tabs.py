"""The main window's tabs: which there are, in their order, and the tab widget."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from app.ui.i18n import QT_TRANSLATE_NOOP

TABS = (("companies", QT_TRANSLATE_NOOP("", "Companies")), ("elements", QT_TRANSLATE_NOOP("", "Element restrictions")),
        ("reserves", QT_TRANSLATE_NOOP("", "Reserves")))
TAB_KEYS = tuple(key for key, _title in TABS)  # also the record kinds (app.domain.kinds) each tab shows


class Tabs(QTabWidget):
    """The tab widget; each page holds a tab built on first use, and ``setCurrentWidget`` accepts
    the tab itself as well as its page."""

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt override
        for index in range(self.count()):
            page = self.widget(index)
            if widget is page or (widget is not None and widget.parentWidget() is page):
                self.setCurrentIndex(index)
                return
        super().setCurrentWidget(widget)
