"""The detail pane: rich text whose links never load inside the app.

A QTextBrowser follows ``file:`` links itself (a click on ``file:///dev/zero`` made the app
read it forever, and a local HTML page rendered with links around the allow-list). Here every
click goes through ``open_link``: web links open in the system browser; anything else is
refused with a message that shows the real target. Hovering a link shows its target too."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.ui.i18n import tr

ALLOWED_SCHEMES = ("http", "https")
INTERNAL = "curbwatch"  # links between records: curbwatch:record/<kind>/<id>, curbwatch:announcement/<text>


def internal_link(*parts: str) -> str:
    from urllib.parse import quote

    return f"{INTERNAL}:" + "/".join(quote(p, safe="") for p in parts)


def allowed(url: QUrl) -> bool:
    return url.isValid() and url.scheme().lower() in ALLOWED_SCHEMES and bool(url.host())


class SourceView(QTextBrowser):
    refused = Signal(str)  # a link that was not opened, with why
    internal = Signal(list)  # a link to another record or announcement: its parts
    hovered = Signal(str)  # the target of the link under the mouse ("" when none)

    def __init__(self, parent: QWidget | None = None, opener: Callable[[QUrl], bool] | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._opener = opener or QDesktopServices.openUrl
        self.anchorClicked.connect(self.open_link)
        self.highlighted.connect(lambda url: self.hovered.emit("" if url.scheme() == INTERNAL else url.toString()))

    def open_link(self, url: QUrl) -> bool:
        if url.scheme() == INTERNAL:
            from urllib.parse import unquote

            self.internal.emit([unquote(p) for p in url.path().split("/")])
            return True
        if not allowed(url):
            self.refused.emit(tr("Not opened: {url} (only web links, http or https, are opened from the "
                                 "sources).").format(url=url.toString()))
            return False
        return bool(self._opener(url))

    def loadResource(self, kind: int, name: QUrl):  # noqa: N802 - Qt override
        # Images or style sheets referenced by the text are never fetched, from disk or anywhere.
        return None
