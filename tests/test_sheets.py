"""Printable procedure sheets, read back from real PDFs with poppler (pdftotext, pdfinfo, pdftoppm) and zbar.

Needs the Debian packages poppler-utils and zbar-tools.
"""
from __future__ import annotations

import datetime as dt
import re
import struct
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop import paths
from desktop.core import model as m
from desktop.core.build import build
from desktop.core.deadlines import pick_deadline
from desktop.core.languages import SHEET as SHEET_LANGS
from desktop.core.languages import localized as text_in
from desktop.core.sheet_paging import _units
from desktop.core.sheet_pdf import layout_sheet, layout_sheets, write_pdf
from desktop.core.sheets import SheetError, SheetOptions, qr_source_url, region_contacts
from desktop.core.store import Store
from desktop.core.textnorm import uz_latin_to_cyrillic
from desktop.present.deadlines import deadline_phrase
from desktop.present.sheet_html import build_sheet, label, sheet_contents
from desktop.present.text import title_in

from conftest import make_content_tree

PRINTED = dt.date(2026, 11, 30)
PROC = "migration-registration"
REPO = Path(__file__).resolve().parent.parent


def pdf_text(path: Path, page: int | None = None) -> str:
    """pdftotext output with whitespace (line breaks, column gaps) collapsed to single spaces."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def norm(text: str) -> str:
    return " ".join(text.split())


def render_png(pdf: Path, page: int, dpi: int, out: Path) -> Path:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(out)], check=True)
    return out.with_suffix(".png")


def png_size(path: Path) -> tuple[int, int]:
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


@pytest.fixture(autouse=True)
def _widgets_app(qapp):
    """pytest-qt's QApplication first: sheets would otherwise start a bare QGuiApplication, and the
    widget tests that follow in the same process could not create widgets."""


def write_sheet(store, tmp: Path, ids, **options) -> tuple[Path, list]:
    paper = options.pop("paper", "a4")
    options.setdefault("full", True)  # this module tests the full sheet (tests/test_client_sheet.py the other)
    opts = SheetOptions(printed_on=PRINTED, **options)
    sheets = layout_sheets(sheet_contents(store, list(ids), opts), paper)
    path = tmp / f"{'-'.join(ids)}-{opts.lang}{'-bi' if opts.bilingual else ''}-{paper}.pdf"
    write_pdf(sheets, path, paper)
    return path, sheets


# --------------------------------------------------------------------------- every language, on a real PDF

@pytest.fixture(scope="module", params=SHEET_LANGS)
def lang_pdf(request, store, tmp_path_factory):
    lang = request.param
    path, sheets = write_sheet(store, tmp_path_factory.mktemp(f"sheet-{lang}"), [PROC], lang=lang,
                               citizenship="UZ", region="RU-TA")
    return lang, path, sheets[0]


def test_sheet_pdf_has_title_step_and_region_contact(store, lang_pdf):
    lang, path, _ = lang_pdf
    text = pdf_text(path)
    procedure = store.record(PROC)
    assert norm(title_in(procedure, lang)) in text
    assert norm(text_in(procedure.steps[0].text, lang)) in text
    assert norm(title_in(store.record("uz-consulate-kazan"), lang)) in text   # the consulate for Tatarstan
    assert norm(title_in(store.record("ombudsman-tatarstan"), lang)) in text  # the region's ombudsman
    assert norm(deadline_phrase(pick_deadline(procedure.steps[1].deadlines, "UZ"), lang)) in text.lower()


def test_sheet_pdf_is_a4_and_renders(lang_pdf, tmp_path):
    _, path, sheet = lang_pdf
    info = pdf_info(path)
    assert "(A4)" in info["Page size"]
    assert int(info["Pages"]) == sheet.page_count >= 2
    png = render_png(path, 1, 72, tmp_path / "page")
    assert png_size(png) == (595, 842)  # A4 at 72 dpi: one pixel per point


def test_sheet_qr_decodes_to_the_source(store, lang_pdf, tmp_path):
    _, path, sheet = lang_pdf
    png = render_png(path, sheet.page_count, 150, tmp_path / "last")  # the QR sits with the sources
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True)
    url = qr_source_url(store.record(PROC))
    assert decoded.stdout.strip() == (url or "")
    assert url is None or {s.url: s.type for s in store.record(PROC).sources}[url] != "commercial"


def test_longest_source_address_still_scans(store, tmp_path):
    pid = max(store.ids("procedure"), key=lambda p: len(qr_source_url(store.record(p)) or ""))
    path, sheets = write_sheet(store, tmp_path, [pid], lang="ky", citizenship="KG", region="RU-MOW",
                               bilingual=True)
    png = render_png(path, sheets[0].page_count, 100, tmp_path / "last")  # a coarse scan
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True)
    assert decoded.stdout.strip() == qr_source_url(store.record(pid))


def test_sheet_pages_are_numbered_and_carry_dataset_and_date(store, lang_pdf):
    lang, path, sheet = lang_pdf
    total = sheet.page_count
    for page in range(1, total + 1):
        text = pdf_text(path, page)
        assert re.search(rf"\b{page} ?/ ?{total}\b", text), text[-200:]
        assert store.meta()["dataset_version"] in text
        assert "30.11.2026" in text and label("printed", lang) in text


def test_uzbek_okina_and_kyrgyz_letters_come_back_intact(store, tmp_path):
    uz, _ = write_sheet(store, tmp_path, [PROC], lang="uz", citizenship="UZ", region="RU-TA")
    text = pdf_text(uz)
    assert "O\u02bbzbekiston" in text and "ro\u02bbyxat" in text.lower()
    assert not re.search("[oOgG][\u2018\u2019'`]", text.replace("Uzbekistan's", ""))  # no look-alike apostrophes
    ky, _ = write_sheet(store, tmp_path, [PROC], lang="ky", citizenship="KG", region="RU-TA")
    text = pdf_text(ky)
    assert "сактаңыз" in text and "мөөнөт" in text.lower() and "күн" in text
    assert "кирген күндөн тартып 30 календардык күндүн ичинде" in text.lower()  # KG gets the EAEU 30 days


def test_uzbek_cyrillic_sheet_is_transliterated(store, tmp_path):
    path, _ = write_sheet(store, tmp_path, [PROC], lang="uz_Cyrl", citizenship="UZ", region="RU-TA")
    text = pdf_text(path)
    assert norm(uz_latin_to_cyrillic(store.record(PROC).texts["uz"].title)) in text
    assert "Фуқаролик: Ўзбекистон" in text
    assert "Fuqarolik" not in text and "Oʻzbekiston" not in text
    assert "Манба (QR код)" in text  # Latin names stay Latin


def test_bilingual_sheet_holds_both_languages(store, tmp_path):
    path, sheets = write_sheet(store, tmp_path, [PROC], lang="uz", citizenship="UZ", region="RU-TA",
                               bilingual=True)
    text = pdf_text(path)
    procedure = store.record(PROC)
    for lang in ("uz", "ru"):
        assert norm(procedure.texts[lang].title) in text
        assert norm(procedure.steps[1].text[lang]) in text
        assert norm(store.record("uz-consulate-kazan").texts[lang].title) in text
    assert "Qadamlar / Шаги" in text
    assert "в течение 15 календарных дней со дня въезда" in text
    assert sheets[0].content.langs == ("uz", "ru")


def test_russian_sheet_is_not_doubled_in_bilingual_mode(store):
    content = build_sheet(store, PROC, SheetOptions(lang="ru", citizenship="UZ", bilingual=True))
    assert content.langs == ("ru",)
    assert sheet_contents(store, [PROC], SheetOptions(lang="ru", citizenship="UZ", bilingual=True))[0].langs \
        == ("ru",)


def test_letter_paper(store, tmp_path):
    path, _ = write_sheet(store, tmp_path, [PROC], lang="en", citizenship="KG", region="RU-TA", paper="letter")
    assert "(letter)" in pdf_info(path)["Page size"]


def test_batch_puts_sheets_in_one_pdf_each_numbered_on_its_own(store, tmp_path):
    ids = [PROC, "work-patent"]
    path, sheets = write_sheet(store, tmp_path, ids, lang="en", citizenship="UZ", region="RU-SPE")
    first, second = (s.page_count for s in sheets)
    assert int(pdf_info(path)["Pages"]) == first + second
    assert norm(store.record("work-patent").texts["en"].title) in pdf_text(path, first + 1)
    assert re.search(rf"\b1 ?/ ?{second}\b", pdf_text(path, first + 1))
    assert "Uzbekistan in St Petersburg" in pdf_text(path)  # the consulate for St Petersburg


# --------------------------------------------------------------------------- deadlines and contacts

@pytest.mark.parametrize("citizenship, deadline", [
    ("UZ", "Within 15 calendar days from the date of entry"),
    ("KG", "Within 30 calendar days from the date of entry"),
    ("AZ", "Within 7 working days from arrival at the place of stay"),  # no rule of its own: 'all'
])
def test_sheet_shows_the_deadline_for_the_citizenship(store, citizenship, deadline):
    html = build_sheet(store, PROC, SheetOptions(lang="en", citizenship=citizenship, region="RU-TA")).html
    assert f"<b>{deadline}</b>" in html


@pytest.mark.parametrize("n, gen, acc", [
    (1, "в течение 1 рабочего дня", "за 1 рабочий день"),
    (3, "в течение 3 рабочих дней", "за 3 рабочих дня"),
    (11, "в течение 11 рабочих дней", "за 11 рабочих дней"),
    (21, "в течение 21 рабочего дня", "за 21 рабочий день"),
])
def test_russian_deadline_plurals(n, gen, acc):
    assert deadline_phrase(m.Deadline(days=n, working_days=True, counted_from="issue"), "ru").startswith(gen)
    before = m.Deadline(days=n, working_days=True, counted_from="expiry", before=True)
    assert deadline_phrase(before, "ru") == f"не позднее чем {acc} до окончания срока действия"


def test_deadline_phrases_in_every_language():
    d = m.Deadline(months=2, counted_from="issue")
    assert deadline_phrase(d, "en") == "within 2 months from the date of issue"
    assert deadline_phrase(d, "uz") == "berilgan kundan boshlab 2 oy ichida"
    assert deadline_phrase(d, "uz_Cyrl") == "берилган кундан бошлаб 2 ой ичида"
    assert deadline_phrase(d, "ky") == "берилген күндөн тартып 2 айдын ичинде"
    assert deadline_phrase(m.Deadline(days=1), "en") == "within 1 calendar day from the date of entry"


def test_region_contacts_order_and_filters(store):
    contacts = region_contacts(store, "RU-TA", "UZ")
    ids = [c.id for c in contacts]
    assert ids[:2] == ["uz-consulate-kazan", "uz-embassy-moscow"]  # the district's consulate, then the embassy
    assert ids.index("ombudsman-tatarstan") > ids.index("uz-migration-agency")
    assert all(m.ALL in c.serves or "UZ" in c.serves for c in contacts)
    assert not any("KG" in c.serves and m.ALL not in c.serves for c in contacts)
    kg = [c.id for c in region_contacts(store, "RU-TA", "KG")]
    assert "kg-consulate-kazan" not in kg  # announced, not yet operating
    assert all(store.record(i).status == "in_force" for i in kg)
    moscow = [c.id for c in region_contacts(store, "RU-MOW", "KG")]
    assert moscow[0] == "kg-embassy-moscow" and "ombudsman-moscow" in moscow
    nowhere = region_contacts(store, None, "UZ")  # no region: all-Russia services and the embassy only
    assert "uz-embassy-moscow" in [c.id for c in nowhere]
    assert all(c.type == "embassy" or (c.district and c.district.all) for c in nowhere)


def test_procedure_for_other_citizens_says_so(store):
    content = build_sheet(store, "work-patent", SheetOptions(lang="en", citizenship="KG", region="RU-TA"))
    assert "This procedure is for citizens of: Tajikistan, Uzbekistan" in content.html


def test_unknown_inputs_give_plain_errors(store):
    with pytest.raises(SheetError, match="no record 'nope'"):
        build_sheet(store, "nope", SheetOptions())
    with pytest.raises(SheetError, match="is a contact, not a procedure"):
        build_sheet(store, "uz-mfa", SheetOptions())
    with pytest.raises(SheetError, match="Unknown citizenship 'XX'"):
        build_sheet(store, PROC, SheetOptions(citizenship="XX"))
    with pytest.raises(SheetError, match="Unknown region"):
        build_sheet(store, PROC, SheetOptions(region="RU-XX"))
    with pytest.raises(SheetError, match="Unknown sheet language"):
        build_sheet(store, PROC, SheetOptions(lang="de"))


def test_uzbek_labels_use_the_official_apostrophes():
    from desktop.present import labels
    from desktop.present.client_sheet import ANCHOR_NAMES, CLIENT, anchor_name, word
    from desktop.present.sheet_words import SHARED, SHEET_ONLY

    texts = [label(key, "uz") for key in (*SHARED, *SHEET_ONLY)] + [word(key, "uz") for key in CLIENT
                                                                     if "{" not in CLIENT[key]]
    texts += [anchor_name(code, "uz") for code in ANCHOR_NAMES]
    texts += [labels.phone_label(code, "uz") for code in m.PHONE_LABELS]
    texts += [deadline_phrase(m.Deadline(days=2, counted_from=code, before=before), "uz")
              for code in m.COUNTED_FROM for before in (False, True)]
    assert not [t for t in texts if re.search("['`\u2018\u2019]", t)]


# --------------------------------------------------------------------------- layout faults, every procedure

LAYOUT_CASES = [(lang, False) for lang in SHEET_LANGS] + [("uz", True), ("ky", True)]


@pytest.mark.parametrize("lang, bilingual", LAYOUT_CASES)
def test_no_orphan_headings_no_overflow_no_split_qr(store, lang, bilingual):
    for pid in store.ids("procedure"):
        content = build_sheet(store, pid, SheetOptions(lang=lang, citizenship="UZ", region="RU-TA",
                                                       bilingual=bilingual))
        sheet = layout_sheet(content)
        page = sheet.document.pageSize().height()
        width = sheet.document.pageSize().width()
        units = _units(sheet.document)
        for n, unit in enumerate(units):
            rect = unit.rect
            assert rect.right() <= width + 0.5, f"{pid} {lang}: wider than the page"
            if unit.heading:
                following = units[n + 1].rect
                assert int(rect.top() // page) == int(following.top() // page), f"{pid} {lang}: orphan heading"
        qr = [u.rect for u in units if u.whole]
        assert len(qr) == (1 if qr_source_url(store.record(pid)) else 0), f"{pid} {lang}: QR code"
        if not qr:
            continue
        assert int(qr[0].top() // page) == int((qr[0].bottom() - 0.5) // page), f"{pid} {lang}: QR split"


# --------------------------------------------------------------------------- missing optional fields

SPARSE = """\
# Test fixture, not real content.
id: sparse-procedure
kind: procedure
topic: registration
status: in_force
applies_to: [all]
verified_on: 2026-11-24
sources:
  - {id: news, url: "https://news.example.org/item", publisher: Test News, type: news, date: 2026-11-01}
  - {id: law, url: "https://docs.example.gov.ru/law", publisher: Test Government, type: official, date: 2026-11-01}
steps:
  - text: {ru: Сходите в отдел, en: Visit the office, uz: Boʻlimga boring, ky: Бөлүмгө барыңыз}
legal_basis:
  - {law: {en: Test Law, ru: Тестовый закон}}
ru: {translation: original, title: Редкая процедура, summary: Мало данных., body: Текст.}
uz: {translation: draft, title: Kam maʼlumotli tartib, summary: Maʼlumot kam., body: Matn.}
ky: {translation: draft, title: Маалыматы аз жол-жобо, summary: Маалымат аз., body: Текст.}
en: {translation: draft, title: Sparse procedure, summary: Little data., body: Text.}
"""

BARE_CONTACT = """\
# Test fixture, not real content.
id: bare-ombudsman
kind: contact
type: ombudsman
status: in_force
serves: [all]
region: RU-TA
district: {regions: [RU-TA], source: site}
verified_on: 2026-11-24
sources:
  - {id: site, url: "https://example.org/ombudsman", publisher: Test Publisher, type: official, date: 2026-11-01}
ru: {translation: original, title: Тестовый омбудсмен, summary: Для тестов., body: Текст.}
uz: {translation: draft, title: Test ombudsman, summary: Sinov uchun., body: Matn.}
ky: {translation: draft, title: Тест омбудсмени, summary: Тест үчүн., body: Текст.}
en: {translation: draft, title: Test ombudsman, summary: For tests., body: Text.}
"""


@pytest.fixture(scope="module")
def sparse_store(tmp_path_factory):
    tree = make_content_tree(tmp_path_factory.mktemp("sparse") / "content")
    (tree / "procedures" / "sparse-procedure.yaml").write_text(SPARSE, encoding="utf-8")
    (tree / "contacts" / "bare-ombudsman.yaml").write_text(BARE_CONTACT, encoding="utf-8")
    path, _ = build(tree, tree.parent / "ds", paths.schema_file())
    with Store(path.parent) as s:
        yield s


@pytest.mark.parametrize("lang, missing", [("en", "not confirmed"), ("ru", "не подтверждено"),
                                           ("ky", "ырастала элек")])
def test_missing_fields_print_not_confirmed(sparse_store, tmp_path, lang, missing):
    path, _ = write_sheet(sparse_store, tmp_path, ["sparse-procedure"], lang=lang, citizenship="UZ",
                          region="RU-TA")
    text = pdf_text(path)
    for key in ("key_deadlines", "documents", "fees"):
        assert f"{label(key, lang)} {missing}" in text, key
    for key in ("deadline", "where", "address", "phone"):
        assert f"{label(key, lang)}: {missing}" in text, key
    assert norm(text_in({"ru": "Тестовый омбудсмен", "en": "Test ombudsman", "ky": "Тест омбудсмени"}, lang)) in text


def test_qr_prefers_an_official_source(sparse_store, tmp_path):
    record = sparse_store.record("sparse-procedure")
    assert qr_source_url(record) == "https://docs.example.gov.ru/law"
    path, sheets = write_sheet(sparse_store, tmp_path, ["sparse-procedure"], lang="en", citizenship="UZ")
    png = render_png(path, sheets[0].page_count, 150, tmp_path / "qr")
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True).stdout
    assert decoded.strip() == "https://docs.example.gov.ru/law"


# --------------------------------------------------------------------------- the CLI, as a real process

# The `sheet` subcommand as desktop/cli.py wires it: register() on the subparsers, run() on the arguments.
CLI = textwrap.dedent("""
    import argparse, sys
    from pathlib import Path
    from desktop import cli_sheet
    parser = argparse.ArgumentParser(prog="migrant-desk")
    parser.add_argument("--dataset", type=Path)
    cli_sheet.register(parser.add_subparsers(dest="command"))
    sys.exit(cli_sheet.run(parser.parse_args(sys.argv[1:])))
""")


def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CLI, *map(str, args)], capture_output=True, text=True,
                          cwd=REPO, timeout=120)


def test_cli_writes_several_ids_into_one_pdf(real_dataset, store, tmp_path):
    out = tmp_path / "sheets.pdf"
    result = run_cli("--dataset", real_dataset, "sheet", PROC, "work-patent", "--lang", "uz",
                     "--citizenship", "uz", "--region", "RU-TA", "--bilingual", "ru", "--paper", "letter",
                     "--full", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "2 sheet(s)" in result.stdout
    text = pdf_text(out)
    for pid in (PROC, "work-patent"):
        for lang in ("uz", "ru"):
            assert norm(store.record(pid).texts[lang].title) in text
    assert "(letter)" in pdf_info(out)["Page size"]


def test_cli_refuses_unknown_procedure_plainly(real_dataset, tmp_path):
    out = tmp_path / "x.pdf"
    result = run_cli("--dataset", real_dataset, "sheet", "no-such-procedure", "--citizenship", "UZ", "--out", out)
    assert result.returncode == 2
    assert "There is no record 'no-such-procedure'" in result.stderr
    assert not out.exists() and not list(tmp_path.iterdir())
