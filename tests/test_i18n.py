"""Interface catalogs: complete, valid for GNU gettext, current, and applied live to every window."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from desktop import paths
from desktop.core import catalogs, languages
from desktop.core.i18n import default_language, format_date, set_language

LANGS = tuple(lang for lang in languages.INTERFACE if lang != languages.SOURCE)  # every translated one
# Names and codes that are the same in every language
PROPER = {"Migrant Desk", "WhatsApp", "Telegram", "OK", "PDF", "A4", "Letter", "QR", "Oʻzbekcha", "Ўзбекча",
          "Кыргызча", "Русский", "English", "%", "—", "…"}


def source_strings() -> set[str]:
    with (paths.app_root() / "translations" / "messages.pot").open("rb") as f:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(lang):
    assert catalogs.problems(lang) == []


@pytest.mark.parametrize("lang", ("ru", "uz", "uz_Cyrl", "ky"))
def test_gnu_msgfmt_accepts_the_catalog(lang, tmp_path):
    if not shutil.which("msgfmt"):
        pytest.fail("GNU msgfmt is missing: install Debian's gettext package (make test does)")
    result = subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "x.mo"), str(catalogs.po_path(lang))],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_compiled_catalogs_match_their_sources(tmp_path):
    """The .mo files the build made are exactly what the .po sources compile to now."""
    copy = tmp_path / "translations"
    shutil.copytree(catalogs.root(), copy)
    for mo in copy.rglob("*.mo"):
        mo.unlink()
    catalogs.build(copy)
    for lang in LANGS:
        built = catalogs.po_path(lang).with_suffix(".mo")
        assert built.exists(), f"{built} missing: run make translations"
        assert built.read_bytes() == catalogs.po_path(lang, copy).with_suffix(".mo").read_bytes(), lang
    for lang in ("uz", "uz_Cyrl", "ky"):
        built = catalogs.root() / "qt" / f"qtbase_{lang}.qm"
        assert built.exists(), f"{built} missing: run make translations"
        assert built.read_bytes() == (copy / "qt" / f"qtbase_{lang}.qm").read_bytes(), lang


@pytest.mark.parametrize("lang,cancel", [("ru", "Отмена"), ("uz", None), ("uz_Cyrl", None), ("ky", None)])
def test_qt_own_dialog_buttons_are_translated(qtbot, lang, cancel):
    """Qt's standard buttons and print-preview actions speak the interface language, not English."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.ui.qt_translations import install_qt_translations

    app = QApplication.instance()
    install_qt_translations(app, lang)
    try:
        box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel | QDialogButtonBox.Save)
        qtbot.addWidget(box)
        texts = [box.button(b).text().replace("&", "") for b in (QDialogButtonBox.Cancel, QDialogButtonBox.Save)]
        assert texts[0] != "Cancel" and texts[1] != "Save", texts
        if cancel:
            assert texts[0] == cancel
        if lang == "uz_Cyrl":
            assert all(not any("a" <= c.lower() <= "z" for c in t) for t in texts), texts
        preview = QPrintPreviewDialog()
        qtbot.addWidget(preview)
        tips = [a.text() for a in preview.findChildren(QAction) if a.text()]
        assert tips and not any(t in ("Print", "Page setup", "Zoom in", "Next page") for t in tips), tips
    finally:
        install_qt_translations(app, "en")


def test_uz_cyrillic_catalog_is_derived_not_hand_written(tmp_path):
    catalogs.derive_uz_cyrl(catalogs.po_path("uz"), tmp_path / "uz_Cyrl.po")
    with (tmp_path / "uz_Cyrl.po").open("rb") as f:
        derived = {m.id: m.string for m in read_po(f) if m.id}
    assert derived["Search"] == "Қидириш"
    assert derived["Search"] != "" and all(derived.values())


def test_pot_is_current(tmp_path):
    out = tmp_path / "fresh.pot"
    subprocess.run([str(paths.app_root() / ".venv" / "bin" / "pybabel") if (paths.app_root() / ".venv").exists()
                    else "pybabel", "extract", "-F", "babel.cfg", "-k", "_", "-k", "ngettext:1,2",
                    "-k", "pgettext:1c,2", "-k", "N_", "-k", "NP_:1c,2", "-o", str(out), "."],
                   cwd=paths.app_root(), check=True, capture_output=True)
    with out.open("rb") as f:
        fresh = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    assert fresh - source_strings() == set(), "run `make pot` and update the catalogs"


def test_first_start_language():
    assert default_language("uz_UZ") == "uz"
    assert default_language("uz_Cyrl_UZ") == "uz_Cyrl"
    assert default_language("ky_KG") == "ky"
    assert default_language("ru_RU") == "ru"
    assert default_language("en_US") == "ru"
    assert default_language("") == "ru"


def test_locale_dates_and_plurals():
    assert format_date("2026-11-24", "ru") == "24 ноября 2026\u202fг."   # CLDR: a narrow no-break space
    assert format_date("2026-11-24", "uz") == "24-noyabr, 2026"
    assert format_date("2026-11-24", "ky") == "2026-ж., 24-ноябрь"
    from desktop.core.i18n import ngettext
    set_language("ru")
    try:
        forms = [ngettext("{n} result", "{n} results", n).format(n=n) for n in (1, 2, 5, 11, 21)]
        assert forms == ["1 результат", "2 результата", "5 результатов", "11 результатов", "21 результат"]
    finally:
        set_language("en")


# ---------------------------------------------------------------------------------------------- live UI

def visible_texts(root: QWidget) -> dict[str, str]:
    """Every text a user can see or hear (labels, buttons, placeholders, tooltips, names, menus, tabs)."""
    out = {}

    def put(key, text):
        if text and text.strip():
            out[key] = text

    widgets = [root] + root.findChildren(QWidget)
    for i, w in enumerate(widgets):
        if not w.isVisibleTo(root) and w is not root and not isinstance(w, QMenu):
            continue
        key = f"{i}:{type(w).__name__}:{w.objectName()}"
        put(key + ":title", w.windowTitle() if w.isWindow() else "")
        put(key + ":tip", w.toolTip())
        put(key + ":name", w.accessibleName())
        if isinstance(w, (QLabel, QAbstractButton)):
            put(key + ":text", w.text())
        if isinstance(w, QLineEdit):
            put(key + ":placeholder", w.placeholderText())
        if isinstance(w, QComboBox) and not w.isEditable():
            for j in range(w.count()):
                put(f"{key}:item{j}", w.itemText(j))
        if isinstance(w, QTabWidget):
            for j in range(w.count()):
                put(f"{key}:tab{j}", w.tabText(j))
        if isinstance(w, QTableWidget):
            for j in range(w.columnCount()):
                item = w.horizontalHeaderItem(j)
                put(f"{key}:col{j}", item.text() if item else "")
        if isinstance(w, QMenu):
            put(key + ":menu", w.title())
            for j, action in enumerate(w.actions()):
                put(f"{key}:action{j}", action.text())
    return out


def english_leftovers(texts: dict[str, str], sources: set[str]) -> list[str]:
    def bare(text: str) -> str:
        return text.replace("&", "").strip()

    english = {bare(s) for s in sources} - {bare(p) for p in PROPER}
    return [f"{key} = {text!r}" for key, text in texts.items() if bare(text) in english]


@pytest.fixture
def open_windows(qtbot, real_dataset, tmp_path):
    """The main window and every dialog, open at once, in English."""
    from desktop.core.search import SearchIndex
    from desktop.core.store import Store
    from desktop.core.userdata import UserData
    from desktop.environment import Settings
    from desktop.ui.about_dialog import AboutDialog
    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings_dialog import SettingsDialog
    from desktop.ui.sheet_dialog import SheetDialog

    set_language("en")
    store = Store(real_dataset)
    index = SearchIndex.open(store, real_dataset / "index")
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    ctx = AppContext(store, index, UserData(tmp_path / "u.sqlite"), settings)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.search.field.setText("patent")
    window.search.search_now()
    window.open_record("work-patent")
    for panel in ("contacts", "deadlines", "agreements", "mydata"):   # every tab built before the switch
        getattr(window, panel)
    dialogs = [AboutDialog(ctx, window), SettingsDialog(ctx, window), SheetDialog(store, ["work-patent"], window)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
    yield [window, *dialogs]
    import shiboken6
    from PySide6.QtCore import QEvent

    for w in (*dialogs, window):
        if shiboken6.isValid(w):  # (qtbot has closed them, and a closed dialog deletes itself)
            w.close()
            w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    set_language("en")
    index.close()
    store.close()


@pytest.mark.parametrize("lang", LANGS)
def test_every_visible_text_switches_live(qtbot, open_windows, lang):
    sources = source_strings()
    before = {id(w): visible_texts(w) for w in open_windows}
    set_language(lang)
    qtbot.wait(200)  # a search re-runs in the new language
    for window in open_windows:
        after = visible_texts(window)
        assert english_leftovers(after, sources) == [], type(window).__name__
        changed = [k for k in after if before[id(window)].get(k) not in (None, after[k])]
        assert changed, f"nothing changed live in {type(window).__name__}"
    main = open_windows[0]
    for tab in range(main.tabs.count()):                     # every tab of the main window, shown in turn
        main.tabs.setCurrentIndex(tab)
        qtbot.wait(20)
        assert english_leftovers(visible_texts(main), sources) == [], main.tabs.tabText(tab)
    assert open_windows[0].windowTitle() != "Migrant Desk — reference for migrant advisors"


def test_every_translated_string_in_the_code_is_in_the_pot():
    """Babel does not look inside f-strings: a _() hidden there would stay English in every language."""
    import re

    sources = source_strings()
    call = re.compile(r"""(?<![\w.])(?:_|N_)\(\s*(["'])((?:\\.|(?!\1).)*)\1""")
    missing = []
    for path in (paths.app_root() / "desktop").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for match in call.finditer(text):
            first_piece = match.group(2)   # implicit concatenation: the first literal starts the msgid
            if not any(s.startswith(first_piece) for s in sources):
                missing.append(f"{path.name}:{text[:match.start()].count(chr(10)) + 1}: {first_piece!r}")
    assert missing == []


def test_forget_listeners_stops_only_that_owners_callbacks():
    from desktop.core.i18n import forget_listeners, on_language_changed

    calls = []

    class Panel:
        def __init__(self, name: str):
            self.name = name

        def retranslate(self) -> None:
            calls.append(self.name)

    kept, closed = Panel("kept"), Panel("closed")
    on_language_changed(kept.retranslate)
    on_language_changed(closed.retranslate)
    forget_listeners(closed)
    try:
        set_language("ru")
    finally:
        set_language("en")
    assert calls == ["kept", "kept"]
