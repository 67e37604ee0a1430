"""Translation: every string the window shows goes through ``tr`` (Qt's translate, so
``pyside6-lupdate`` finds it and ``resources/translations/curbwatch_<lang>.ts`` holds it), and the
language follows the system locale unless the user chose one (View > Language).

Domain strings (field labels, choice labels, status words) are plain English in the domain,
which imports no Qt; they are marked with ``QT_TRANSLATE_NOOP("", ...)`` (``app.domain.text``) so
lupdate collects them, and translated when shown (``tr(label)``). Texts with values are templates
filled after translating: ``tr("Edit {label} of {record}").format(label=..., record=...)``.
Sentences worded in the storage and the domain (recovery banners, read-only reasons, import
problems) are ``Msg`` values: English strings that keep their template and values; ``tr_msg``
says them in the user's language.

A language chosen in View > Language is saved and applies from the next start: every text is
translated when its widget is built."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from app.domain.text import QT_TRANSLATE_NOOP, Msg

__all__ = ["LANGUAGES", "QT_TRANSLATE_NOOP", "SETTING", "chosen_language", "confidence", "current_language",
           "install", "tr", "tr_msg", "uninstall"]

# Each language named in itself: the menu must be readable whatever language is showing.
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
SETTING = "view/language"
_current = "en"  # the language whose catalogue install() loaded
_installed: list[tuple[QTranslator, QLocale]] = []  # what install() put in place, for uninstall()
CONFIDENCE_LABELS = {"HIGH": QT_TRANSLATE_NOOP("", "HIGH"), "MED": QT_TRANSLATE_NOOP("", "MED"),
                     "LOW": QT_TRANSLATE_NOOP("", "LOW"), "UNCONFIRMED": QT_TRANSLATE_NOOP("", "UNCONFIRMED")}


def tr(text: str) -> str:
    """The text in the user's language (itself when no translation is loaded)."""
    return QCoreApplication.translate("", text)


def tr_msg(value: object, plain: Callable[[str], str] | None = None) -> str:
    """A message from the storage or the domain in the user's language: a ``Msg`` is its template
    translated and filled with its values (each Msg value translated too); an exception is its
    message; anything else is shown as it is (``str``). ``plain`` rewords the English texts that are
    not Msg, inside a message too (``messages.refusal_text`` for the domain's refusals)."""
    if isinstance(value, Msg):
        if not value.params:
            return tr(value.template) if value.template else str(value)
        params = {key: tr_msg(v, plain) if isinstance(v, (str, BaseException)) else v
                  for key, v in value.params.items()}
        try:
            return tr(value.template).format(**params)
        except (KeyError, IndexError, ValueError):  # a translation that names a value wrongly: the English
            return str(value)
    if isinstance(value, BaseException):
        message = getattr(value, "message", None)
        if isinstance(message, Msg):
            return tr_msg(message, plain)
        reason, path = getattr(value, "reason", None), getattr(value, "path", None)
        if isinstance(reason, Msg):  # a LoadError: "<path>: <reason>"
            return f"{path}: {tr_msg(reason, plain)}" if path is not None else tr_msg(reason, plain)
        if len(value.args) == 1 and isinstance(value.args[0], Msg):
            return tr_msg(value.args[0], plain)
    text = str(value)
    return plain(text) if plain is not None and isinstance(value, (str, BaseException)) else text


def current_language() -> str:
    """The language the window shows ("en" until a catalogue is installed)."""
    return _current


def confidence(code: str) -> str:
    """A confidence mark (HIGH, MED, LOW, UNCONFIRMED) as the reader's language writes it."""
    return tr(CONFIDENCE_LABELS[code]) if code in CONFIDENCE_LABELS else code


def chosen_language(settings: QSettings | None) -> str:
    """The user's choice, else the system's language when we have it, else English."""
    value = str(settings.value(SETTING) or "") if settings is not None else ""
    if value in LANGUAGES:
        return value
    for name in QLocale.system().uiLanguages():
        code = name.replace("-", "_")
        if code.startswith("zh") and not code.startswith(("zh_TW", "zh_HK", "zh_MO", "zh_Hant")):
            return "zh_CN"
        if code.startswith("en"):
            return "en"
    return "en"


def install(app, language: str, translations_dir: Path) -> QTranslator | None:
    """Load ``curbwatch_<language>.qm``, and Qt's own ``qtbase_<language>.qm`` (standard buttons,
    file dialogs, the text fields' context menus) from Qt's translations folder (or beside ours)
    when it is there.
    Returns Curbwatch's translator, or None for English or a catalogue that cannot be loaded (the
    window then shows English). Qt's own widgets (the calendar's month names) follow the language."""
    global _current
    if language == "en":
        return None
    translator = QTranslator(app)
    if not translator.load(str(translations_dir / f"curbwatch_{language}.qm")):
        return None
    app.installTranslator(translator)
    _installed.append((translator, QLocale()))
    qt_translator = QTranslator(app)
    qt_dirs = (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(translations_dir))
    if any(qt_translator.load(f"qtbase_{language}", folder) for folder in qt_dirs):
        app.installTranslator(qt_translator)
        _installed.append((qt_translator, QLocale()))
    QLocale.setDefault(QLocale(language))
    _current = language
    return translator


def uninstall(app) -> None:
    """Take out what install() put in place and go back to English (tests switch languages)."""
    global _current
    while _installed:
        translator, locale = _installed.pop()
        app.removeTranslator(translator)
        QLocale.setDefault(locale)
    _current = "en"
