"""Help inside the app: "About the data" (what the lists and measures mean, the confidence
marks, how current the data is, what to verify against) and the keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.ui.html import Markup, join, tag
from app.ui.source_view import SourceView

# (keys, what they do), in the order of the Keyboard shortcuts page. The main window builds
# its actions from the same keys, and a test checks that every one listed here exists.
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Ctrl+F", "Search everything (names, aliases, announcements, items, notes, timelines)"),
    ("Ctrl+Shift+S", "Screen a list of names"),
    ("Esc", "Clear the search box that has the focus"),
    ("Ctrl+1, Ctrl+2, Ctrl+3", "Companies, Element restrictions, Reserves"),
    ("Ctrl+Tab, Ctrl+PgDown", "Next tab"),
    ("Ctrl+Shift+Tab, Ctrl+PgUp", "Previous tab"),
    ("Tab, Shift+Tab", "Move between the search box, the table, the details and the buttons"),
    ("Arrows, Home, End, PgUp, PgDown", "Move within a table"),
    ("Enter", "Show the selected row's details (the focus moves to them)"),
    ("F2", "Edit the selected cell (Enter commits, Esc cancels)"),
    ("Ctrl+N", "Add a record to the current tab"),
    ("Ctrl+E", "Edit the selected record (every field)"),
    ("Ctrl+Del", "Delete the selected record"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z, Ctrl+Y", "Redo"),
    ("Ctrl+C", "Copy the selected rows (with headers)"),
    ("Ctrl++, Ctrl+-, Ctrl+0", "Larger text, smaller text, normal size"),
    ("F1", "About the data"),
    ("Ctrl+Q", "Quit (your edits are already saved)"),
)


def about_the_data(as_of: str, dataset_version: str) -> Markup:
    return join([
        tag("h2", "About the data"),
        tag("h3", "The export control list"),
        tag("p", "China's Ministry of Commerce (MOFCOM) keeps an Export Control Control List (出口管制管控名单). "
                 "Exporting dual-use items to a listed entity is prohibited; exports under way must stop; special "
                 "cases need an application to MOFCOM. Curbwatch covers the US entities listed in 2025: the 28 of "
                 "Announcements No. 21 and No. 22 (April), and those of No. 13 (March)."),
        tag("h3", "The Unreliable Entity List (UEL)"),
        tag("p", "A separate list, kept by a working mechanism under MOFCOM. Its measures are a ban on "
                 "China-related import and export activities and on new investment in China. Some entities are "
                 "on both lists, under different announcements and dates."),
        tag("h3", "Suspended, lifted, in force"),
        tag("p", "A suspension stops applying the measures for a period; the entity stays on the list, and "
                 "exporters still apply to MOFCOM for a licence. Lifted (or ceased) means the measures stopped. "
                 "Statuses are computed from dated events for the date you choose; when a suspension's end date "
                 "has passed and the data holds no later event, Curbwatch says so and asks you to verify rather "
                 "than guess. A status for a date after the data's as-of date says so too."),
        tag("h3", "Confidence marks"),
        tag("ul",
            tag("li", tag("b", "HIGH"), ": an official text or official-media report, or two independent "
                                        "sources that agree."),
            tag("li", tag("b", "MED"), ": one reasonably reliable source, or several weaker ones that agree."),
            tag("li", tag("b", "LOW"), ": a weak or partly contradictory source."),
            tag("li", tag("b", "UNCONFIRMED"), ": could not be verified; shown as unconfirmed, never as fact.")),
        tag("h3", "How current it is"),
        tag("p", f"This is dataset {dataset_version}, with facts up to {as_of}. Nothing is fetched from the "
                 "network: corrections come as a dataset update file, or as your own edits (kept separately, "
                 "marked in yellow, and listed under Edit > Show my changes)."),
        tag("h3", "What to verify against"),
        tag("p", "The official announcement is what counts: MOFCOM's announcements (and the General Administration "
                 "of Customs' for the element controls), and for reserves the USGS Mineral Commodity Summaries. "
                 "Every record lists its sources; check the announcement before relying on a status."),
    ])


def shortcuts_html() -> Markup:
    rows = [tag("tr", tag("td", tag("b", keys)), tag("td", what)) for keys, what in SHORTCUTS]
    return join([tag("h2", "Keyboard shortcuts"), tag("table", *rows, cellspacing="6")])


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
