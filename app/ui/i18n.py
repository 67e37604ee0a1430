"""Translation: every string the window shows goes through ``tr`` (Qt's translate, so
``pyside6-lupdate`` finds it and ``resources/translations/curbwatch_<lang>.ts`` holds it), and the
language follows the system locale unless the user chose one (View > Language).

Domain strings (field labels, choice labels, status words) are plain English in the domain,
which imports no Qt; they are marked with ``N_`` there so lupdate collects them, and translated
when shown (``tr(label)``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

LANGUAGES = {"en": "English", "zh_CN": "简体中文 (Simplified Chinese)"}
SETTING = "view/language"


def tr(text: str) -> str:
    """The text in the user's language (itself when no translation is loaded)."""
    return QCoreApplication.translate("", text)


def chosen_language(settings: QSettings | None) -> str:
    """The user's choice, else the system's language when we have it, else English."""
    value = str(settings.value(SETTING) or "") if settings is not None else ""
    if value in LANGUAGES:
        return value
    for name in QLocale.system().uiLanguages():
        code = name.replace("-", "_")
        if code.startswith("zh") and not code.startswith(("zh_TW", "zh_HK", "zh_Hant")):
            return "zh_CN"
        if code.startswith("en"):
            return "en"
    return "en"


def install(app, language: str, translations_dir: Path) -> QTranslator | None:
    """Load ``curbwatch_<language>.qm`` (and Qt's own strings for standard buttons, when present)."""
    if language == "en":
        return None
    translator = QTranslator(app)
    if translator.load(str(translations_dir / f"curbwatch_{language}.qm")):
        app.installTranslator(translator)
        return translator
    return None
