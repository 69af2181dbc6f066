"""The text size: the app starts from the system's font (it sets none of its own) and the Larger text setting
multiplies it; at 200 % on a 1366x768 screen no text of the main window is cut, in any tab or language."""
from __future__ import annotations

import contextlib
import gc

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QTabBar,
    QTableView,
    QWidget,
)

from tests.test_main_window import close_window, make_window

LANGS = ("en", "ru", "uz", "uz_Cyrl", "ky")


def cut_texts(window) -> list[str]:
    """Every shown label, button and tab title of `window` whose text is wider than the room it has."""
    cut = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or not widget.visibleRegion().boundingRect().isValid():
            continue  # (a hidden tab's widgets, and what a scroll area has scrolled away)
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap() and widget.pixmap().isNull():
            text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")  # (a mnemonic's & is hidden)
            need, room = widget.fontMetrics().horizontalAdvance(text), widget.contentsRect().width()
            if "<" not in text and need > room:  # (rich text lays itself out)
                cut.append(f"label {text!r}: {need} > {room}")
        elif isinstance(widget, QAbstractButton) and widget.text() and widget.width() < widget.sizeHint().width():
            cut.append(f"{type(widget).__name__} {widget.text()!r}: {widget.width()} < {widget.sizeHint().width()}")
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                room = widget.tabRect(i).width()
                need = widget.fontMetrics().horizontalAdvance(widget.tabText(i))
                if need > room:
                    cut.append(f"tab {widget.tabText(i)!r}: {need} > {room}")
                if not widget.rect().contains(widget.tabRect(i)):  # scrolled out of the bar
                    cut.append(f"tab {widget.tabText(i)!r} is out of sight")
        elif isinstance(widget, QComboBox) and widget.isEditable() and widget.lineEdit() is not None:
            field = widget.lineEdit()
            need = field.fontMetrics().horizontalAdvance(field.text())
            if need > field.width():
                cut.append(f"chooser {field.text()!r}: {need} > {field.width()}")
        elif (isinstance(widget, QAbstractScrollArea) and not isinstance(widget, QTableView)
              and widget.horizontalScrollBar().isVisible()):
            # (a table with more columns than room scrolls sideways by design: its columns keep their words)
            cut.append(f"{widget.objectName() or type(widget).__name__} scrolls sideways")
    return cut


def test_the_app_starts_from_the_systems_font(qapp):
    from desktop.ui.font_scale import apply_font_scale

    system = QApplication.font().pointSizeF()
    apply_font_scale(150)
    try:
        assert QApplication.font().pointSizeF() == pytest.approx(system * 1.5)
    finally:
        apply_font_scale(100)
    assert QApplication.font().pointSizeF() == pytest.approx(system)


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_is_cut_at_200_percent_on_1366x768(qtbot, real_dataset, tmp_path, lang):
    from desktop.ui.font_scale import apply_font_scale

    apply_font_scale(200)
    try:
        window = make_window(qtbot, real_dataset, tmp_path, font_scale=200, ui_language=lang)
        window.search.field.setText("patent")
        window.open_record("work-patent")
        cut = []
        for tab in range(window.tabs.count()):
            window.tabs.setCurrentIndex(tab)
            # a panel fills itself off the UI thread and lays out again when its texts arrive: judge it
            # once it has settled (or after 5 s, when whatever is still cut is reported)
            with contextlib.suppress(qtbot.TimeoutError):
                qtbot.waitUntil(lambda w=window: not cut_texts(w), timeout=5000)
            assert window.width() <= 1366 and window.height() <= 768
            cut += [f"tab {tab}: {text}" for text in cut_texts(window)]
        close_window(window)
        del window
        gc.collect()  # the Python side of the deleted window goes too (pytest-qt would close it again)
    finally:
        apply_font_scale(100)
    assert not cut, "\n".join(cut)
