"""Marking the domain's user-facing words for translation without importing Qt.

The domain names fields, choices, kinds, facets and lists in plain English (exports and the
command line keep that English). Each such literal is wrapped in ``QT_TRANSLATE_NOOP("", ...)``,
which returns it unchanged: the call exists only so that ``pyside6-lupdate`` collects the text
into the translation catalogue (context "", the one ``app.ui.i18n.tr`` looks up). The window
translates the label when it shows it: ``tr(spec.label)``.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """``text`` unchanged; lupdate records it under ``context`` for translators."""
    return text
