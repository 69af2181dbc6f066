"""The question as the client said it, typed into the real window: what was understood shows as chips under the
search field, one click sets the side panel's filters, a removed chip stops counting (pytest-qt, real dataset)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QToolButton
from test_main_window import close_window, make_window, result_ids, type_query

OSH_KAZAN = "Я из Оша, работаю в Казани, регистрация заканчивается, куда звонить?"


@pytest.fixture
def window(qtbot, real_dataset, tmp_path):
    w = make_window(qtbot, real_dataset, tmp_path)
    yield w
    close_window(w)


def test_the_osh_kazan_question_shows_what_was_understood_and_registration_first(qtbot, window):
    type_query(qtbot, window, OSH_KAZAN)
    chips = window.search.understood
    assert chips.isVisible()
    assert chips.text() == "Kyrgyzstan · Republic of Tatarstan · registration · whom to call"
    assert result_ids(window)[0] == "migration-registration"
    assert window.search.citizenship.code() != "KG"        # understood, not yet set

    qtbot.mouseClick(chips.findChild(QPushButton, "applyUnderstood"), Qt.LeftButton)
    assert (window.search.citizenship.code(), window.search.region.code()) == ("KG", "RU-TA")
    window.show_panel("contacts")
    qtbot.waitUntil(lambda: window.contacts.isVisible() and bool(window.contacts.contact_ids()), timeout=3000)
    ids = window.contacts.contact_ids()
    assert ids and all(not i.startswith("uz-") for i in ids)
    assert any(i.startswith("kg-") for i in ids[:3])


def test_enter_on_the_chip_row_sets_the_filters(qtbot, window):
    type_query(qtbot, window, "узбек в Екатеринбурге, патент")
    chip = window.search.understood.findChild(QToolButton, "chip_citizenship_UZ")
    chip.setFocus()
    qtbot.keyClick(chip, Qt.Key_Return)
    assert (window.search.citizenship.code(), window.search.region.code()) == ("UZ", "RU-SVE")


def test_a_removed_chip_no_longer_counts(qtbot, window):
    type_query(qtbot, window, OSH_KAZAN)
    chips = window.search.understood
    qtbot.mouseClick(chips.findChild(QToolButton, "chip_region_RU-TA"), Qt.LeftButton)
    qtbot.waitUntil(lambda: "Tatarstan" not in chips.text(), timeout=5000)
    assert chips.text() == "Kyrgyzstan · registration · whom to call"


def test_nothing_understood_hides_the_row_and_stop_words_show_the_start_help(qtbot, window):
    type_query(qtbot, window, "Amina")
    assert not window.search.understood.isVisible() or window.search.understood.text() == "Amina app"
    type_query(qtbot, window, "как в")
    assert not window.search.understood.isVisible()
    assert window.search.empty.isVisible() and "Type what the client asks" in window.search.empty.text()
