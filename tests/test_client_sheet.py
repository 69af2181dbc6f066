"""The one-page client sheet (issue 18), read back from real PDFs: every procedure in every sheet language on one
page (bilingual on at most two), the client's dates as the deadline helper computes them in that language's date
format, a QR code that decodes to a non-commercial source or none, contacts that can be reached and that serve the
region; and the full sheet: no line under 9 pt, no page less than half full but the last.

Each language's sheets are written once, into one PDF per language (one sheet after another, as a batch prints).
"""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.core import deadlines
from desktop.core import model as m
from desktop.core.freshness import best_official_source
from desktop.core.i18n import format_date
from desktop.core.languages import SHEET as SHEET_LANGS
from desktop.core.sheet_pdf import layout_sheets, write_pdf
from desktop.core.sheets import CLIENT_MIN_STEPS, SheetOptions, client_contacts, client_steps, reachable
from desktop.core.store import Store
from desktop.present.client_sheet import anchor_name
from desktop.present.sheet_html import sheet_contents
from desktop.present.text import title_in

ENTRY = dt.date(2026, 12, 3)
PRINTED = dt.date(2026, 12, 3)
REGION = "RU-TA"
MOSCOW_ONLY = {"RU-MOW", "RU-MOS"}
REPO = Path(__file__).resolve().parent.parent


def norm(text: str) -> str:
    return " ".join(text.split())


def unhyphenated(text: str) -> str:
    """pdftotext joins a word broken at its hyphen at a line end ("үй-" / "бүлө" -> "үйбүлө"): compare titles
    without hyphens."""
    return norm(text).replace("-", "")


def pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def page_text(path: Path, page: int) -> str:
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return norm(out)


def citizenship_for(procedure: m.Procedure) -> str:
    codes = [c for c in procedure.applies_to if c != m.ALL]
    return "UZ" if not codes or "UZ" in codes else codes[0]


@pytest.fixture(autouse=True)
def _widgets_app(qapp):
    """pytest-qt's QApplication first (the sheet layout would otherwise start a bare QGuiApplication)."""


@pytest.fixture(scope="module")
def procedures(store) -> list[m.Procedure]:
    found = [store.record(pid) for pid in store.ids("procedure")]
    return [p for p in found if isinstance(p, m.Procedure)]


class Batch:
    """Client sheets of every procedure in one language, written into one PDF; `first_page[i]`: where the
    i-th procedure's sheet starts."""

    def __init__(self, store, procedures, tmp: Path, lang: str, bilingual: bool):
        self.lang, self.procedures = lang, procedures
        contents = []
        for p in procedures:
            options = SheetOptions(lang=lang, citizenship=citizenship_for(p), region=REGION, bilingual=bilingual,
                                   printed_on=PRINTED, anchors={"entry": ENTRY})
            contents += sheet_contents(store, [p.id], options)
        self.sheets = layout_sheets(contents)
        self.path = tmp / f"client-{lang}{'-bi' if bilingual else ''}.pdf"
        self.pages = write_pdf(self.sheets, self.path)
        self.first_page, page = [], 1
        for sheet in self.sheets:
            self.first_page.append(page)
            page += sheet.page_count

    def text(self, i: int) -> str:
        return " ".join(page_text(self.path, self.first_page[i] + n) for n in range(self.sheets[i].page_count))


@pytest.fixture(scope="module", params=SHEET_LANGS)
def batch(request, store, procedures, tmp_path_factory):
    return Batch(store, procedures, tmp_path_factory.mktemp("client"), request.param, bilingual=False)


@pytest.fixture(scope="module", params=["uz", "ky"])  # Russian on the back (or beside): the two longest pairs
def bilingual_batch(request, store, procedures, tmp_path_factory):
    return Batch(store, procedures, tmp_path_factory.mktemp("client-bi"), request.param, bilingual=True)


# --------------------------------------------------------------------------- one page, every procedure

def test_every_client_sheet_is_one_page(batch):
    assert batch.procedures, "no procedures in the dataset"
    assert pdf_pages(batch.path) == batch.pages == len(batch.procedures)  # each sheet one page, read back
    for i, p in enumerate(batch.procedures):
        assert unhyphenated(title_in(p, batch.lang)) in unhyphenated(page_text(batch.path, i + 1)), p.id


def test_client_sheet_has_no_line_under_9_pt(batch):
    """Font sizes as painted (pdfminer), in one language: the footer is the smallest, at 9 pt."""
    from pdfminer.layout import LTChar

    if batch.lang != "ky":  # the same sizes in every language: read in one
        return
    sizes = {round(ch.size, 1) for page in painted_pages(batch.path) for ch in page
             if isinstance(ch, LTChar) and ch.get_text().strip()}
    assert min(sizes) >= 8.95, sorted(sizes)


def test_bilingual_client_sheet_is_at_most_two_pages(bilingual_batch):
    b = bilingual_batch
    assert pdf_pages(b.path) == b.pages == sum(s.page_count for s in b.sheets)
    for i, p in enumerate(b.procedures):
        assert b.sheets[i].page_count <= 2, p.id
        text = b.text(i)
        for lang in (b.lang, "ru"):
            assert unhyphenated(title_in(p, lang)) in unhyphenated(text), (p.id, lang)


# --------------------------------------------------------------------------- the client's dates

def test_dates_are_the_deadline_helpers_in_the_sheet_language(batch, store):
    """Each date the deadline helper (core.deadlines.plan) gives for the first steps is on the sheet, written
    the way that language writes dates, under the entry date it was counted from."""
    checked = 0
    for i, p in enumerate(batch.procedures):
        citizenship = citizenship_for(p)
        text = batch.text(i)
        shown = {id(s) for s in client_steps(p, citizenship)[:CLIENT_MIN_STEPS]}  # always on the page
        due = [d for d in deadlines.plan([p], citizenship, ENTRY, REGION).due if id(p.steps[d.step - 1]) in shown]
        for d in due:
            assert norm(format_date(d.date, batch.lang)) in text, (p.id, d.step, d.date)
            checked += 1
        if due:
            assert norm(f"{anchor_name('entry', batch.lang)}: {format_date(ENTRY, batch.lang)}") in text, p.id
    assert checked >= 3  # registration, patent, KG work: at least these count from the entry date


# --------------------------------------------------------------------------- QR code

def qr_case(b: Batch, tmp_path: Path) -> None:
    # the top of every page at 110 dpi: the QR code sits beside the title (the back page has none)
    subprocess.run(["pdftoppm", "-r", "110", "-W", "910", "-H", "500", "-png", str(b.path), str(tmp_path / "page")],
                   check=True)
    pngs = sorted(tmp_path.glob("page-*.png"), key=lambda f: int(f.stem.split("-")[-1]))
    for i, p in enumerate(b.procedures):
        png = pngs[b.first_page[i] - 1]  # page 1 of the sheet
        decoded = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True).stdout.strip()
        source = best_official_source(p)
        types = {s.url: s.type for s in p.sources}
        if source is None:
            assert decoded == "", p.id
        else:
            assert decoded == source.url, p.id
            assert types[decoded] != "commercial", p.id


def test_qr_on_page_one_is_a_non_commercial_source_or_absent(batch, tmp_path):
    if batch.lang != "ky":  # the code is the same in every language: read in one, and on a bilingual sheet
        return
    qr_case(batch, tmp_path)


def test_qr_on_the_front_of_a_bilingual_sheet(bilingual_batch, tmp_path):
    if bilingual_batch.lang == "uz":
        qr_case(bilingual_batch, tmp_path)


# --------------------------------------------------------------------------- contacts

def test_every_contact_row_can_be_reached_and_serves_the_region(store, procedures):
    """Every region and citizenship, for a procedure that links a Moscow-only place as its contact."""
    linking = [p for p in procedures if any(link.to == "mmc-sakharovo" for link in p.links)] or procedures[:1]
    for region in [r.code for r in store.regions()]:
        covering = set(store.contacts_covering(region))
        for citizenship in ("UZ", "KG", "TJ"):
            for p in linking[:1]:
                chosen = client_contacts(store, p, region, citizenship)
                assert 1 <= len(chosen) <= 3 or not chosen, (region, citizenship)
                for cc in chosen:
                    c = cc.contact
                    assert reachable(c) or cc.ask_at is not None or (c.website and c.website.value), c.id
                    head_embassy = c.type == "embassy" and c.region == "RU-MOW"
                    assert c.id in covering or head_embassy, (region, c.id)
                    if c.district and c.district.regions and set(c.district.regions) <= MOSCOW_ONLY \
                            and not c.district.all and not head_embassy:
                        assert region in MOSCOW_ONLY, (region, c.id)


def test_no_moscow_only_place_on_a_tatarstan_sheet(batch, store):
    moscow_only = [c for c in (store.record(i) for i in store.ids("contact"))
                   if isinstance(c, m.Contact) and c.district and c.district.regions
                   and set(c.district.regions) <= MOSCOW_ONLY and c.type != "embassy"]
    assert "mmc-sakharovo" in {c.id for c in moscow_only}
    for i, _p in enumerate(batch.procedures):
        text = batch.text(i)
        for c in moscow_only:
            assert norm(title_in(c, batch.lang)) not in text, c.id


def test_contact_rows_on_paper_have_a_phone_an_address_or_whom_to_ask(batch, store):
    for i, p in enumerate(batch.procedures[:6]):
        text = batch.text(i)
        for cc in client_contacts(store, p, REGION, citizenship_for(p)):
            c = cc.contact
            if norm(title_in(c, batch.lang)) not in text:
                continue  # left out on a crowded page (two contacts instead of three)
            if c.phones:
                assert c.phones[0].number in text, c.id
            elif cc.ask_at is not None and not (c.website and c.website.value):
                assert norm(title_in(cc.ask_at, batch.lang)) in text, c.id


# --------------------------------------------------------------------------- the full sheet

def painted_pages(path: Path):
    """Each page's characters as painted (pdfminer without its layout analysis: a few times faster)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, device)
    with open(path, "rb") as f:
        for page in PDFPage.get_pages(f):
            interpreter.process_page(page)
            yield device.get_result()


@pytest.fixture(scope="module")
def full_sheets(store, procedures, tmp_path_factory):
    """The full sheet of every procedure, Uzbek beside Russian (the longest), in one PDF."""
    contents = []
    for p in procedures:
        contents += sheet_contents(store, [p.id], SheetOptions(lang="uz", citizenship=citizenship_for(p),
                                                               region=REGION, bilingual=True, full=True))
    sheets = layout_sheets(contents)
    path = tmp_path_factory.mktemp("full") / "full.pdf"
    write_pdf(sheets, path)
    return path, sheets


def test_full_sheet_has_no_line_under_9_pt(full_sheets, tmp_path):
    """Font sizes as painted, read with pdfminer, on the three longest full sheets (every part of a sheet
    is there: steps, notes, fees, basis, contacts, sources, footer)."""
    from pdfminer.layout import LTChar

    _, sheets = full_sheets
    longest = sorted(sheets, key=lambda s: -s.page_count)[:3]
    path = tmp_path / "longest.pdf"
    write_pdf(longest, path)
    sizes = {round(ch.size, 1) for page in painted_pages(path) for ch in page
             if isinstance(ch, LTChar) and ch.get_text().strip()}
    assert min(sizes) >= 8.95, sorted(sizes)


def test_full_sheet_has_no_near_empty_page_but_the_last(full_sheets):
    """The lowest line of text on each page (pdftotext's word boxes), above the footer: every page but a
    sheet's last is at least half full."""
    path, sheets = full_sheets
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    top = 15 * 72 / 25.4 + 18            # where a full sheet's text starts on A4 (margin, running title) ...
    bottom = 842 - 15 * 72 / 25.4 - 34   # ... and ends (margin, footer), from the top of the page
    fill = []
    for page in out.split("<page ")[1:]:
        ends = [float(y) for y in re.findall(r'yMax="([\d.]+)"', page)]
        lowest = max([y for y in ends if y < bottom + 4], default=top)
        fill.append((lowest - top) / (bottom - top))
    assert len(fill) == sum(s.page_count for s in sheets)
    last_pages, page = set(), 0
    for sheet in sheets:
        page += sheet.page_count
        last_pages.add(page)
    thin = [(n, round(share, 2)) for n, share in enumerate(fill, 1) if n not in last_pages and share < 0.5]
    assert not thin, thin


# --------------------------------------------------------------------------- the CLI

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


def test_cli_prints_the_client_dates(real_dataset, tmp_path):
    out = tmp_path / "client.pdf"
    result = run_cli("--dataset", real_dataset, "sheet", "migration-registration", "--lang", "ru",
                     "--citizenship", "UZ", "--region", "RU-TA", "--entry-date", "2026-12-03", "--out", out)
    assert result.returncode == 0, result.stderr
    assert pdf_pages(out) == 1
    text = page_text(out, 1)
    assert "18 декабря 2026 г." in text  # 15 calendar days from 3 December 2026 for an Uzbek citizen
    assert "3 декабря 2026 г." in text
    full = tmp_path / "full.pdf"
    result = run_cli("--dataset", real_dataset, "sheet", "migration-registration", "--full", "--citizenship", "UZ",
                     "--region", "RU-TA", "--out", full)
    assert result.returncode == 0 and pdf_pages(full) > 1


@pytest.mark.parametrize("bad, why", [("2026-02-30", "no such date"), ("yesterday", "not a date"),
                                      ("3.12.1026", "year")])
def test_cli_refuses_a_bad_date_in_one_line(real_dataset, tmp_path, bad, why):
    out = tmp_path / "x.pdf"
    result = run_cli("--dataset", real_dataset, "sheet", "work-patent", "--citizenship", "UZ", "--entry-date", bad,
                     "--out", out)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--entry-date" in lines[0] and why in lines[0], result.stderr
    assert not out.exists()


def test_sheet_store_keeps_nothing_about_the_client(real_dataset, tmp_path):
    before = {p: p.stat().st_mtime_ns for p in Path(real_dataset).rglob("*") if p.is_file()}
    with Store(real_dataset) as store:
        contents = sheet_contents(store, ["work-patent"], SheetOptions(lang="uz", citizenship="UZ",
                                                                       anchors={"entry": ENTRY}))
        write_pdf(layout_sheets(contents), tmp_path / "s.pdf")
    after = {p: p.stat().st_mtime_ns for p in Path(real_dataset).rglob("*") if p.is_file()}
    assert before == after
