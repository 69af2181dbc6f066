"""Issue 19, defect 7 (part): every tab follows the side panel's client the same way, a choice made inside a tab
survives a language switch, the deadline helper says how far each date is, the window title names the app once,
and `migrant-desk … | head` ends without a traceback."""
from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from test_main_window import close_window, make_window, type_text

from desktop import environment
from desktop.core.i18n import set_language

ROOT = Path(__file__).resolve().parent.parent
TABS = ("contacts", "deadlines", "agreements")


@pytest.fixture
def window(qtbot, real_dataset, tmp_path):
    w = make_window(qtbot, real_dataset, tmp_path)
    yield w
    close_window(w)
    del w
    gc.collect()
    set_language("en")


def choose_side_region_by_typing(qtbot, window, text: str, code: str) -> None:
    """As an advisor does: type part of the name into the search panel's region field, pick it from the list."""
    combo = window.search.region
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=2000)
    combo.lineEdit().clear()
    type_text(combo, text)
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key_Down)
    qtbot.keyClick(popup, Qt.Key_Return)
    qtbot.waitUntil(lambda: combo.code() == code, timeout=2000)


def shown(qtbot, window, name: str):
    """A tab brought to the front, once its panel is on screen (a new panel is shown by a queued call)."""
    window.show_panel(name)
    panel = getattr(window, name)
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    return panel


def switch_language_from_the_menu(qtbot, window, lang: str) -> None:
    """The Language menu opens (the field with the focus loses it to the menu), then a language is chosen."""
    window.menu_language.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(window.menu_language.isVisible, timeout=2000)
    window.language_actions[lang].trigger()
    window.menu_language.hide()
    qtbot.wait(50)


def test_every_tab_follows_the_side_panel_client(qtbot, window):
    window.search.citizenship.setCurrentIndex(window.search.citizenship.findData("KG"))
    window.search.region.setCurrentIndex(window.search.region.findData("RU-SVE"))
    for name in TABS:                                   # built after the choice: they start with it
        panel = shown(qtbot, window, name)
        assert (panel.citizenship.code(), panel.region.code()) == ("KG", "RU-SVE"), name
    assert "ru-uz-stay-agreement" not in window.agreements.agreement_ids()   # the agreements tab shown last
    window.search.citizenship.setCurrentIndex(window.search.citizenship.findData("UZ"))
    window.search.region.setCurrentIndex(window.search.region.findData("RU-TA"))
    for name in TABS:                                   # already built: they follow the change
        panel = getattr(window, name)
        assert (panel.citizenship.code(), panel.region.code()) == ("UZ", "RU-TA"), name
    assert "uz-tatarstan-working-group-2025" in window.agreements.agreement_ids()
    assert shown(qtbot, window, "contacts").contact_ids()[0] == "uz-consulate-kazan"


def test_a_region_chosen_in_a_tab_stays_after_a_language_switch(qtbot, window):
    choose_side_region_by_typing(qtbot, window, "tatar", "RU-TA")      # the focus stays in that field
    for name in TABS:
        panel = shown(qtbot, window, name)
        assert panel.region.code() == "RU-TA"
        panel.region.setCurrentIndex(panel.region.findData("RU-SVE"))  # the tab's own choice
    switch_language_from_the_menu(qtbot, window, "ru")
    for name in TABS:
        panel = getattr(window, name)
        assert panel.region.code() == "RU-SVE", name
        assert panel.region.currentText() == "Свердловская область", name
    shown(qtbot, window, "contacts")
    assert "ombudsman-sverdlovsk" in window.contacts.contact_ids()
    assert "ombudsman-tatarstan" not in window.contacts.contact_ids()


def test_text_typed_in_a_tab_region_field_that_names_no_region_gives_way_to_the_chosen_one(qtbot, window):
    finder = shown(qtbot, window, "contacts")
    finder.region.setCurrentIndex(finder.region.findData("RU-SVE"))
    before = finder.contact_ids()
    field = finder.region.lineEdit()
    finder.region.setFocus()
    qtbot.waitUntil(finder.region.hasFocus, timeout=2000)
    field.selectAll()
    type_text(field, "Tatar")                                          # not a whole name, nothing picked
    popup = finder.region.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key_Escape)                               # the list of names closed
    qtbot.keyClick(field, Qt.Key_Tab)                                  # and the advisor moves on
    qtbot.waitUntil(lambda: finder.region.currentText() == "Sverdlovsk Oblast", timeout=2000)
    switch_language_from_the_menu(qtbot, window, "ky")
    assert finder.region.code() == "RU-SVE"
    assert finder.contact_ids() == before


def test_deadline_dates_say_how_far_they_are_from_today(qtbot, window):
    import re

    window.search.citizenship.setCurrentIndex(window.search.citizenship.findData("UZ"))
    helper = shown(qtbot, window, "deadlines")
    today = dt.date.today()
    helper.set_entry_date(today)
    dates = helper.findChildren(QLabel, "dueDate")
    whens = helper.findChildren(QLabel, "dueIn")
    assert dates and len(whens) == len(dates)
    for date, when in zip(dates, whens, strict=True):
        days = (dt.date.fromisoformat(date.property("isoDate")) - today).days
        assert when.text() == ("today" if days == 0 else f"in {days} day" + ("s" if days != 1 else ""))
    helper.set_entry_date(today - dt.timedelta(days=400))               # every date already passed
    whens = helper.findChildren(QLabel, "dueIn")
    assert whens and all(w.text().endswith(" days ago") for w in whens)
    window.switch_language("ru")
    whens = helper.findChildren(QLabel, "dueIn")
    assert whens and all(re.fullmatch(r"\d+ (день|дня|дней) назад", w.text()) for w in whens), \
        [w.text() for w in whens]
    helper.set_entry_date(today)
    whens = helper.findChildren(QLabel, "dueIn")
    assert whens and all(re.fullmatch(r"через \d+ (день|дня|дней)|сегодня", w.text()) for w in whens), \
        [w.text() for w in whens]


def test_deadline_summary_has_no_double_full_stop_in_russian(qtbot, window):
    window.search.citizenship.setCurrentIndex(window.search.citizenship.findData("UZ"))
    window.switch_language("ru")
    helper = shown(qtbot, window, "deadlines")
    helper.set_entry_date(dt.date(2026, 12, 3))
    summary = helper.findChild(QLabel, "deadlineSummary").text()
    assert summary.splitlines()[0].endswith("3 декабря 2026\u202fг.")   # Babel's long date, with its own dot
    assert ".." not in summary


@pytest.mark.parametrize("lang", ["en", "ru", "uz", "ky"])
def test_the_window_title_is_the_record_and_never_the_app_name(qtbot, real_dataset, tmp_path, lang):
    """Qt appends the application's display name to the title itself ("… — Migrant Desk")."""
    window = make_window(qtbot, real_dataset, tmp_path, ui_language=lang, content_language=lang)
    try:
        assert window.windowTitle() == ""                              # shown as just "Migrant Desk"
        window.open_record("amina-app")
        title = window.ctx.store.record("amina-app").title(lang)
        assert window.windowTitle() == title
        assert environment.DISPLAY_NAME not in window.windowTitle()
        other = "ru" if lang != "ru" else "ky"
        window.switch_language(other)
        assert window.windowTitle() == window.ctx.store.record("amina-app").title(other)
    finally:
        close_window(window)
        del window
        gc.collect()
        set_language("en")


@pytest.mark.skipif(not (shutil.which("xvfb-run") and shutil.which("xwininfo")),
                    reason="needs Xvfb (xvfb-run) and xwininfo (x11-utils)")
def test_the_real_window_under_x_names_the_app_once(real_dataset, tmp_path):
    """The title as the window manager gets it from Qt's xcb platform, read back from the X server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "QT_"))}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), QT_QPA_PLATFORM="xcb")
    script = (f'"{sys.executable}" -m desktop --dataset "{real_dataset}" & app=$!; '
              'for i in $(seq 100); do sleep 0.2; '
              'xwininfo -root -tree | grep -q "Migrant Desk" && break; done; sleep 0.5; '
              'xwininfo -root -tree | grep "Migrant Desk"; kill $app; wait $app')
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "sh", "-c", script], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120)
    names = [line for line in result.stdout.splitlines() if "Migrant Desk" in line]
    assert names, result.stdout + result.stderr
    assert all(line.count("Migrant Desk") == 1 for line in names), names


@pytest.mark.parametrize("command", ["search патент --json", "search патент", "info", "--version"])
@pytest.mark.parametrize("reader", ["head -n 0", "head -1"])
def test_a_reader_that_stops_early_gets_no_traceback(real_dataset, command, reader):
    """`head -n 0` closes the pipe before anything is written (the failure every time); `head -1` as the
    issue tried it."""
    line = f'"{sys.executable}" -m desktop --dataset "{real_dataset}" {command} | {reader}'
    result = subprocess.run(["bash", "-c", line + "; echo ${PIPESTATUS[0]} >&2"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr
    code = int(result.stderr.split()[-1])
    assert code in (0, 141)                        # 141: the reader went away first, as a shell says for SIGPIPE
    if reader == "head -n 0" and command != "--version":
        assert code == 141
