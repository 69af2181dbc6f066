"""Command line: `migrant-desk validate|build|info|search|sheet|pack …`, --version, --self-check.

Without a command the arguments ask for the window, which desktop/__main__.py opens."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import cli_pack, cli_sheet, cli_translations, environment, paths
from .core import languages

if TYPE_CHECKING:
    from .core.datasets import ActiveDataset
    from .core.store import DatasetError

READER_GONE = 141  # the exit code when the output's reader went away (`… | head`): 128 + SIGPIPE, as a shell says


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=environment.APPLICATION, description=(
        "Offline reference desk for advisors of Central Asian labour migrants. "
        "Without a command it opens the app window."))
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--dataset", type=Path, help="dataset folder to open (default: the one the window opens: "
                                                     "the newest of the shared folder, installed updates and "
                                                     "the bundled data)")
    parser.add_argument("--self-check", action="store_true",
                        help="check that this installation works (dataset, search index, a search in every "
                             "language, a sheet printed to PDF) without opening a window; exit 0 when it does")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("validate", help="check content files and print every problem with its location")
    p.add_argument("path", nargs="?", type=Path, default=None, help="content folder (default: db/content)")

    p = sub.add_parser("build", help="validate the content and build the dataset")
    p.add_argument("--content", type=Path, default=None, help="content folder (default: db/content)")
    p.add_argument("--out", type=Path, default=None, help="dataset folder (default: dataset/)")

    sub.add_parser("info", help="print the dataset's version and record counts")

    p = sub.add_parser("search", help="search the dataset as the app does")
    p.add_argument("query")
    p.add_argument("--kind", choices=["agreement", "procedure", "contact"], action="append")
    p.add_argument("--citizenship", help="UZ, KG, TJ …")
    p.add_argument("--region", help="Russian region code, e.g. RU-TA")
    p.add_argument("--status", action="append")
    p.add_argument("--lang", default="ru", choices=languages.CONTENT, help="language of titles and snippets")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true",
                   help="print as JSON: what the question was understood to say (citizenship, region, topics, "
                        "intents, each with the words it was read from, and their names) and the hits")

    p = sub.add_parser("editor", help="open the content editor window on a content folder")
    p.add_argument("path", nargs="?", type=Path, default=None, help="content folder (default: db/content)")

    cli_sheet.register(sub)
    cli_pack.register(sub)
    cli_translations.register(sub)
    return parser


def cmd_validate(args) -> int:
    from .core.content import load_content

    root = args.path or paths.content_dir()
    content = load_content(root)
    for problem in content.problems:
        print(problem.relative())
    if content.problems:
        print(f"{len(content.problems)} problem(s) in {root}", file=sys.stderr)
        return 1
    counts = {k: sum(1 for r in content.records if r.kind == k) for k in ("agreement", "procedure", "contact")}
    print(f"OK: {root}: {counts['agreement']} agreements, {counts['procedure']} procedures, "
          f"{counts['contact']} contacts, {len(content.regions)} regions, {len(content.countries)} countries")
    return 0


def cmd_build(args) -> int:
    from .core.build import build
    from .core.content import ContentError

    out = args.out or paths.bundled_dataset_dir()
    try:
        path, content = build(args.content or paths.content_dir(), out, paths.schema_file())
    except ContentError as exc:
        for problem in exc.problems:
            print(problem.relative())
        print(f"build refused: {len(exc.problems)} problem(s) in the content", file=sys.stderr)
        return 1
    print(f"built {path}: {len(content.records)} records, version {content.dataset_version}")
    from .core.search import build_index
    from .core.store import Store

    with Store(path) as store:
        index = build_index(store, out / "index")
    print(f"built {index}")
    return 0


def cmd_info(args) -> int:
    from .core.store import DatasetError, Store

    try:
        with Store(environment.dataset_to_open(args.dataset, tell=tell_skipped)) as store:
            folder, meta, counts = store.path.parent, store.meta(), store.counts()
    except DatasetError as exc:
        return no_data(exc)
    print(f"dataset: {folder}")
    for key in sorted(meta):
        print(f"{key}: {meta[key]}")
    for kind, n in counts.items():
        print(f"{kind}s: {n}")
    return 0


def cmd_search(args) -> int:
    import json
    import re

    from .core.search import Filters
    from .core.store import DatasetError
    from .dataset import open_dataset

    try:
        store, index = open_dataset(environment.dataset_to_open(args.dataset, tell=tell_skipped),
                                    progress=_progress_to_stderr)
    except DatasetError as exc:
        return no_data(exc)
    filters = Filters(kinds=tuple(args.kind or ()), citizenship=args.citizenship, region=args.region,
                      statuses=tuple(args.status or ()))
    results = index.search(args.query, filters, lang=args.lang, limit=args.limit, facets=not args.json)
    understood = _understood(results, store, args.lang)
    if args.json:
        print(json.dumps({"query": args.query, "understood": understood, "total": results.total,
                          "hits": [{"id": h.id, "kind": h.kind, "score": round(h.score, 4), "status": h.status,
                                    "titles": h.titles, "snippet": h.snippet} for h in results.hits]},
                         ensure_ascii=False, indent=2))
    else:
        if results.suggestion:
            print(f"did you mean: {results.suggestion}")
        if understood["parts"]:
            print("understood: " + " · ".join(p["label"] for p in understood["parts"]))
        print(f"{results.total} result(s)")
        for h in results.hits:
            snippet = re.sub(r"<[^>]+>", "", h.snippet).replace("\n", " ")
            print(f"{h.score:7.2f}  {h.kind:9} {h.id}\n         {h.title}\n         {snippet[:150]}")
    index.close()
    store.close()
    return 0


def _understood(results, store, lang: str) -> dict:
    """What the search read in the question, its parts named in `lang` (the command line's --lang)."""
    from .present.understood import part_label

    understanding = results.understanding
    if understanding is None:
        return {"citizenship": None, "region": None, "topics": [], "intents": [], "parts": [], "words": [],
                "stop_words_only": False}
    places = {c.code: c.name for c in store.countries()} | {r.code: r.name for r in store.regions()}
    out = understanding.as_dict()
    for part in out["parts"]:
        part["label"] = part_label(part["kind"], part["code"], lang, places)
    return out


def tell_skipped(active: ActiveDataset) -> None:
    """What was passed over on the way to the active dataset (a shared folder that cannot be read, a
    damaged dataset): one line each on stderr."""
    from .core.i18n import current_language
    from .present.startup_notices import notices

    for line in notices(active, current_language()):
        print(line, file=sys.stderr)


def no_data(error: DatasetError) -> int:
    """No dataset can be opened: one line on stderr saying why, and the exit code for it."""
    from .core.i18n import current_language
    from .present.startup_notices import no_data as no_data_message

    print(no_data_message(error, current_language()), file=sys.stderr)
    return 2


def _progress_to_stderr(done: int, total: int) -> None:
    print(f"\rbuilding the search index: {done}/{total}", end="\n" if done == total else "",
          file=sys.stderr)


def parse(argv: list[str]) -> argparse.Namespace:
    return _parser().parse_args(argv)


def opens_window(args: argparse.Namespace) -> bool:
    """Whether the arguments ask for the window (no command, only options such as --dataset);
    desktop/__main__.py then opens it, the one module outside desktop/ui that starts the GUI."""
    return args.command is None and not args.version and not args.self_check


def run(args: argparse.Namespace) -> int:
    """Carry out a command (anything `opens_window` says no to). When the reader of the output stops early
    (`migrant-desk search … --json | head -1`) the command ends quietly with READER_GONE: stdout is pointed
    at devnull, as Python's documentation of SIGPIPE advises, so the flush at exit does not fail again."""
    try:
        code = _run(args)
        sys.stdout.flush()  # the last output is written here, where a closed pipe can still be caught
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return READER_GONE
    return code


def _run(args: argparse.Namespace) -> int:
    if args.version:
        from . import __version__

        print(f"{environment.APPLICATION} {__version__}")
        return 0
    if args.self_check:
        from .selfcheck import run as self_check

        return self_check(args.dataset)
    return {"validate": cmd_validate, "build": cmd_build, "info": cmd_info,
            "search": cmd_search, "sheet": cli_sheet.run, "pack": cli_pack.run,
            "translations": cli_translations.run}[args.command](args)
