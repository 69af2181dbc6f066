"""Sheet benchmark: procedure -> PDF time for a two-page full sheet, a 20-sheet batch in one PDF, the one-page
client sheet (with the client's entry date), and the client sheets of every procedure in one language.

Usage: python bench/sheet_bench.py [--dataset DIR] [--runs 30]
Targets (2 cores): a two-page full sheet, from the store to a written PDF, p95 <= 150 ms; a client sheet
p95 <= 50 ms.
Prints the numbers; each run writes a real PDF into a temporary folder.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop import paths
from desktop.core.languages import SHEET as SHEET_LANGS
from desktop.core.sheet_pdf import layout_sheet, sheet_font_family, write_pdf
from desktop.core.sheets import SheetOptions
from desktop.core.store import Store
from desktop.present.client_sheet import build_client_sheet
from desktop.present.sheet_html import build_sheet

TARGET_MS = 150
CLIENT_TARGET_MS = 50
CLIENT = ("migration-registration", SheetOptions(lang="uz", citizenship="UZ", region="RU-TA",
                                                 anchors={"entry": dt.date(2026, 12, 3)}))
# A real procedure that prints on two A4 pages; if content changes, the first two-page sheet is used.
TWO_PAGE = ("legalisation-2025", SheetOptions(lang="en", citizenship="TJ", region="RU-TA"))


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def two_page_case(store: Store) -> tuple[str, SheetOptions]:
    pid, options = TWO_PAGE
    if pid in store.ids("procedure") and layout_sheet(build_sheet(store, pid, options)).page_count == 2:
        return TWO_PAGE
    for pid in store.ids("procedure"):
        for lang in SHEET_LANGS:
            for citizenship in ("UZ", "KG", "TJ"):
                options = SheetOptions(lang=lang, citizenship=citizenship, region="RU-TA")
                if layout_sheet(build_sheet(store, pid, options)).page_count == 2:
                    return pid, options
    raise SystemExit("no procedure in this dataset prints on two pages")


def one_sheet(store: Store, pid: str, options: SheetOptions, out: Path) -> tuple[float, float, float]:
    """(html, layout, pdf) times in ms for one sheet."""
    t0 = time.perf_counter()
    content = build_sheet(store, pid, options)
    t1 = time.perf_counter()
    sheet = layout_sheet(content)
    t2 = time.perf_counter()
    write_pdf([sheet], out)
    t3 = time.perf_counter()
    return (t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000


def client_sheet(store: Store, pid: str, options: SheetOptions, out: Path, cpu: list[float] | None = None) -> float:
    """ms from the store to a written one-page client sheet (wall clock; the process's CPU time into `cpu`)."""
    t0, c0 = time.perf_counter(), time.process_time()
    write_pdf([layout_sheet(build_client_sheet(store, pid, options))], out)
    if cpu is not None:
        cpu.append((time.process_time() - c0) * 1000)
    return (time.perf_counter() - t0) * 1000


def client_batch(store: Store, out: Path, lang: str) -> tuple[float, int, int]:
    """Client sheets of every procedure in one language, in one PDF: (ms, sheets, pages)."""
    ids = store.ids("procedure")
    t0 = time.perf_counter()
    sheets = [layout_sheet(build_client_sheet(store, pid, SheetOptions(
        lang=lang, citizenship="UZ", region="RU-TA", anchors={"entry": dt.date(2026, 12, 3)}))) for pid in ids]
    pages = write_pdf(sheets, out)
    return (time.perf_counter() - t0) * 1000, len(ids), pages


def batch(store: Store, out: Path, n: int = 20) -> tuple[float, int]:
    jobs = list(islice(cycle([(pid, lang) for lang in ("ru", "uz", "ky") for pid in store.ids("procedure")]), n))
    t0 = time.perf_counter()
    sheets = [layout_sheet(build_sheet(store, pid, SheetOptions(lang=lang, citizenship="UZ", region="RU-TA")))
              for pid, lang in jobs]
    pages = write_pdf(sheets, out)
    return (time.perf_counter() - t0) * 1000, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=paths.bundled_dataset_dir())
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with Store(args.dataset) as store, tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        t0 = time.perf_counter()
        sheet_font_family()  # Qt application and bundled fonts: once per process
        startup = (time.perf_counter() - t0) * 1000
        pid, options = two_page_case(store)
        cold = sum(one_sheet(store, pid, options, out / "cold.pdf"))
        runs = [one_sheet(store, pid, options, out / f"run{i}.pdf") for i in range(args.runs)]
        totals = [sum(r) for r in runs]
        batch_runs = [batch(store, out / f"batch{i}.pdf") for i in range(3)]
        cpid, copts = CLIENT if CLIENT[0] in store.ids("procedure") else (store.ids("procedure")[0], CLIENT[1])
        client_cpu: list[float] = []
        client_runs = [client_sheet(store, cpid, copts, out / f"client{i}.pdf", client_cpu) for i in range(args.runs)]
        longest = max(store.ids("procedure"), key=lambda p: len(store.record(p).steps))
        longest_runs = [client_sheet(store, longest, copts, out / f"longest{i}.pdf") for i in range(args.runs)]
        client_batches = [client_batch(store, out / f"clients-{lang}.pdf", lang) for lang in ("ru", "uz")]

    p95 = pct(totals, 95)
    print(f"sheet benchmark, dataset {args.dataset}")
    print(f"  Qt + fonts start-up            {startup:7.1f} ms (once per process)")
    print(f"  two-page sheet: {pid} ({options.lang}, {options.citizenship}, {options.region})")
    print(f"    first sheet (cold)           {cold:7.1f} ms")
    print(f"    median / p95 of {len(totals):<3}          {statistics.median(totals):7.1f} / {p95:.1f} ms"
          f"   target <= {TARGET_MS} ms: {'met' if p95 <= TARGET_MS else 'MISSED'}")
    for name, i in (("HTML from the store", 0), ("layout + pagination", 1), ("PDF writing", 2)):
        print(f"      {name:<26} {statistics.median(r[i] for r in runs):7.1f} ms median")
    times, pages = zip(*batch_runs, strict=False)
    print(f"  20-sheet batch, one PDF        {statistics.median(times):7.1f} ms median of 3 "
          f"({pages[0]} pages, {statistics.median(times) / 20:.1f} ms per sheet)")
    client_p95 = pct(client_runs, 95)
    print(f"  client sheet: {cpid} ({copts.lang}, {copts.citizenship}, {copts.region}, entry date given)")
    print(f"    median / p95 of {len(client_runs):<3}          {statistics.median(client_runs):7.1f} / "
          f"{client_p95:.1f} ms"
          f"   target <= {CLIENT_TARGET_MS} ms: {'met' if client_p95 <= CLIENT_TARGET_MS else 'MISSED'}")
    print(f"    CPU time median (a busy machine's wall clock is longer) {statistics.median(client_cpu):7.1f} ms")
    print(f"    longest procedure ({longest})  {statistics.median(longest_runs):7.1f} / {pct(longest_runs, 95):.1f} ms"
          f" median / p95")
    for lang, (ms, n, pages) in zip(("ru", "uz"), client_batches, strict=True):
        print(f"  client sheets, every procedure ({lang}): {ms:7.1f} ms for {n} sheets, {pages} pages, one PDF "
              f"({ms / n:.1f} ms per sheet)")
    return 0 if p95 <= TARGET_MS and client_p95 <= CLIENT_TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
