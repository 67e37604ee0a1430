"""A delegate that draws an item's text as rich text (bold titles, highlighted matched words)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

HTML_ROLE = Qt.ItemDataRole.UserRole + 20


class HtmlDelegate(QStyledItemDelegate):
    def _document(self, option: QStyleOptionViewItem, index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(index.data(HTML_ROLE) or "")
        # The width the item is drawn at: the view's, in a list (a size hint's option.rect is not
        # the item's yet, and rows laid out at one width but drawn at another overlapped).
        viewport = getattr(option.widget, "viewport", lambda: None)()
        width = viewport.width() if viewport is not None and viewport.width() > 0 else option.rect.width()
        document.setTextWidth(max(width, 200))
        if option.state & QStyle.StateFlag.State_Selected:  # every part readable on the selection's colour
            cursor = QTextCursor(document)
            cursor.select(QTextCursor.SelectionType.Document)
            selected = QTextCharFormat()
            selected.setForeground(option.palette.color(QPalette.ColorRole.HighlightedText))
            cursor.mergeCharFormat(selected)
        return document

    def paint(self, painter, option, index) -> None:
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        document = self._document(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text,
                                     option.palette.color(QPalette.ColorRole.HighlightedText))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))
