"""File > Import records…: choose a CSV or JSON file, see what importing it would do, apply it all
or nothing as one undoable command.

The dialog shows the kind of records (guessed from the columns, changeable), which field each
column of the file goes to (proposed, changeable: a header-mapped CSV), and a preview that the
plan is worked out again for at every change: problems first (row and field, by label), then the
records to add and to change (each field before and after). Import is enabled only when there is
something to import and no problem. A file that cannot be read at all is refused with a message
before the dialog opens; nothing changes either way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from app import APP_NAME
from app.domain.kinds import KINDS, kind_of
from app.domain.workspace import EditError
from app.storage.import_plan import ImportPlan, auto_mapping, file_bytes_after, guess_kind, plan_import, targets
from app.storage.record_import import ImportFileError, SourceTable, read_table
from app.storage.strict_json import MAX_DOCUMENT_BYTES
from app.ui import theme as themes
from app.ui.html import br, esc, join, styled, tag
from app.ui.i18n import QT_TRANSLATE_NOOP, tr, tr_msg
from app.ui.messages import refusal_text

SHOWN = 500  # items listed per section of the preview (the counts are always complete)
NOT_IMPORTED = QT_TRANSLATE_NOOP("", "(not imported)")
# Mapping targets that are not field labels (app.storage.import_plan.targets), for the catalogue.
TARGET_LABELS = (QT_TRANSLATE_NOOP("", "Id"), QT_TRANSLATE_NOOP("", "Sources"))


def plan_summary(plan: ImportPlan) -> str:
    """What importing would do, in one sentence (``ImportPlan.summary`` in the user's language)."""
    text = (tr("{added} record to add, {changed} to change, {unchanged} unchanged") if plan.added == 1 else
            tr("{added} records to add, {changed} to change, {unchanged} unchanged")).format(
        added=plan.added, changed=plan.changed, unchanged=plan.unchanged)
    count = len(plan.problems)
    if count:
        template = tr("{summary}; {n} problem: nothing is imported until each is fixed") if count == 1 else \
            tr("{summary}; {n} problems: nothing is imported until each is fixed")
        return template.format(summary=text, n=count)
    if not plan.changes:
        return tr("{summary}: nothing to import").format(summary=text)
    return text


class ImportDialog(QDialog):
    def __init__(self, workspace, table: SourceTable, on, parent=None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.table = table
        self.on = on
        self.plan: ImportPlan | None = None
        self.setWindowTitle(tr("Import records from {file}").format(file=table.name))
        self.resize(980, 720)
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Kind of records in the file"))
        for key, kind in KINDS.items():
            self.kind.addItem(tr(kind.plural), key)
        self.kind.setCurrentIndex(max(self.kind.findData(guess_kind(table) or "companies"), 0))
        self.columns = QTableWidget(len(table.header), 3)
        self.columns.setAccessibleName(tr("Which field each column of the file goes to"))
        self.columns.setHorizontalHeaderLabels([tr("Column in the file"), tr("First value"), tr("Goes to field")])
        self.columns.verticalHeader().setVisible(False)
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.combos: list[QComboBox] = []
        first = table.rows[0] if table.rows else ()
        for index, name in enumerate(table.header):
            self.columns.setItem(index, 0, QTableWidgetItem(name))
            sample = first[index] if index < len(first) else ""
            self.columns.setItem(index, 1, QTableWidgetItem("" if sample is None else str(sample)[:80]))
            combo = QComboBox()
            combo.setAccessibleName(tr("Field for the column {column}").format(column=name))
            combo.currentIndexChanged.connect(self.replan)
            self.columns.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        self.columns.setColumnWidth(0, 200)
        self.columns.setColumnWidth(1, 300)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(tr("What importing would do"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("&Records:"), self.kind)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.columns)
        split.addWidget(self.preview)
        split.setSizes([220, 460])
        layout = QVBoxLayout(self)
        counted = tr("<b>{n}</b> rows in <b>{file}</b>.") if table.row_word == "row" else \
            tr("<b>{n}</b> records in <b>{file}</b>.")
        intro = QLabel(tr("{counted} Rows are matched to your records by id, else by symbol (elements), country and "
                          "source (reserves) or name (companies). Nothing changes until you press Import; Edit &gt; "
                          "Undo takes the whole import back.").format(
            counted=counted.format(n=f"{len(table.rows):,}", file=esc(table.name))))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._on_kind)
        self._on_kind()

    def _on_kind(self, *_args) -> None:
        kind = kind_of(self.kind.currentData())
        mapping = auto_mapping(self.table, kind)
        choices = [("", NOT_IMPORTED), *targets(kind)]
        for combo, target in zip(self.combos, mapping):
            combo.blockSignals(True)
            combo.clear()
            for key, label in choices:
                combo.addItem(tr(label), key)
            combo.setCurrentIndex(max(combo.findData(target), 0))
            combo.blockSignals(False)
        self.replan()

    def mapping(self) -> list[str]:
        return [combo.currentData() or "" for combo in self.combos]

    def set_mapping(self, column: str, target: str) -> None:
        """Map a column (by its name in the file) to a field (by key): what choosing it does."""
        combo = self.combos[list(self.table.header).index(column)]
        combo.setCurrentIndex(combo.findData(target))

    def replan(self, *_args) -> None:
        self.plan = plan = plan_import(self.workspace, self.table, self.kind.currentData(), self.mapping(), self.on)
        self.summary.setText(tr("{summary}.").format(summary=plan_summary(plan)))
        self.import_button.setEnabled(plan.can_apply)
        self.preview.setHtml(preview_html(plan))


def _items(lines: list, show=lambda line: line) -> list:
    shown = [tag("li", show(line)) for line in lines[:SHOWN]]
    if len(lines) > SHOWN:
        shown.append(tag("li", tag("i", tr("… and {n} more").format(n=f"{len(lines) - SHOWN:,}"))))
    return shown


def preview_html(plan: ImportPlan) -> str:
    parts: list[object] = []
    if plan.problems:
        parts += [tag("h3", styled(tr("Problems ({n}): fix them in the file, then import it again").format(
            n=f"{len(plan.problems):,}"), themes.current().error)), tag("ul", *_items(plan.problems, _problem_text))]
    added = [c for c in plan.changes if c.action == "add"]
    changed = [c for c in plan.changes if c.action == "change"]
    if added:
        parts += [tag("h3", tr("To add ({n})").format(n=f"{len(added):,}")), tag("ul", *_items([
            join([tag("b", f"{tr_msg(c.where)}: {c.label}"), br(),
                  "; ".join(f"{tr(f.label)}: {f.after}" for f in c.fields)])
            for c in added]))]
    if changed:
        parts += [tag("h3", tr("To change ({n})").format(n=f"{len(changed):,}")), tag("ul", *_items([
            join([tag("b", f"{tr_msg(c.where)}: {c.label}"), br(),
                  join((join([f"{tr(f.label)}: ", styled(f.before, "#777"), " → ", tag("b", f.after)])
                        for f in c.fields),
                       br())]) for c in changed]))]
    if plan.unchanged:
        parts.append(tag("p", tr("Unchanged: {n} (the file says what your data already says).").format(
            n=f"{plan.unchanged:,}")))
    if plan.ignored:
        parts.append(tag("p", tag("i", tr("Not imported (worked out by Curbwatch, or no field chosen): {columns}.")
                                  .format(columns=", ".join(plan.ignored)))))
    return join(parts)


def import_records(window, path: str | Path | None = None) -> bool:
    """The whole command: choose a file, preview, apply as one undoable command."""
    if path is None:
        path, _chosen = QFileDialog.getOpenFileName(window, tr("Import records"), str(Path.home()),
                                                    tr("CSV or JSON (*.csv *.json *.txt);;All files (*)"))
        if not path:
            return False
    try:
        table = read_table(path)
    except ImportFileError as exc:
        QMessageBox.warning(window, tr("{app}: import").format(app=APP_NAME),
                            tr("Not imported: {reason}\n\nNothing was changed.").format(reason=tr_msg(exc)))
        return False
    dialog = ImportDialog(window.workspace, table, window.on, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.plan is None or not dialog.plan.can_apply:
        return False
    return apply_plan(window, dialog.plan, table.name)


def apply_plan(window, plan: ImportPlan, name: str) -> bool:
    size = file_bytes_after(window.workspace, plan.entries())
    if size > MAX_DOCUMENT_BYTES:  # it would apply, then never save: refused now, nothing changed
        window.controller.rejected.emit(tr(
            "Not imported: your data file would grow to about {size} MB, more than the {cap} MB Curbwatch can read "
            "back. Import fewer rows, or first remove rows you no longer need.").format(
                size=f"{size / 1e6:.1f}", cap=f"{MAX_DOCUMENT_BYTES / 1e6:g}"))
        return False
    text = tr("Import {n} {records} from {file}").format(n=len(plan.changes),
                                                        records=tr(kind_of(plan.kind).plural).lower(), file=name)
    try:
        # One command for every record: Edit > Undo takes the whole import back.
        done = window.controller.apply_entries(plan.entries(), text)
    except EditError as exc:
        window.controller.rejected.emit(tr("Not imported: {reason}").format(reason=tr_msg(exc, refusal_text)))
        return False
    if done:
        window.statusBar().showMessage(tr("Imported from {file}: {added} added, {changed} changed. Edit > Undo takes "
                                          "it back.").format(file=name, added=plan.added, changed=plan.changed),
                                       10000)
    return done


def _problem_text(problem) -> str:
    """A problem of the plan in the user's language, the domain's refusals in it included."""
    return tr_msg(problem, refusal_text)
