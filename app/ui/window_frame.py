"""The parts of the main window's frame that are more than a line: the status-date toolbar,
built before the data is read and filled by MainWindow.populate. Imports only PySide6 and
light modules (app/ui/main_window.py says why)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QToolBar

from app.ui.date_field import DateLineEdit
from app.ui.i18n import tr


def as_of_markup() -> str:
    return tr("Dataset {version}, <b>as of {as_of}</b>")


def as_of_width(label: QLabel) -> int:
    """The width of "Dataset 2026.12.1, as of 2025-11-10" (in the window's language) in
    ``label``, from font metrics: laying the markup out would cost the frame a text document."""
    from PySide6.QtGui import QFont, QFontMetrics

    markup = as_of_markup().format(version="0000.00.0", as_of="0000-00-00")
    plain, _, rest = markup.partition("<b>")
    bold = QFont(label.font())
    bold.setBold(True)
    text = label.fontMetrics().horizontalAdvance(plain) + QFontMetrics(bold).horizontalAdvance(rest.replace("</b>", ""))
    return text + 4  # what rounding the laid-out markup may add, so that this width is the one used


def status_toolbar(on: dt.date) -> tuple[QToolBar, DateLineEdit, QLabel, QAction]:
    """The toolbar: "Status on" and its date field (disabled until the data is open), the
    dataset's as-of label (as wide as it will be, so the search box beside it stays put),
    and a disabled box where the search box goes. Returns the toolbar, the date field, the
    label and the placeholder's action (populate puts the search box there)."""
    toolbar = QToolBar(tr("Status date"))
    toolbar.setObjectName("status-date")
    toolbar.setMovable(False)
    label = QLabel(tr(" Status &on: "))
    toolbar.addWidget(label)
    status_date = DateLineEdit(required=True, label=tr("Status date"))
    status_date.set_value(on)
    status_date.setMaximumWidth(170)
    status_date.setEnabled(False)
    label.setBuddy(status_date)
    toolbar.addWidget(status_date)
    as_of = QLabel()
    as_of.setMinimumWidth(as_of_width(as_of))
    for part in (QLabel("   "), as_of, QLabel("   ")):
        toolbar.addWidget(part)
    placeholder = QLineEdit()
    placeholder.setEnabled(False)
    placeholder.setPlaceholderText(tr("Search everything"))
    placeholder.setMinimumWidth(320)
    return toolbar, status_date, as_of, toolbar.addWidget(placeholder)
