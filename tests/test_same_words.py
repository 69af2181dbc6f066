"""Screen and paper say the same words: for every kind of deadline and every language, the phrase the record
view shows is the phrase the printed sheet holds.

One test procedure carries one step per deadline kind (what it is counted from × calendar days, working
days or months × forward or before), built into a dataset; the record view (a real RecordView widget, in
the interface language) and the sheet (its HTML, in the sheet's language) are read back and compared
step by step.
"""
from __future__ import annotations

import html
import itertools
import re

import pytest

from desktop import paths
from desktop.core import i18n
from desktop.core import model as m
from desktop.core.build import build
from desktop.core.languages import SHEET
from desktop.core.sheets import SheetOptions
from desktop.present.sheet_html import build_sheet, label

from conftest import close_ctx, make_content_tree, make_ctx

UNITS = ("days", "working_days", "months")
KINDS = list(itertools.product(m.COUNTED_FROM, UNITS, (False, True)))
NUMBERS = (1, 2, 5, 11, 21, 30)  # every plural form of every language


def deadline_yaml(i: int, counted_from: str, unit: str, before: bool) -> str:
    n = NUMBERS[i % len(NUMBERS)]
    amount = f"months: {n}" if unit == "months" else f"days: {n}" + (", working_days: true" if unit == "working_days"
                                                                     else "")
    return f"{{{amount}, counted_from: {counted_from}, before: {str(before).lower()}}}"


def procedure_yaml() -> str:
    steps = "".join(f"  - text: {{ru: Шаг {i}, uz: Qadam {i}, ky: Кадам {i}, en: Step {i}}}\n"
                    f"    deadline: {deadline_yaml(i, *kind)}\n" for i, kind in enumerate(KINDS, 1))
    return f"""\
# Test fixture, not real content.
id: every-deadline
kind: procedure
topic: registration
status: in_force
applies_to: [all]
verified_on: 2026-11-24
sources:
  - {{id: law, url: "https://docs.example.gov.ru/law", publisher: Test Government, type: official, date: 2026-11-01}}
steps:
{steps}legal_basis:
  - {{law: {{en: Test Law, ru: Тестовый закон}}}}
ru: {{translation: original, title: Все сроки, summary: Каждый вид срока., body: Текст.}}
uz: {{translation: draft, title: Barcha muddatlar, summary: Har bir muddat turi., body: Matn.}}
ky: {{translation: draft, title: Бардык мөөнөттөр, summary: Ар бир мөөнөт түрү., body: Текст.}}
en: {{translation: draft, title: Every deadline, summary: Each kind of deadline., body: Text.}}
"""


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    tree = make_content_tree(tmp_path_factory.mktemp("words") / "content")
    (tree / "procedures" / "every-deadline.yaml").write_text(procedure_yaml(), encoding="utf-8")
    path, _ = build(tree, tree.parent / "ds", paths.schema_file())
    return path.parent


def screen_phrases(dataset, tmp_path, lang: str) -> list[str]:
    """The deadline of every step as the record view shows it with the interface (and content) in `lang`."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from desktop.ui.record_view import RecordView

    ctx = make_ctx(dataset, tmp_path)
    ctx.settings.ui_language = ctx.settings.content_language = lang
    i18n.set_language(lang)
    view = RecordView(ctx)
    view.open("every-deadline")
    lines = view.browser.toPlainText().splitlines()
    view.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    del view  # its language listener goes with it
    close_ctx(ctx)  # back to English
    everyone = i18n.translator(lang).gettext("all citizenships")  # whom a deadline is for, after it
    field = i18n.translator(lang).gettext("Deadline") + ": "      # the step's "Deadline: …" line
    return [line[len(field):].rsplit(f" ({everyone})", 1)[0] for line in lines if line.startswith(field)]


def sheet_phrases(store_path, lang: str) -> list[str]:
    """The deadline of every step as the sheet's steps section prints it in `lang`."""
    from desktop.core.store import Store

    with Store(store_path) as store:
        sheet = build_sheet(store, "every-deadline", SheetOptions(lang=lang, citizenship="UZ"))
    steps = sheet.html.split(f"<h2>{html.escape(label('steps', lang))}</h2>", 1)[1]
    field = re.escape(html.escape(label("deadline", lang)))
    return [html.unescape(p) for p in re.findall(rf"<b>{field}:</b> <b>([^<]*)</b>", steps)]


@pytest.mark.parametrize("lang", SHEET)
def test_every_deadline_reads_the_same_on_screen_and_on_paper(qtbot, dataset, tmp_path, lang):
    screen = screen_phrases(dataset, tmp_path, lang)
    paper = sheet_phrases(dataset, lang)
    assert len(screen) == len(paper) == len(KINDS)
    for kind, on_screen, on_paper in zip(KINDS, screen, paper, strict=True):
        assert on_screen == on_paper, kind


@pytest.mark.parametrize("lang", [lang for lang in SHEET if lang != "en"])
def test_no_english_in_a_translated_deadline(dataset, lang):
    english, translated = sheet_phrases(dataset, "en"), sheet_phrases(dataset, lang)
    for kind, source, phrase in zip(KINDS, english, translated, strict=True):
        assert not re.search(r"\b(within|before|calendar|working|days?|months?|from|the)\b", phrase), (kind, phrase)
        assert phrase != source


def test_english_phrases_honour_before_and_number(dataset):
    phrases = dict(zip(KINDS, sheet_phrases(dataset, "en"), strict=True))
    assert phrases[("entry", "days", False)] == "within 2 calendar days from the date of entry"
    assert phrases[("entry", "days", True)] == "at least 5 calendar days before the date of entry"
    assert phrases[("entry", "working_days", False)] == "within 11 working days from the date of entry"
    assert phrases[("entry", "months", False)] == "within 30 months from the date of entry"
    assert phrases[("entry", "months", True)] == "at least 1 month before the date of entry"
