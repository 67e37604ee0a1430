"""Help > What changed: the dataset versions this data folder has had (the one bundled with the
app, the ones imported, and copies of earlier bundled ones kept when an update was imported),
what each version changed against the one before it, record by record and field by field, and
the user's own changes with when each was made (from the journal and the backups, see
app/storage/edit_times.py)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from app.domain.dataset_diff import DatasetDiff, diff_datasets, field_label, kind_label, value_text, version_key
from app.domain.kinds import kind_of
from app.domain.states import Change
from app.storage.bundled import Bundled, DataError, load_bundled
from app.storage.dataset_update import UpdateError, load_stored, stored_datasets
from app.storage.edit_times import EditTime, edit_times
from app.ui import theme as themes
from app.ui.help import HelpDialog
from app.ui.update_dialog import diff_summary
from app.ui.html import Markup, join, styled, tag
from app.ui.i18n import QT_TRANSLATE_NOOP, tr, tr_msg

SHOWN = 500  # rows listed per section (the counts are always complete)
DIFF_HEADERS = ("", QT_TRANSLATE_NOOP("", "Kind"), QT_TRANSLATE_NOOP("", "Record"),
                QT_TRANSLATE_NOOP("", "What changed"))
CHANGE_HEADERS = (QT_TRANSLATE_NOOP("", "When"), QT_TRANSLATE_NOOP("", "Kind"), QT_TRANSLATE_NOOP("", "Record"),
                  QT_TRANSLATE_NOOP("", "Field"), QT_TRANSLATE_NOOP("", "Dataset value"),
                  QT_TRANSLATE_NOOP("", "Yours"), "")


@dataclass
class Version:
    version: str
    bundled: Bundled
    origin: str  # how the user came to have it, in words


def dataset_versions(userdata) -> tuple[list[Version], list[str]]:
    """Every dataset version the data folder knows, oldest first, and what could not be read."""
    from app.storage.paths import bundled_data_dir

    notes: list[str] = []
    found: dict[str, Version] = {}
    try:
        own = load_bundled(bundled_data_dir())
        found[own.dataset.info.dataset_version] = Version(own.dataset.info.dataset_version, own,
                                                          tr("bundled with this copy of Curbwatch"))
    except (DataError, FileNotFoundError) as exc:
        notes.append(tr("The app's own dataset cannot be read: {reason}").format(reason=exc))
    for stored in stored_datasets(userdata.data_dir, notes):
        if stored.version in found:
            continue
        try:
            data = load_stored(stored)
        except (UpdateError, DataError) as exc:
            notes.append(tr("Dataset {version} in {path} cannot be read ({reason}).").format(
                version=stored.version, path=stored.path, reason=tr_msg(exc)))
            continue
        if stored.origin == "imported":
            origin = tr("imported {when} from {source}, SHA-256 {of} {sha}").format(
                when=stored.stored_at.replace("T", " ").replace("Z", " UTC"), source=stored.source,
                of=stored.sha256_of, sha=stored.sha256)
        else:
            origin = tr("bundled with an earlier copy of Curbwatch (kept when an update was imported)")
        found[stored.version] = Version(stored.version, data, origin)
    in_use = userdata.bundled
    found.setdefault(in_use.dataset.info.dataset_version,
                     Version(in_use.dataset.info.dataset_version, in_use, tr("in use")))
    return sorted(found.values(), key=lambda v: version_key(v.version)), notes


def _diff(old: Bundled, new: Bundled) -> DatasetDiff:
    return diff_datasets(old.dataset.info, old.raw, old.dataset.editions, new.dataset.info, new.raw,
                         new.dataset.editions)


def _capped(rows: list[Markup], columns: int, total: int | None = None) -> list[Markup]:
    total = len(rows) if total is None else total
    if total > SHOWN:
        more = tr("… and {n} more").format(n=f"{total - SHOWN:,}")
        rows = rows[:SHOWN] + [tag("tr", tag("td", tag("i", more), colspan=columns))]
    return rows


def _table(headers: tuple[str, ...], rows: list[Markup], total: int | None = None) -> Markup:
    head = tag("tr", *(tag("th", tr(h) if h else "", align="left") for h in headers))
    return tag("table", head, *_capped(rows, len(headers), total), cellspacing="0", cellpadding="4", border="1",
               width="100%")


def diff_rows(diff: DatasetDiff) -> list[Markup]:
    rows = []
    for change in diff.records:
        if change.action == "changed":
            for fc in change.fields:
                rows.append(tag("tr", tag("td", tr("Changed")), tag("td", tr(kind_label(change.kind))),
                                tag("td", change.label), tag("td", fc.text(change.kind))))
        else:
            what = tr("New record") if change.action == "added" else tr("No longer in the dataset")
            rows.append(tag("tr", tag("td", tr(change.action.capitalize())), tag("td", tr(kind_label(change.kind))),
                            tag("td", change.label), tag("td", what)))
    return rows


def _change_row(change: Change, when: EditTime | None, warn: str) -> Markup:
    field = tr(field_label(change.kind, change.field)) if change.field else tr("(whole record)")
    spec = kind_of(change.kind).field(change.field).type if change.field and \
        kind_of(change.kind).has_field(change.field) else ""
    if change.action == "added":
        dataset, mine = tr("(not in the dataset)"), tr("added by you")
    elif change.action == "deleted":
        dataset, mine = tr("(in the dataset)"), tr("deleted by you")
    else:
        dataset, mine = value_text(change.bundled, spec), value_text(change.mine, spec)
    state = ""
    if change.conflict is not None:
        state = styled(tr("conflict: the dataset now says {value}").format(
            value=value_text(change.conflict.bundled, spec)), warn, bold=True)
    elif change.orphaned:
        state = tr("no longer in the dataset")
    return tag("tr", tag("td", when.text() if when else tr("not known")), tag("td", tr(kind_label(change.kind))),
               tag("td", change.label), tag("td", field), tag("td", dataset), tag("td", mine), tag("td", state))


def history_html(versions: list[Version], in_use: str, changes: list[Change], times: dict, notes: list[str],
                 warn: str | None = None) -> Markup:
    warn = warn or themes.current().warn
    parts: list[object] = [tag("h2", tr("What changed"))]
    listed = [tag("li", tag("b", v.version), tr(" (as of {as_of}): {origin}").format(
                  as_of=v.bundled.dataset.info.as_of.isoformat(), origin=v.origin),
                  tag("b", tr(" · in use")) if v.version == in_use else "") for v in versions]
    parts += [tag("h3", tr("Dataset versions you have had")), tag("ul", *listed)]
    for note in notes:
        parts.append(tag("p", styled(tr_msg(note), warn)))
    for older, newer in reversed(list(pairwise(versions))):
        diff = _diff(older.bundled, newer.bundled)
        parts.append(tag("h3", f"{older.version} → {newer.version}: {diff_summary(diff)}"))
        rows = diff_rows(diff)
        parts.append(_table(DIFF_HEADERS, rows) if rows else tag("p", tr("No differences.")))
    if len(versions) < 2:
        parts.append(tag("p", tr("Only one dataset version so far: an imported update (File > Import dataset "
                                 "update…) or an app upgrade with newer data will be compared here.")))
    ordered = sorted(changes, key=lambda c: _sort_key(times.get((c.kind, c.record_id, c.field))), reverse=True)
    conflicts = sum(1 for c in changes if c.conflict is not None)
    heading = tr("Your changes ({n}, {conflicts} in conflict), newest first") if conflicts else \
        tr("Your changes ({n}), newest first")
    parts.append(tag("h3", heading.format(n=f"{len(changes):,}", conflicts=conflicts)))
    if ordered:
        # Only the rows shown are made (_capped counts the rest): 25,000 took 2.6 s.
        rows = [_change_row(c, times.get((c.kind, c.record_id, c.field)), warn) for c in ordered[:SHOWN + 1]]
        parts.append(_table(CHANGE_HEADERS, rows, total=len(ordered)))
        parts.append(tag("p", tag("i", tr("Times are in UTC, from the journal of your edits (exact) and your "
                                          "backups (between two backups). Edit > Show my changes reverts any of "
                                          "them."))))
    else:
        parts.append(tag("p", tr("You have not changed anything.")))
    return join(parts)


def _sort_key(when: EditTime | None) -> tuple:
    moment = None if when is None else (when.at or when.before or when.after)
    return (moment is not None, moment.timestamp() if moment is not None else 0.0)


def show_what_changed(window) -> HelpDialog:
    userdata = window.controller.userdata
    versions, notes = dataset_versions(userdata)
    changes = window.workspace.changes()
    times = edit_times(userdata, changes)
    html = history_html(versions, window.workspace.info.dataset_version, changes, times, notes,
                        themes.current().warn)
    dialog = HelpDialog(tr("What changed"), html, window)
    dialog.resize(1000, 680)
    dialog.exec()
    return dialog
