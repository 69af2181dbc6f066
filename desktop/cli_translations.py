"""`migrant-desk translations …`: the record texts as gettext catalogs for translators' tools.

    translations export --lang uz --out uz.po [CONTENT_DIR]   every record text of one language (PO)
    translations import uz.po [CONTENT_DIR] [--lang uz]       the translated catalog written back
"""
from __future__ import annotations

import sys
from pathlib import Path

from . import paths
from .core import languages


def register(subparsers) -> None:
    tr = subparsers.add_parser("translations", help="record texts as gettext catalogs (PO) for translators",
                               description="Export the record texts of one language as a gettext catalog for "
                                           "Poedit, Weblate or Lokalize, and import the translated catalog.")
    sub = tr.add_subparsers(dest="translations_command", metavar="ACTION", required=True)
    p = sub.add_parser("export", help="write every record text of one language to a PO file")
    p.add_argument("--lang", required=True, choices=languages.CONTENT, help="the language to translate into")
    p.add_argument("--out", type=Path, required=True, help="the catalog to write (…/uz.po)")
    p.add_argument("content", nargs="?", type=Path, default=None, help="content folder (default: db/content)")
    p = sub.add_parser("import", help="write a translated PO file back into the records")
    p.add_argument("file", type=Path, help="the catalog (…/uz.po)")
    p.add_argument("content", nargs="?", type=Path, default=None, help="content folder (default: db/content)")
    p.add_argument("--lang", choices=languages.CONTENT, default=None,
                   help="the catalog's language (default: its Language header)")


def run(args) -> int:
    from babel.messages.pofile import PoFileError

    from .core.content.roundtrip import RecordFileError

    content = args.content or paths.content_dir()
    if not Path(content).is_dir():
        print(f"content folder not found: {content}", file=sys.stderr)
        return 1
    try:
        return _export(args, content) if args.translations_command == "export" else _import(args, content)
    except (OSError, RecordFileError, ValueError, PoFileError) as exc:  # one plain line, never a traceback
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        print(f"migrant-desk translations {args.translations_command} failed: {reason}", file=sys.stderr)
        return 1


def _export(args, content: Path) -> int:
    from .core.translation_exchange import export_catalog

    glossary = paths.app_root() / "translations" / "glossary.yaml"
    n = export_catalog(content, args.lang, args.out, glossary if glossary.is_file() else None)
    print(f"wrote {args.out}: {n} texts to translate into {args.lang}")
    return 0


def _import(args, content: Path) -> int:
    from .core.translation_exchange import import_catalog

    report = import_catalog(content, args.file, args.lang)
    for context, then, now in report.original_changed:
        print(f"original changed since export: {context}\n  then: {_short(then)}\n  now:  {_short(now)}")
    for context in report.unknown:
        print(f"not in the content (skipped): {context}")
    print(f"{len(report.changed)} text(s) written in {len(report.written)} file(s); "
          f"{len(report.reviewed)} record(s) marked reviewed"
          + (f": {', '.join(report.reviewed)}" if report.reviewed else "")
          + (f"; {len(report.original_changed)} original(s) changed since export: check their translations"
             if report.original_changed else ""))
    if report.written:
        print("run `migrant-desk validate` to check the texts written")
    return 0


def _short(text: str) -> str:
    one = " ".join(text.split())
    return one if len(one) <= 100 else one[:99] + "…"
