"""Issue 19, the record view and the search field: left-over English (the Sources heading, Qt's file dialog),
glyphs the bundled font lacks, nested lists, the draft banner's original language, region names and street
names in uz/ky, Esc, the bookmark's state and the first result. Driven with real keystrokes offscreen."""
from __future__ import annotations

import re
import unicodedata

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_main_window import close_window, make_window, result_ids, type_query

from desktop import paths
from desktop.core.content import load_content
from desktop.core.i18n import set_language, translator
from desktop.present.markdown import markdown
from desktop.present.record_html import RecordRenderer

LANGS = ("ru", "uz", "uz_Cyrl", "ky")


@pytest.fixture
def window(qtbot, real_dataset, tmp_path):
    shown = make_window(qtbot, real_dataset, tmp_path)
    yield shown
    close_window(shown)


# ------------------------------------------------------------------ 5. left-over English

@pytest.mark.parametrize("lang", ("ru", "uz", "ky"))
def test_the_sources_heading_is_in_the_interface_language(store, lang):
    html = RecordRenderer(store, lang, lang).render(store.record("patent-advance-tax"))
    heading = re.findall(r"<h2>([^<]*)</h2><ol>", html)[-1]          # the last list heading: the sources
    assert heading == translator(lang).gettext("Sources") != "Sources"
    assert ">Sources<" not in html


def file_dialog_texts(lang: str, accept_mode) -> list[tuple[str, str]]:
    """Every text a person reads or hears in Qt's own (non-native) file dialog, in `lang`, in a fixed order."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QFileDialog, QLabel, QWidget

    from desktop.ui.qt_translations import install_qt_translations

    install_qt_translations(QApplication.instance(), lang)
    dialog = QFileDialog(None, "", str(paths.app_root()), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(accept_mode)
    dialog.show()
    try:
        texts = [("title", dialog.windowTitle())]
        for i, widget in enumerate(dialog.findChildren(QWidget)):
            name = f"{i}:{type(widget).__name__}"
            texts += [(name + ".toolTip", widget.toolTip()), (name + ".accessibleName", widget.accessibleName())]
            if isinstance(widget, (QLabel, QAbstractButton)):
                texts.append((name + ".text", widget.text()))
            if isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                texts += [(f"{name}.header{c}", str(model.headerData(c, Qt.Orientation.Horizontal)))
                          for c in range(model.columnCount())]
        for i, action in enumerate(dialog.findChildren(QAction)):
            texts += [(f"action{i}.text", action.text()), (f"action{i}.toolTip", action.toolTip())]
        return texts
    finally:
        dialog.close()
        dialog.deleteLater()


@pytest.mark.parametrize("lang", LANGS)
def test_qt_file_dialog_has_no_english_label_or_button(qtbot, lang):
    """The save and open dialogs the app shows (Qt's own, offscreen and without a desktop's native one)."""
    from PySide6.QtWidgets import QFileDialog

    try:
        for mode in (QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen):
            english = file_dialog_texts("en", mode)
            translated = file_dialog_texts(lang, mode)
            assert [k for k, _ in english] == [k for k, _ in translated]
            same = [(k, e) for (k, e), (_, t) in zip(english, translated, strict=True)
                    if e == t and re.search(r"[A-Za-z]{2}", e) and e not in ("PDF (*.pdf)", str(paths.app_root()))]
            assert same == [], f"{lang} {mode.name}: left in English: {same}"
            assert any("Look in" in e for _, e in english)  # the walk reaches the labels the issue named
    finally:
        from desktop.ui.qt_translations import install_qt_translations

        install_qt_translations(QApplication.instance(), "en")


# ------------------------------------------------------------------ 6. the record view

def bundled_font():
    from PySide6.QtGui import QRawFont

    return QRawFont((paths.resources_dir() / "fonts" / "DejaVuSans.ttf").read_bytes(), 12.0)


def test_every_symbol_of_the_record_pages_is_in_the_bundled_font(qtbot, store, ctx):
    from desktop.ui.record_view import RecordView

    font = bundled_font()
    assert font.isValid()
    symbols: dict[str, str] = {}
    for lang in ("en", "ru", "uz", "ky"):
        renderer = RecordRenderer(store, lang, lang, citizenship="UZ", region="RU-MOW")
        for record_id in store.ids():
            for char in renderer.render(store.record(record_id)):
                if ord(char) > 127 and unicodedata.category(char)[0] in "SP":  # symbols and punctuation
                    symbols.setdefault(char, record_id)
    view = RecordView(ctx)
    qtbot.addWidget(view)
    view.open("patent-advance-tax")
    for button in (view.back_button, view.forward_button, view.bookmark_button):
        for char in button.text():
            if ord(char) > 127:
                symbols.setdefault(char, button.objectName())
    view.toggle_bookmark()  # the filled star, too
    symbols.update({c: "bookmarked" for c in view.bookmark_button.text() if ord(c) > 127})
    missing = {f"U+{ord(c):04X} {c}": where for c, where in symbols.items() if not font.supportsCharacter(ord(c))}
    assert missing == {}, f"glyphs the bundled DejaVu Sans lacks (an empty box on screen): {missing}"
    assert "⏱" not in RecordRenderer(store, "en", "en", citizenship="UZ").render(store.record("patent-advance-tax"))


def list_levels(html: str) -> list[tuple[str, int]]:
    """(text, nesting level) of every list item of the page as QTextDocument lays it out."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(html)
    block, out = doc.begin(), []
    while block.isValid():
        if block.textList() is not None:
            out.append((block.text().strip(), block.textList().format().indent()))
        block = block.next()
    return out


def test_sub_lists_keep_their_bullets_and_indentation(qtbot):
    html = markdown("Intro\n- **Goals:**\n  - one\n  - two\n    1. deep\n- last\n\nAfter")
    assert html == ("<p>Intro</p>\n<ul>\n<li><b>Goals:</b>\n<ul>\n<li>one\n</li>\n<li>two\n<ol>\n<li>deep\n"
                    "</li></ol>\n</li></ul>\n</li>\n<li>last\n</li></ul>\n<p>After</p>")
    assert list_levels(html) == [("Goals:", 1), ("one", 2), ("two", 2), ("deep", 3), ("last", 1)]


def test_a_real_record_shows_its_sub_list_indented(qtbot, window):
    window.open_record("cis-convention-migrant-workers-2008")
    levels = [level for _text, level in list_levels(window.record.browser.toHtml())]
    assert levels.count(2) == 2 and 1 in levels     # the two aims, inside their item of the outer list


@pytest.mark.parametrize("ui_lang,expected", [("en", "The original is in English"),
                                               ("ru", "Оригинал на английском языке"),
                                               ("uz", "Asl matn ingliz tilida"),
                                               ("ky", "Түп нуска англис тилинде")])
def test_the_draft_banner_names_the_original_language(store, ui_lang, expected):
    record = store.record("ombudsman-tatarstan")  # English original, Russian draft
    assert record.texts["en"].translation == "original" and record.texts["ru"].translation == "draft"
    html = RecordRenderer(store, ui_lang, "ru").render(record)
    assert expected in html
    assert "Russian text" not in html and "русским текстом" not in html


def test_no_banner_names_a_language_when_the_page_is_the_original(store):
    html = RecordRenderer(store, "ru", "en").render(store.record("ombudsman-tatarstan"))
    assert "Оригинал на" not in html


def test_every_region_and_federal_district_has_an_uzbek_and_a_kyrgyz_name(store):
    for region in store.regions():
        assert region.name.get("uz") and region.name.get("ky"), region.code
        assert not re.search(r"[А-Яа-яЁё]", region.name["uz"]), region.name["uz"]   # Latin script
        if region.code not in ("RU-MOW", "RU-SPE"):   # a city's name is the same word in Kyrgyz
            assert region.name["ky"] != region.name["ru"], region.code
    for code, name in store.federal_districts().items():
        assert name.get("uz") and name.get("ky"), code


def test_region_names_are_marked_as_drafts_and_the_mark_is_checked(content_tree):
    data = yaml.safe_load((paths.content_dir() / "regions.yaml").read_text(encoding="utf-8"))
    assert data["translation"] == {"ru": "original", "en": "original", "uz": "draft", "ky": "draft"}
    regions = content_tree / "regions.yaml"
    text = regions.read_text(encoding="utf-8")
    regions.write_text(text.replace("translation: {ru: original, en: original, uz: draft, ky: draft}\n", ""),
                       encoding="utf-8")
    problems = [p for p in load_content(content_tree).problems if "translation state" in p.message]
    assert problems and {p.record for p in problems} == {"regions"}
    assert any(p.field == "regions[0].name.uz" and "a uz name needs the file's translation state" in p.message
               for p in problems)
    regions.write_text(text.replace("uz: draft, ky: draft}", "uz: draft, ky: official}"), encoding="utf-8")
    assert any("translation.ky" in p.field for p in load_content(content_tree).problems)


@pytest.mark.parametrize("lang,tatarstan", [("uz", "Tatarstan Respublikasi"), ("uz_Cyrl", "Татарстан Республикаси"),
                                            ("ky", "Татарстан Республикасы")])
def test_the_interface_shows_regions_in_its_language(qtbot, real_dataset, tmp_path, lang, tatarstan):
    shown = make_window(qtbot, real_dataset, tmp_path, ui_language=lang, content_language=lang)
    try:
        combo = shown.search.region
        assert combo.itemText(combo.findData("RU-TA")) == tatarstan
        combo.set_code("RU-TA")
        shown.open_record("amina-app")    # applies only in some regions: named on the page
        shown.open_record("ombudsman-tatarstan")
        assert tatarstan in shown.record.browser.toPlainText()
        assert "Республика Татарстан" not in shown.record.browser.toPlainText()
    finally:
        close_window(shown)
        set_language("en")


def test_addresses_in_russia_keep_the_russian_street_names_in_every_language():
    """A driver or a map reads the street as it is signed: every language shows the Russian address as it is
    written (issue 16), an explanation in the reader's language may follow in brackets, and a street is never
    translated, such as 'Gorkiy koʻchasi' alone."""
    checked = 0
    for path in sorted((paths.content_dir() / "contacts").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = (data.get("address") or {}).get("text") or {}
        if not str(data.get("region", "")).startswith("RU-") or "ru" not in text:
            continue
        for lang, shown in text.items():
            assert shown == text["ru"] or shown.startswith(text["ru"] + " ("), (path.name, lang)
        checked += 1
    assert checked >= 10
    lines = [line for p in (paths.content_dir() / "contacts").glob("*.yaml")
             for line in p.read_text(encoding="utf-8").splitlines()]
    # in the record texts too, a translated street name only explains the Russian one beside it
    assert all("ул. Горького" in line for line in lines if "Gorkiy koʻchasi" in line)
    assert all("Казачий пер." in line for line in lines if "Kazachiy tor koʻcha" in line)


# ------------------------------------------------------------------ 7. Esc, the bookmark, the first result

def shows_start_help(shown) -> bool:
    search = shown.search
    return (search.empty.isVisible() and "Type what the client asks" in search.empty.text()
            and search.count.text() == "" and not search.list.isVisible())


def test_escape_brings_back_the_start_help_even_when_enter_follows(qtbot, window):
    type_query(qtbot, window, "патент")
    assert window.search.list.isVisible()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: shows_start_help(window), timeout=3000)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)      # Enter on the emptied field
    qtbot.wait(DEBOUNCE_WAIT)
    assert shows_start_help(window), (window.search.count.text(), window.search.empty.text())
    assert "No results" not in window.search.empty.text()
    window.search.list.setFocus()                                   # Esc from the results list too
    type_query(qtbot, window, "патент")
    window.search.list.setFocus()
    qtbot.keyClick(window.search.list, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: shows_start_help(window), timeout=3000)
    assert window.search.field.hasFocus()


DEBOUNCE_WAIT = 400  # ms: longer than the search field's debounce


def test_ctrl_d_shows_the_bookmark_state_as_a_star_and_a_word(qtbot, window):
    window.open_record("patent-advance-tax")
    button = window.record.bookmark_button
    assert button.text() == "☆ Bookmark" and not button.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert button.text() == "★ Bookmarked" and button.isChecked()
    assert button.accessibleName() == "Bookmarked"
    assert window.ctx.userdata.is_bookmarked("patent-advance-tax")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert button.text() == "☆ Bookmark" and not button.isChecked()
    window.ctx.userdata.toggle_bookmark("amina-app")               # a bookmarked record, opened: filled star
    window.open_record("amina-app")
    assert button.text() == "★ Bookmarked"
    window.ctx.settings.ui_language = "ru"
    set_language("ru")
    try:
        assert button.text() == "★ В закладках" and button.toolTip() == "Убрать из закладок (Ctrl+D)"
    finally:
        set_language("en")


def test_down_from_the_field_takes_the_first_result_and_enter_opens_it(qtbot, window):
    search = window.search
    type_query(qtbot, window, "патент")
    first, second = result_ids(window)[:2]
    assert search.list.currentRow() == 0                            # highlighted ...
    qtbot.keyClick(search.field, Qt.Key.Key_Return)                  # ... and the one Enter opens
    assert window.record.current == first
    search.focus_search()
    qtbot.keyClick(search.field, Qt.Key.Key_Down)                    # into the list, on the first result
    assert search.list.hasFocus() and search.list.currentRow() == 0
    window.record.history.clear()
    window.record.position = -1
    qtbot.keyClick(search.list, Qt.Key.Key_Return)
    assert window.record.current == first
    search.list.setFocus()
    qtbot.keyClick(search.list, Qt.Key.Key_Down)
    assert search.list.currentRow() == 1
    qtbot.keyClick(search.list, Qt.Key.Key_Return)
    assert window.record.current == second
    search.list.setFocus()
    qtbot.keyClick(search.list, Qt.Key.Key_Up)
    qtbot.keyClick(search.list, Qt.Key.Key_Up)                       # above the first: back in the field
    assert search.field.hasFocus()
    qtbot.keyClick(search.field, Qt.Key.Key_Down)
    qtbot.keyClick(search.list, Qt.Key.Key_A)                        # typing in the list goes on in the field
    assert search.field.hasFocus() and search.field.text() == "патентa"

