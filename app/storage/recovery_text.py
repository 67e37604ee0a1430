"""The sentences the banner says after a recovery: where the data came from (a backup, the
journal of edits, both), what could not be recovered, and what became of the journal. Whole
sentences, one per case, as ``Msg`` values, so a translation can order its parts."""

from __future__ import annotations

from pathlib import Path

from app.domain.text import QT_TRANSLATE_NOOP, Msg
from app.storage.atomic import SaveError
from app.storage.recovery import RecoveryReport


def recovered_sentence(shown: bool, recovery: RecoveryReport) -> Msg:
    # Whole sentences, one per case, so that a translation can order its parts.
    n = len(recovery.changes) + recovery.replaced
    if recovery.backup is not None:
        when = f"{recovery.backup.when:%Y-%m-%d %H:%M}"
        if recovery.changes or recovery.replaced:
            text = Msg(QT_TRANSLATE_NOOP("", "Showing the backup of {when} UTC and the journal of your edits "
                                             "({n} later change(s)) (read-only).") if shown else
                       QT_TRANSLATE_NOOP("", "Restored from the backup of {when} UTC and the journal of your "
                                             "edits ({n} later change(s))."), when=when, n=n)
        else:
            text = Msg(QT_TRANSLATE_NOOP("", "Showing the backup of {when} UTC (read-only).") if shown else
                       QT_TRANSLATE_NOOP("", "Restored from the backup of {when} UTC."), when=when)
    else:
        text = Msg(QT_TRANSLATE_NOOP("", "Showing the journal of your edits ({n} change(s)) (read-only).")
                   if shown else QT_TRANSLATE_NOOP("", "Restored from the journal of your edits ({n} change(s))."),
                   n=n)
    if not recovery.exact and recovery.missing_from and recovery.missing_until:
        return Msg.join([text, Msg(QT_TRANSLATE_NOOP("", "Changes made between {start} and {end} could not be "
                                                         "recovered."),
                                   start=recovery.missing_from, end=recovery.missing_until)])
    if not recovery.exact and recovery.missing_from:
        return Msg.join([text, Msg(QT_TRANSLATE_NOOP("", "Changes made after {start} could not be recovered."),
                                   start=recovery.missing_from)])
    return text


def journal_sentence(recovery: RecoveryReport, kept: Path) -> Msg:
    if recovery.set_aside_edits:
        return Msg(QT_TRANSLATE_NOOP(
            "", "The journal of your edits holds {n} change(s) that belong to another version of the data file "
                "(it was replaced by another program or by hand), so they were not applied. The journal is kept "
                "at {path}."), n=recovery.set_aside_edits, path=kept)
    return Msg(QT_TRANSLATE_NOOP(
        "", "The journal of your edits was {problem}; what could be read was used, and it is kept at {path}. A "
            "new journal was started."),
        problem=recovery.journal_problem or Msg(QT_TRANSLATE_NOOP("", "not usable")), path=kept)


def not_written_back(exc: SaveError) -> Msg:
    return Msg(QT_TRANSLATE_NOOP("", "The recovered data could not be written back yet ({reason}) It is kept in "
                                     "memory and Curbwatch will try again at the next save."), reason=exc)
