"""Help inside the app: "About the data" (what the lists and measures mean, the confidence
marks, how current the data is, what to verify against) and the keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.ui.html import Markup, join, tag
from app.ui.i18n import QT_TRANSLATE_NOOP, confidence, tr
from app.ui.source_view import SourceView

# (keys, what they do), in the order of the Keyboard shortcuts page. The main window builds
# its actions from the same keys, and a test checks that every one listed here exists. Key names
# stay as Qt writes them; the one plain-word entry is translated when shown.
ARROW_KEYS = QT_TRANSLATE_NOOP("", "Arrows, Home, End, PgUp, PgDown")
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Ctrl+F", QT_TRANSLATE_NOOP("", "Search everything (names, aliases, announcements, items, notes, timelines)")),
    ("Ctrl+Shift+S", QT_TRANSLATE_NOOP("", "Screen a list of names")),
    ("Esc", QT_TRANSLATE_NOOP("", "Clear the search box that has the focus")),
    ("Ctrl+1, Ctrl+2, Ctrl+3", QT_TRANSLATE_NOOP("", "Companies, Element restrictions, Reserves")),
    ("Ctrl+Tab, Ctrl+PgDown", QT_TRANSLATE_NOOP("", "Next tab")),
    ("Ctrl+Shift+Tab, Ctrl+PgUp", QT_TRANSLATE_NOOP("", "Previous tab")),
    ("Tab, Shift+Tab", QT_TRANSLATE_NOOP("", "Move between the search box, the table, the details and the buttons")),
    ("Arrows, Home, End, PgUp, PgDown", QT_TRANSLATE_NOOP("", "Move within a table")),
    ("Enter", QT_TRANSLATE_NOOP("", "Show the selected row's details (the focus moves to them)")),
    ("F2", QT_TRANSLATE_NOOP("", "Edit the selected cell (Enter commits, Esc cancels)")),
    ("Ctrl+N", QT_TRANSLATE_NOOP("", "Add a record to the current tab")),
    ("Ctrl+E", QT_TRANSLATE_NOOP("", "Edit the selected record (every field)")),
    ("Ctrl+Del", QT_TRANSLATE_NOOP("", "Delete the selected record")),
    ("Ctrl+Z", QT_TRANSLATE_NOOP("", "Undo")),
    ("Ctrl+Shift+Z, Ctrl+Y", QT_TRANSLATE_NOOP("", "Redo")),
    ("Ctrl+C", QT_TRANSLATE_NOOP("", "Copy the selected rows (with headers)")),
    ("Ctrl+P", QT_TRANSLATE_NOOP("", "Print brief")),
    ("Ctrl++, Ctrl+-, Ctrl+0", QT_TRANSLATE_NOOP("", "Larger text, smaller text, normal size")),
    ("F1", QT_TRANSLATE_NOOP("", "About the data")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("", "Quit (your edits are already saved)")),
)


def _mark(code: str, meaning: str) -> Markup:
    # The mark as the tables show it, then the code the data and the source lines use.
    shown = confidence(code)
    return tag("li", tag("b", shown if shown == code else f"{shown} ({code})"), tr(": ") + meaning)


def about_the_data(as_of: str, dataset_version: str) -> Markup:
    return join([
        tag("h2", tr("About the data")),
        tag("h3", tr("The export control list")),
        tag("p", tr("China's Ministry of Commerce (MOFCOM) keeps an Export Control Control List (出口管制管控名单). "
                    "Exporting dual-use items to a listed entity is prohibited; exports under way must stop; special "
                    "cases need an application to MOFCOM. Curbwatch covers the US entities listed in 2025: the 28 of "
                    "Announcements No. 21 and No. 22 (April), and those of No. 13 (March).")),
        tag("h3", tr("The Unreliable Entity List (UEL)")),
        tag("p", tr("A separate list, kept by a working mechanism under MOFCOM. Its measures are a ban on "
                    "China-related import and export activities and on new investment in China. Some entities are "
                    "on both lists, under different announcements and dates.")),
        tag("h3", tr("Suspended, lifted, in force")),
        tag("p", tr("A suspension stops applying the measures for a period; the entity stays on the list, and "
                    "exporters still apply to MOFCOM for a licence. Lifted (or ceased) means the measures stopped. "
                    "Statuses are computed from dated events for the date you choose; when a suspension's end date "
                    "has passed and the data holds no later event, Curbwatch says so and asks you to verify rather "
                    "than guess. A status for a date after the data's as-of date says so too.")),
        tag("h3", tr("Confidence marks")),
        tag("ul",
            _mark("HIGH", tr("an official text or official-media report, or two independent sources that agree.")),
            _mark("MED", tr("one reasonably reliable source, or several weaker ones that agree.")),
            _mark("LOW", tr("a weak or partly contradictory source.")),
            _mark("UNCONFIRMED", tr("could not be verified; shown as unconfirmed, never as fact."))),
        tag("h3", tr("How current it is")),
        tag("p", tr("This is dataset {version}, with facts up to {as_of}. Nothing is fetched from the network: "
                    "corrections come as a dataset update file, or as your own edits (kept separately, marked in "
                    "yellow, and listed under Edit > Show my changes).").format(version=dataset_version,
                                                                               as_of=as_of)),
        tag("h3", tr("What to verify against")),
        tag("p", tr("The official announcement is what counts: MOFCOM's announcements (and the General Administration "
                    "of Customs' for the element controls), and for reserves the USGS Mineral Commodity Summaries. "
                    "Every record lists its sources; check the announcement before relying on a status.")),
    ])


def shortcuts_html() -> Markup:
    rows = [tag("tr", tag("td", tag("b", tr(keys) if keys == ARROW_KEYS else keys)), tag("td", tr(what)))
            for keys, what in SHORTCUTS]
    return join([tag("h2", tr("Keyboard shortcuts")), tag("table", *rows, cellspacing="6")])


class HelpDialog(QDialog):
    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 560)
        self.view = SourceView(self)
        self.view.setAccessibleName(title)
        self.view.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
