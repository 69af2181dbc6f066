"""Rolling backups of the advisor's user-data file (bookmarks, notes, recently viewed).

At each start, after the window has painted, the file is copied with SQLite's backup API (a consistent
snapshot even while the window writes to it) into `<backups>/userdata-YYYYmmdd-HHMMSS.sqlite`, and the
copy counts only once `pragma integrity_check` passes on it. No copy is made when the contents are the
same as in the newest good copy, so restarting without changing anything makes nothing new.

Generations: the newest copy of each day is kept, for the last KEEP_DAYS days that have one. A day of
restarts therefore never pushes out yesterday's copy, and damage noticed after a weekend or a few days
off still finds a good copy from before it; each copy is small (a few dozen kilobytes).

A copy found damaged is passed over for an older good one; nothing here ever touches the user-data file
itself, and only copies this module wrote (its file name pattern) are ever removed.
"""
from __future__ import annotations

import datetime as _dt
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

KEEP_DAYS = 7
STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^userdata-(\d{8}-\d{6})\.sqlite$")
# What a copy holds, in a fixed order; a table an older version of the app did not have is read as empty.
_TABLES = ("bookmarks", "notes", "history")


class DamagedDatabase(Exception):
    """A user-data file or copy that SQLite cannot read through, or whose pages do not check out."""


@dataclass(frozen=True)
class Contents:
    """What a user-data database holds: counts the advisor recognises, and a digest of every row."""
    bookmarks: int
    notes: int
    digest: str


@dataclass(frozen=True)
class BackupCopy:
    path: Path
    taken_at: _dt.datetime      # local time, from the file name
    contents: Contents


def backup_name(taken_at: _dt.datetime) -> str:
    return f"userdata-{taken_at.strftime(STAMP)}.sqlite"


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that can never write to `path` (nor checkpoint a WAL into it)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def read_contents(conn: sqlite3.Connection, check: str = "quick_check") -> Contents:
    """Check the database's pages (`check`: quick_check, or the slower integrity_check) and read every
    row; raises DamagedDatabase when either fails."""
    try:
        verdict = [row[0] for row in conn.execute(f"PRAGMA {check}")]
        if verdict != ["ok"]:
            raise DamagedDatabase("; ".join(str(v) for v in verdict[:3]))
        present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not present & {"bookmarks", "notes"}:
            raise DamagedDatabase("it holds none of the user-data tables")
        import hashlib  # here, not at the top: this module loads before the window's first paint

        digest, counts = hashlib.sha256(), {}
        for table in _TABLES:
            rows = conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() if table in present else []
            counts[table] = len(rows)
            digest.update(repr((table, rows)).encode())
    except sqlite3.Error as exc:
        raise DamagedDatabase(str(exc)) from exc
    return Contents(counts["bookmarks"], counts["notes"], digest.hexdigest())


def verify(path: Path, check: str = "integrity_check") -> Contents:
    """The contents of the database file at `path`, read without writing to it; raises DamagedDatabase."""
    try:
        with closing(read_only(path)) as conn:
            return read_contents(conn, check)
    except sqlite3.Error as exc:          # could not even be opened
        raise DamagedDatabase(str(exc)) from exc


def backups(folder: Path) -> list[tuple[_dt.datetime, Path]]:
    """The copies in `folder`, newest first (unchecked)."""
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:                       # no backups folder yet, or it cannot be read: no copies
        return []
    for path in entries:
        match = _NAME.match(path.name)
        if match and path.is_file():
            found.append((_dt.datetime.strptime(match[1], STAMP), path))
    return sorted(found, reverse=True)


def good_backups(folder: Path) -> Iterator[BackupCopy]:
    """The copies that pass integrity_check, newest first; a damaged copy is passed over."""
    for taken_at, path in backups(folder):
        try:
            yield BackupCopy(path, taken_at, verify(path))
        except DamagedDatabase:
            continue


def newest_good_backup(folder: Path) -> BackupCopy | None:
    return next(good_backups(folder), None)


def copy_database(source: Path, dest: Path) -> None:
    """Copy the database at `source` (with its WAL, if any) into a new single file at `dest` in
    rollback-journal mode, so the copy needs no -wal/-shm beside it."""
    with closing(read_only(source)) as src, closing(sqlite3.connect(dest)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")


def back_up(source: Path, folder: Path, now: _dt.datetime) -> BackupCopy | None:
    """A new checked copy of `source` in `folder`, then older generations pruned; None when the contents
    are the same as the newest good copy's (nothing new written). Raises DamagedDatabase when `source`
    cannot be read through (the copy is then removed: it was never a good one), OSError when the folder
    cannot be written."""
    contents = verify(source, "quick_check")
    newest = newest_good_backup(folder)
    if newest is not None and newest.contents.digest == contents.digest:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / backup_name(now)
    partial = dest.with_name(dest.name + ".partial")   # never a half-written file under a backup's name
    for left_over in folder.glob("userdata-*.sqlite.partial"):   # from a run that was stopped mid-copy
        left_over.unlink(missing_ok=True)
    try:
        copy_database(source, partial)
        copied = verify(partial)
        partial.replace(dest)
    except (sqlite3.Error, DamagedDatabase) as exc:
        partial.unlink(missing_ok=True)
        raise DamagedDatabase(str(exc)) from exc
    prune(folder)
    return BackupCopy(dest, now.replace(microsecond=0), copied)


def prune(folder: Path, keep_days: int = KEEP_DAYS) -> list[Path]:
    """Keep the newest copy of each of the last `keep_days` days that have one; remove the others.
    Returns what was removed."""
    kept_days: list[_dt.date] = []
    removed = []
    for taken_at, path in backups(folder):
        day = taken_at.date()
        if day not in kept_days and len(kept_days) < keep_days:
            kept_days.append(day)
            continue
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed
