"""The main window's tab widget."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget


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
