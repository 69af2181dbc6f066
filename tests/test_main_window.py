"""The advisor's window, driven as an advisor drives it (pytest-qt, offscreen, real dataset)."""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import paths
from desktop.core.build import build
from desktop.core.i18n import set_language
from desktop.core.search import SearchIndex
from desktop.core.store import Store
from desktop.core.userdata import UserData
from desktop.environment import Settings
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow


def make_window(qtbot, dataset, home, **settings):
    store = Store(dataset)
    index = SearchIndex.open(store, dataset / "index")
    s = Settings(QSettings(str(home / "settings.ini"), QSettings.IniFormat))
    s.ui_language = "en"
    for key, value in settings.items():
        setattr(s, key, value)
    set_language(s.ui_language)
    ctx = AppContext(store, index, UserData(home / "userdata.sqlite"), s)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitActive(window):     # keyboard shortcuts act on the active window
        window.show()
        window.activateWindow()
    return window


def close_window(window):
    from PySide6.QtCore import QEvent

    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    window.ctx.index.close()
    window.ctx.store.close()
    window.ctx.userdata.close()


@pytest.fixture
def window(qtbot, real_dataset, tmp_path):
    w = make_window(qtbot, real_dataset, tmp_path)
    yield w
    close_window(w)


def result_ids(window):
    lst = window.search.list
    return [lst.item(i).data(Qt.UserRole) for i in range(lst.count())] if lst.isVisible() else []


def type_text(widget, text):
    """Key presses carrying any Unicode text (QTest.keyClicks only knows ASCII keys)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for char in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, char))


def type_query(qtbot, window, text):
    window.search.field.clear()
    type_text(window.search.field, text)
    qtbot.waitUntil(lambda: window.search.results is not None and window.search.results.query == text,
                    timeout=5000)


def test_search_field_has_focus_and_typing_shows_the_record(qtbot, window):
    assert window.search.field.hasFocus()
    assert window.search.empty.isVisible()                 # a helpful empty state before typing
    type_query(qtbot, window, "patent to'lanmagan")
    assert result_ids(window)[0] == "patent-advance-tax"
    assert "result" in window.search.count.text()


def test_enter_opens_the_top_result_and_links_navigate_back(qtbot, window):
    type_query(qtbot, window, "амина")
    qtbot.keyClick(window.search.field, Qt.Key_Return)
    assert window.record.current == "amina-app"
    assert window.tabs.currentWidget() is window.record
    html = window.record.browser.toHtml()
    assert "record:registry-controlled-persons" in html      # a related record as a link
    window.record._anchor(__import__("PySide6.QtCore").QtCore.QUrl("record:registry-controlled-persons"))
    assert window.record.current == "registry-controlled-persons"
    qtbot.keyClick(window, Qt.Key_Left, Qt.AltModifier)
    assert window.record.current == "amina-app"
    qtbot.keyClick(window, Qt.Key_Right, Qt.AltModifier)
    assert window.record.current == "registry-controlled-persons"


def test_arrows_move_in_results_and_escape_clears(qtbot, window):
    type_query(qtbot, window, "патент")
    assert window.search.list.currentRow() == 0
    qtbot.keyClick(window.search.field, Qt.Key_Down)          # into the list, on the first result
    assert window.search.list.currentRow() == 0 and window.search.list.hasFocus()
    qtbot.keyClick(window.search.list, Qt.Key_Down)
    assert window.search.list.currentRow() == 1
    second = window.search.list.currentItem().data(Qt.UserRole)
    qtbot.keyClick(window.search.list, Qt.Key_Return)
    assert window.record.current == second
    window.search.field.setFocus()
    qtbot.keyClick(window.search.field, Qt.Key_Escape)
    assert window.search.field.text() == ""


def test_filters_narrow_results(qtbot, window):
    type_query(qtbot, window, "консульство")
    everything = result_ids(window)
    assert any(i.startswith("uz-") for i in everything) and any(i.startswith("kg-") for i in everything)
    window.search.citizenship.set_code("UZ")
    qtbot.waitUntil(lambda: result_ids(window) and not any(i.startswith("kg-") for i in result_ids(window)),
                    timeout=5000)
    window.search.kind_buttons["procedure"].setChecked(True)
    qtbot.waitUntil(lambda: all(not i.startswith(("uz-", "kg-")) for i in result_ids(window)), timeout=5000)


def test_region_is_found_by_typing_any_part_of_its_name(qtbot, window):
    from PySide6.QtTest import QTest

    combo = window.search.region
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=2000)
    combo.lineEdit().clear()
    type_text(combo, "TATAR")                              # the middle of the name, any case
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    shown = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert shown == ["Republic of Tatarstan"]
    QTest.keyClick(popup, Qt.Key_Down)
    QTest.keyClick(popup, Qt.Key_Return)
    qtbot.waitUntil(lambda: combo.code() == "RU-TA", timeout=2000)
    assert window.record.region == "RU-TA"                  # the client's region reaches the record view
    combo.lineEdit().setText("tyva republic")              # a whole name typed, not chosen
    assert combo.code() == "RU-TY"
    combo.lineEdit().setText("Narnia")
    assert combo.code() == ""


def test_region_is_found_by_its_russian_name_typed_in_latin_letters(qtbot, real_dataset, tmp_path):
    from PySide6.QtTest import QTest

    window = make_window(qtbot, real_dataset, tmp_path, ui_language="uz", content_language="uz")
    try:
        combo = window.search.region                         # Uzbek interface: regions shown in Uzbek
        combo.setFocus()
        qtbot.waitUntil(combo.hasFocus, timeout=2000)
        combo.lineEdit().clear()
        type_text(combo, "xabarovsk")
        popup = combo.completer().popup()
        qtbot.waitUntil(popup.isVisible, timeout=2000)
        assert [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())] == \
            ["Xabarovsk oʻlkasi"]
        QTest.keyClick(popup, Qt.Key_Down)
        QTest.keyClick(popup, Qt.Key_Return)
        qtbot.waitUntil(lambda: combo.code() == "RU-KHA", timeout=2000)
        assert combo.currentText() == "Xabarovsk oʻlkasi"  # the name as shown, not the spellings behind it
    finally:
        close_window(window)
        set_language("en")


def test_amina_does_not_apply_in_tatarstan(qtbot, window):
    window.search.region.set_code("RU-TA")
    window.open_record("amina-app")
    assert "does not apply in the chosen region" in window.record.browser.toPlainText()


def test_record_view_marks_drafts_unverified_and_not_confirmed(qtbot, window):
    window.open_record("ombudsman-tatarstan")
    text = window.record.browser.toPlainText()
    assert "Draft translation" not in text                  # English is the original of this record
    assert "not confirmed" in text                          # its phone and address are unknown
    window.ctx.settings.content_language = "ru"
    set_language("en")
    assert "Draft translation" in window.record.browser.toPlainText()


def test_copy_link_puts_a_phone_on_the_clipboard(qtbot, window):
    from PySide6.QtCore import QUrl

    window.open_record("uz-migration-agency-moscow")
    assert "copy:" in window.record.browser.toHtml()
    window.record._anchor(QUrl("copy:%2B7%20925%20045-47-44"))
    assert QApplication.clipboard().text() == "+7 925 045-47-44"


def test_bookmark_and_note_persist_across_restart_and_rebuild(qtbot, real_dataset, tmp_path):
    dataset = tmp_path / "ds"
    shutil.copytree(real_dataset, dataset)
    home = tmp_path / "home"
    window = make_window(qtbot, dataset, home)
    window.open_record("work-patent")
    qtbot.keyClick(window, Qt.Key_D, Qt.ControlModifier)
    window.record.note_edit.setPlainText("Ask for the receipt of the last payment")
    window.open_record("migration-registration")            # leaving the record saves the note
    close_window(window)

    build(paths.content_dir(), dataset, paths.schema_file())  # the dataset is rebuilt (as an update would)
    window = make_window(qtbot, dataset, home)
    assert window.ctx.userdata.bookmarks() == ["work-patent"]
    window.open_record("work-patent")
    assert window.record.note_edit.toPlainText() == "Ask for the receipt of the last payment"
    assert window.record.bookmark_button.isChecked()
    notes = [window.mydata.notes.item(i).text() for i in range(window.mydata.notes.count())]
    assert any("Ask for the receipt" in n for n in notes)
    close_window(window)


def test_note_of_a_vanished_record_is_kept_as_orphaned(qtbot, window):
    window.ctx.userdata.set_note("record-removed-by-an-update", "call back on Monday")
    window.mydata.refresh()
    notes = [window.mydata.notes.item(i).text() for i in range(window.mydata.notes.count())]
    assert any("no longer in the data" in n and "call back on Monday" in n for n in notes)


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_shows_the_dialog_and_the_app_lives_on(qtbot, window, tmp_path, monkeypatch):
    import sys

    from desktop.ui import app as app_module

    log = tmp_path / "logs"
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app_module.install_excepthook(app_module.setup_logging(log))
    seen = {}

    def close_dialog():
        box = QApplication.activeModalWidget()
        seen["box"] = box is not None and isinstance(box, QMessageBox)
        seen["text"] = box.informativeText() if box else ""
        box.accept()

    def broken_slot():
        raise RuntimeError("boom in a slot")

    QTimer.singleShot(200, close_dialog)
    window.search.field.textChanged.connect(broken_slot)
    window.search.field.setText("x")
    qtbot.waitUntil(lambda: "box" in seen, timeout=3000)
    assert seen["box"] and str(log) in seen["text"]
    assert "boom in a slot" in (log / "migrant-desk.log").read_text()
    window.search.field.textChanged.disconnect(broken_slot)
    type_query(qtbot, window, "амина")                      # still working
    assert result_ids(window)[0] == "amina-app"


def test_about_shows_versions_and_counts(qtbot, window):
    from desktop.ui.about_dialog import AboutDialog

    dialog = AboutDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert window.ctx.store.meta()["dataset_version"] in text and "Procedures" in text


def test_every_control_has_an_accessible_name(qtbot, window):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QTextEdit

    missing = []
    for cls in (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView, QTextEdit):
        for widget in window.findChildren(cls):
            inner = isinstance(widget.parent(), QComboBox)   # a combo's own line edit and popup list
            if widget.isVisibleTo(window) and not inner and not widget.accessibleName():
                missing.append(f"{type(widget).__name__}:{widget.objectName()}")
    assert missing == []


@pytest.mark.parametrize("size,scale", [((1366, 768), 200), ((1366, 768), 100)])
def test_nothing_clips_at_large_font_or_small_screen(qtbot, real_dataset, tmp_path, size, scale):
    from desktop.ui.font_scale import apply_font_scale

    apply_font_scale(scale)
    try:
        window = make_window(qtbot, real_dataset, tmp_path, font_scale=scale)
        window.resize(*size)
        qtbot.wait(50)
        assert window.width() <= size[0] and window.height() <= size[1]
        for widget in (window.search.field, window.search.citizenship, window.search.region):
            assert widget.width() >= widget.minimumSizeHint().width()
        close_window(window)
    finally:
        apply_font_scale(100)


def test_ctrl_p_on_a_procedure_opens_the_sheet_dialog(qtbot, window):
    from desktop.ui.sheet_dialog import SheetDialog

    seen = {}

    def close_dialog():
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog
        if dialog is not None:
            dialog.reject()

    window.search.citizenship.set_code("UZ")
    window.search.region.set_code("RU-TA")
    window.open_record("work-patent")
    QTimer.singleShot(300, close_dialog)
    qtbot.keyClick(window, Qt.Key_P, Qt.ControlModifier)
    qtbot.waitUntil(lambda: "dialog" in seen, timeout=5000)
    assert isinstance(seen["dialog"], SheetDialog)

    window.open_record("uz-consulate-kazan")                 # not a procedure: a plain message instead
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key_P, Qt.ControlModifier)
    assert "procedure" in window.statusBar().currentMessage()


@pytest.mark.parametrize("opener", ["print_sheet", "open_settings", "open_about"])
def test_a_closed_dialog_is_gone_before_a_data_update_and_a_language_switch(qtbot, window, real_dataset,
                                                                             tmp_path, monkeypatch, opener):
    """A dialog once stayed the window's child after it was closed, still following the interface language:
    the sheet dialog with the store it was opened with, which a data update closes, so the next language
    switch failed ("Cannot operate on a closed database") with the unexpected-error dialog."""
    import sys

    import shiboken6
    from PySide6.QtWidgets import QDialog

    from desktop import environment

    hooked = []
    previous_hook = sys.excepthook

    def hook(*exc_info):
        hooked.append(exc_info)
        previous_hook(*exc_info)

    monkeypatch.setattr(sys, "excepthook", hook)
    monkeypatch.setattr(environment, "data_places", lambda settings=None: environment.DataPlaces(
        None, tmp_path / "updates", real_dataset))   # the update "installed": the same data, a new store
    seen = []

    def close_dialog():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        if dialog is not None:
            dialog.reject()

    window.open_record("work-patent")
    QTimer.singleShot(300, close_dialog)
    if opener == "print_sheet":
        window.print_sheet("work-patent")                   # what Ctrl+P does; returns once it is closed
    else:
        getattr(window, opener)()
    assert isinstance(seen[0], QDialog) and not shiboken6.isValid(seen[0])   # closed: deleted
    assert not window.findChildren(QDialog)
    old_store = window.ctx.store
    window.reload_data()                                      # closes the store the dialog was opened with
    assert window.ctx.store is not old_store
    set_language("ru")
    set_language("en")
    assert hooked == []
