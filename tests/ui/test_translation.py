"""The Chinese translation: the catalogue is current and complete, the compiled .qm is what its
.ts says, no UI text bypasses tr(), the window reads in Chinese with the translator installed,
and in English the translated paths say exactly what the domain says."""

from __future__ import annotations

import ast
import datetime as dt
import re
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import REPO

TRANSLATIONS = REPO / "resources" / "translations"
TS = TRANSLATIONS / "curbwatch_zh_CN.ts"
QM = TRANSLATIONS / "curbwatch_zh_CN.qm"
UI = REPO / "app" / "ui"
HORIZONTAL = Qt.Orientation.Horizontal
ON = dt.date(2025, 12, 1)  # after the data's as-of date: statuses carry "data to ..., verify"


def _tool(name: str) -> str:
    """The venv's Qt tool (beside the interpreter), else one on PATH; skip when there is none."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def _messages(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("message"))


def _sources(path: Path) -> set[str]:
    return {m.findtext("source") or "" for m in _messages(path)}


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# --- the catalogue ----------------------------------------------------------------------------
def test_the_catalogue_holds_exactly_the_strings_the_sources_mark(tmp_path):
    fresh = tmp_path / "fresh.ts"
    result = subprocess.run([_tool("pyside6-lupdate"), "-extensions", "py", "-locations", "none", "-no-obsolete",
                             str(REPO / "app"), "-ts", str(fresh)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    committed, current = _sources(TS), _sources(fresh)
    update = "run packaging/update-translations"
    assert current - committed == set(), f"new UI strings are missing from the .ts: {update}"
    assert committed - current == set(), f"the .ts holds strings no source has any more: {update}"
    assert len(committed) > 600


def test_every_string_has_a_finished_chinese_translation():
    messages = _messages(TS)
    assert ET.parse(TS).getroot().get("language") == "zh_CN"
    left = [(m.findtext("source"), m.find("translation").get("type")) for m in messages
            if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
            or not (m.findtext("translation") or "").strip()]
    assert left == []


# Texts that are the same in Chinese: formats, file-type names and codes.
SAME_IN_CHINESE = {"YYYY-MM-DD"}


def test_translations_are_chinese_and_keep_placeholders_mnemonics_and_file_patterns():
    def fields(text: str) -> list:
        return sorted((f, c) for _, f, _, c in string.Formatter().parse(text) if f is not None)

    problems = []
    for message in _messages(TS):
        source, target = message.findtext("source") or "", message.findtext("translation") or ""
        if fields(source) != fields(target):
            problems.append(("placeholders", source, target))
        if re.search(r"&[^&\s;]", source.replace("&gt;", "")) and "&" not in target.replace("&gt;", ""):
            problems.append(("mnemonic", source, target))
        if re.findall(r"\(\*[^)]*\)", source) != re.findall(r"\(\*[^)]*\)", target):
            problems.append(("file pattern", source, target))
        words = re.sub(r"\{[^}]*\}|<[^>]*>", "", source)  # placeholders and markup are not words
        if re.search(r"[A-Za-z]{3}", words) and not _has_cjk(target) and source not in SAME_IN_CHINESE:
            problems.append(("not Chinese", source, target))
    assert problems == []


def test_the_compiled_catalogue_is_the_one_its_source_gives(tmp_path):
    compiled = tmp_path / "check.qm"
    result = subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert compiled.read_bytes() == QM.read_bytes(), "the .qm is stale: run packaging/update-translations"


def test_trade_terms_use_the_official_chinese_wording():
    translations = {m.findtext("source"): m.findtext("translation") for m in _messages(TS)}
    assert translations["Export control list"] == "出口管制管控名单"
    assert translations["Unreliable Entity List"] == "不可靠实体清单"
    assert translations["Suspended"] == "暂停" and translations["Lifted"] == "解除"
    assert translations["Needs verifying"] == "待核实"
    assert "两用物项" in translations["No. 46 of 2024, clause 1: no dual-use items to US military users or uses"]
    assert translations["Rare earth"] == "稀土" and translations["Reserves"] == "储量"
    assert "产量" in translations["Mine production (data year)"]


# --- no text bypasses tr() --------------------------------------------------------------------
# Calls whose text arguments the user reads: name -> positions of those arguments.
TEXT_ARGS = {
    "setText": (0,), "setWindowTitle": (0,), "setToolTip": (0,), "setPlaceholderText": (0,),
    "setAccessibleName": (0,), "setAccessibleDescription": (0,), "setStatusTip": (0,), "setWhatsThis": (0,),
    "addAction": (0,), "addMenu": (0,), "addTab": (1,), "insertTab": (2,), "setTabText": (1,), "addItem": (0,),
    "addButton": (0,), "showMessage": (0,), "add_banner": (1,), "show_banner": (1,), "setTitle": (0,),
    "setLabelText": (0,), "setHtml": (0,), "createUndoAction": (1,), "createRedoAction": (1,), "addRow": (0,),
    "QLabel": (0,), "QPushButton": (0,), "QAction": (1,), "QCheckBox": (0,), "QRadioButton": (0,),
    "QGroupBox": (0,), "QToolBar": (0,), "QMenu": (0,), "QToolButton": (0,),
    "warning": (1, 2), "information": (1, 2), "question": (1, 2), "critical": (1, 2), "about": (1, 2),
    "getItem": (1, 2), "getText": (1, 2), "getOpenFileName": (1, 3), "getSaveFileName": (1, 3),
    "getExistingDirectory": (1,), "HelpDialog": (0,), "FormDialog": (0,), "SearchBox": (0, 1),
    "ResultsBox": (0, 1), "make_table": (1,), "tag": tuple(range(1, 40)), "styled": (0,), "esc": (0,),
}
TEXT_KEYWORDS = {"label", "title", "text", "placeholder", "tooltip", "note"}
LIST_ARGS = {"setHorizontalHeaderLabels", "setVerticalHeaderLabels", "addItems"}
# Literal text that is not language: a licence's name, HTML fragments.
NOT_LANGUAGE = {" MIT", "MIT"}


def _language(node: ast.AST) -> str | None:
    """The literal text of ``node`` when it is user language (letters not inside a call), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _language(node.left) or _language(node.right)
    elif isinstance(node, ast.IfExp):
        return _language(node.body) or _language(node.orelse)
    else:
        return None
    words = re.sub(r"<[^>]*>", "", text)  # markup is not language
    return text if re.search(r"[A-Za-z]{2}", words) and text not in NOT_LANGUAGE else None


def _untranslated(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name == "Column" and len(node.args) > 1 and _language(node.args[1]):
            found.append(f"{path.name}:{node.lineno}: column label {_language(node.args[1])!r}")
        args = [node.args[i] for i in TEXT_ARGS.get(name, ()) if i < len(node.args)]
        args += [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS and name not in ("tag", "styled")]
        if name in LIST_ARGS and node.args and isinstance(node.args[0], (ast.List, ast.Tuple)):
            args += node.args[0].elts
        for arg in args:
            text = _language(arg)
            if text is not None:
                found.append(f"{path.name}:{node.lineno}: {name}({text!r})")
    return found


def test_no_ui_text_reaches_a_widget_without_tr():
    found = [line for path in sorted(UI.glob("*.py")) for line in _untranslated(path)]
    assert found == []


def test_the_scan_finds_a_literal_passed_straight_to_a_widget(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('label.setText("Hello")\nQLabel(f"Dataset {v}")\nmenu.addAction(tr("Fine"), go)\n'
                      'box.addItem("Possible matches", "possible")\nQLabel("   ")\n'
                      'table.setHorizontalHeaderLabels(["Kind", tr("Record")])\n', encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in _untranslated(sample)] == [
        "setText('Hello')", "QLabel('Dataset ')", "addItem('Possible matches')",
        "setHorizontalHeaderLabels('Kind')"]


def test_every_domain_word_the_window_translates_is_in_the_catalogue():
    from app.domain import schema as S
    from app.domain.dataset_diff import kind_label
    from app.domain.facets import STATUS_VALUES, facets
    from app.domain.kinds import KINDS
    from app.domain.listings import APRIL_28_LABEL, LIST_LABELS
    from app.domain.model import CHOICE_LABELS
    from app.domain.screening import CLEARED_EMPTY, CLEARED_GENERIC_ONLY, CLEARED_LEGAL_ONLY
    from app.domain.search_fields import LABELS
    from app.storage.bundled import load_bundled
    from app.storage.import_plan import targets
    from app.storage.paths import bundled_data_dir

    words = set(CHOICE_LABELS.values()) | set(LIST_LABELS.values()) | set(LABELS.values()) | {APRIL_28_LABEL}
    words |= {label for _key, label in STATUS_VALUES}
    words |= {CLEARED_EMPTY, CLEARED_GENERIC_ONLY, CLEARED_LEGAL_ONLY, kind_label("sources")}
    for kind in KINDS.values():
        words |= {kind.noun, kind.label, kind.plural}
        words |= {label for _key, label in targets(kind)}
        for spec in (*kind.form_fields, *S.EVENT_FIELDS, *S.SOURCE_FIELDS):
            words |= {w for w in (spec.label, spec.hint, spec.unit) if w}
    dataset = load_bundled(bundled_data_dir()).dataset
    for records in (dataset.companies, dataset.elements):
        for facet in facets(records, ON):
            words.add(facet.label)
            words |= {v.label for v in facet.values if facet.key != "announcement"}  # announcements are data
    words |= {e.name for e in dataset.elements}
    assert words - _sources(TS) == set()


# --- in English, the window's own wording is the domain's ---------------------------------
def test_status_texts_in_english_are_the_domains_labels(dataset):
    from app.domain.status import measures_of, record_status
    from app.ui.status_text import status_text

    seen = set()
    for on in (dt.date(2025, 4, 1), dt.date(2025, 4, 9), dt.date(2025, 5, 14), dt.date(2025, 11, 1), ON,
               dt.date(2026, 11, 1), dt.date(2026, 11, 20), dt.date(2027, 1, 1)):
        for record in (*dataset.companies, *dataset.elements):
            for measure in measures_of(record):
                status = record_status(record, measure, on, dataset.info.as_of)
                if status is not None:
                    assert status_text(status) == status.label
                    seen.add(status.kind)
    assert seen >= {"announced", "in_force", "suspended", "expired", "lifted"}


def test_reserve_and_chart_words_in_english_are_the_domains(dataset):
    from app.domain.chart_data import ChartSpec, build_chart
    from app.domain.reserves import FIGURES, UNITS, compare_all, figure_header, figure_label, world_total_text
    from app.domain.text import Msg
    from app.ui.chart_text import bar_label_text, figure_header_text, figure_label_text, world_text
    from app.ui.columns import comparison_text
    from app.ui.i18n import tr_msg

    for edition in (None, *dataset.editions):
        for figure in FIGURES:
            assert figure_label_text(figure, edition) == figure_label(figure, edition)
            assert figure_header_text(figure, edition) == figure_header(figure, edition)
            if edition is not None:
                assert world_text(edition, figure) == world_total_text(edition, figure)
    comparisons = compare_all(dataset.reserves, dataset.editions)
    assert comparisons and all(comparison_text(c.text) == c.text for c in comparisons.values())
    ids = [e.id for e in dataset.editions]
    for sources in (ids[:1], ids[:2], ids[:3]):
        for figure in FIGURES:
            for unit, log in (("auto", False), ("Mt", True), ("long-tons", False)):
                data = build_chart(dataset.reserves, dataset.editions,
                                   ChartSpec(tuple(sources), figure, unit, log, ("China",)))
                # Worded by the domain as templates with values: the window translates them as they are.
                assert isinstance(data.axis_title, Msg) and isinstance(data.title, Msg)
                assert tr_msg(data.axis_title) == data.axis_title and tr_msg(data.title) == data.title
                assert data.title.startswith("Rare-earth " + ("reserves" if figure == "reserves_t" else "mine production"))
                assert all(bar_label_text(b.label) == b.label for b in data.bars)
    assert {u.name for u in UNITS.values()} | {u.symbol for u in UNITS.values() if not u.metric} <= _sources(TS)


def test_reserve_and_chart_words_read_in_chinese(chinese, dataset):
    from app.domain.chart_data import ChartSpec, build_chart
    from app.ui.chart_text import figure_header_text, world_text
    from app.ui.i18n import tr_msg

    usgs = next(e for e in dataset.editions if e.is_usgs and e.data_year)
    assert figure_header_text("production_t", usgs) == f"{usgs.data_year} 年产量（吨）"
    data = build_chart(dataset.reserves, dataset.editions, ChartSpec((usgs.id,), "reserves_t", "Mt", True))
    assert tr_msg(data.axis_title) == "储量，单位：百万公吨稀土氧化物（REO）当量（对数刻度）"
    assert tr_msg(data.title) == f"各国稀土储量：{usgs.short}"
    assert world_text(usgs, "reserves_t").startswith("超过 ")
    others = [e for e in dataset.editions if e.is_usgs and e.data_year and e.id != usgs.id][:1]
    both = build_chart(dataset.reserves, dataset.editions, ChartSpec((usgs.id, others[0].id), "production_t"))
    years = " / ".join(dict.fromkeys(str(e.data_year) for e in (usgs, others[0])))
    assert tr_msg(both.title) == f"各国稀土{years} 年矿山产量：{usgs.short}和{others[0].short}"


def test_event_texts_in_english_are_the_domains(dataset):
    from app.domain.status import measure_events, measures_of
    from app.ui.status_text import event_text

    implied = 0
    for record in (*dataset.companies, *dataset.elements):
        for measure in measures_of(record):
            for event in measure_events(record, measure):
                assert event_text(record, event) == event.text
                implied += event not in record.events
    assert implied > 60


def test_refusals_in_english_are_the_domains_messages_word_for_word():
    from app.ui.messages import refusal_text

    for message in ("Reserves: must not be negative (got '-5')", "Listed: must be a date YYYY-MM-DD (got '1.5.2025')",
                    "Listed: must not be after the date it took effect (In force from: 2025-04-10)",
                    "Name: must not be empty", "Symbol: already used by Gallium (Ga)",
                    "Status date: is not a date that exists (got '2025-02-30')", "something else entirely"):
        assert refusal_text(message) == message


# --- the window in Chinese ----------------------------------------------------------------
@pytest.fixture
def chinese(qapp):
    from app.ui import i18n

    translator = i18n.install(qapp, "zh_CN", TRANSLATIONS)
    assert translator is not None and i18n.current_language() == "zh_CN"
    yield
    i18n.uninstall(qapp)
    assert i18n.current_language() == "en" and QCoreApplication.translate("", "Companies") == "Companies"


def test_the_window_reads_in_chinese(chinese, make_window):
    window = make_window(ON)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:4] == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["公司", "元素管制", "储量"]
    companies = window.companies
    headers = [companies.proxy.headerData(c, HORIZONTAL) for c in range(companies.proxy.columnCount())]
    assert headers[:4] == ["名称", "出口管制", "到期", "不可靠实体清单"]
    column = companies.model.column_of("status")
    cells = [companies.model.index(row, column).data() for row in range(companies.model.rowCount())]
    assert all(_has_cjk(cell) for cell in cells if cell != "–")
    # The No. 13 suspension to 10 Nov 2026 (end date unconfirmed), on a date past the data.
    assert "暂停至 2026-11-10（截止日期未证实） · 数据截至 2025-11-10，请核实" in cells, cells
    facet = companies.facets.combos["status"].itemText(0)
    assert facet == "状态：全部"
    assert "数据截至" in " ".join(window.banner_texts())
    detail = companies.detail.toPlainText()
    assert "出口管制管控名单：" in detail and "来源" in detail
    assert "列入出口管制管控名单。" in detail  # the event the record's own dates imply
    elements = window.elements
    assert elements.proxy.headerData(0, HORIZONTAL) == "符号"
    view = [a for a in window.menuBar().actions() if a.text() == "视图(&V)"][0].menu()
    language = [a for a in view.actions() if a.text() == "语言(&G)"][0].menu()
    assert [a.text() for a in language.actions()] == ["跟随系统语言(&S)", "English", "简体中文"]


def test_a_dialog_and_a_refusal_read_in_chinese(chinese, make_window):
    from app.ui.changes import ChangesDialog
    from app.ui.messages import refusal_text

    window = make_window(ON)
    dialog = ChangesDialog(window.controller, window)
    assert dialog.windowTitle() == "我的修改"
    assert dialog.table.horizontalHeaderItem(3).text() == "内置值"
    assert refusal_text("Reserves: must not be negative (got '-5')") == "储量：不能为负数（输入为 '-5'）"
    dialog.close()


def test_chinese_names_show_in_search_and_screening(make_window, qtbot):
    from app.ui.screening_dialog import shown_rows

    window = make_window(ON)
    with_zh = next(c for c in window.workspace.records("companies") if c.name_zh)
    window.search.box.setText(with_zh.name_zh)
    assert window.search.hits()[0] == ("companies", with_zh.id)
    assert with_zh.name_zh in window.search.results.item(0).text()
    dialog = window.show_screening()
    dialog.names.setPlainText(with_zh.name)
    assert dialog.start()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=20_000)
    rows = shown_rows(dialog.run)
    assert any(with_zh.name_zh in str(r[1]) for r in rows)
    dialog.close()


# --- choosing the language --------------------------------------------------------------
def test_the_language_follows_the_choice_then_the_system(tmp_path, monkeypatch):
    from app.ui import i18n

    system: list[str] = []

    class FakeLocale:  # QLocale.system() as the operating system would answer
        @staticmethod
        def system():
            return type("System", (), {"uiLanguages": staticmethod(lambda: list(system))})()

    monkeypatch.setattr(i18n, "QLocale", FakeLocale)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    for languages, expected in ((["zh-Hans-CN", "en-US"], "zh_CN"), (["zh-CN"], "zh_CN"), (["zh-SG"], "zh_CN"),
                                (["zh-Hant-TW", "en-US"], "en"), (["zh-TW"], "en"), (["en-GB", "zh-CN"], "en"),
                                (["fr-FR", "zh-CN"], "zh_CN"), (["de-DE"], "en"), ([], "en")):
        system[:] = languages
        assert i18n.chosen_language(settings) == expected, languages
        assert i18n.chosen_language(None) == expected
    system[:] = ["zh-CN"]
    settings.setValue(i18n.SETTING, "en")  # the user's choice wins over the system
    assert i18n.chosen_language(settings) == "en"
    system[:] = ["en-US"]
    settings.setValue(i18n.SETTING, "zh_CN")
    assert i18n.chosen_language(settings) == "zh_CN"
    settings.setValue(i18n.SETTING, "klingon")  # not a language we have: the system's decides
    assert i18n.chosen_language(settings) == "en"


def test_view_language_saves_the_choice_and_says_when_it_applies(make_window, tmp_path):
    from app.ui.i18n import SETTING
    from app.ui.menus import choose_language

    window = make_window(ON)
    window.settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    choose_language(window, "zh_CN")
    assert window.settings.value(SETTING) == "zh_CN"
    text = window.banners.get("language").text()
    assert "简体中文" in text and "next time Curbwatch starts" in text and "下次启动" in text
    choose_language(window, "en")  # the language showing: nothing to wait for
    assert window.settings.value(SETTING) == "en" and not window.banners.has("language")
    choose_language(window, "")
    assert window.settings.value(SETTING) is None


def test_a_missing_catalogue_leaves_the_window_in_english(qapp, tmp_path):
    from app.ui import i18n

    assert i18n.install(qapp, "zh_CN", tmp_path) is None
    assert i18n.current_language() == "en" and QApplication.translate("", "Companies") == "Companies"


# --- sentences worded by the storage and the domain (Msg) ------------------------------------
def _msg_templates() -> tuple[set[str], list[str]]:
    """The templates of every Msg(...) written in app/, and the calls whose template lupdate
    cannot see (a plain literal instead of QT_TRANSLATE_NOOP("", "...")."""
    def marked(node: ast.AST) -> list[str] | None:
        if isinstance(node, ast.IfExp):
            both = (marked(node.body), marked(node.orelse))
            return None if None in both else both[0] + both[1]
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "QT_TRANSLATE_NOOP"
                and len(node.args) == 2 and isinstance(node.args[1], ast.Constant)):
            return [node.args[1].value]
        return None

    templates, unmarked = set(), []
    for path in sorted((REPO / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Msg"
                    and node.args):
                continue
            found = marked(node.args[0])
            if found is not None:
                templates.update(found)
            elif isinstance(node.args[0], (ast.Constant, ast.JoinedStr, ast.IfExp)):
                unmarked.append(f"{path.name}:{node.lineno}")
    return templates, unmarked


def test_every_msg_template_is_marked_in_the_catalogue_and_translated():
    templates, unmarked = _msg_templates()
    assert unmarked == []
    assert len(templates) > 100  # the scan sees the storage's sentences
    finished = {m.findtext("source") for m in _messages(TS)
                if m.find("translation").get("type") is None and (m.findtext("translation") or "").strip()}
    assert templates - finished == set()


def test_the_msg_scan_flags_a_template_lupdate_cannot_see(tmp_path, monkeypatch):
    app = tmp_path / "app"
    app.mkdir()
    (app / "m.py").write_text('a = Msg(QT_TRANSLATE_NOOP("", "Seen {x}"), x=1)\nb = Msg("Unseen {x}", x=2)\n'
                              'c = Msg(label)\n', encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "REPO", tmp_path)
    assert _msg_templates() == ({"Seen {x}"}, ["m.py:2"])


def test_a_msg_is_its_english_and_translates_with_its_values(chinese):
    from app.domain.text import QT_TRANSLATE_NOOP, Msg
    from app.ui.i18n import tr_msg

    inner = Msg(QT_TRANSLATE_NOOP("", "unreadable ({reason})"), reason="Permission denied")
    message = Msg.join([Msg(QT_TRANSLATE_NOOP("", "Your data file was damaged ({reason})."), reason=inner),
                        Msg(QT_TRANSLATE_NOOP("", "It was moved to {path}."), path=Path("/x/userdata.json.corrupt"))])
    assert message == "Your data file was damaged (unreadable (Permission denied)). It was moved to " \
                      "/x/userdata.json.corrupt."
    assert tr_msg(message) == "您的数据文件已损坏（无法读取（Permission denied））。它已被移至 /x/userdata.json.corrupt。"
    assert tr_msg("plain words") == "plain words" and tr_msg(ValueError("plain")) == "plain"


def test_a_recovery_banner_reads_in_chinese_and_its_english_is_unchanged(chinese, make_window, user_data_dir):
    window = make_window(ON)
    model = window.companies.model
    model.setData(model.index(model.row_of("echodyne"), 0), "Echo")
    assert window.controller.save_now()
    window.close()
    window.controller.userdata.close()
    path = user_data_dir / "userdata.json"
    path.write_bytes(path.read_bytes()[:-40])  # cut short after the edit was saved
    window = make_window(ON)
    english = " ".join(window.controller.userdata.last_report.messages)
    assert english.startswith("Your data file was damaged (") and " It was moved to " in english
    assert "Restored from the backup of " in english or "Restored from the journal of your edits" in english
    banners = " ".join(window.banner_texts())
    assert "您的数据文件已损坏（" in banners and "它已被移至" in banners and "已从" in banners
    assert "Your data file was damaged" not in banners


def test_a_read_only_reason_reads_in_chinese_and_its_english_is_unchanged(chinese, make_window):
    make_window(ON)
    second = make_window(ON)  # the first window holds the data folder's lock
    reason = second.controller.userdata.read_only_reason
    assert str(reason).startswith("Curbwatch is already open in another window (process ")
    assert str(reason).endswith(". This window is read-only until the other one is closed.")
    banner = second.banners.get("read-only").text()
    assert "Curbwatch 已在另一个窗口中打开（" in banner and "进程" in banner and "already open" not in banner


def test_an_import_problem_reads_in_chinese_and_its_english_is_unchanged(chinese, make_window):
    from app.storage.import_plan import plan_import
    from app.storage.record_import import SourceTable
    from app.ui.import_dialog import preview_html

    window = make_window(ON)
    table = SourceTable("list.csv", "csv", ("Name", "Country", "Listed"),
                        (("Acme Dynamics", "United States", "1.5.2025"),), (2,))
    plan = plan_import(window.workspace, table, "companies", ["name", "country", "listed"], ON)
    assert [str(p) for p in plan.problems] == ["Row 2: Listed: must be a date YYYY-MM-DD (got '1.5.2025')"]
    html = preview_html(plan)
    assert "第 2 行：" in html and "Row 2" not in html and "must be a date" not in html


def test_a_dataset_update_refusal_reads_in_chinese_and_its_english_is_unchanged(chinese, dataset, tmp_path):
    from types import SimpleNamespace

    from app.storage.dataset_update import UpdateError, read_update, refuse_unless_newer
    from app.ui.i18n import tr_msg

    version = dataset.info.dataset_version
    with pytest.raises(UpdateError) as same:
        refuse_unless_newer(SimpleNamespace(info=SimpleNamespace(dataset_version=version)), dataset.info)
    assert str(same.value) == f"This is dataset {version}, the one in use: you already have it. Nothing to import."
    assert tr_msg(same.value) == f"这是数据集 {version}，即正在使用的版本：您已拥有它。无需导入。"
    with pytest.raises(UpdateError) as missing:
        read_update(tmp_path / "nowhere.zip")
    assert str(missing.value) == f"{tmp_path / 'nowhere.zip'} does not exist."
    assert tr_msg(missing.value) == f"{tmp_path / 'nowhere.zip'} 不存在。"


def test_a_load_error_reason_in_a_recovery_banner_reads_in_chinese(chinese, make_window, user_data_dir):
    window = make_window(ON)
    model = window.companies.model
    model.setData(model.index(model.row_of("echodyne"), 0), "Echo")
    assert window.controller.save_now()
    window.close()
    window.controller.userdata.close()
    (user_data_dir / "userdata.json").write_bytes(b'{"format": "curbwatch-userdata", "data": {}}\n')
    window = make_window(ON)
    english = " ".join(window.controller.userdata.last_report.messages)
    assert "Your data file was damaged (no schema_version)." in english
    banners = " ".join(window.banner_texts())
    assert "您的数据文件已损坏（没有 schema_version）。" in banners and "no schema_version" not in banners


def test_strict_json_reasons_keep_their_english_and_read_in_chinese(chinese):
    from app.storage.strict_json import LoadError, strict_json_loads
    from app.ui.i18n import tr_msg

    with pytest.raises(LoadError) as broken:
        strict_json_loads(b'{"a": 1,\n "b": }')
    reason = broken.value.reason
    assert reason == "not valid JSON at byte 15 (line 2, column 7: Expecting value)"
    assert tr_msg(reason) == "在第 15 字节处不是有效的 JSON（第 2 行，第 7 列：Expecting value）"  # json's own words kept
    with pytest.raises(LoadError) as twice:
        strict_json_loads(b'{"a": 1, "a": 2}')
    assert str(twice.value) == "the key 'a' appears twice in one object"
    assert tr_msg(twice.value) == "键 'a' 在同一对象中出现了两次"


def test_a_name_list_error_in_the_screening_dialog_reads_in_chinese(chinese, make_window, tmp_path):
    from app.storage.screening_io import NameListError, read_names

    binary = tmp_path / "names.xlsx"
    binary.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(NameListError) as refused:
        read_names(binary)
    assert str(refused.value) == (f"{binary} looks like a binary file (a spreadsheet such as .xlsx?): save it as CSV "
                                  "(UTF-8) or as a text file, one name a line.")
    window = make_window(ON)
    dialog = window.show_screening()
    assert not dialog.open_file(str(binary))
    summary = dialog.summary.text()
    assert f"{binary} 看起来是二进制文件" in summary and "looks like" not in summary
    dialog.names.setPlainText("x" * 5000)
    assert not dialog.start()
    assert "名单 的第 1 个名称长 5,000 个字符" in dialog.summary.text()
    dialog.close()


def test_a_record_level_refusal_reads_in_chinese_and_its_english_is_unchanged(chinese, make_window):
    from app.domain.states import EditError
    from app.ui.messages import refusal_text

    window = make_window(ON)
    workspace = window.workspace
    record_id = workspace.records("companies")[0].id
    with pytest.raises(EditError) as changed:
        workspace.entry_for_record("companies", record_id, {"id": record_id + "-other"})
    assert str(changed.value) == "id: cannot be changed"
    assert refusal_text(str(changed.value)) == "id：不能更改"
    assert refusal_text("a record you added has no bundled version; delete it instead") == \
        "您添加的记录没有内置版本；请改为删除它"
    assert refusal_text("events[2].until: must be a list") == "events[2].until：必须是列表"
    assert refusal_text("events: duplicate event id 'e1'") == "events：事件 ID 'e1' 重复"
    assert refusal_text("events: something new") == "events: something new"  # an unknown rule stays as written
    assert refusal_text("companies has no record 'echodyne'") == "公司中没有记录 'echodyne'"  # the kind in words


def test_chart_tooltips_notes_and_description_read_in_chinese(chinese, dataset):
    """The chart's bar tooltips, the notes under it and its description for screen readers are
    worded by the domain as Msg templates: in Chinese in the window, in English everywhere else."""
    from app.domain.chart_data import ChartSpec, build_chart
    from app.ui.chart_text import chart_words
    from app.ui.i18n import tr_msg

    first, second = [e for e in dataset.editions if e.is_usgs and e.data_year][:2]
    data = build_chart(dataset.reserves, dataset.editions, ChartSpec((first.id, second.id), "production_t", "kt"))
    china = next(b for b in data.bars if b.country == "China" and b.series == 0)
    assert china.tooltip.splitlines()[1:3] == [
        f"Mine production {first.data_year}: 270 kt (270,000 metric tons)",
        "Share of the world total (390,000 t (rounded)): ≈69%"]
    tip = chart_words(china.tooltip).splitlines()
    assert tip[1:3] == [f"{first.data_year} 年矿山产量：270 kt（270,000 公吨）", "占全球总量（390,000 t（取整））的比例：≈69%"]
    assert "无本地修改：内置数字" in tip and tip[-1].startswith("来源：")
    assert "各来源给出的是其各自数据年份的产量（见图例括号内）。" in [chart_words(n) for n in data.notes]
    description = chart_words(data.description()).splitlines()
    assert description[:2] == [tr_msg(data.title) + "。", tr_msg(data.axis_title) + "。"]
    assert str(data.description()).splitlines()[0] == data.title + "."  # the English, for exports and --chart


def test_a_search_hit_in_a_timeline_names_its_field_in_chinese(chinese, make_window):
    """The result says which field matched: a timeline event's is "Timeline <date>" in English,
    "时间线 <date>" in a Chinese window (it read "Timeline 2025-05-14" there)."""
    window = make_window(ON)
    window.search.box.setText("geneva")
    first = window.search.results.item(0).text()
    assert "时间线 2025-05-14" in first and "Timeline" not in first
    assert window.search.index().search("geneva")[0].hits[0].label == "Timeline 2025-05-14"  # the English


def test_every_column_starts_wide_enough_for_its_chinese_header(chinese, make_window):
    """The default widths come from the headers in the window's language (Chinese headers are
    shorter or longer than the English ones): none is cut."""
    window = make_window(ON)
    assert window.tab("companies").table.model().headerData(0, Qt.Orientation.Horizontal) == "名称"
    for key in ("companies", "elements", "reserves"):
        header = window.tab(key).table.horizontalHeader()
        short = [i for i in range(header.count())
                 if not header.isSectionHidden(i) and header.sectionSize(i) < header.sectionSizeHint(i)]
        assert short == [], key
