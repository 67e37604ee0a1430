"""A date field that takes exactly what is typed or pasted (``2025-09-01``), with a calendar
picker for mouse users. Unlike QDateEdit, it never keeps part of the old date (typing a whole
date into a QDateEdit kept the old year) and never rolls an impossible date over to another:
the text goes to the domain's parser, which accepts it exactly or refuses it with a message."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from app.ui.i18n import tr


def _calendar_icon(colour: QColor) -> QIcon:
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 2.5))
    painter.drawRoundedRect(4, 7, 24, 21, 3, 3)
    painter.fillRect(4, 7, 24, 6, colour)
    painter.drawLine(10, 3, 10, 9)
    painter.drawLine(22, 3, 22, 9)
    for x in (9, 16, 23):
        for y in (18, 24):
            painter.fillRect(x - 1, y - 1, 3, 3, colour)
    painter.end()
    return QIcon(pixmap)


class DateLineEdit(QLineEdit):
    """Text ``YYYY-MM-DD`` (or empty, where the field is optional) plus a calendar button."""

    picked = Signal(str)  # a date chosen in the calendar, as ISO text

    def __init__(self, parent: QWidget | None = None, *, required: bool = True, label: str = "") -> None:
        super().__init__(parent)
        self.required = required
        label = label or tr("Date")  # the caller passes its field's label already translated
        self.setPlaceholderText(tr("YYYY-MM-DD") if required else tr("YYYY-MM-DD, or empty for none"))
        self.setToolTip((tr("{label}: type or paste a date as YYYY-MM-DD, or pick one from the calendar") if required
                         else tr("{label}: type or paste a date as YYYY-MM-DD, or leave it empty, or pick one from "
                                 "the calendar")).format(label=label))
        self.setAccessibleName(label)
        self._calendar: QCalendarWidget | None = None
        self.calendar_action = QAction(_calendar_icon(self.palette().text().color()), tr("Pick a date"), self)
        self.calendar_action.setToolTip(tr("Pick a date from a calendar"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("2025-09-01") + 48)

    def set_value(self, value: object) -> None:
        if isinstance(value, dt.date):
            value = value.isoformat()
        self.setText("" if value is None else str(value))

    def date_or_none(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.text().strip())
        except ValueError:
            return None

    def show_calendar(self) -> QCalendarWidget:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setGridVisible(True)
        calendar.setMinimumDate(QDate(1900, 1, 1))
        calendar.setMaximumDate(QDate(2100, 12, 31))
        current = self.date_or_none() or dt.date.today()
        calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        calendar.clicked.connect(self._on_picked)
        calendar.activated.connect(self._on_picked)
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        calendar.setFocus()
        self._calendar = calendar
        return calendar

    def _on_picked(self, date: QDate) -> None:
        text = f"{date.year():04d}-{date.month():02d}-{date.day():02d}"
        self.setText(text)
        if self._calendar is not None:
            self._calendar.close()
            self._calendar = None
        self.setFocus()
        self.picked.emit(text)
