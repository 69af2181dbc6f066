"""The deadline helper on the real dataset: exact dates per citizenship, rules, links, regional and
not-needed procedures; the working-day note on a small built dataset that has a working-day deadline."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QDateEdit, QFrame, QLabel, QWidget

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
    stay = due(helper, "stay-limit-90-days")
    assert stay[1].text() == "June 1, 2026"
    # the patent is listed as not needed, pointing to the EAEU rules that apply instead
    boxes = [b for b in helper.results.findChildren(QFrame, "notNeeded") if b.property("procedureId") == "work-patent"]
    assert len(boxes) == 1
    assert boxes[0].findChild(QLabel, "notNeededText").text() == "not needed for this citizenship"
    links = [label.property("procedureId") for label in boxes[0].findChildren(QLabel, "procedureLink")]
    assert links == ["work-patent", "eaeu-work-kg"]
    summary = boxes[0].findChild(QLabel, "ownRuleSummary").text()
    assert summary.startswith("Citizens of Kyrgyzstan need no patent")


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
    helper.findChild(QDateEdit, "entryDate").setDate(QDate(2026, 12, 20))
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
    controls = helper.findChildren(QComboBox) + helper.findChildren(QDateEdit) + \
        helper.results.findChildren(QLabel, "procedureLink")
    assert len(controls) > 5
    assert all(c.accessibleName() for c in controls)
    assert helper.findChild(QDateEdit, "entryDate").calendarPopup()


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
