"""`migrant-desk --self-check`: does this installation work? Checked without opening a window.

What an IT person runs after installing (and what the package test runs on the installed app):
  1. find the dataset the app would open (shared folder from the settings, installed updates, bundled)
     and open it read-only;
  2. check its search index; when it is unusable, rebuild it (into the user's cache when the dataset's
     folder cannot be written, as the app does);
  2b. compare every file of the dataset and its index with the checksums written when they were made;
  3. search in every language and require hits;
  4. print a procedure sheet to a PDF in a temporary folder (the bundled fonts and Qt's PDF writer);
  5. read the user's bookmarks and notes file and its backups (nothing written).
Prints one line per check; exits 0 when all pass, 1 with a plain message per problem otherwise.
"""
from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, environment

# (content language, query): one query per language the app searches, Uzbek in both scripts
SEARCHES = (("ru", "патент"), ("uz", "patent olish"), ("uz", "патент олиш"), ("ky", "каттоо"),
            ("en", "registration"))
SHEET_PROCEDURE = "work-patent"     # printed when the dataset has it; otherwise its first procedure
SHEET_CITIZENSHIP = "UZ"
MIN_PDF_BYTES = 1000


class CheckFailed(Exception):
    """A check found a problem; the message says what is wrong in plain words."""


@dataclass
class Report:
    """The lines printed so far and the problems found."""
    write: Callable[[str], None] = print
    problems: list[str] = field(default_factory=list)

    def ok(self, what: str, detail: str) -> None:
        self.write(f"  ok      {what}: {detail}")

    def failed(self, what: str, message: str) -> None:
        self.problems.append(f"{what}: {message}")
        self.write(f"  FAILED  {what}: {message}")


@dataclass(frozen=True)
class Located:
    path: Path
    source: str


# --------------------------------------------------------------------------- the checks

def locate_dataset(dataset: Path | None) -> Located:
    """The dataset given on the command line, else the one the app would open; what the app passed over
    on the way (a shared folder it cannot read, a damaged dataset) is said on stderr, one line each, as
    the app says it: a fallback the app makes is not a failure of the installation."""
    from .core.i18n import current_language
    from .core.store import DatasetError
    from .present.startup_notices import no_data, notices

    if dataset is not None:
        return Located(Path(dataset), "given with --dataset")
    try:
        active = environment.data_places().active()
    except DatasetError as exc:
        raise CheckFailed(no_data(exc, current_language())) from None
    for line in notices(active, current_language()):
        print(line, file=sys.stderr)
    return Located(active.path, active.source)


def open_store(located: Located):
    """The dataset opened read-only, its pages checked (SQLite's quick_check) and its records counted."""
    from .core.store import DatasetError, Store

    try:
        store = Store(located.path)
    except DatasetError as exc:
        raise CheckFailed(str(exc)) from None
    try:
        verdict = store.conn.execute("PRAGMA quick_check").fetchone()[0]
        counts = store.counts()
    except sqlite3.DatabaseError as exc:
        verdict, counts = str(exc), {}
    if verdict != "ok":
        store.close()
        raise CheckFailed(f"the dataset {store.path} is damaged ({verdict}). Reinstall the app or install "
                          "a data update.")
    empty = [kind for kind, n in counts.items() if n == 0]
    if empty:
        store.close()
        raise CheckFailed(f"the dataset {located.path} has no {', '.join(k + 's' for k in empty)}; "
                          "it is incomplete. Reinstall the app or install a data update.")
    return store, counts


def open_index(store, dataset_dir: Path):
    """The search index, as the app opens it; (index, how it was found)."""
    from .core.search import index_state
    from .dataset import open_dataset

    state = index_state(store, dataset_dir / "index")
    started = time.monotonic()
    try:
        opened_store, index = open_dataset(dataset_dir)
    except Exception as exc:  # Whoosh and the OS raise many kinds; the user needs the gist
        raise CheckFailed(f"the search index could not be opened or rebuilt ({exc}). Check that the "
                          "user's cache folder can be written, then run the check again.") from None
    opened_store.close()
    if state == "ok":
        return index, f"{index.index_dir}"
    return index, (f"the index beside the dataset was {state}; rebuilt in {index.index_dir} "
                   f"({time.monotonic() - started:.1f} s)")


def check_integrity(dataset_dir: Path, index_dir: Path, report: Report) -> None:
    """Every file of the dataset and of its index against the checksums written when they were made (the
    check the window runs in the background after start-up, core/integrity.py)."""
    from .core.integrity import DATABASE, verify_dataset

    verdict = verify_dataset(dataset_dir, index_dir)
    for damage in verdict.damage:
        if damage.part == DATABASE:
            report.failed("checksums", f"the file {damage.file} is damaged ({damage.reason}): it is not what was "
                                       "written when the data was made. Reinstall the app or the data update.")
        else:
            report.failed("checksums", f"the search index file {damage.file} is damaged ({damage.reason}); the "
                                       "app rebuilds the index in the user's cache when it starts (then run the "
                                       "check again).")
    if verdict.ok:
        unchecked = (f"; not checked (no checksum list: made by an older version): {', '.join(verdict.not_checked)}"
                     if verdict.not_checked else "")
        report.ok("checksums", f"{verdict.files_checked} file(s) as written{unchecked}")


def search_all(index, report: Report) -> None:
    for lang, query in SEARCHES:
        what = f'search {lang} "{query}"'
        try:
            results = index.search(query, lang=lang, limit=3)
        except Exception as exc:
            report.failed(what, f"the search stopped with an error ({exc}).")
            continue
        if not results.hits:
            report.failed(what, "found nothing; the search index or the dataset is incomplete.")
        else:
            report.ok(what, f"{results.total} result(s), first {results.hits[0].id}")


def print_sheet(store) -> str:
    """A procedure sheet written to a PDF in a temporary folder, checked, then removed."""
    from .core.sheet_pdf import layout_sheets, write_pdf
    from .core.sheets import SheetError, SheetOptions
    from .present.sheet_html import sheet_contents

    procedures = store.ids("procedure")
    procedure = SHEET_PROCEDURE if SHEET_PROCEDURE in procedures else procedures[0]
    try:
        with tempfile.TemporaryDirectory(prefix="migrant-desk-selfcheck-") as folder:
            out = Path(folder) / "sheet.pdf"
            options = SheetOptions(lang="ru", citizenship=SHEET_CITIZENSHIP)
            sheets = layout_sheets(sheet_contents(store, [procedure], options))
            pages = write_pdf(sheets, out)
            data = out.read_bytes()
    except SheetError as exc:
        raise CheckFailed(str(exc)) from None
    except OSError as exc:
        raise CheckFailed(f"no PDF could be written in the temporary folder ({exc.strerror or exc}).") from None
    if not data.startswith(b"%PDF") or len(data) < MIN_PDF_BYTES or pages < 1:
        raise CheckFailed(f"the PDF for {procedure} came out empty or damaged ({len(data)} bytes).")
    return f"{procedure} in Russian, {pages} page(s), {len(data) // 1024} KB PDF"


def check_userdata(report: Report) -> None:
    """The user's bookmarks and notes file and its backups, read without writing (the app itself puts a
    damaged file aside and restores the newest good backup when it starts: core/userdata_recovery.py)."""
    from .core.userdata_backup import DamagedDatabase, backups, newest_good_backup, verify
    from .core.userdata_recovery import diagnose

    path, folder = environment.userdata_file(), environment.userdata_backups_dir()
    newest = newest_good_backup(folder)
    copy = (f"the backup of {newest.taken_at:%Y-%m-%d %H:%M} ({newest.contents.bookmarks} bookmark(s), "
            f"{newest.contents.notes} note(s))" if newest else "no backup")
    found = diagnose(path)
    if found is not None:
        problem, detail = found
        restores = f"restores {copy}" if newest else "starts with empty bookmarks and notes (there is no backup)"
        state = {"directory": "is a folder, not a file", "unreadable": f"cannot be read ({detail})"}.get(
            problem, f"is damaged ({detail})")
        report.failed("user data", f"the file {path} {state}; when it starts, the app puts it aside and "
                                   f"{restores}.")
        return
    if not path.exists():
        report.ok("user data", f"none yet ({path}){'; the app restores ' + copy if newest else ''}")
        return
    try:
        contents = verify(path, "quick_check")
    except DamagedDatabase as exc:      # damaged between the two looks
        report.failed("user data", f"the file {path} is damaged ({exc}).")
        return
    report.ok("user data", f"{path}: {contents.bookmarks} bookmark(s), {contents.notes} note(s); newest good "
                           f"backup: {copy}, {len(backups(folder))} kept in {folder}")


def interface_languages() -> str:
    from .core import languages
    from .core.i18n import translations_dir

    found = [lang for lang in languages.INTERFACE
             if (translations_dir() / lang / "LC_MESSAGES" / "messages.mo").is_file()]
    return "English" + "".join(f", {lang}" for lang in found)


# --------------------------------------------------------------------------- the whole check

def run(dataset: Path | None = None, write: Callable[[str], None] = print) -> int:
    """Run every check, print one line each; 0 when all pass, 1 otherwise."""
    report = Report(write)
    write(f"{environment.DISPLAY_NAME} {__version__} self-check")
    store = index = None
    try:
        located = locate_dataset(dataset)
        store, counts = open_store(located)
        meta = store.meta()
        report.ok("dataset", f"{located.path} ({located.source}), version {meta.get('dataset_version', '?')}, "
                             + ", ".join(f"{n} {kind}s" for kind, n in counts.items()))
        index, where = open_index(store, located.path)
        report.ok("search index", where)
    except CheckFailed as exc:
        report.failed("dataset" if store is None else "search index", str(exc))
    if index is not None and store is not None:
        check_integrity(store.path.parent, index.index_dir, report)
        search_all(index, report)
        index.close()
    if store is not None:
        try:
            report.ok("sheet", print_sheet(store))
        except CheckFailed as exc:
            report.failed("sheet", str(exc))
        store.close()
    check_userdata(report)
    report.ok("interface languages", interface_languages())
    if report.problems:
        write(f"self-check FAILED: {len(report.problems)} problem(s).")
        for problem in report.problems:
            write(f"  - {problem}")
        return 1
    write("self-check passed")
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m desktop.selfcheck [--dataset FOLDER]` (the same as `migrant-desk --self-check`)."""
    import argparse

    parser = argparse.ArgumentParser(prog="migrant-desk --self-check", description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, help="dataset folder to check (default: the one the app opens)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    return run(args.dataset)


if __name__ == "__main__":
    sys.exit(main())
