"""Issue 19, where a new user stumbled in the real window: opening a bookmark, a recent record or a note with
a double click or Enter (defect 2), the print-sheet dialog on a small screen (3), the results list's focus
mark and the note field's shortcut (8). The real window, offscreen, driven by mouse and keys."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QListWidget, QPlainTextEdit, QPushButton

from desktop.core.i18n import _

from test_main_window import close_window, make_window, type_query


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
