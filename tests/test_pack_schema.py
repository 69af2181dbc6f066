"""A validly signed pack whose database is not exactly what this app reads is refused before anything is
switched: a missing table or column, SQL of its own (views, triggers, virtual tables), WAL mode, damage
only the integrity check sees, a database made to stall the check. Each refusal is one line on the CLI
with its exit code and the same message in the install dialog; the active dataset stays byte-identical
and the app still opens and searches it. Real SQLite files edited on purpose, real signed packs."""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop import paths
from desktop.core import updates
from desktop.core.build import DATASET_FILE
from desktop.core.datasets import DataFolder
from desktop.core.store import Store
from desktop.core.updates import dataset_check, schema_check
from desktop.dataset import open_dataset

import pack_helpers as h

REPO = Path(__file__).resolve().parent.parent
# the whole stream of a recursive CTE with no end: any query touching the view never returns on its own
ENDLESS = "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c)"
RECORD_COLUMNS = ("'x' || n AS id, 'procedure' AS kind, NULL AS subtype, NULL AS ref, 'in_force' AS status, "
                  "'high' AS confidence, NULL AS confidence_note, '2026-01-01' AS verified_on, "
                  "NULL AS date_signed, NULL AS date_valid_from, NULL AS date_valid_to, NULL AS date_event, "
                  "NULL AS source_file")


@dataclass(frozen=True)
class Case:
    name: str
    sql: str                  # applied to a copy of the new dataset
    code: str                 # PackError.code
    exit_code: int            # of `migrant-desk pack install` / `verify`
    says: str                 # what the message must name
    journal_mode: str | None = None
    out_of_step_index: bool = False


SCHEMA, DAMAGED = ("schema_mismatch", 3), ("data_damaged", 4)
CASES = [
    Case("missing-countries", "DROP TABLE countries;", *SCHEMA, "the table countries is missing"),
    Case("missing-federal-districts", "DROP TABLE federal_districts;", *SCHEMA,
         "the table federal_districts is missing"),
    Case("dropped-phones-number", "ALTER TABLE phones DROP COLUMN number;", *SCHEMA,
         "the table phones has no column number"),
    Case("records-view-over-endless-cte", f"DROP TABLE records; CREATE VIEW records AS {ENDLESS} "
         f"SELECT {RECORD_COLUMNS} FROM c;", *SCHEMA, "records is a view, not a table"),
    Case("randomblob-view", f"DROP TABLE countries; CREATE VIEW countries AS {ENDLESS} SELECT "
         "hex(randomblob(100000000)) AS code, '{}' AS name, 1 AS citizenship, 0 AS eaeu FROM c;", *SCHEMA,
         "countries is a view, not a table"),
    Case("meta-replaced-by-a-view", "CREATE TABLE meta_values AS SELECT * FROM meta; DROP TABLE meta; "
         "CREATE VIEW meta AS SELECT key, value FROM meta_values;", *SCHEMA, "meta is a view, not a table"),
    Case("trigger", "CREATE TRIGGER records_touched AFTER UPDATE ON records BEGIN SELECT 1; END;", *SCHEMA,
         "it holds a trigger records_touched"),
    Case("virtual-table", "CREATE VIRTUAL TABLE extra_search USING fts5(body);", *SCHEMA,
         "it holds a virtual table extra_search"),
    Case("wal-mode", "", *SCHEMA, "write-ahead-log (WAL) mode", journal_mode="wal"),
    Case("integrity-check-fails", "", *DAMAGED, "SQLite's integrity check reports", out_of_step_index=True),
]


# world (keys, datasets, packs), folder (a data folder with the old dataset) and userdata: tests/conftest.py

@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """The app's index fallback goes to the user's cache: a temporary one here."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def make_pack(world: h.World, case: Case, where: Path) -> Path:
    database = h.edited_database(world.new_ds, where / case.name / DATASET_FILE, case.sql, case.journal_mode)
    if case.out_of_step_index:
        h.put_index_out_of_step(database)
    return h.signed_pack_of(database, world.new_ds, world.key, where / f"{case.name}.mdpack")


def assert_the_app_works_on(folder: DataFolder) -> None:
    """What an advisor's app does on the active data: open it, its start-up queries, a search."""
    store, index = open_dataset(folder.locate())
    try:
        assert store.meta()["dataset_version"] == h.OLD_VERSION
        assert store.countries() and store.regions() and store.federal_districts()
        assert all(store.record(rid) is not None for rid in store.ids())
        assert [hit.id for hit in index.search("Test agreement").hits][:1] == ["test-agreement"]
    finally:
        index.close()
        store.close()


def refuse(world: h.World, folder: DataFolder, pack: Path, userdata: Path) -> updates.PackError:
    """Install `pack`: it must be refused, leaving the data folder and the user data byte-identical."""
    before, user_before = h.snapshot(folder.path), h.snapshot(userdata.parent)
    with pytest.raises(updates.PackError) as info:
        updates.install(pack, folder, world.trusted)
    assert h.snapshot(folder.path) == before              # nothing switched, no .staging-… left
    assert not any(p.name.startswith(".staging") for p in folder.path.iterdir())
    assert h.snapshot(userdata.parent) == user_before
    with folder.locked():                                  # the install lock is free again
        pass
    return info.value


# =========================================================================== each case of the issue

@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_signed_pack_with_a_wrong_database_is_refused(world, folder, userdata, tmp_path, case):
    pack = make_pack(world, case, tmp_path)
    started = time.monotonic()
    error = refuse(world, folder, pack, userdata)
    assert time.monotonic() - started < 10                 # no query of the pack's own ever ran
    assert (error.code, case.says in error.message) == (case.code, True), error.message
    assert "Nothing was installed" in error.message and "\n" not in error.message
    assert_the_app_works_on(folder)


def cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          timeout=120, cwd=REPO, env=env)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_cli_refuses_in_one_line_with_the_exit_code_of_the_kind(world, folder, tmp_path, case):
    pack = make_pack(world, case, tmp_path)
    before = h.snapshot(folder.path)
    trusted = ("--trusted-keys", str(world.trusted_dir))
    verify = cli("pack", "verify", str(pack), *trusted, home=tmp_path / "home")
    install = cli("pack", "install", str(pack), "--data-folder", str(folder.path), *trusted,
                  home=tmp_path / "home")
    for run in (verify, install):
        assert run.returncode == case.exit_code, run.stderr
        assert "Traceback" not in run.stderr and not run.stdout
        refusal = [line for line in run.stderr.splitlines() if not line.startswith("  ")]  # not progress
        assert len(refusal) == 1 and case.says in refusal[0], run.stderr
    assert verify.stderr.strip() == install.stderr.strip().splitlines()[-1]
    assert h.snapshot(folder.path) == before
    # the app's command line still answers on the data in use
    search = cli("--dataset", str(folder.locate()), "search", "Test agreement", home=tmp_path / "home")
    assert search.returncode == 0 and "test-agreement" in search.stdout, search.stderr


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_install_dialog_shows_the_same_message(qtbot, world, folder, tmp_path, case):
    from desktop.ui.update_dialog import UpdateDialog

    pack = make_pack(world, case, tmp_path)
    before = h.snapshot(folder.path)
    with pytest.raises(updates.PackError) as info:
        updates.verify_pack(pack, world.trusted)
    dialog = UpdateDialog(pack, folder, None, "en", world.trusted)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.state in ("done", "failed"), timeout=30000)
    assert dialog.state == "failed"
    assert dialog.error == dialog.error_label.text() == info.value.message
    assert h.snapshot(folder.path) == before


def test_an_unexpected_fault_of_a_pack_command_is_one_line_too(world, tmp_path):
    """Not a refusal of the pack but a fault on the way (here: --out inside a file): still no traceback."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(h.PASSPHRASE)
    changelog = tmp_path / "changelog.yaml"
    changelog.write_text("en: Fine.\n", encoding="utf-8")
    run = cli("pack", "build", "--key", str(next((world.base / "keys").glob("*.p12"))), "--changelog",
              str(changelog), "--out", str(blocker / "x.mdpack"), "--from", str(world.new_ds),
              "--passphrase-file", str(passphrase), home=tmp_path / "home")
    assert run.returncode == 70 and "Traceback" not in run.stderr
    assert len(run.stderr.splitlines()) == 1 and "migrant-desk pack build failed" in run.stderr


# =========================================================================== the time bound

def test_the_time_bound_stops_a_runaway_query():
    """The progress handler that guards every query of the check ends an endless recursive CTE."""
    conn = sqlite3.connect(":memory:")
    deadline = dataset_check.Deadline(0.2)
    deadline.watch(conn)
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        conn.execute(f"{ENDLESS} SELECT count(*) FROM c").fetchone()
    assert deadline.passed and time.monotonic() - started < 2
    conn.close()


def test_a_database_too_slow_to_check_is_refused_in_time(world, folder, userdata, tmp_path, monkeypatch):
    """Exactly the right shape but made big: the integrity check is cut off at the bound."""
    filler = ("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 300000) "
              "INSERT INTO sources (record_id, position, title) SELECT 'filler', n, hex(randomblob(40)) FROM c;")
    case = Case("slow", filler, "too_slow", 5, "took longer than")
    pack = make_pack(world, case, tmp_path)
    monkeypatch.setattr(dataset_check, "CHECK_SECONDS", 0.05)
    started = time.monotonic()
    error = refuse(world, folder, pack, userdata)
    assert error.code == "too_slow" and "Nothing was installed" in error.message
    assert time.monotonic() - started < 5
    assert_the_app_works_on(folder)


# =========================================================================== the comparison itself

def test_a_database_built_by_this_app_matches_its_schema(world):
    conn = sqlite3.connect(f"{(world.new_ds / DATASET_FILE).as_uri()}?mode=ro", uri=True)
    try:
        assert schema_check.differences(schema_check.expected_shape(paths.schema_file()),
                                        schema_check.read_shape(conn)) == []
    finally:
        conn.close()


@pytest.mark.parametrize("sql,says", [
    ("CREATE TABLE t (a TEXT PRIMARY KEY, b TEXT NOT NULL, c INTEGER);", []),
    ("CREATE TABLE t (a TEXT PRIMARY KEY, b TEXT, c INTEGER);",
     ["the column t.b is TEXT; this app expects TEXT NOT NULL"]),
    ("CREATE TABLE t (a TEXT PRIMARY KEY, b TEXT NOT NULL, c TEXT);",
     ["the column t.c is TEXT; this app expects INTEGER"]),
    ("CREATE TABLE t (a TEXT, b TEXT NOT NULL, c INTEGER);",
     ["the column t.a is TEXT; this app expects TEXT PRIMARY KEY"]),     # its key index goes with it
    ("CREATE TABLE t (a TEXT PRIMARY KEY, b TEXT NOT NULL, c INTEGER, d TEXT);",
     ["the table t has a column d that this app does not know"]),
    ("CREATE TABLE t (a TEXT PRIMARY KEY, b TEXT NOT NULL, c INTEGER AS (length(b)));",
     ["the column t.c is INTEGER GENERATED; this app expects INTEGER"]),
    ("CREATE TABLE t (a TEXT PRIMARY KEY, b TEXT NOT NULL, c INTEGER) WITHOUT ROWID;",
     ["the table t is declared with WITHOUT ROWID; this app expects no options",
      "the column t.a is TEXT NOT NULL PRIMARY KEY; this app expects TEXT PRIMARY KEY"]),
    ("CREATE TABLE t (a TEXT PRIMARY KEY, b TEXT NOT NULL, c INTEGER); CREATE INDEX t_c ON t(c);",
     ["it holds an index t_c that this app does not know"]),
])
def test_differences_name_what_is_wrong(tmp_path, sql, says):
    schema = tmp_path / "schema.sql"
    schema.write_text("CREATE TABLE t (a TEXT PRIMARY KEY, b TEXT NOT NULL, c INTEGER);", encoding="utf-8")
    conn = sqlite3.connect(":memory:")
    conn.executescript(sql)
    found = schema_check.differences(schema_check.expected_shape(schema), schema_check.read_shape(conn))
    conn.close()
    assert sorted(found) == sorted(says)


# =========================================================================== fuzz: random schema edits

TABLES = ("meta", "countries", "federal_districts", "regions", "topic_words", "records", "texts", "contacts",
          "phones", "links", "sources", "notes")
COLUMNS = {"meta": ("key", "value"), "countries": ("code", "name", "eaeu"), "regions": ("federal_district", "name"),
           "records": ("kind", "status", "verified_on", "date_signed"), "texts": ("title", "body", "lang"),
           "phones": ("number", "label"), "links": ("rel", "to_id"), "sources": ("url", "note"),
           "topic_words": ("words",), "notes": ("type", "text")}
TYPES = ("INTEGER", "REAL", "BLOB", "", "TEXT")
VALUES = ("", "x", "{", "[]", "1", "null", None)


def _edit_sql(edit: tuple) -> str:
    kind, *args = edit
    if kind == "drop_table":
        return f"DROP TABLE {args[0]};"
    if kind == "rename_table":
        return f"ALTER TABLE {args[0]} RENAME TO {args[0]}_old;"
    if kind == "drop_column":
        return f"ALTER TABLE {args[0]} DROP COLUMN {args[1]};"
    if kind == "rename_column":
        return f"ALTER TABLE {args[0]} RENAME COLUMN {args[1]} TO {args[1]}_x;"
    if kind == "add_view":
        return f"CREATE VIEW v_{args[0]} AS SELECT * FROM {args[0]};"
    if kind == "table_to_view":
        return (f"CREATE TABLE {args[0]}_data AS SELECT * FROM {args[0]}; DROP TABLE {args[0]}; "
                f"CREATE VIEW {args[0]} AS SELECT * FROM {args[0]}_data;")
    if kind == "add_trigger":
        return f"CREATE TRIGGER t_{args[0]} AFTER DELETE ON {args[0]} BEGIN SELECT 1; END;"
    if kind == "add_index":
        return f"CREATE INDEX ix_{args[0]}_{args[1]} ON {args[0]}({args[1]});"
    if kind == "drop_index":
        return f"DROP INDEX {args[0]};"
    if kind == "journal_mode":
        return f"PRAGMA journal_mode = {args[0]};"
    if kind == "set_value":
        value = "NULL" if args[2] is None else "'" + args[2].replace("'", "''") + "'"
        return f"UPDATE {args[0]} SET {args[1]} = {value};"
    raise AssertionError(kind)


def _change_type(database: Path, table: str, column: str, new_type: str) -> None:
    """Rewrite a column's declared type in the catalogue (SQLite has no ALTER COLUMN)."""
    conn = sqlite3.connect(database, isolation_level=None)
    try:
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        sql = re.sub(rf"^(\s*{column}\s+)[A-Za-z]+", rf"\g<1>{new_type}", sql, count=1, flags=re.M)
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql, table))
    finally:
        conn.close()


table_column = st.sampled_from(sorted(COLUMNS)).flatmap(
    lambda t: st.tuples(st.just(t), st.sampled_from(COLUMNS[t])))
EDITS = st.one_of(
    st.tuples(st.sampled_from(["drop_table", "rename_table", "add_view", "table_to_view", "add_trigger"]),
              st.sampled_from(TABLES)),
    table_column.map(lambda tc: ("drop_column", *tc)),
    table_column.map(lambda tc: ("rename_column", *tc)),
    table_column.map(lambda tc: ("add_index", *tc)),
    st.tuples(st.just("drop_index"), st.sampled_from(["records_kind", "links_to"])),
    st.tuples(table_column, st.sampled_from(TYPES)).map(lambda x: ("change_type", *x[0], x[1])),
    st.tuples(table_column, st.sampled_from(VALUES)).map(lambda x: ("set_value", *x[0], x[1])),
    st.tuples(st.just("journal_mode"), st.sampled_from(["wal", "delete", "truncate", "persist"])),
)


def apply_edits(world: h.World, edits: list[tuple], database: Path) -> Path:
    h.edited_database(world.new_ds, database)
    for edit in edits:
        try:
            if edit[0] == "change_type":
                _change_type(database, *edit[1:])
            else:
                conn = sqlite3.connect(database, isolation_level=None)
                try:
                    conn.execute("PRAGMA foreign_keys = OFF")
                    conn.executescript(_edit_sql(edit))
                finally:
                    conn.close()
        except sqlite3.Error:
            pass            # an edit SQLite itself refuses (a key column, a NOT NULL value) leaves it as it was
    return database


@settings(max_examples=150, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(edits=st.lists(EDITS, min_size=1, max_size=3))
@example(edits=[("change_type", "countries", "code", "TEXT")])           # the same type: installs
@example(edits=[("set_value", "countries", "name", "{")])                # not JSON: the app cannot read it
@example(edits=[("journal_mode", "wal"), ("journal_mode", "delete")])    # back to a rollback journal
def test_fuzz_a_pack_is_refused_or_the_app_opens_and_searches_it(world, edits):
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        database = apply_edits(world, edits, base / "edited" / DATASET_FILE)
        pack = h.signed_pack_of(database, world.new_ds, world.key, base / "fuzzed.mdpack")
        shutil.copytree(world.template, base / "folder")
        folder = DataFolder(base / "folder")
        before = h.snapshot(folder.path)
        try:
            result = updates.install(pack, folder, world.trusted)
        except updates.PackError as exc:
            assert exc.message and "\n" not in exc.message
            assert h.snapshot(folder.path) == before, edits
            return
        # installed: the app must open it, answer its start-up queries and search it
        with Store(result.new_dir) as store:
            assert store.meta()["dataset_version"] == h.NEW_VERSION
            store.counts(), store.countries(), store.regions(), store.federal_districts()
            assert all(store.record(rid) is not None for rid in store.ids())
        store, index = open_dataset(result.new_dir)
        try:
            assert index.search("test agreement").total >= 0
        finally:
            index.close()
            store.close()
