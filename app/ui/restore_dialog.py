"""File > Restore from backup…: the backups on the left; on the right, what restoring the chosen
one would change (records brought back, changed and removed, entries that could not be used)
and the files kept aside in the data folder as damaged. Nothing changes until Restore."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.kinds import kind_of
from app.storage.atomic import SaveError
from app.storage.strict_json import LoadError
from app.ui.html import Markup, esc, join, tag
from app.ui.i18n import QT_TRANSLATE_NOOP, tr, tr_msg

SECTIONS = (("added", QT_TRANSLATE_NOOP("", "Brought back or added")), ("changed", QT_TRANSLATE_NOOP("", "Changed")),
            ("removed", QT_TRANSLATE_NOOP("", "Removed")))


LISTED = 200  # changes named in each section of the preview; the rest are counted


def backup_label(entry) -> str:
    return f"{entry.when.strftime('%Y-%m-%d %H:%M:%S')} UTC" + (f"  ({entry.reason})" if entry.reason else "")


def preview_html(preview) -> Markup:
    parts: list[object] = []
    if not preview.changes:
        parts.append(tag("p", tr("Restoring this backup changes nothing: it holds the same data as now.")))
    for action, title in SECTIONS:
        items = [c for c in preview.changes if c.action == action]
        if not items:
            continue
        rows = []
        for change in items[:LISTED]:  # the first ones, then how many more: 25,000 took 16 s to lay out
            kind = kind_of(change.kind)
            fields = (tr(": ") + tr(", ").join(tr(kind.field_label(f)) for f in change.fields)) if change.fields else ""
            rows.append(tag("li", f"{tr(kind.label)} {change.label}{fields}"))
        if len(items) > LISTED:
            rows.append(tag("li", tag("i", tr("… and {n} more").format(n=f"{len(items) - LISTED:,}"))))
        parts += [tag("h4", tr("{section} ({n})").format(section=tr(title), n=f"{len(items):,}")), tag("ul", *rows)]
    if preview.unusable:
        count = len(preview.unusable)
        parts += [tag("h4", (tr("Left out: {n} entry of the backup could not be used") if count == 1 else
                             tr("Left out: {n} entries of the backup could not be used")).format(n=count)),
                  tag("ul", *(tag("li", f"{r.record_id}: {r.reason}") for r in preview.unusable[:20]))]
    if preview.damaged_files:
        parts += [tag("h4", tr("Files kept aside as damaged (never deleted)")),
                  tag("ul", *(tag("li", str(p)) for p in preview.damaged_files[:20]))]
    return join(parts)


class RestoreDialog(QDialog):
    def __init__(self, userdata, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Restore from backup"))
        self.resize(860, 520)
        self.userdata = userdata
        self.entries = userdata.backups()
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Backups, newest first"))
        for entry in self.entries:
            self.list.addItem(backup_label(entry))
        self.list.currentRowChanged.connect(self.show_preview)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(tr("What restoring the chosen backup would change"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        columns.addWidget(self.list, 1)
        columns.addWidget(self.preview, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Your current data is backed up first, so a restore can itself be undone by "
                                   "restoring that backup.")))
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)
        if self.entries:
            self.list.setCurrentRow(0)

    def chosen(self):
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def show_preview(self, row: int) -> None:
        entry = self.entries[row] if 0 <= row < len(self.entries) else None
        if entry is None:
            return
        try:
            preview = self.userdata.preview_restore(entry)
        except (LoadError, SaveError, OSError) as exc:
            self.preview.setHtml(tag("p", esc(tr("This backup cannot be used: {reason}").format(reason=tr_msg(exc)))))
            self.restore_button.setEnabled(False)
            return
        self.restore_button.setEnabled(True)
        self.preview.setHtml(preview_html(preview))
