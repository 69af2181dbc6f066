"""`migrant-desk sheet ID [ID …] --lang uz --citizenship UZ --region RU-TA [--bilingual ru] --out sheet.pdf`:
printable procedure sheets written into one PDF (several ids: one sheet after another)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import environment

PAPERS = ("a4", "letter")


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
        description="Writes one sheet per procedure id into one PDF: steps, deadlines for the citizenship, "
                    "documents, fees, legal basis and the contacts for the region.")
    p.add_argument("ids", nargs="+", metavar="ID", help="procedure id(s), e.g. work-patent")
    p.add_argument("--lang", type=_lang, default="ru", help="ru, uz, uz_Cyrl, ky or en (default ru)")
    p.add_argument("--citizenship", required=True, type=str.upper, help="the client's citizenship: UZ, KG, TJ …")
    p.add_argument("--region", type=str.upper, help="Russian region code for the contacts, e.g. RU-TA")
    p.add_argument("--bilingual", nargs="?", const="ru", choices=["ru"],
                   help="print Russian beside the client's language")
    p.add_argument("--paper", choices=PAPERS, default="a4", type=str.lower)
    p.add_argument("--out", type=Path, required=True, help="PDF file to write")
    return p


def run(args) -> int:
    from .core.sheet_pdf import layout_sheets, write_pdf
    from .core.sheets import SheetError, SheetOptions
    from .core.store import DatasetError, Store
    from .present.sheet_html import sheet_contents

    out = args.out
    try:
        with Store(environment.dataset_to_open(getattr(args, "dataset", None))) as store:
            options = SheetOptions(lang=args.lang, citizenship=args.citizenship, region=args.region,
                                   bilingual=bool(args.bilingual))
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
