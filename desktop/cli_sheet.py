"""`migrant-desk sheet ID [ID …] --lang uz --citizenship UZ --region RU-TA [--entry-date 2026-12-03] [--full]
[--bilingual] --out sheet.pdf`: printable procedure sheets written into one PDF (several ids: one sheet after
another). The default is the one-page client sheet; `--full` prints every step, note and source. The dates
given (entry, contract, patent …) only go on the paper: nothing about the client is stored."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import environment

PAPERS = ("a4", "letter")
# --<name>-date options: the client's dates a procedure's deadlines count from (core.sheets.ANCHORS)
DATE_OPTIONS = {"entry": "entry into Russia", "arrival": "arrival at the place of stay (default: the entry date)",
                "issue": "issue of the document the deadline counts from (e.g. the patent)",
                "contract": "signing of the work contract", "contract_end": "end of the work contract",
                "application": "the application", "expiry": "expiry of the document",
                "payment": "the payment"}


def _lang(value: str) -> str:
    """Accept uz_Cyrl, uz-Cyrl and any letter case."""
    from .core.languages import SHEET

    wanted = value.replace("-", "_").lower()
    for lang in SHEET:
        if lang.lower() == wanted:
            return lang
    raise argparse.ArgumentTypeError(f"choose one of {', '.join(SHEET)}")


def register(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "sheet", help="write printable procedure sheets (PDF) in the client's language",
        description="Writes one sheet per procedure id into one PDF: by default the one-page client sheet (the "
                    "first steps with their deadlines and, given the client's dates, the dates themselves; the "
                    "documents; whom to call in the region; a QR code to the official source); --full for "
                    "every step, note, fee, legal basis and source.")
    p.add_argument("ids", nargs="+", metavar="ID", help="procedure id(s), e.g. work-patent")
    p.add_argument("--lang", type=_lang, default="ru", help="ru, uz, uz_Cyrl, ky or en (default ru)")
    p.add_argument("--citizenship", required=True, type=str.upper, help="the client's citizenship: UZ, KG, TJ …")
    p.add_argument("--region", type=str.upper, help="Russian region code for the contacts, e.g. RU-TA")
    p.add_argument("--bilingual", nargs="?", const="ru", choices=["ru"],
                   help="Russian too: on the back of a client sheet (or beside it when both fit one page)")
    p.add_argument("--full", action="store_true", help="the full sheet instead of the one-page client sheet")
    for code, what in DATE_OPTIONS.items():
        p.add_argument(f"--{code.replace('_', '-')}-date", dest=f"{code}_date", metavar="YYYY-MM-DD",
                       help=f"date of {what}")
    p.add_argument("--paper", choices=PAPERS, default="a4", type=str.lower)
    p.add_argument("--out", type=Path, required=True, help="PDF file to write")
    return p


def _dates(args) -> dict:
    """The dates given, read exactly (YYYY-MM-DD or DD.MM.YYYY) or refused with one line (ValueError)."""
    from .core import typed_dates

    found = {}
    for code in DATE_OPTIONS:
        text = getattr(args, f"{code}_date", None)
        if text is None:
            continue
        option = f"--{code.replace('_', '-')}-date"
        typed = typed_dates.parse(text, "ru")  # 2026-12-03, 3.12.2026 or 03.12.26
        if typed.value is None:
            reason = {"no_such_date": "there is no such date in the calendar",
                      "out_of_range": f"the year must be between {typed_dates.FIRST_YEAR} and "
                                      f"{typed_dates.LAST_YEAR}"}.get(typed.problem, "it is not a date")
            raise ValueError(f"{option} '{text}': {reason}; write it as 2026-12-03 or 3.12.2026.")
        found[code] = typed.value
    return found


def run(args) -> int:
    from .core.sheet_pdf import layout_sheets, write_pdf
    from .core.sheets import SheetError, SheetOptions
    from .core.store import DatasetError, Store
    from .present.sheet_html import sheet_contents

    out = args.out
    try:
        anchors = _dates(args)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        with Store(environment.dataset_to_open(getattr(args, "dataset", None))) as store:
            options = SheetOptions(lang=args.lang, citizenship=args.citizenship, region=args.region,
                                   bilingual=bool(args.bilingual), full=bool(getattr(args, "full", False)),
                                   anchors=anchors)
            sheets = layout_sheets(sheet_contents(store, list(dict.fromkeys(args.ids)), options), args.paper)
            pages = write_pdf(sheets, out, args.paper)
    except (DatasetError, SheetError) as exc:
        print(exc, file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"Could not write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {out}: {len(sheets)} sheet(s), {pages} page(s)")
    return 0
