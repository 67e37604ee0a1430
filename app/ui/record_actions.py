"""Add, edit, delete and revert for any view of one kind of record, as an object working over a
small protocol (``RecordView``) rather than a mixin: the Companies, Elements and Reserves tabs
each hand one of these their table and a few answers."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from app.domain.kinds import Kind
from app.ui.editors import FormDialog
from app.ui.i18n import tr


class RecordView(Protocol):
    """What a tab tells the actions about itself."""

    kind: Kind
    table: QTableView

    def current_record(self) -> Any | None: ...

    def select_id(self, record_id: str) -> bool: ...

    def source_index(self, index: QModelIndex) -> QModelIndex: ...

    def status_date(self) -> dt.date: ...

    def new_record_context(self) -> dict[str, Any]: ...

    def form_choices(self) -> dict[str, tuple[str, tuple[str, ...], dict[str, str]]]: ...


class RecordActions:
    def __init__(self, view: RecordView, controller, parent: QWidget) -> None:
        self.view = view
        self.controller = controller
        self.parent = parent

    @property
    def kind(self) -> Kind:
        return self.view.kind

    def build_context_menu(self, index: QModelIndex) -> QMenu | None:
        if not index.isValid():
            return None
        table = self.view.table
        table.setCurrentIndex(index)
        source = self.view.source_index(index)
        model = source.model()
        record = model.record(source.row())
        field = model.column_field(source.column())
        workspace = self.controller.workspace
        key = self.kind.key
        menu = QMenu(self.parent)
        writable = not self.controller.read_only
        edited = workspace.edited_fields(key, record.id)
        added = workspace.is_added(key, record.id)
        revert_cell = menu.addAction(tr("Revert to &bundled value"),
                                     lambda: self.controller.revert_field(key, record.id, field))
        revert_cell.setEnabled(writable and not added and field is not None and field in edited)
        if field and workspace.conflict(key, record.id, field):
            menu.addAction(tr("&Keep my value (resolve conflict)"),
                           lambda: self.controller.keep_mine(key, record.id, field)).setEnabled(writable)
        revert_row = menu.addAction(tr("Revert &row to bundled"), lambda: self.controller.revert_record(key, record.id))
        revert_row.setEnabled(writable and not added and bool(edited))
        menu.addSeparator()
        # Lambdas: QAction.triggered would pass its "checked" flag as ``values``.
        noun = tr(self.kind.noun)
        menu.addAction(tr("&Edit {noun}…").format(noun=noun), lambda: self.edit_current()).setEnabled(writable)
        menu.addAction(tr("&Delete {noun}").format(noun=noun), lambda: self.delete_current()).setEnabled(writable)
        return menu

    def show_context_menu(self, pos) -> None:
        table = self.view.table
        menu = self.build_context_menu(table.indexAt(pos))
        if menu is not None:
            menu.exec(table.viewport().mapToGlobal(pos))

    def form(self, title: str, values: dict[str, Any]) -> dict[str, Any] | None:
        return FormDialog(title, self.kind.form_fields, values, self.parent, extra=self.view.form_choices()).ask()

    def edit_current(self, values: dict[str, Any] | None = None) -> bool:
        record = self.view.current_record()
        if record is None:
            return False
        workspace = self.controller.workspace
        raw = workspace.raw(self.kind.key, record.id)
        title = tr("Edit {record}").format(record=workspace.label(self.kind.key, record.id))
        new = values if values is not None else self.form(title, raw)
        if new is None:
            return False
        return self.controller.edit_record(self.kind.key, record.id, {**raw, **new})

    def add_new(self, values: dict[str, Any] | None = None) -> str | None:
        defaults = self.kind.defaults(self.view.status_date(), self.view.new_record_context())
        new = values if values is not None else self.form(tr("Add {noun}").format(noun=tr(self.kind.noun)), defaults)
        if new is None:
            return None
        raw = {k: v for k, v in {**defaults, **new}.items() if v is not None or k in new}
        record_id = self.controller.add_record(self.kind.key, raw)
        if record_id:
            self.view.select_id(record_id)
        return record_id

    def delete_current(self) -> bool:
        record = self.view.current_record()
        if record is None:
            return False
        return self.controller.delete_record(self.kind.key, record.id)
