"""The database inside a pack, checked where it was unpacked, before anything is switched to it.

In order, each step only if the one before passed, so nothing the pack defines is ever executed:
1. the file: an SQLite database with a rollback journal (not WAL: a WAL database cannot be opened
   read-only from a shared folder without its -wal/-shm files, and converting it would change the
   signed bytes), and no journal file of its own beside it;
2. its catalogue: exactly the shape of the app's db/schema.sql (schema_check: no view, trigger or
   virtual table, no missing or changed table, column or index);
3. `PRAGMA integrity_check`;
4. the app's own reading (desktop.core.store.Store): every query the window makes at start (meta,
   counts, countries, regions, federal districts, topic words, every record with its titles, texts,
   links and contact regions), and the data is what the signed manifest names.
All of it within one time limit: SQLite calls a progress handler every few thousand steps of any query
(integrity_check included), which stops the query once the limit has passed.
"""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from ..i18n import _
from ..store import DATASET_FILE, DatasetError, Store
from .errors import PackError, damaged
from .manifest import Manifest
from .schema_check import differences, expected_shape, read_shape

CHECK_SECONDS = 60.0          # a real dataset takes well under a second; this only stops a crafted one
PROGRESS_STEPS = 10_000       # SQLite virtual-machine steps between two looks at the clock
SQLITE_MAGIC = b"SQLite format 3\x00"
ROLLBACK_JOURNAL, WAL = 1, 2  # the file-format read/write version bytes (offsets 18 and 19) of the header
SIDE_FILES = ("-journal", "-wal", "-shm")
SHOWN_DIFFERENCES = 3


class Deadline:
    """A time limit shared by several connections; installed as each one's SQLite progress handler."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.passed = False

    def __call__(self) -> int:
        """The progress handler: non-zero makes SQLite stop the running query ('interrupted')."""
        if time.monotonic() > self.end:
            self.passed = True
        return int(self.passed)

    def watch(self, conn: sqlite3.Connection) -> None:
        conn.set_progress_handler(self, PROGRESS_STEPS)

    def check(self) -> None:
        """Between queries: refuse once the limit has passed."""
        if self():
            raise self.refusal()

    def refusal(self) -> PackError:
        return PackError("too_slow", _(
            "Checking the data inside this update took longer than {seconds} seconds, so it was refused: "
            "it is damaged or made to stall the app. Nothing was installed.").format(seconds=round(self.seconds)))


def _one_line(text: str) -> str:
    """A detail taken from the database (a declared type, SQLite's report) may hold line breaks; the
    message is one line wherever it is shown."""
    return " ".join(text.split())


def schema_mismatch(problems: list[str]) -> PackError:
    detail = _one_line("; ".join(problems[:SHOWN_DIFFERENCES]))
    if len(problems) > SHOWN_DIFFERENCES:
        detail += _(" (and {n} more)").format(n=len(problems) - SHOWN_DIFFERENCES)
    return PackError("schema_mismatch", _(
        "The data inside this update is not laid out the way this version of Migrant Desk reads it: "
        "{detail}. Nothing was installed. Ask the central office for an update built for this version of "
        "the app.").format(detail=detail))


def data_damaged(detail: str) -> PackError:
    return PackError("data_damaged", _(
        "The data inside this update is damaged, although its signature is valid: {detail}. Nothing was "
        "installed. Ask the central office to build the update again.").format(detail=_one_line(detail)))


def check_pack_database(dataset_dir: Path, manifest: Manifest, seconds: float | None = None) -> None:
    """Raise PackError unless `dataset_dir`'s database is one this app reads and the one `manifest` names,
    all found out within `seconds` (default CHECK_SECONDS)."""
    path = Path(dataset_dir) / DATASET_FILE
    deadline = Deadline(CHECK_SECONDS if seconds is None else seconds)
    _check_file(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise damaged(_("the data inside it does not open ({reason})").format(reason=exc)) from exc
    try:
        deadline.watch(conn)
        _check_catalogue(conn, deadline)
    finally:
        conn.close()
    _check_app_reading(Path(dataset_dir), manifest, deadline)


def _check_file(path: Path) -> None:
    try:
        with open(path, "rb") as f:
            header = f.read(100)
    except OSError as exc:
        raise damaged(_("the data inside it cannot be read ({reason})").format(reason=exc.strerror or exc)) from exc
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise damaged(_("the data inside it is not a database"))
    if WAL in header[18:20]:
        raise schema_mismatch([_("its database is in write-ahead-log (WAL) mode; this app reads only "
                                 "databases with a rollback journal")])
    if header[18:20] != bytes([ROLLBACK_JOURNAL, ROLLBACK_JOURNAL]):
        raise damaged(_("the data inside it is not a database this app can read"))
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            raise schema_mismatch([_("its database comes with a journal file ({name})").format(name=side.name)])


def _check_catalogue(conn: sqlite3.Connection, deadline: Deadline) -> None:
    try:
        problems = differences(expected_shape(), read_shape(conn))
        if problems:
            raise schema_mismatch(problems)
        result = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
    except sqlite3.Error as exc:
        if deadline.passed:
            raise deadline.refusal() from exc
        raise damaged(_("the data inside it does not open ({reason})").format(reason=exc)) from exc
    if result != ["ok"]:
        raise data_damaged(_("SQLite's integrity check reports: {report}").format(report="; ".join(result)))


# what the app's own reading raises on data it cannot make sense of (bad JSON, a missing field, …)
READING_ERRORS = (sqlite3.Error, DatasetError, ValueError, TypeError, KeyError, AttributeError, IndexError)


def _check_app_reading(dataset_dir: Path, manifest: Manifest, deadline: Deadline) -> None:
    try:
        with Store(dataset_dir) as store:
            deadline.watch(store.conn)
            meta = store.meta()
            _read_as_the_window_does(store, deadline)
    except READING_ERRORS as exc:
        if deadline.passed:
            raise deadline.refusal() from exc
        raise data_damaged(_("Migrant Desk cannot read it ({reason})").format(reason=exc)) from exc
    if (meta.get("dataset_version") != manifest.dataset_version
            or meta.get("content_hash") != manifest.content_hash
            or meta.get("schema_version") != str(manifest.schema_version)):
        raise damaged(_("the data inside it is not the data its description names"))


def _read_as_the_window_does(store: Store, deadline: Deadline) -> None:
    """The queries of the window's start (the status line's counts, the filters' countries and regions,
    the agreements and deadline panels that read every record) and of the search index build."""
    store.counts()
    store.countries()
    regions = store.regions()
    store.federal_districts()
    store.topic_words()
    for region in regions:
        store.contacts_covering(region.code)
    for record_id in store.ids():
        deadline.check()
        store.record(record_id)
        store.titles(record_id)
        store.text_blocks(record_id)
        store.linked(record_id)
        store.contact_region_codes(record_id)
