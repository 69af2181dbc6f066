"""The record view and a procedure's steps, documents and fees that are only for some citizenships: with the
client's citizenship chosen it shows what applies to them (numbered from 1, as on the client sheet) and says how
many it left out and for whom; with none chosen it shows everything, each part that is not for everyone labelled
with whom it is for. Real dataset, pages read back as Qt lays them out."""
from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QTextDocument

from desktop.core import model as m
from desktop.core.i18n import translator
from desktop.present.record_html import RecordRenderer

NUMBERED = re.compile(r"\d+\. ")  # an item of a numbered list as laid out: "1. …"


def page_lines(html: str) -> list[str]:
    """The page as a reader sees it, one line per paragraph or list item, list items with their number or
    bullet as Qt gives it ("1. …", ". …" for a disc)."""
    doc = QTextDocument()
    doc.setHtml(html)
    lines, block = [], doc.begin()
    while block.isValid():
        text = block.text().replace("\u2028", " ").strip()
        if block.textList() is not None:
            text = f"{block.textList().itemText(block)} {text}"
        if text:
            lines.append(text)
        block = block.next()
    return lines


def section(lines: list[str], title: str, next_title: str) -> list[str]:
    return lines[lines.index(title) + 1:lines.index(next_title)]


def page(store, record_id: str, citizenship: str = "", lang: str = "en") -> list[str]:
    return page_lines(RecordRenderer(store, lang, lang, citizenship=citizenship).render(store.record(record_id)))


def en(step: m.Step | m.Item) -> str:
    return step.text["en"].strip()


def test_a_kyrgyz_client_sees_the_kyrgyz_steps_numbered_from_1_and_not_the_uzbek_consulate(qtbot, store):
    record = store.record("lost-passport")
    lines = page(store, "lost-passport", "KG")
    steps = section(lines, "Steps", "Required documents")
    numbered = [line for line in steps if NUMBERED.match(line)]
    wanted = [s for s in record.steps if m.ALL in s.applies_to or "KG" in s.applies_to]
    assert [line.split(" ", 1)[0] for line in numbered] == [f"{i}." for i in range(1, len(wanted) + 1)]
    assert all(line.split(" ", 1)[1].startswith(en(s)[:60]) for line, s in zip(numbered, wanted, strict=True))
    assert len(wanted) == 4 and "Kyrgyz citizens who want to go home" in numbered[1]
    documents = section(lines, "Required documents", "Fees")
    shown = "\n".join(steps + documents)
    for uzbek in (s for s in record.steps if s.applies_to == ["UZ"]):
        assert en(uzbek)[:60] not in shown                      # the Uzbek consulate's steps are not shown
    assert "consulate.mfa.uz" not in shown                      # neither its form among the documents
    assert steps[-1] == ("3 steps for citizens of Uzbekistan and Tajikistan are not shown: choose “Any citizenship”"
                         " as the client's citizenship to see every step.")
    assert documents[-1].startswith("1 document for citizens of Uzbekistan is not shown")
    assert "For citizens of" not in shown                   # every part shown is the client's: no labels
    # the deadline picked for the client still stands out (▶) on the Kyrgyz step
    assert "▶ within 5 working days from the date of application (Kyrgyzstan)" in numbered[1]


def test_with_no_citizenship_every_step_shows_whom_it_is_for(qtbot, store):
    record = store.record("lost-passport")
    lines = page(store, "lost-passport")
    steps = [line for line in section(lines, "Steps", "Required documents") if NUMBERED.match(line)]
    assert len(steps) == len(record.steps) == 7
    assert steps[0].startswith("1. Report the lost or stolen passport")            # for everyone: no label
    assert steps[1].startswith("2. For citizens of Uzbekistan: " + en(record.steps[1])[:40])
    assert steps[3].startswith("4. For citizens of Kyrgyzstan: ")
    assert steps[6].startswith("7. For citizens of Tajikistan: ")
    documents = section(lines, "Required documents", "Fees")
    assert documents[0].startswith(". ☐ the Russian police") and documents[1].startswith(
        ". ☐ For citizens of Uzbekistan: two 3.5×4.5 cm photos")
    assert not any("not shown" in line for line in lines)


def test_fees_for_some_citizenships_are_labelled_or_left_out(qtbot, store):
    everyone = section(page(store, "patent-exam"), "Fees", "Legal basis")
    assert sum("For citizens of Tajikistan and Uzbekistan:" in line for line in everyone) == 1
    kyrgyz = section(page(store, "patent-exam", "KG"), "Fees", "Legal basis")
    assert kyrgyz[-1].startswith("1 fee for citizens of Tajikistan and Uzbekistan is not shown")
    assert not any("For citizens of" in line for line in kyrgyz)


@pytest.mark.parametrize("lang,label,hidden", [
    ("ru", "2. Для граждан страны Узбекистан: ",
     "3 шага для граждан других стран (Узбекистан и Таджикистан) не показаны: чтобы увидеть все шаги, выберите в "
     "гражданстве клиента пункт «Любое гражданство»."),
    ("uz", "2. Oʻzbekiston fuqarolari uchun: ",
     "Oʻzbekiston va Tojikiston fuqarolari uchun 3 ta qadam koʻrsatilmagan: barcha qadamlarni koʻrish uchun "
     "mijozning fuqaroligida “Har qanday fuqarolik” bandini tanlang."),
    ("uz_Cyrl", "2. Ўзбекистон фуқаролари учун: ", "Ўзбекистон ва Тожикистон фуқаролари учун 3 та қадам"),
    ("ky", "2. Өзбекстан жарандары үчүн: ", "Өзбекстан жана Тажикстан жарандары үчүн 3 кадам көрсөтүлгөн жок"),
])
def test_the_labels_and_the_hidden_line_are_in_the_interface_language(qtbot, store, lang, label, hidden):
    steps_title, documents_title = (translator(lang).gettext(t) for t in ("Steps", "Required documents"))
    everyone = section(page(store, "lost-passport", lang=lang), steps_title, documents_title)
    assert everyone[1].startswith(label)
    kyrgyz = section(page(store, "lost-passport", "KG", lang=lang), steps_title, documents_title)
    assert kyrgyz[-1].startswith(hidden)
    assert not any(english in line for line in everyone + kyrgyz for english in ("citizens", "not shown"))


@pytest.mark.parametrize("citizenship", ["", "UZ", "KG"])
def test_a_procedure_for_everyone_looks_as_before(qtbot, store, citizenship):
    record = store.record("migration-registration")
    assert all(m.ALL in part.applies_to for part in (*record.steps, *record.documents, *record.fees))
    html = RecordRenderer(store, "en", "en", citizenship=citizenship).render(record)
    steps_to_fees = html[html.index(">Steps<"):html.index(">Legal basis<")]   # (Who helps names its consulates)
    assert 'class="whom"' not in steps_to_fees and 'class="hidden"' not in steps_to_fees
    steps = [line for line in section(page_lines(html), "Steps", "Required documents") if NUMBERED.match(line)]
    assert len(steps) == len(record.steps)


def test_the_record_view_follows_the_clients_citizenship(qtbot, ctx):
    from desktop.ui.record_view import RecordView

    view = RecordView(ctx)
    qtbot.addWidget(view)
    view.open("lost-passport")
    text = view.browser.toPlainText()
    assert "For citizens of Uzbekistan:" in text and "not shown" not in text
    view.set_client("KG", "")                                   # the search panel's citizenship filter
    text = view.browser.toPlainText()
    assert "3 steps for citizens of Uzbekistan and Tajikistan are not shown" in text
    assert "Uzbek citizens: fill in the form" not in text and "Kyrgyz citizens who want to go home" in text


def who_helps(lines: list[str]) -> list[str]:
    start = lines.index("Who helps") + 1
    rest = lines[start:]
    return rest[:next((i for i, line in enumerate(rest) if not line.startswith(". ") and "not shown" not in line),
                      len(rest))]


def test_who_helps_a_kyrgyz_client_leaves_out_the_consulates_of_uzbekistan_and_says_so(qtbot, store):
    kg_embassy = store.record("kg-embassy-moscow").texts["en"].title
    uz_embassy = store.record("uz-embassy-moscow").texts["en"].title
    kyrgyz = who_helps(page(store, "lost-passport", "KG"))
    assert any(kg_embassy in line for line in kyrgyz)
    assert not any(uz_embassy in line for line in kyrgyz)
    assert kyrgyz[-1].startswith("7 contact points for citizens of Uzbekistan are not shown")
    anyone = who_helps(page(store, "lost-passport"))
    assert any(line.startswith(f". For citizens of Uzbekistan: {uz_embassy}") for line in anyone)
    assert any(line.startswith(f". For citizens of Kyrgyzstan: {kg_embassy}") for line in anyone)
    assert not any("not shown" in line for line in anyone)
    # a contact for everyone (the MVD) is neither labelled nor left out
    mvd = store.record("ru-mvd-guvm").texts["en"].title
    assert any(line.startswith(f". {mvd}") for line in who_helps(page(store, "stay-limit-90-days", "KG")))
