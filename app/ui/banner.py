"""Banners: messages above the tabs that stay until dismissed or until their cause goes away.

``BannerArea`` keeps at most one banner per reason (a key such as "save" or "read-only"), so
the same cause never shows twice and a later event (a save that succeeds) can clear it."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui import theme as themes
from app.ui.i18n import QT_TRANSLATE_NOOP, tr

Actions = tuple[tuple[str, Callable[[], Any]], ...]
LEVEL_NAMES = {"info": QT_TRANSLATE_NOOP("", "Info message"), "warning": QT_TRANSLATE_NOOP("", "Warning message"),
               "error": QT_TRANSLATE_NOOP("", "Error message")}


class Banner(QFrame):
    """One message, with optional action buttons and a Dismiss button."""

    def __init__(self, level: str, text: str, parent: QWidget | None = None, closable: bool = True,
                 actions: Actions = ()) -> None:
        super().__init__(parent)
        background, colour = themes.current().banners[level]
        self.setStyleSheet(f"Banner {{ background:{background}; border:1px solid {colour}; border-radius:3px }}"
                           f" QLabel {{ color:{colour} }}")
        self.level = level
        self.setAccessibleName(tr(LEVEL_NAMES[level]) if level in LEVEL_NAMES else level)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        for label, callback in actions:
            button = QPushButton(label)
            button.clicked.connect(callback)
            layout.addWidget(button)
        if closable:
            close = QPushButton(tr("Dismiss"))
            close.setFlat(True)
            close.clicked.connect(self.dismiss)
            layout.addWidget(close)

    def text(self) -> str:
        return self.label.text()

    def dismiss(self) -> None:
        # Hidden and detached at once (deleteLater only acts on the next event-loop pass);
        # the Python wrapper stays valid, so a later dismiss() is harmless.
        self.hide()
        self.setParent(None)

    @property
    def shown(self) -> bool:
        return self.parent() is not None


class BannerArea(QWidget):
    """The column of banners; one per reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 0)
        self._by_reason: dict[str, Banner] = {}

    def show_banner(self, level: str, text: str, *, reason: str | None = None, closable: bool = True,
                    actions: Actions = ()) -> Banner:
        """Show a message; a banner with the same ``reason`` (or, without one, the same text) is
        replaced rather than repeated."""
        key = reason or f"text:{text}"
        self.clear(key)
        banner = Banner(level, text, self, closable, actions)
        self._layout.addWidget(banner)
        self._by_reason[key] = banner
        return banner

    def clear(self, reason: str) -> None:
        banner = self._by_reason.pop(reason, None)
        if banner is not None:
            banner.dismiss()

    def get(self, reason: str) -> Banner | None:
        banner = self._by_reason.get(reason)
        return banner if banner is not None and banner.shown else None

    def has(self, reason: str) -> bool:
        banner = self._by_reason.get(reason)
        return banner is not None and banner.shown

    def texts(self) -> list[str]:
        out = []
        for i in range(self._layout.count()):
            widget = self._layout.itemAt(i).widget()
            if isinstance(widget, Banner):
                out.append(widget.text())
        return out
