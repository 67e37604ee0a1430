"""Loading the user's file: the steps of :meth:`DocumentStore.load`, one idea each.

Take the data-folder lock; sweep a killed writer's leftovers; read the journal; read the
data file; then use it (replaying the journal lines it is behind), keep a newer version's
file untouched, upgrade an older format after a pinned backup, or recover from the newest
usable backup and the journal (app.storage.recovery); finally keep a damaged or foreign
journal aside and start a new one. Every step says in the report what it did, in sentences
for a banner. The store (app.storage.docstore) holds the state and does the writing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.text import QT_TRANSLATE_NOOP, Msg
from app.storage.atomic import SaveError
from app.storage.backups import BackupEntry
from app.storage.envelope import Decoded, Document, NewerSchema, sha256
from app.storage.journal import EMPTY, JournalContents
from app.storage.quarantine import quarantine, sweep_temp_files
from app.storage.recovery import Base, RecoveryReport, recovery_base, replay
from app.storage.recovery_text import journal_sentence, not_written_back, recovered_sentence
from app.storage.safe_open import NotRegularFile
from app.storage.strict_json import LoadError

if TYPE_CHECKING:
    from app.storage.docstore import DocumentStore

__all__ = ["LOAD_STATES", "Load", "LoadReport"]

log = logging.getLogger(__name__)

LOAD_STATES = frozenset({"new", "ok", "migrated", "recovered_backup", "recovered_journal", "recovered_empty",
                         "newer_schema"})


@dataclass
class LoadReport:
    """What :meth:`DocumentStore.load` found. ``data`` None means there is nothing of
    the user's to show (no file yet, nothing recoverable, or a newer format): the caller
    starts from an empty document. ``messages`` are plain sentences for a banner; ``dropped``
    what the ``clean`` hook left out; ``recovery`` how the data was obtained."""

    data: Document | None
    state: str
    messages: list[str] = field(default_factory=list)
    quarantined: Path | None = None
    backup_used: BackupEntry | None = None
    read_only: bool = False
    read_only_reason: str | None = None
    dropped: list[str] = field(default_factory=list)
    recovery: RecoveryReport | None = None


class Load:
    """One run of loading a store's file (make a new one for each load)."""

    def __init__(self, store: DocumentStore) -> None:
        self.store = store
        self.plan = "off"  # for the journal: "resume", "restart", "set-aside" (or "off": none)

    def run(self) -> LoadReport:
        """Read the document (and replay the journal), migrating or recovering as needed.
        Never raises for bad file contents: everything is in the report."""
        report = LoadReport(data=None, state="new")
        self.store.acquire_lock()
        self._sweep_leftovers()
        contents = self._read_journal(report)
        try:
            raw = self.store.read_file()
        except NotRegularFile as exc:
            if exc.is_link:
                self._refuse_link(exc)
                return self._finish(report)
            self._recover(report, Msg(QT_TRANSLATE_NOOP("", "not a regular file but {what}"), what=exc.what), None,
                          contents)
        except OSError as exc:
            self.store.set_read_only("read_only", Msg(QT_TRANSLATE_NOOP(
                "", "Curbwatch could not read the data file {path} ({reason}). It is opened read-only so nothing "
                    "overwrites it."), path=self.store.path, reason=exc.strerror or exc))
            self._recover(report, None, None, contents)
        else:
            if raw is not None:
                self._open_file(report, raw, contents)
            elif contents is not None and (contents.edits_after(-1) or contents.fingerprints() - {EMPTY}):
                self._recover(report, "missing", None, contents)
            else:
                self._note_missing_file(report)
        self._settle_journal(report)
        return self._finish(report)

    def _sweep_leftovers(self) -> None:
        if not self.store.read_only:
            # Leftovers of a killed writer; fresh ones may belong to a live one.
            for directory in (self.store.data_dir, self.store.backups.directory):
                sweep_temp_files(directory, self.store.path.name)

    def _read_journal(self, report: LoadReport) -> JournalContents | None:
        """The journal if it is usable. A damaged or foreign one is still replayed where it
        can be, then kept aside (``_journal_plan``); resuming it comes before any write."""
        if self.store.journal is None:
            return None
        report.recovery = RecoveryReport("file")
        try:
            contents = self.store.journal.read()
        except (OSError, LoadError) as exc:
            self.plan = "set-aside"
            report.recovery.journal_problem = Msg(QT_TRANSLATE_NOOP("", "unreadable ({reason})"),
                                                  reason=getattr(exc, "reason", None) or exc)
            log.warning("%s: unusable journal (%s)", self.store.journal.path, exc)
            return None
        if contents is None:
            self.plan = "restart"
            return None
        if contents.damaged or not self.store.journal.matches(contents):
            self.plan = "set-aside"
            if contents.damaged:
                report.recovery.journal_problem = Msg(QT_TRANSLATE_NOOP(
                    "", "damaged ({n} line(s) could not be read)"), n=len(contents.damaged))
            elif contents.header and contents.header.get("journal") == self.store.envelope.format_name:
                report.recovery.journal_problem = Msg(QT_TRANSLATE_NOOP("", "written by another version of Curbwatch"))
            else:
                report.recovery.journal_problem = Msg(QT_TRANSLATE_NOOP("", "not a journal of this data file"))
                return None
            return contents
        self.plan = "resume"
        if not self.store.read_only:
            try:
                self.store.journal.resume(contents)  # before any write: the markers must land in it
            except SaveError as exc:
                log.warning("cannot append to %s: %s", self.store.journal.path, exc)
                self.plan = "restart"
        return contents

    def _refuse_link(self, exc: NotRegularFile) -> None:
        # Following it would read and replace a file outside the data folder, silently
        # turning the link into a file; a pipe or device is moved aside like a damaged file.
        self.store.set_read_only("read_only", Msg(QT_TRANSLATE_NOOP(
            "", "The data file {path} is {what}. Curbwatch does not follow links in its data folder, so your data "
                "is not read through it and nothing replaces it; edits are off. To keep your data in another "
                "folder, start Curbwatch with --data-dir FOLDER (or set CURBWATCH_DATA_DIR), or put the file "
                "itself in place of the link."), path=self.store.path, what=exc.what))

    def _note_missing_file(self, report: LoadReport) -> None:
        newest = self.store.backups.entries()
        if newest:
            report.messages.append(Msg(QT_TRANSLATE_NOOP(
                "", "No data file was found at {path}, but backups exist (the newest is from {when} UTC). Use "
                    "File > Restore from backup to bring them back."),
                path=self.store.path, when=f"{newest[0].when:%Y-%m-%d %H:%M}"))

    def _open_file(self, report: LoadReport, raw: bytes, contents: JournalContents | None) -> None:
        """The file is there: use it (with any journal lines it is behind), keep a newer
        version's file untouched, or recover."""
        own = self._own_fingerprint(raw, contents)
        try:
            decoded = self.store.envelope.decode(raw, ours=own is not None)
        except NewerSchema as exc:
            self._keep_newer_file(report, raw, exc)
            return
        except LoadError as exc:
            self._recover(report, exc.reason, raw, contents)
            return
        self.store.disk.file_hash = self.store.disk.valid_hash = sha256(raw)
        self.store.disk.data_fp = own if own is not None and decoded.original is decoded.data else \
            self.store.envelope.fingerprint(decoded.data)
        self.store.disk.marker = self.store.disk.data_fp.hex() if decoded.original is decoded.data else \
            self.store.envelope.marker(decoded.original)
        report.state = "ok"
        report.recovery = report.recovery or RecoveryReport("file")
        edits = self._edits_after_file(report, contents)
        if edits:
            replayed = self._replay(report, Base(decoded, self.store.disk.marker), edits)
            if self.store.envelope.fingerprint(replayed.data) == self.store.disk.data_fp:
                edits = []  # lines written after the file that hold nothing new (a restore's)
                report.recovery.changes.clear()
            else:
                decoded = replayed
        if edits:
            report.state = "recovered_journal"
            report.messages.append(Msg(QT_TRANSLATE_NOOP(
                "", "Curbwatch stopped before your last {n} change(s) reached the data file; they were recovered "
                    "from the journal of your edits."), n=len(report.recovery.changes) or len(edits)))
        report.data = self._cleaned(report, decoded.data)
        if decoded.schema_version != self.store.schema_version:
            self._upgrade_file(report, raw, decoded)
        elif (edits or report.dropped) and not self.store.read_only:
            # What was left out stays in a backup of the file as it was.
            reason = "pre-discard" if report.dropped else None
            try:
                self.store.write(self.store.encode(report.data), on_disk=raw, reason=reason)
            except SaveError as exc:
                report.messages.append(not_written_back(exc))

    def _own_fingerprint(self, raw: bytes, contents: JournalContents | None) -> bytes | None:
        """The data's fingerprint read off the file's bytes, when they are laid out as this store
        writes a large file and the journal (ours, resumed) has a marker with it: the file is
        then parsed without the checks only a foreign file can fail, and not encoded again only
        to be named (both linear in its size: a third of opening a large layer)."""
        if contents is None or self.plan != "resume":
            return None
        candidate = self.store.envelope.compact_fingerprint(raw)
        return candidate if candidate is not None and candidate.hex() in contents.fingerprints() else None

    def _edits_after_file(self, report: LoadReport, contents: JournalContents | None) -> list[dict[str, Any]]:
        """The journal lines the file on disk does not hold yet. A journal that has no marker
        for the file belongs to another copy of it (replaced by hand or by another program):
        it is not replayed, and kept aside if it holds unsaved edits."""
        if contents is None:
            return []
        index = contents.last_marker(self.store.disk.marker)
        if index is not None:
            return contents.edits_after(index)
        unsaved = contents.unsaved()
        if unsaved or self.plan != "set-aside":
            self.plan = "set-aside" if unsaved else "restart"
        report.recovery.set_aside_edits = len(unsaved)
        return []

    def _replay(self, report: LoadReport, base: Base, edits: list[dict[str, Any]]) -> Decoded:
        try:
            replayed = replay(self.store.envelope, base.decoded, edits, self.store.apply_change)
        except LoadError as exc:
            log.warning("%s: the journal did not replay (%s)", self.store.path, exc.reason)
            report.recovery.failed += len(edits)
            report.recovery.exact = False
            return base.decoded
        report.recovery.changes.extend(replayed.applied)
        report.recovery.replaced += replayed.replaced
        report.recovery.failed += replayed.failed
        return replayed.decoded

    def _cleaned(self, report: LoadReport, data: Document) -> Document:
        if self.store.clean is not None:
            report.dropped.extend(self.store.clean(data))
        return data

    def _keep_newer_file(self, report: LoadReport, raw: bytes, exc: NewerSchema) -> None:
        report.state = "newer_schema"
        self.store.disk.file_hash = sha256(raw)
        self.plan = "off"  # a newer version's journal is its own business
        if self.store.journal is not None:
            self.store.journal.close()
        self.store.set_read_only("newer_schema", Msg(QT_TRANSLATE_NOOP(
            "", "The data file {path} was made by a newer version of Curbwatch (app_version {app_version}, data "
                "format {version}; this version reads up to {ours}). It is opened read-only so nothing in it is "
                "lost; update Curbwatch to edit your data."),
            path=self.store.path, app_version=exc.app_version or Msg(QT_TRANSLATE_NOOP("", "unknown")),
            version=exc.version, ours=self.store.schema_version))

    def _upgrade_file(self, report: LoadReport, raw: bytes, decoded: Decoded) -> None:
        """Write the migrated document, after a pinned backup of the old file."""
        report.state = "migrated" if report.state == "ok" else report.state
        # The file still holds the old format: a save of unchanged data must not be
        # skipped as a no-op until the upgraded file is written.
        self.store.disk.data_fp = None
        self.plan = "restart"  # the journal's lines are in the old format
        old = decoded.schema_version
        if self.store.read_only:
            report.messages.append(Msg(QT_TRANSLATE_NOOP(
                "", "Your data file uses the older format {old}; it was upgraded to format {new} in memory only, "
                    "because this window is read-only."), old=old, new=self.store.schema_version))
            return
        # Owed until the forced backup exists: if it fails now, the next save makes it.
        self.store.disk.pending_reason = f"pre-migration-v{old}"
        try:
            backup = self.store.write(self.store.encode(report.data), on_disk=raw,
                                      reason=self.store.disk.pending_reason)
        except SaveError as exc:
            report.messages.append(Msg(QT_TRANSLATE_NOOP(
                "", "Your data file was upgraded from format {old} to {new} in memory, but the upgraded file could "
                    "not be written yet ({reason}) Curbwatch will try again at the next save; the old file is "
                    "unchanged."), old=old, new=self.store.schema_version, reason=exc))
        else:
            report.messages.append(Msg(QT_TRANSLATE_NOOP(
                "", "Your data file was upgraded from format {old} to {new}. A copy of the old file was kept at "
                    "{backup}."), old=old, new=self.store.schema_version, backup=backup))

    def _recover(self, report: LoadReport, reason: str | None, raw: bytes | None,
                 contents: JournalContents | None) -> None:
        """The data file is damaged, missing (``reason`` "missing") or unreadable (None):
        move it aside if we may, then start from the newest usable backup (or nothing) and
        replay the journal over it."""
        damaged = self._move_damaged_aside(report, reason, raw)
        usable = contents if self.plan == "resume" or (contents and contents.damaged) else None
        base, exact = recovery_base(self.store.backups, self.store.envelope, usable, self.store.empty_data)
        problem = report.recovery.journal_problem if report.recovery else None
        report.recovery = RecoveryReport("nothing", exact=exact, journal_problem=problem)
        if base is None:
            report.state = "recovered_empty"
            report.messages.append(Msg.join([
                damaged, Msg(QT_TRANSLATE_NOOP("", "No usable backup was found, so Curbwatch starts without your edits.")),
                Msg(QT_TRANSLATE_NOOP("", "The damaged file is kept.")) if report.quarantined else ""]))
            return
        edits = usable.edits_after(usable.last_marker(base.fingerprint) if exact else -1) if usable else []
        decoded = self._replay(report, base, edits) if edits else base.decoded
        report.recovery.source = "backup" if base.entry is not None else "journal-only"
        report.recovery.backup = report.backup_used = base.entry
        report.state = "recovered_backup" if base.entry is not None else "recovered_journal"
        if not exact and base.entry is not None:
            report.recovery.missing_from = f"{base.entry.when:%Y-%m-%d %H:%M} UTC"
            started = usable.started_at() if usable is not None else None
            report.recovery.missing_until = f"{started[:10]} {started[11:16]} UTC" if started else None
        if reason == "missing" and base.fingerprint == EMPTY and exact:
            damaged = Msg(QT_TRANSLATE_NOOP("", "Curbwatch stopped before your edits first reached the data file."))
        report.messages.append(Msg.join([damaged, recovered_sentence(self.store.read_only, report.recovery)]))
        report.data = self._cleaned(report, decoded.data)
        if not self.store.read_only:
            verbatim = base.raw if not edits and not report.dropped and base.raw is not None else None
            self._write_back(report, verbatim, report.data, decoded)

    def _move_damaged_aside(self, report: LoadReport, reason: str | None, raw: bytes | None) -> str:
        """Quarantine the damaged primary (when writable); the banner sentence about it."""
        if reason == "missing":
            return Msg(QT_TRANSLATE_NOOP("", "Your data file {path} was missing."), path=self.store.path)
        damaged: Msg | str = ""
        if reason is not None:
            damaged = Msg(QT_TRANSLATE_NOOP("", "Your data file was damaged ({reason})."), reason=reason)
            if not self.store.read_only:
                try:
                    report.quarantined = quarantine(self.store.path, now=self.store.clock())
                except OSError as exc:
                    self.store.set_read_only("read_only", Msg(QT_TRANSLATE_NOOP(
                        "", "The data file {path} is damaged ({reason}) and could not be moved aside ({error}). It is "
                            "opened read-only so it is not overwritten."),
                        path=self.store.path, reason=reason, error=exc.strerror or exc))
            if report.quarantined is not None:
                damaged = Msg.join([damaged, Msg(QT_TRANSLATE_NOOP("", "It was moved to {path}."),
                                                 path=report.quarantined)])
            else:
                damaged = Msg.join([damaged, Msg(QT_TRANSLATE_NOOP("", "It was left in place at {path}."),
                                                 path=self.store.path)])
            log.warning("%s: damaged (%s); quarantined to %s", self.store.path, reason, report.quarantined)
        if report.quarantined is None and raw is not None:
            self.store.disk.file_hash = sha256(raw)  # still there: a save must not clobber it
        return damaged

    def _write_back(self, report: LoadReport, verbatim: bytes | None, data: Document,
                    decoded: Decoded | None = None) -> None:
        # Put the recovered data back as the primary now: if we only held it in memory, a
        # crash before the next save would replay and recover again at every start. A
        # current-format backup is copied byte for byte so the next routine backup sees it
        # unchanged and adds nothing.
        try:
            if verbatim is not None and decoded is not None and decoded.schema_version == self.store.schema_version:
                payload = self.store.envelope.verbatim(verbatim, decoded)
            else:
                payload = self.store.encode(data)
            self.store.write(payload, on_disk=None, reason=None)
        except SaveError as exc:
            report.messages.append(not_written_back(exc))

    def _settle_journal(self, report: LoadReport) -> None:
        """After load: keep a damaged or foreign journal aside, and start a new one where needed
        (with a backup of the data file it starts from, so recovery always has one)."""
        if self.store.journal is None or self.store.read_only or self.plan in ("off", "resume"):
            return
        if self.plan == "set-aside":
            self.store.journal.close()
            try:
                kept = quarantine(self.store.journal.path, now=self.store.clock(), label="unused")
            except FileNotFoundError:
                kept = None
            except OSError as exc:
                log.warning("could not move %s aside: %s", self.store.journal.path, exc)
                kept = None
            if kept is not None:
                report.recovery.journal_kept = kept
                report.messages.append(journal_sentence(report.recovery, kept))
        self.store.restart_journal()
        self.plan = "resume"

    def _finish(self, report: LoadReport) -> LoadReport:
        report.read_only = self.store.read_only
        report.read_only_reason = self.store.read_only_reason
        if self.store.read_only_reason and self.store.read_only_reason not in report.messages:
            report.messages.append(self.store.read_only_reason)
        return report
