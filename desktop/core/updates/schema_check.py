"""Does a database have exactly the shape of one built from this app's db/schema.sql?

A signed pack proves who made it, not that its database is one this app can use: a database built by
another app version, edited by hand or crafted may lack a table the window reads at start, or carry SQL
of its own (a view, trigger or virtual table runs inside the app whenever a query touches it). So a
pack's database must match, object for object, a reference database built in memory from the
schema.sql that ships with the app: the same tables, views (none), triggers (none) and indexes, each
table with the same columns (name, declared type, NOT NULL, primary key, default, hidden/generated) and
options (WITHOUT ROWID, STRICT), each index on the same columns with the same uniqueness.

Only SQLite's catalogue and pragmas are read here: nothing the pack defines is executed.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ... import paths
from ..i18n import _

# an object of the catalogue: (type, name) -> what it is made of
Key = tuple[str, str]


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    not_null: bool
    primary_key: int           # position in the primary key, 0 when not part of it
    default: str | None
    hidden: int                # 0 plain, 1 hidden (virtual tables), 2/3 generated

    def declaration(self) -> str:
        """The column as a person would write it, e.g. `TEXT NOT NULL PRIMARY KEY`."""
        words = [self.type or "(no type)"]
        if self.not_null:
            words.append("NOT NULL")
        if self.primary_key:
            words.append("PRIMARY KEY")
        if self.default is not None:
            words.append(f"DEFAULT {self.default}")
        if self.hidden >= 2:
            words.append("GENERATED")
        return " ".join(words)


@dataclass(frozen=True)
class Index:
    table: str
    unique: bool
    origin: str                # 'c' CREATE INDEX, 'u' UNIQUE constraint, 'pk' PRIMARY KEY
    partial: bool
    columns: tuple[tuple[str | None, bool, str], ...]   # (column or None for an expression, DESC, collation)


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    virtual: bool
    options: tuple[str, ...]   # 'WITHOUT ROWID', 'STRICT'


@dataclass(frozen=True)
class Shape:
    """Everything in a database's catalogue that decides whether this app can read it."""
    objects: dict[Key, str]            # (type, name) -> the table it belongs to
    tables: dict[str, Table]
    indexes: dict[str, Index]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def read_shape(conn: sqlite3.Connection) -> Shape:
    """The shape of the database open on `conn` (raises sqlite3.DatabaseError when its catalogue is
    unreadable, e.g. a malformed schema)."""
    rows = conn.execute("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master").fetchall()
    objects = {(kind, name): table for kind, name, table, _sql in rows}
    virtual = {name for kind, name, _t, sql in rows
               if kind == "table" and sql.lstrip().upper().startswith("CREATE VIRTUAL")}
    options = _table_options(conn)
    tables, indexes = {}, {}
    for kind, name, _table, _sql in rows:
        # a virtual table's columns come from its module, which need not exist here: its name is enough
        if kind != "table" or name in virtual:
            if kind == "table":
                tables[name] = Table((), True, ())
            continue
        columns = tuple(Column(r[1], str(r[2] or "").upper(), bool(r[3]), int(r[5]),
                               None if r[4] is None else str(r[4]), int(r[6]))
                        for r in conn.execute(f"PRAGMA table_xinfo({_quote(name)})"))
        tables[name] = Table(columns, False, options.get(name, ()))
        for _seq, index, unique, origin, partial in conn.execute(f"PRAGMA index_list({_quote(name)})"):
            keys = tuple((r[2], bool(r[3]), str(r[4])) for r in
                         conn.execute(f"PRAGMA index_xinfo({_quote(index)})") if r[5])
            indexes[index] = Index(name, bool(unique), origin, bool(partial), keys)
    return Shape(objects, tables, indexes)


def _table_options(conn: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    """WITHOUT ROWID and STRICT per table (PRAGMA table_list: SQLite 3.37 and later; older ones cannot
    read a STRICT table at all, and a WITHOUT ROWID table shows as a primary-key index without a rowid)."""
    try:
        rows = conn.execute("PRAGMA main.table_list").fetchall()
    except sqlite3.DatabaseError:
        return {}
    return {r[1]: tuple(word for word, on in (("WITHOUT ROWID", r[4]), ("STRICT", r[5])) if on)
            for r in rows if r[2] == "table"}


def expected_shape(schema_file: Path | None = None) -> Shape:
    """The shape of a database built from the app's own schema.sql, built in memory."""
    schema_sql = Path(schema_file or paths.schema_file()).read_text(encoding="utf-8")
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(schema_sql)
        return read_shape(conn)
    finally:
        conn.close()


def differences(expected: Shape, actual: Shape) -> list[str]:
    """What in `actual` differs from `expected`, one phrase each (empty when they are the same); the
    most telling first: what is missing, then what is there instead, then what is extra."""
    found: list[str] = []
    for kind, name in expected.objects:
        if (kind, name) in actual.objects:
            continue
        other = next((k for k, n in actual.objects if n == name), None)
        if other == "view" and kind == "table":
            found.append(_("{name} is a view, not a table").format(name=name))
        elif kind == "table":
            found.append(_("the table {name} is missing").format(name=name))
        elif not name.startswith("sqlite_autoindex_") and _is_plain_table(actual, expected.objects[kind, name]):
            # (a missing key shows as a column difference, the index of a missing table with the table)
            found.append(_("the index {name} is missing").format(name=name))
    for name, want in expected.tables.items():
        have = actual.tables.get(name)
        if have is not None:
            found += _table_differences(name, want, have)
    for name, want_index in expected.indexes.items():
        have_index = actual.indexes.get(name)
        if have_index is not None and have_index != want_index:
            found.append(_("the index {name} is not the one this app expects").format(name=name))
    virtual = [name for name, table in actual.tables.items() if table.virtual]
    for kind, name in actual.objects:
        if (kind, name) in expected.objects or any(n == name for _k, n in expected.objects):
            continue
        if kind == "table" and any(name.startswith(v + "_") for v in virtual):
            continue              # a virtual table's own storage: the virtual table is named instead
        if kind == "table" and name in virtual:
            found.append(_("it holds a virtual table {name}").format(name=name))
        elif kind == "table":
            found.append(_("it holds a table {name} that this app does not know").format(name=name))
        elif kind == "view":
            found.append(_("it holds a view {name}").format(name=name))
        elif kind == "trigger":
            found.append(_("it holds a trigger {name}").format(name=name))
        elif not name.startswith("sqlite_autoindex_"):
            found.append(_("it holds an index {name} that this app does not know").format(name=name))
    return found


def _is_plain_table(shape: Shape, name: str) -> bool:
    table = shape.tables.get(name)
    return table is not None and not table.virtual


def _table_differences(name: str, want: Table, have: Table) -> list[str]:
    if have.virtual:
        return [_("{name} is a virtual table, not a table").format(name=name)]
    found: list[str] = []
    have_columns = {c.name: c for c in have.columns}
    want_names = {c.name for c in want.columns}
    for column in want.columns:
        other = have_columns.get(column.name)
        if other is None:
            found.append(_("the table {table} has no column {column}").format(table=name, column=column.name))
        elif other != column:
            found.append(_("the column {table}.{column} is {actual}; this app expects {expected}").format(
                table=name, column=column.name, actual=other.declaration(), expected=column.declaration()))
    for column in have.columns:
        if column.name not in want_names:
            found.append(_("the table {table} has a column {column} that this app does not know").format(
                table=name, column=column.name))
    if have.options != want.options:
        found.append(_("the table {table} is declared with {actual}; this app expects {expected}").format(
            table=name, actual=" ".join(have.options) or _("no options"),
            expected=" ".join(want.options) or _("no options")))
    return found
