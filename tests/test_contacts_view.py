"""The contact finder on the real dataset: who comes first, "not confirmed" cells, copy buttons, opening."""
from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QTableWidget, QToolButton

from desktop.core import i18n
from desktop.ui.contacts_view import ADDRESS, NAME, ONLINE, PHONES, ContactFinder, FactCell


@pytest.fixture
def open_finder(ctx, show_panel):
    """Shown finders on the real dataset (deleted after the test: see show_panel)."""

    def make(font_scale: float = 1.0) -> ContactFinder:
        return show_panel(ContactFinder(ctx), font_scale)

    return make


@pytest.fixture
def finder(open_finder):
    return open_finder()


def row_of(finder: ContactFinder, record_id: str) -> int:
    return finder.contact_ids().index(record_id)


def test_uzbek_client_in_tatarstan_sees_the_kazan_consulate_first(finder, ctx):
    finder.set_client("UZ", "RU-TA")
    table = finder.findChild(QTableWidget, "contactsTable")
    assert table.item(0, NAME).text() == "Consulate General of Uzbekistan in Kazan"
    ids = finder.contact_ids()
    assert ids[1] == "uz-embassy-moscow"
    ombudsman = ids.index("ombudsman-tatarstan")
    assert table.item(ombudsman, NAME).text().startswith("Human Rights Commissioner (ombudsman) in the "
                                                         "Republic of Tatarstan")
    assert finder.findChild(QLabel, "contactCount").text() == f"{len(ids)} contact points"


def test_kyrgyz_client_in_sverdlovsk_sees_the_yekaterinburg_consulate(finder):
    finder.set_client("KG", "RU-SVE")
    table = finder.findChild(QTableWidget, "contactsTable")
    assert finder.contact_ids()[0] == "kg-consulate-yekaterinburg"
    assert table.item(0, NAME).text() == "Consulate General of Kyrgyzstan in Yekaterinburg"
    assert not any(i.startswith("uz-") for i in finder.contact_ids())


def test_choosing_in_the_combos_refreshes_the_table(finder, qtbot):
    finder.set_client("UZ", "RU-TA")
    region = finder.findChild(QComboBox, "regionCombo")
    region.setCurrentIndex(region.findData("RU-SVE"))
    assert finder.contact_ids()[0] == "uz-consulate-yekaterinburg"
    citizenship = finder.findChild(QComboBox, "citizenshipCombo")
    citizenship.setCurrentIndex(citizenship.findData("KG"))
    assert finder.contact_ids()[0] == "kg-consulate-yekaterinburg"


def test_a_contact_without_phone_shows_not_confirmed_and_no_cell_is_blank(finder):
    finder.set_client("UZ", "RU-TA")
    table = finder.findChild(QTableWidget, "contactsTable")
    # the Tatarstan ombudsman: no phone, address, e-mail or website in any source
    bare = row_of(finder, "ombudsman-tatarstan")
    for column in (PHONES, ADDRESS, ONLINE):
        assert table.item(bare, column).text() == "not confirmed"
        assert table.cellWidget(bare, column) is None
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            shown = table.item(row, column).text().strip()
            cell = table.cellWidget(row, column)
            assert shown or (isinstance(cell, FactCell) and cell.buttons), (row, column)


def test_copy_button_puts_the_number_on_the_clipboard(finder, ctx, qtbot):
    finder.set_client("UZ", "RU-TA")
    table = finder.findChild(QTableWidget, "contactsTable")
    embassy = ctx.store.record("uz-embassy-moscow")
    cell = table.cellWidget(row_of(finder, "uz-embassy-moscow"), PHONES)
    numbers = [label.text() for label in cell.findChildren(QLabel, "factValue")]
    assert numbers == [p.number for p in embassy.phones]
    QApplication.clipboard().clear()
    button = cell.findChildren(QToolButton, "copyButton")[1]
    qtbot.waitUntil(button.isVisible)  # the table places its cell widgets when it next lays out
    assert button.accessibleName() == "Copy phone number of Embassy of Uzbekistan in Russia (Moscow)"
    qtbot.mouseClick(button, Qt.LeftButton)
    assert QApplication.clipboard().text() == embassy.phones[1].number


def test_copy_button_copies_the_address_text(finder, ctx, qtbot):
    finder.set_client("UZ", "RU-TA")
    table = finder.findChild(QTableWidget, "contactsTable")
    cell = table.cellWidget(row_of(finder, "uz-embassy-moscow"), ADDRESS)
    button = cell.findChild(QToolButton, "copyButton")
    qtbot.waitUntil(button.isVisible)
    qtbot.mouseClick(button, Qt.LeftButton)
    assert QApplication.clipboard().text() == ctx.store.record("uz-embassy-moscow").address.text["en"]


def test_unverified_phone_is_marked_with_the_note_as_tooltip(finder, ctx):
    finder.set_client("KG", "RU-SVE")
    table = finder.findChild(QTableWidget, "contactsTable")
    phone = ctx.store.record("kg-embassy-moscow").phones[0]
    assert phone.confidence == "unverified"
    cell = table.cellWidget(row_of(finder, "kg-embassy-moscow"), PHONES)
    detail = cell.findChildren(QLabel, "factDetail")[0]
    assert "⚠ unverified" in detail.text()
    assert detail.toolTip() == phone.note["en"]


def test_short_number_says_where_it_can_be_dialled(finder):
    finder.set_client("UZ", "RU-TA")
    table = finder.findChild(QTableWidget, "contactsTable")
    cell = table.cellWidget(row_of(finder, "uz-migration-agency"), PHONES)
    details = [label.text() for label in cell.findChildren(QLabel, "factDetail")]
    assert "dialled only within Uzbekistan" in details[0]


def test_enter_and_double_click_open_the_record(finder, qtbot):
    finder.set_client("UZ", "RU-TA")
    table = finder.findChild(QTableWidget, "contactsTable")
    table.setFocus()
    table.setCurrentCell(1, NAME)
    with qtbot.waitSignal(finder.open_record, timeout=1000) as blocker:
        qtbot.keyClick(table, Qt.Key_Return)
    assert blocker.args == ["uz-embassy-moscow"]
    rect = table.visualItemRect(table.item(0, NAME))
    with qtbot.waitSignal(finder.open_record, timeout=1000) as blocker:
        # a real double click: the first click's press/release, then the second press as a double click
        qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    assert blocker.args == ["uz-consulate-kazan"]


def test_language_change_rerenders_in_the_content_language(finder, ctx):
    finder.set_client("UZ", "RU-TA")
    table = finder.findChild(QTableWidget, "contactsTable")
    ctx.settings.content_language = "ky"
    i18n.set_language("ky")
    assert table.item(0, NAME).text() == ctx.store.record("uz-consulate-kazan").title("ky")
    ctx.settings.content_language = "uz_Cyrl"
    i18n.set_language("uz_Cyrl")
    assert table.item(0, NAME).text() == "Ўзбекистон Республикасининг Қозон шаҳридаги Бош консулхонаси"


def test_every_control_has_an_accessible_name(finder):
    finder.set_client("UZ", "RU-TA")
    controls = finder.findChildren(QComboBox) + finder.findChildren(QToolButton) + \
        finder.findChildren(QTableWidget)
    assert len(controls) > 10
    assert all(c.accessibleName() for c in controls)


def test_rows_show_every_wrapped_line_at_double_font_size(open_finder, qtbot):
    widget = open_finder(font_scale=2.0)
    widget.set_client("UZ", "RU-TA")
    table = widget.findChild(QTableWidget, "contactsTable")
    labels = [label for label in table.findChildren(QLabel) if label.wordWrap() and label.isVisible()]
    assert len(labels) > 10
    # every wrapped value and detail line gets the height its text needs at the width it really has
    qtbot.waitUntil(lambda: all(label.height() >= label.heightForWidth(label.width()) for label in labels))
    # three phones, each with its label line, at the doubled font
    assert table.rowHeight(row_of(widget, "uz-embassy-moscow")) >= 6 * widget.fontMetrics().height()


# --------------------------------------------------------------------------- issue 19, defect 4: readable in the window


def fits_in_the_window(window, lang: str) -> None:
    """What an advisor sees in "Whom to call" in the real window at 1366x768."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle

    from desktop.ui.contacts_view import COLUMNS

    finder = window.contacts
    table = finder.table
    assert table.horizontalScrollBar().maximum() == 0, lang       # nothing hidden to the right
    header = table.horizontalHeader()
    bold = header.font()
    bold.setBold(True)  # a header over the chosen (first) row is drawn in bold
    header_metrics = QFontMetrics(bold)
    padding = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for column, msgid in enumerate(COLUMNS):
        shown = table.horizontalHeaderItem(column).text()
        assert shown.split() == i18n._(msgid).split()               # the whole header, maybe on two lines
        lines = shown.splitlines()
        assert all(header_metrics.horizontalAdvance(line) + padding <= header.sectionSize(column)
                   for line in lines), (lang, shown, header.sectionSize(column))
        assert header.height() >= len(lines) * header_metrics.height()
    # names wrap between words, each word whole, and the row is tall enough for every wrapped line
    metrics = table.fontMetrics()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    text_width = table.columnWidth(NAME) - margin
    for row in range(table.rowCount()):
        name = table.item(row, NAME).text()
        assert all(metrics.horizontalAdvance(word) <= text_width for word in name.split()), (lang, name)
        needed = metrics.boundingRect(0, 0, text_width, 10_000, Qt.TextWordWrap, name).height()
        assert table.rowHeight(row) >= needed, (lang, name)
    # phones: one number a line, none squeezed, nothing in a cell on top of anything else
    for row in range(table.rowCount()):
        cell = table.cellWidget(row, PHONES)
        if not isinstance(cell, FactCell):
            continue
        parts = cell.findChildren(QLabel) + cell.findChildren(QToolButton)
        for label in cell.findChildren(QLabel, "factValue"):
            assert label.width() >= label.sizeHint().width() and "\n" not in label.text()
            assert label.height() < 2 * label.fontMetrics().height()
        assert all(part.parent() is cell for part in parts)         # so their geometries compare
        for i, one in enumerate(parts):
            for other in parts[i + 1:]:
                assert not one.geometry().intersects(other.geometry()), (lang, one.text(), other.text())
        assert cell.height() <= table.rowHeight(row) and cell.height() >= cell.heightForWidth(cell.width())


@pytest.mark.parametrize("lang", ["en", "ru", "uz", "ky"])
def test_whom_to_call_is_readable_in_the_window_at_1366x768(qtbot, real_dataset, tmp_path, lang):
    from test_main_window import close_window, make_window

    window = make_window(qtbot, real_dataset, tmp_path, ui_language=lang, content_language=lang)
    try:
        window.show_panel("contacts")
        for citizenship, region in (("KG", "RU-SVE"), ("UZ", "RU-TA"), ("", "")):
            window.search.citizenship.set_code(citizenship)
            window.search.region.set_code(region)
            table = window.contacts.table
            qtbot.waitUntil(lambda t=table: all(c.isVisible() for r in range(t.rowCount()) for c in
                                                [t.cellWidget(r, PHONES)] if c is not None), timeout=3000)
            # the delayed fit after the viewport settles (later on a busy machine)
            qtbot.waitUntil(lambda t=table: t.horizontalScrollBar().maximum() == 0, timeout=3000)
            fits_in_the_window(window, lang)
    finally:
        close_window(window)
        del window
        gc.collect()  # the Python side of the deleted window goes too (pytest-qt would close it again)
        i18n.set_language("en")


def test_changing_region_shows_and_chooses_the_first_row(finder, qtbot):
    finder.set_client("", "")
    table = finder.findChild(QTableWidget, "contactsTable")
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())
    assert table.verticalScrollBar().value() > 0
    region = finder.findChild(QComboBox, "regionCombo")
    region.setCurrentIndex(region.findData("RU-SVE"))
    first = table.visualRect(table.model().index(0, NAME))
    assert table.viewport().rect().contains(first.topLeft()) and first.top() >= 0
    assert table.currentRow() == 0 and table.item(0, NAME).isSelected()
