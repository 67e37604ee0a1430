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


class Msg(str):
    """A sentence for the user that IS its English text (so logs, the command line, CSV files
    and comparisons see plain English) and also keeps what the window needs to say it in the
    user's language: the ``template`` (marked for lupdate where it is written:
    ``Msg(QT_TRANSLATE_NOOP("", "Your data file was damaged ({reason})."), reason=...)``) and
    the ``params`` that fill it, which may themselves be Msg. ``app.ui.i18n.tr_msg`` translates it.
    Values keep their type until formatted, so ``{n:,}`` works in both languages."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, /, **params: object) -> Msg:
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = params
        return self

    def __reduce__(self):  # copies and pickles keep the template, not only the English
        return (_restore, (self.template, self.params))

    @classmethod
    def join(cls, parts, /) -> Msg:  # type: ignore[override]
        """Sentences one after another ("A. B."), each translated on its own; empty parts are left out."""
        return cls._chain([part for part in parts if part], QT_TRANSLATE_NOOP("", "{first} {second}"))

    @classmethod
    def join_lines(cls, lines, /) -> Msg:
        """Lines one under another (a tooltip), each translated on its own."""
        return cls._chain(list(lines), QT_TRANSLATE_NOOP("", "{first}\n{second}"))

    @classmethod
    def join_list(cls, items, /) -> Msg:
        """Words listed with commas ("Name, Country"); a translation chooses its own separator."""
        return cls._chain(list(items), QT_TRANSLATE_NOOP("", "{first}, {second}"))

    @classmethod
    def _chain(cls, parts: list, template: str) -> Msg:
        """``parts`` joined pairwise by ``template`` ("{first}…{second}"); a plain part is shown as it is."""
        kept = [part if isinstance(part, Msg) else cls(_LITERAL, text=part) for part in parts]
        if not kept:
            return cls("")
        # Pairs of neighbours, then pairs of pairs: as deep as log2 of the parts, not as their
        # number (a chart of 500 countries nested 500 deep, past Python's recursion limit when
        # translated, and 25,000 rebuilt a growing string 25,000 times: a frozen window).
        while len(kept) > 1:
            kept = [cls(template, first=kept[i], second=kept[i + 1]) if i + 1 < len(kept) else kept[i]
                    for i in range(0, len(kept), 2)]
        return kept[0]

_LITERAL = "{text}"  # a value with no words of its own (a path, an OS error) shown as it is


def _restore(template: str, params: dict[str, object]) -> Msg:
    return Msg(template, **params)
