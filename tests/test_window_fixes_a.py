"""Issue 19, where a new user stumbled in the real window: opening a bookmark, a recent record or a note with
a double click or Enter (defect 2), the print-sheet dialog on a small screen (3), the results list's focus
mark and the note field's shortcut (8). The real window, offscreen, driven by mouse and keys."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QListWidget, QPlainTextEdit
from test_main_window import close_window, make_window, type_query

from desktop.core.i18n import _


@pytest.fixture
def window(qtbot, real_dataset, tmp_path):
    w = make_window(qtbot, real_dataset, tmp_path)
    yield w
    close_window(w)


@pytest.fixture
def hooked(monkeypatch):
    """Every exception that reaches sys.excepthook (the unexpected-error dialog's way in)."""
    seen: list[tuple] = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc_info: seen.append(exc_info))
    return seen


# ------------------------------------------------------------------ defect 2: my bookmarks, recent, notes

def my_data_with_everything(window):
    """Two records opened (recent), one bookmarked, one with a note; the "My data" tab shown."""
    window.open_record("work-patent")
    window.record.toggle_bookmark()
    window.open_record("migration-registration")
    window.record.note_edit.setPlainText("call back on Monday")   # as typed: saved when the record changes
    window.open_record("work-patent")
    window.show_panel("mydata")
    window.mydata.refresh()
    return window.mydata


def item_rect(view: QListWidget, row: int) -> QRect:
    view.scrollToItem(view.item(row))
    return view.visualItemRect(view.item(row))


def double_click(qtbot, widget, pos) -> None:
    """What a mouse sends: press and release, then the second press that Qt delivers as a double click
    (QTest's mouseDClick alone sends only that last event, which an item view takes as a first press)."""
    qtbot.mouseClick(widget, Qt.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.LeftButton, pos=pos)


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize(("list_name", "row"), [("bookmarks", 0), ("recent", 1), ("recent", 2), ("notes", 0)])
def test_a_double_click_on_my_data_opens_the_record_without_an_error(qtbot, window, hooked, list_name, row):
    my_data = my_data_with_everything(window)
    window.open_record("amina-app")   # (the record shown is another one)
    window.show_panel("mydata")
    view = getattr(my_data, list_name)
    qtbot.waitUntil(view.isVisible)
    record_id = view.item(row).data(Qt.UserRole)
    assert record_id in ("work-patent", "migration-registration")
    double_click(qtbot, view.viewport(), item_rect(view, row).center())
    qtbot.wait(50)
    assert hooked == []
    assert window.record.current == record_id
    assert window.tabs.currentWidget() is window.record


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize("list_name", ["bookmarks", "recent", "notes"])
def test_enter_on_my_data_opens_the_record(qtbot, window, hooked, list_name):
    my_data = my_data_with_everything(window)
    window.open_record("amina-app")
    window.show_panel("mydata")
    view = getattr(my_data, list_name)
    qtbot.waitUntil(view.isVisible)
    row = 1 if list_name == "recent" else 0   # (row 0 of the recent list is the record shown)
    record_id = view.item(row).data(Qt.UserRole)
    view.setFocus()
    view.setCurrentRow(row)
    qtbot.keyClick(view, Qt.Key_Return)
    qtbot.wait(50)
    assert hooked == []
    assert window.record.current == record_id
    assert window.tabs.currentWidget() is window.record


# ------------------------------------------------------------------ defect 3: the print-sheet dialog on a small screen

SHEET_DIALOG_ON_A_SCREEN = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from desktop.core.store import Store
from desktop.ui.sheet_dialog import SheetDialog

app = QApplication([])
dialog = SheetDialog(Store(Path(sys.argv[1])), ["work-patent"], lang="ru", citizenship="UZ", region="RU-TA")
dialog.show()
for _ in range(20):
    app.processEvents()

def on_screen(widget):
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())

rects = {name: on_screen(widget) for name, widget in (
    ("dialog", dialog), ("print", dialog.print_button), ("save", dialog.save_button),
    ("close", dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)),
    ("preview", dialog.preview))}
area = dialog.screen().availableGeometry()
print(json.dumps({"area": area.getRect(), **{name: r.getRect() for name, r in rects.items()}}))
"""


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 600)])
def test_the_sheet_dialog_and_its_buttons_fit_a_small_screen(real_dataset, tmp_path, width, height):
    """The real dialog on an offscreen screen of that size (a process of its own: one screen per app)."""
    import json
    import os
    import subprocess

    screens = tmp_path / "screen.json"
    screens.write_text(json.dumps({"screens": [{"name": "small", "x": 0, "y": 0, "width": width,
                                                "height": height, "logicalDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}"}
    out = subprocess.run([sys.executable, "-c", SHEET_DIALOG_ON_A_SCREEN, str(real_dataset)], env=env,
                         capture_output=True, text=True, timeout=120, check=True).stdout
    rects = {name: QRect(*rect) for name, rect in json.loads(out.splitlines()[-1]).items()}
    area = rects.pop("area")
    assert area.size().toTuple() == (width, height)
    for name, rect in rects.items():
        assert area.contains(rect), f"{name} {rect} is not inside the screen's free area {area}"
    assert rects["dialog"].width() <= width * 0.9 and rects["dialog"].height() <= height * 0.9
    assert rects["preview"].height() > rects["dialog"].height() * 0.6  # the page, not empty space, fills it


# ------------------------------------------------------------------ defect 8: keyboard

def current_row_edge(window) -> list:
    """The colours along the left and top edge of the current result, as the list is painted now."""
    results = window.search.list
    image: QImage = results.viewport().grab().toImage()
    rect = results.visualItemRect(results.currentItem())
    return [image.pixelColor(rect.left() + 1, y).name() for y in range(rect.top() + 4, rect.bottom() - 4)] + \
        [image.pixelColor(x, rect.top() + 1).name() for x in range(rect.left() + 4, rect.right() - 4)]


def test_the_current_result_is_framed_while_the_results_have_the_keys(qtbot, window):
    type_query(qtbot, window, "патент")
    results = window.search.list
    assert results.currentRow() == 0
    window.search.field.setFocus()
    unfocused = current_row_edge(window)
    results.setFocus(Qt.TabFocusReason)             # the keys on the results, as Tab brings them there
    qtbot.waitUntil(results.hasFocus)
    focused = current_row_edge(window)
    text_colour = results.palette().color(results.palette().ColorRole.Text).name()
    assert set(focused) == {text_colour}           # a frame all along the row's edges
    assert text_colour not in unfocused             # and none while the keys are elsewhere
    qtbot.keyClick(results, Qt.Key_Down)            # the frame moves with the current result
    assert results.currentRow() == 1 and set(current_row_edge(window)) == {text_colour}


def test_ctrl_e_takes_the_keys_to_the_note_of_the_record_shown(qtbot, window):
    window.search.field.setFocus()
    qtbot.keyClick(window.search.field, Qt.Key_E, Qt.ControlModifier)
    assert window.statusBar().currentMessage() == "Open a record to write a note on it."
    type_query(qtbot, window, "патент")
    qtbot.keyClick(window.search.field, Qt.Key_Return)
    assert window.record.current
    window.show_panel("agreements")
    window.search.field.setFocus()
    qtbot.keyClick(window.search.field, Qt.Key_E, Qt.ControlModifier)
    note = window.findChild(QPlainTextEdit, "noteEdit")
    assert window.tabs.currentWidget() is window.record
    qtbot.waitUntil(note.hasFocus)
    qtbot.keyClicks(note, "call back")
    assert note.toPlainText() == "call back"


def test_edit_note_is_in_the_view_menu_in_every_language(qtbot, window):
    from desktop.core.i18n import set_language

    action = window.findChild(type(window.act_find), "actionEditNote")
    assert action in window.menu_view.actions()
    assert action.shortcut().toString() == "Ctrl+E"
    texts = {}
    for lang in ("en", "ru", "uz", "ky"):
        set_language(lang)
        texts[lang] = action.text()
        assert texts[lang] == _("Edit note")
    set_language("en")
    assert len(set(texts.values())) == 4  # translated, not English
