"""The Print sheet dialog: options change the previewed sheet; Save PDF and Print write real pages."""
from __future__ import annotations

import re
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from desktop.present.client_sheet import word
from desktop.present.text import title_in
from desktop.ui.sheet_dialog import SheetDialog


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def pdf_pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def dialog(qtbot, store):
    d = SheetDialog(store, "work-patent", lang="uz", citizenship="UZ", region="RU-TA")
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_dialog_opens_with_a_preview_of_the_sheet(dialog, store):
    assert dialog.sheets()[0].title == title_in(store.record("work-patent"), "uz")
    assert dialog.preview.pageCount() == dialog.page_count() == 1  # the client sheet
    assert not dialog.choices.full()
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert dialog.message.isHidden()


def test_changing_options_rebuilds_the_preview(qtbot, dialog, store):
    choose(dialog.lang_combo, "ky")
    qtbot.waitUntil(lambda: dialog.sheets()[0].content.langs == ("ky",), timeout=3000)
    assert dialog.sheets()[0].title == title_in(store.record("work-patent"), "ky")
    single = dialog.page_count()
    dialog.bilingual_check.setChecked(True)
    qtbot.waitUntil(lambda: dialog.sheets()[0].content.langs == ("ky", "ru"), timeout=3000)
    assert 1 == single <= dialog.page_count() <= 2  # side by side, or Russian on the back
    assert dialog.preview.pageCount() == dialog.page_count()
    choose(dialog.lang_combo, "ru")
    qtbot.waitUntil(lambda: dialog.sheets()[0].content.langs == ("ru",), timeout=3000)
    assert not dialog.bilingual_check.isEnabled()  # Russian beside Russian adds nothing


def test_citizenship_the_procedure_is_not_for_is_flagged(qtbot, dialog):
    choose(dialog.citizenship_combo, "KG")
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=3000)
    assert "Not meant for citizens of Kyrgyzstan" in dialog.message.text()
    assert "Qirgʻiziston" in dialog.sheets()[0].content.html


def test_save_pdf_writes_the_previewed_sheet(dialog, store, tmp_path):
    choose(dialog.paper_combo, "letter")
    dialog.rebuild()
    path = tmp_path / "sheet.pdf"
    pages = dialog.save_pdf(path)
    assert pages == pdf_pages(path) == dialog.preview.pageCount()
    text = pdf_text(path)
    assert " ".join(title_in(store.record("work-patent"), "uz").split()) in text
    assert title_in(store.record("uz-consulate-kazan"), "uz") in text
    assert "612 x 792" in subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout


def test_batch_mode_puts_several_procedures_in_one_pdf(dialog, store, tmp_path):
    dialog.batch_check.setChecked(True)
    assert dialog.procedure_list.isVisible()
    for i in range(dialog.procedure_list.count()):
        item = dialog.procedure_list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == "migration-registration":
            item.setCheckState(Qt.CheckState.Checked)
    dialog.rebuild()
    assert sorted(dialog.procedure_ids()) == ["migration-registration", "work-patent"]
    path = tmp_path / "batch.pdf"
    assert dialog.save_pdf(path) == pdf_pages(path) == sum(s.page_count for s in dialog.sheets())
    text = pdf_text(path)
    for pid in ("migration-registration", "work-patent"):
        assert " ".join(title_in(store.record(pid), "uz").split()) in text
    assert dialog.suggested_file_name() == "sheets-2-uz.pdf"


def test_nothing_chosen_in_batch_disables_output(dialog):
    dialog.batch_check.setChecked(True)
    for i in range(dialog.procedure_list.count()):
        dialog.procedure_list.item(i).setCheckState(Qt.CheckState.Unchecked)
    dialog.rebuild()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    assert "No procedure chosen" in dialog.message.text()


def test_print_sends_the_pages_to_the_printer(dialog, store, tmp_path):
    # A real QPrinter writing PDF: the same path as Print… after the system print dialog.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    pages = dialog.print_to(printer)
    assert pages == pdf_pages(out) == dialog.page_count()
    text = pdf_text(out)
    assert word("what_to_do", "uz") in text and re.search(rf"\b1 ?/ ?{pages}\b", text)
    assert "(A4)" in subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout


def test_interface_language_change_renames_choices_not_the_sheet(dialog, store):
    from desktop.core import i18n

    before = dialog.sheets()[0].title
    try:
        i18n.set_language("ru")
        assert dialog.citizenship_combo.currentText() == "Узбекистан (UZ)"
        assert dialog.region_combo.currentText() == "Республика Татарстан (RU-TA)"
        assert dialog.sheets()[0].title == before  # the sheet keeps the client's language
    finally:
        i18n.set_language("en")
    assert dialog.citizenship_combo.currentText() == "Uzbekistan (UZ)"


# ------------------------------------------------------------------ the client sheet's options (issue 18)

def visible_dates(dialog) -> list[str]:
    return [code for code, field in dialog.choices.fields.items() if dialog.choices.form.isRowVisible(field)]


def test_dates_the_procedure_counts_from_are_offered(qtbot, store):
    d = SheetDialog(store, "eaeu-work-kg", lang="ky", citizenship="KG", region="RU-SVE")
    qtbot.addWidget(d)
    assert {"entry", "contract", "contract_end"} <= set(visible_dates(d))
    assert "payment" not in visible_dates(d)


def test_an_entry_date_typed_puts_the_clients_dates_on_the_sheet(qtbot, store, tmp_path):
    d = SheetDialog(store, "migration-registration", lang="uz", citizenship="UZ", region="RU-TA")
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    field = d.choices.fields["entry"]
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, "3.12.2026")
    qtbot.waitUntil(lambda: "18-dekabr, 2026" in d.sheets()[0].content.html, timeout=3000)  # the preview follows
    path = tmp_path / "client.pdf"
    assert d.save_pdf(path) == pdf_pages(path) == 1
    assert "18-dekabr, 2026" in pdf_text(path)


def test_a_wrong_date_is_said_and_never_printed(qtbot, store):
    d = SheetDialog(store, "migration-registration", lang="en", citizenship="UZ", region="RU-TA")
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    field = d.choices.fields["entry"]
    qtbot.keyClicks(field.edit, "31.02.2026")
    assert field.error.isVisible() and field.edit.text() == "31.02.2026"  # shown as typed, not replaced
    d.rebuild()
    assert d.options().anchors == {}
    assert "By " not in d.sheets()[0].content.html


def test_the_full_sheet_is_a_choice(qtbot, dialog):
    assert dialog.page_count() == 1
    dialog.choices.set_full(True)
    qtbot.waitUntil(lambda: dialog.page_count() > 2, timeout=5000)
    assert dialog.sheets()[0].content.full
