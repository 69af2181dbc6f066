"""The deadline helper on the real dataset: exact dates per citizenship, rules, links, regional and
not-needed procedures; the working-day note on a small built dataset that has a working-day deadline."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QLineEdit, QSpinBox, QToolButton, QWidget

from desktop import paths
from desktop.core import i18n
from desktop.core.build import build
from desktop.ui.context import AppContext
from desktop.ui.deadline_view import DeadlineHelper

from conftest import close_ctx, make_ctx

ENTRY = dt.date(2026, 3, 3)  # "arrived on the 3rd" (scenario 1), a Tuesday


@pytest.fixture
def open_helper(show_panel):
    """Shown helpers (deleted after the test: see show_panel)."""

    def make(context: AppContext, font_scale: float = 1.0, client: tuple[str, str] | None = None
             ) -> DeadlineHelper:
        widget = DeadlineHelper(context)
        if client:  # as the main window does: preset before the panel is first shown
            show(widget, *client)
        return show_panel(widget, font_scale)

    return make


@pytest.fixture
def helper(open_helper, ctx):
    return open_helper(ctx)


def show(helper: DeadlineHelper, citizenship: str, region: str, entry: dt.date = ENTRY) -> None:
    helper.set_entry_date(entry)
    helper.set_client(citizenship, region)


def due(helper: DeadlineHelper, procedure_id: str, what: str = "dueDate") -> dict[int, QLabel]:
    """Step number -> the label of that due row (the date by default)."""
    return {label.property("step"): label for label in helper.results.findChildren(QLabel, what)
            if label.property("procedureId") == procedure_id}


def test_kyrgyz_citizen_registers_within_30_days_and_needs_no_patent(helper):
    show(helper, "KG", "RU-SVE")
    registration = due(helper, "migration-registration")
    assert [label.text() for label in registration.values()] == ["April 2, 2026"]
    assert [label.property("isoDate") for label in registration.values()] == ["2026-04-02"]
    rule = due(helper, "migration-registration", "dueRule")[2].text()
    assert rule.startswith("Rule: within 30 calendar days from the date of entry")
    assert due(helper, "work-patent") == {}
    assert due(helper, "stay-limit-90-days") == {}  # no "entry + 90 days" for a worker the rule exempts
    # the patent is listed as not needed, pointing to the EAEU rules that apply instead
    boxes = [b for b in helper.results.findChildren(QFrame, "notNeeded") if b.property("procedureId") == "work-patent"]
    assert len(boxes) == 1
    assert boxes[0].findChild(QLabel, "notNeededText").text() == "not needed for this citizenship"
    links = [label.property("procedureId") for label in boxes[0].findChildren(QLabel, "procedureLink")]
    assert links[0] == "work-patent" and "eaeu-work-kg" in links
    summaries = [label.text() for label in boxes[0].findChildren(QLabel, "ownRuleSummary")]
    assert any(summary.startswith("Citizens of Kyrgyzstan need no patent") for summary in summaries)


def test_uzbek_citizen_registers_within_15_days_and_applies_for_the_patent_within_30(helper):
    show(helper, "UZ", "RU-TA")
    assert [label.text() for label in due(helper, "migration-registration").values()] == ["March 18, 2026"]
    patent = due(helper, "work-patent")
    what = due(helper, "work-patent", "dueWhat")
    assert what[5].text() == "Submit the patent application."
    assert patent[5].text() == "April 2, 2026"
    assert {label.text() for label in patent.values()} == {"April 2, 2026"}  # exam, fingerprints, application
    assert due(helper, "eaeu-work-kg") == {}
    first = helper.results.findChildren(QLabel, "dueDate")[0]
    assert first.property("procedureId") == "migration-registration"  # earliest first
    assert helper.results.findChildren(QFrame, "regional") == []  # nothing Tatarstan-only


def test_changing_the_entry_date_in_the_date_field_moves_the_dates(helper):
    show(helper, "UZ", "RU-TA")
    helper.entry_date.set_date(dt.date(2026, 12, 20))
    assert [label.text() for label in due(helper, "migration-registration").values()] == ["January 4, 2027"]


def test_moscow_shows_the_amina_app(helper):
    show(helper, "UZ", "RU-MOW")
    boxes = helper.results.findChildren(QFrame, "regional")
    assert [b.property("procedureId") for b in boxes] == ["amina-app"]
    assert boxes[0].findChild(QLabel, "regionalWhere").text() == "Applies in: Moscow Oblast, Moscow"


def test_procedure_link_opens_the_procedure(helper, qtbot):
    show(helper, "KG", "RU-SVE")
    link = next(label for label in helper.results.findChildren(QLabel, "procedureLink")
                if label.property("procedureId") == "migration-registration")
    assert link.accessibleName() == "Open procedure: Migration registration: deadlines by citizenship"
    helper.scroll_area.ensureWidgetVisible(link)
    with qtbot.waitSignal(helper.open_record, timeout=1000) as blocker:
        qtbot.mouseClick(link, Qt.LeftButton, pos=QPoint(8, link.fontMetrics().height() // 2))
    assert blocker.args == ["migration-registration"]


def test_no_citizenship_asks_for_one(helper):
    show(helper, "", "RU-TA")
    assert helper.results.findChild(QLabel, "deadlinePrompt").text() == \
        "Choose the client's citizenship to see the dates."
    assert helper.results.findChildren(QLabel, "dueDate") == []


def test_language_change_rerenders_rules_and_dates(helper, ctx):
    show(helper, "KG", "RU-SVE")
    ctx.settings.content_language = "ky"
    i18n.set_language("ky")
    what = due(helper, "migration-registration", "dueWhat")[2].text()
    assert what == ctx.store.record("migration-registration").steps[1].text["ky"]
    assert due(helper, "migration-registration")[2].text() == i18n.format_date(dt.date(2026, 4, 2), "ky")


def test_every_control_has_an_accessible_name(helper):
    show(helper, "UZ", "RU-MOW")
    controls = helper.findChildren(QComboBox) + [helper.findChild(QLineEdit, "entryDate")] \
        + helper.findChildren(QToolButton) + helper.results.findChildren(QLabel, "procedureLink")
    assert len(controls) > 5
    assert all(c.accessibleName() for c in controls)
    assert helper.findChild(QToolButton, "entryDateCalendar").accessibleName() == "Choose the date in a calendar"


@pytest.fixture
def double_app_font(qapp):
    """The font scale setting at 200 %: the application font, so every widget made later follows it."""
    normal = QFont(qapp.font())
    big = QFont(normal)
    big.setPointSizeF(normal.pointSizeF() * 2)
    qapp.setFont(big)
    yield
    qapp.setFont(normal)


def test_nothing_is_clipped_at_double_font_size(double_app_font, open_helper, ctx, qtbot):
    helper = open_helper(ctx, client=("UZ", "RU-MOW"))
    labels = [label for label in helper.results.findChildren(QLabel) if label.wordWrap() and label.text()]
    assert len(labels) > 20
    qtbot.waitUntil(lambda: all(label.height() >= label.heightForWidth(label.width()) for label in labels))
    assert helper.results.width() <= helper.scroll_area.viewport().width()  # wraps, no sideways scrolling


def test_dates_stay_whole_when_the_font_scale_changes_live(open_helper, ctx, qtbot, qapp):
    helper = open_helper(ctx, client=("KG", "RU-SVE"))
    normal = QFont(qapp.font())
    big = QFont(normal)
    big.setPointSizeF(normal.pointSizeF() * 2)
    qapp.setFont(big)
    try:
        def dates():
            return helper.results.findChildren(QLabel, "dueDate")
        qtbot.waitUntil(lambda: dates() and all(d.font().pointSizeF() == big.pointSizeF() for d in dates()))
        qtbot.wait(50)  # let the panel lay out again
        assert all(d.width() >= d.fontMetrics().horizontalAdvance(d.text()) for d in dates())
    finally:
        qapp.setFont(normal)


# ------------------------------------------------------------------ working days (small built dataset)

@pytest.fixture
def fixture_ctx(content_tree, tmp_path):
    build(content_tree, tmp_path / "ds", paths.schema_file())
    context = make_ctx(tmp_path / "ds", tmp_path)
    yield context
    close_ctx(context)


def test_working_day_dates_say_that_public_holidays_are_not_counted(open_helper, fixture_ctx):
    # the test procedure: 30 days from entry for KG, 7 working days from arrival for everybody else
    helper = open_helper(fixture_ctx)
    show(helper, "UZ", "", entry=dt.date(2026, 3, 6))  # a Friday
    date = due(helper, "test-procedure")[1]
    assert date.text() == "March 17, 2026"  # 7 working days: two weekends skipped
    rule = due(helper, "test-procedure", "dueRule")[1].text()
    assert rule.startswith("Rule: within 7 working days from arrival at the place of stay")
    assert "Public holidays are not counted" in rule
    assert "count from that day" in rule  # arrival is taken as the entry date, and it says so
    show(helper, "KG", "", entry=dt.date(2026, 3, 6))
    rule = due(helper, "test-procedure", "dueRule")[1].text()
    assert rule.startswith("Rule: within 30 calendar days from the date of entry") and "Public holidays" not in rule
    assert helper.results.findChild(QWidget, "dueGrid") is not None


# ------------------------------------------------------------------ typing the entry date (issue 19, defect 1)

LANGUAGES = ("en", "ru", "uz", "ky")
REGISTRATION_DAYS_UZ = 15  # migration registration for a citizen of Uzbekistan: 15 days from entry


def in_language(ctx, lang: str) -> None:
    ctx.settings.ui_language = ctx.settings.content_language = lang
    i18n.set_language(lang)


def shown_entry(helper: DeadlineHelper) -> dt.date | None:
    """The entry date the shown deadlines are computed from (read back from the registration's due date)."""
    registration = due(helper, "migration-registration")
    if not registration:
        return None
    (label,) = registration.values()
    return dt.date.fromisoformat(label.property("isoDate")) - dt.timedelta(days=REGISTRATION_DAYS_UZ)


def date_text(helper: DeadlineHelper) -> QLineEdit:
    field = helper.findChild(QWidget, "entryDate")
    assert isinstance(field, QLineEdit)  # typed as text, not section by section (QDateEdit)
    return field


def type_into(qtbot, field: QWidget, start: str, text: str) -> None:
    """Focus the field as the advisor would, start as `start` says, then type `text` key by key."""
    assert isinstance(field, QLineEdit)
    field.setCursorPosition(len(field.text()) // 2)
    middle_of_the_text = field.cursorRect().center()
    field.setCursorPosition(len(field.text()))
    qtbot.mouseClick(field, Qt.LeftButton, pos=middle_of_the_text)
    if start == "select all":
        qtbot.keyClick(field, Qt.Key_A, Qt.ControlModifier)
    elif start == "home":
        qtbot.keyClick(field, Qt.Key_Home)
    elif start == "end":
        qtbot.keyClick(field, Qt.Key_End)
    qtbot.keyClicks(field, text)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("start", ["select all", "home", "end", "click in the middle"])
def test_a_whole_date_typed_gives_that_date_however_typing_starts(helper, ctx, qtbot, lang, start):
    in_language(ctx, lang)
    show(helper, "UZ", "RU-TA", entry=dt.date(2026, 3, 3))
    type_into(qtbot, date_text(helper), start, "15.10.2026")
    assert shown_entry(helper) == dt.date(2026, 10, 15)
    type_into(qtbot, date_text(helper), start, "23.11.2026")
    assert shown_entry(helper) == dt.date(2026, 11, 23)
    assert not helper.findChild(QLabel, "entryDateError").isVisible()


@pytest.mark.parametrize(("lang", "typed", "meant"), [
    ("en", "10/15/2026", dt.date(2026, 10, 15)),   # each language's own short form
    ("ru", "15.10.2026", dt.date(2026, 10, 15)),
    ("uz", "15/10/2026", dt.date(2026, 10, 15)),
    ("ky", "15.10.26", dt.date(2026, 10, 15)),
    ("en", "2026-11-03", dt.date(2026, 11, 3)),     # ISO and d.m.yyyy in every language
    ("uz", "3.11.2026", dt.date(2026, 11, 3)),
])
def test_each_language_reads_its_own_short_date_form(helper, ctx, qtbot, lang, typed, meant):
    in_language(ctx, lang)
    show(helper, "UZ", "RU-TA")
    type_into(qtbot, date_text(helper), "select all", typed)
    assert shown_entry(helper) == meant
    summary = helper.results.findChild(QLabel, "deadlineSummary").text()
    assert i18n.format_date(meant) in summary


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("typed", "english"), [
    ("31.02.2026", "There is no date 31.02.2026 in the calendar: check the day and the month."),
    ("15.1O.2026", "“15.1O.2026” is not a date: type the day, month and year, for example 10/15/2026."),
    ("15.10.9026", "The year in 15.10.9026 cannot be right: type a year between 1900 and 2100."),
    ("", "Type the date, for example 10/15/2026."),
])
def test_a_date_that_is_not_one_is_said_so_and_shows_no_deadlines(helper, ctx, qtbot, lang, typed, english):
    in_language(ctx, lang)
    show(helper, "UZ", "RU-TA")
    assert shown_entry(helper) == ENTRY
    type_into(qtbot, date_text(helper), "select all", typed or "x")
    if not typed:
        qtbot.keyClick(date_text(helper), Qt.Key_Backspace)
    error = helper.findChild(QLabel, "entryDateError")
    assert error.isVisible()
    if lang == "en":
        assert error.text() == english
    else:  # in the interface language, with the text typed in it
        assert error.text() != english and typed in error.text()
    assert date_text(helper).accessibleDescription() == error.text()
    assert shown_entry(helper) is None  # the deadlines of the previous date are gone, not kept
    assert helper.results.findChild(QLabel, "deadlinePrompt").text() == \
        i18n._("Type a valid entry date to see the dates.")
    type_into(qtbot, date_text(helper), "select all", "1.12.2026")  # corrected: dates come back
    assert not error.isVisible() and shown_entry(helper) == dt.date(2026, 12, 1)


def test_the_calendar_opens_with_alt_down_and_enter_takes_its_date(helper, ctx, qtbot):
    in_language(ctx, "ru")
    show(helper, "UZ", "RU-TA")
    field = date_text(helper)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key_Down, Qt.AltModifier)
    calendar = helper.findChild(QWidget, "entryDateCalendarPopup")
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate().toPython() == ENTRY
    assert calendar.locale().name() == "ru_RU"  # month and day names in the interface language
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key_Right)  # the next day
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key_Return)
    assert not calendar.isVisible()
    assert field.text() == "04.03.2026"
    assert shown_entry(helper) == dt.date(2026, 3, 4)


def test_a_language_switch_shows_the_date_in_the_new_form_and_keeps_it(helper, ctx, qtbot):
    show(helper, "UZ", "RU-TA")
    assert date_text(helper).text() == "3/3/2026"
    in_language(ctx, "uz")
    assert date_text(helper).text() == "03/03/2026"
    assert shown_entry(helper) == ENTRY


def stay_box(helper: DeadlineHelper):
    boxes = helper.results.findChildren(QFrame, "stayLimit")
    assert len(boxes) == 1
    return boxes[0]


def test_stay_limit_asks_the_basis_and_exempts_a_kyrgyz_worker_with_a_contract(helper, qtbot):
    show(helper, "KG", "RU-SVE")
    box = stay_box(helper)
    result = box.findChild(QLabel, "stayResult")
    assert result.property("state") == "ask_basis" and result.property("isoDate") == ""
    basis = box.findChild(QComboBox, "stayBasis")
    assert basis.itemText(1) == "Works under an employment or civil-law contract"
    basis.setFocus()
    qtbot.keyClick(basis, Qt.Key_Down)   # the advisor picks "works under a contract" with the keyboard
    result = stay_box(helper).findChild(QLabel, "stayResult")
    assert result.property("state") == "exempt"
    assert result.text().startswith("The 90-day limit does not apply while the client works under")
    assert not stay_box(helper).findChild(QSpinBox, "stayDaysUsed").isEnabled()  # days do not matter then


def test_stay_limit_for_a_visitor_needs_the_days_already_spent(helper):
    show(helper, "UZ", "RU-TA")
    box = stay_box(helper)
    box.findChild(QComboBox, "stayBasis").setCurrentIndex(3)   # no other basis
    result = box.findChild(QLabel, "stayResult")
    assert result.property("state") == "ask_days" and "no date can be computed" in result.text()
    days = box.findChild(QSpinBox, "stayDaysUsed")
    assert days.isEnabled() and days.text() == "not known"
    days.setValue(30)
    assert result.property("isoDate") == "2026-05-01"
    assert result.text().startswith("The 90 days run out on May 1, 2026")
    helper.entry_date.set_date(dt.date(2026, 4, 1))   # the choices outlive a new entry date
    result = stay_box(helper).findChild(QLabel, "stayResult")
    assert result.property("isoDate") == "2026-05-30"
