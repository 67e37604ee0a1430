"""A date field that takes exactly what is typed or pasted (``2025-09-01``), with a calendar
picker for mouse users. Unlike QDateEdit, it never keeps part of the old date (typing a whole
date into a QDateEdit kept the old year) and never rolls an impossible date over to another:
the text goes to the domain's parser, which accepts it exactly or refuses it with a message."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6 import QtCore  # QtCore.Qt when needed: its ~100 enums cost 15 ms before the first frame
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QLineEdit, QWidget

from app.ui.i18n import tr

if TYPE_CHECKING:  # imported by the calendar, when it is first opened
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QCalendarWidget


def _calendar_icon(colour: QColor) -> QIcon:
    """A calendar, set pixel by pixel (an XPM image): drawing it with QPainter's pens and brushes
    would make the Qt namespace's enums (15 ms) before the window's first frame."""
    size = 32
    ink: set[tuple[int, int]] = set()

    def box(x0: int, y0: int, x1: int, y1: int) -> None:  # corners included
        ink.update((x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1))

    box(4, 7, 27, 12)  # the header
    box(4, 7, 5, 28), box(26, 7, 27, 28), box(4, 27, 27, 28)  # the sides and the bottom
    box(9, 3, 11, 9), box(21, 3, 23, 9)  # the rings
    for x in (8, 15, 22):
        for y in (17, 22):
            box(x, y, x + 2, y + 2)  # the days
    rows = ["".join("#" if (x, y) in ink else "." for x in range(size)) for y in range(size)]
    return QIcon(QPixmap([f"{size} {size} 2 1", ". c None", f"# c {colour.name()}", *rows]))


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
        from PySide6.QtCore import QDate, QPoint
        from PySide6.QtWidgets import QCalendarWidget

        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(QtCore.Qt.WindowType.Popup)
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
