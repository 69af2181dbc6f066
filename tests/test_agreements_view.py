"""The agreements table on the real dataset: localised dates sorted by ISO date, parties, filters, opening."""
from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QTableWidget

from desktop.core import i18n
from desktop.ui.agreements_view import DATE, PARTIES, STATUS, TITLE, TYPE, AgreementsView, key_date


@pytest.fixture
def view(ctx, show_panel):
    return show_panel(AgreementsView(ctx))  # deleted after the test: see show_panel


def iso_dates(view: AgreementsView, ctx) -> list[str]:
    return [key_date(ctx.store.record(rid))[1] for rid in view.agreement_ids()]


def click_header(qtbot, table: QTableWidget, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, header.height() // 2))


def test_all_agreements_newest_first_with_localised_dates(view, ctx):
    table = view.findChild(QTableWidget, "agreementsTable")
    assert table.rowCount() == len(ctx.store.ids("agreement")) == 16
    dates = iso_dates(view, ctx)
    assert dates == sorted(dates, reverse=True)
    assert view.agreement_ids()[-1] == "cis-agreement-labour-migration-1994"
    assert table.item(table.rowCount() - 1, DATE).text() == "April 15, 1994"
    assert view.findChild(QLabel, "agreementCount").text() == "16 agreements"


def test_clicking_the_date_header_sorts_oldest_first_by_iso_date(view, ctx, qtbot):
    table = view.findChild(QTableWidget, "agreementsTable")
    click_header(qtbot, table, DATE)
    dates = iso_dates(view, ctx)
    assert dates == sorted(dates)
    assert view.agreement_ids()[0] == "cis-agreement-labour-migration-1994"
    # a date known only to the month sits between the full dates around it
    partial = dates.index("2015-05")
    assert dates[partial - 1] < "2015-05" < dates[partial + 1]
    assert table.item(partial, DATE).text() == "2015-05"
    # localised text would sort "April …" before "February …"; the ISO order does not
    shown = [table.item(r, DATE).text() for r in range(table.rowCount())]
    assert shown != sorted(shown)


def test_sorting_by_title(view, qtbot):
    table = view.findChild(QTableWidget, "agreementsTable")
    click_header(qtbot, table, TITLE)
    titles = [table.item(r, TITLE).text() for r in range(table.rowCount())]
    assert titles == sorted(titles, key=str.casefold)


def test_row_shows_type_parties_and_status(view):
    table = view.findChild(QTableWidget, "agreementsTable")
    row = view.agreement_ids().index("uz-tatarstan-working-group-2025")
    assert table.item(row, TYPE).text() == "Working group"
    assert table.item(row, PARTIES).text() == "Uzbekistan, Republic of Tatarstan"
    assert table.item(row, STATUS).text() == "held"  # the working group was agreed at a meeting that took place
    assert table.item(row, DATE).text() == "July 14, 2025"
    assert table.item(row, DATE).toolTip() == "date of the event"
    cis = view.agreement_ids().index("cis-convention-migrant-workers-2008")
    assert table.item(cis, PARTIES).text() == "CIS member states"  # an organisation named in the content
    eaeu = view.agreement_ids().index("eaeu-treaty-labour-migration")
    assert table.item(eaeu, STATUS).text() == "in force"
    assert table.item(eaeu, DATE).text() == "May 29, 2014"  # signed, not the later valid_from


def test_client_filters_by_citizenship_and_region(view):
    view.set_client("KG", "")
    shown = view.agreement_ids()
    assert "ru-kg-stay-agreement" in shown and "eaeu-treaty-labour-migration" in shown
    assert "ru-uz-stay-agreement" not in shown
    view.set_client("UZ", "RU-TA")
    assert "uz-tatarstan-working-group-2025" in view.agreement_ids()
    view.set_client("UZ", "RU-SVE")
    assert "uz-tatarstan-working-group-2025" not in view.agreement_ids()
    view.findChild(QComboBox, "citizenshipCombo").setCurrentIndex(0)  # any citizenship
    assert "ru-kg-stay-agreement" in view.agreement_ids()


def test_activating_a_row_opens_the_agreement(view, qtbot):
    table = view.findChild(QTableWidget, "agreementsTable")
    table.setFocus()
    table.setCurrentCell(0, STATUS)
    with qtbot.waitSignal(view.open_record, timeout=1000) as blocker:
        qtbot.keyClick(table, Qt.Key_Enter)
    assert blocker.args == [view.agreement_ids()[0]]


def test_language_change_keeps_the_sort_and_rerenders_titles(view, ctx, qtbot):
    table = view.findChild(QTableWidget, "agreementsTable")
    click_header(qtbot, table, DATE)
    ctx.settings.content_language = "ru"
    i18n.set_language("ru")
    first = view.agreement_ids()[0]
    assert first == "cis-agreement-labour-migration-1994"
    assert table.item(0, TITLE).text() == ctx.store.record(first).title("ru")
    assert table.horizontalHeader().sortIndicatorOrder() == Qt.AscendingOrder


def test_rows_fit_wrapped_titles_and_controls_are_named(view):
    table = view.findChild(QTableWidget, "agreementsTable")
    assert table.horizontalHeader().sectionResizeMode(DATE) == QHeaderView.ResizeToContents
    assert sum(table.columnWidth(c) for c in range(table.columnCount())) <= table.viewport().width()
    for row in range(table.rowCount()):
        assert table.rowHeight(row) >= table.sizeHintForRow(row)
    controls = view.findChildren(QComboBox) + [table]
    assert all(c.accessibleName() for c in controls)


@pytest.mark.parametrize("lang", ["en", "ru", "uz", "ky"])
def test_status_column_is_whole_in_the_window_at_1366x768(qtbot, real_dataset, tmp_path, lang):
    """Issue 19: the Status column was cut off at the right edge (ru)."""
    from PySide6.QtGui import QFontMetrics
    from test_main_window import close_window, make_window

    window = make_window(qtbot, real_dataset, tmp_path, ui_language=lang, content_language=lang)
    try:
        window.show_panel("agreements")
        table = window.agreements.table
        # the columns are fitted once the panel has filled and its viewport settled (later on a busy machine)
        qtbot.waitUntil(lambda t=table: t.rowCount() > 0 and t.horizontalScrollBar().maximum() == 0, timeout=3000)
        header = table.horizontalHeader()
        assert table.horizontalScrollBar().maximum() == 0
        assert header.sectionViewportPosition(STATUS) + header.sectionSize(STATUS) <= table.viewport().width()
        metrics = table.fontMetrics()
        widest = max(metrics.horizontalAdvance(table.item(r, STATUS).text()) for r in range(table.rowCount()))
        assert header.sectionSize(STATUS) > widest
        assert header.sectionSize(STATUS) > QFontMetrics(header.font()).horizontalAdvance(i18n._("Status"))
    finally:
        close_window(window)
        del window
        gc.collect()  # the Python side of the deleted window goes too (pytest-qt would close it again)
        i18n.set_language("en")
