"""The Print sheet dialog: options change the previewed sheet; Save PDF and Print write real pages."""
from __future__ import annotations

import re
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from desktop.present.sheet_html import label
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
    assert dialog.preview.pageCount() == dialog.page_count() >= 2
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert dialog.message.isHidden()


def test_changing_options_rebuilds_the_preview(qtbot, dialog, store):
    choose(dialog.lang_combo, "ky")
    qtbot.waitUntil(lambda: dialog.sheets()[0].content.langs == ("ky",), timeout=3000)
    assert dialog.sheets()[0].title == title_in(store.record("work-patent"), "ky")
    single = dialog.page_count()
    dialog.bilingual_check.setChecked(True)
    qtbot.waitUntil(lambda: dialog.sheets()[0].content.langs == ("ky", "ru"), timeout=3000)
    assert dialog.page_count() > single
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
    assert label("steps", "uz") in text and re.search(rf"\b1 ?/ ?{pages}\b", text)
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
