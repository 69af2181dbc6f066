"""Open the advisor's user-data file so that damage never stops the app and nothing is lost silently.

Before the window opens the file, it is read without writing to it: SQLite's quick_check and every row
of its tables. When that fails (truncated, a zeroed header, garbage, a folder in its place, a file that
cannot be read), the damaged file is moved aside, renamed `userdata.sqlite.damaged-YYYYmmdd-HHMMSS` with
its -wal/-shm beside it under the same new name (so the pair still opens together), never deleted; the
newest good backup (core/userdata_backup.py) is restored in its place, or the app starts with empty
user data when there is none. When even that fails (a read-only folder), the user data is kept in memory,
as a copy of the newest good backup. The Recovery returned says what happened, for the window to tell.
"""
from __future__ import annotations

import datetime as _dt
import os
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path

from .userdata import UserData
from .userdata_backup import STAMP, BackupCopy, DamagedDatabase, copy_database, newest_good_backup, verify

# Files SQLite may keep beside a database: they belong to it and move with it.
COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Recovery:
    """What start-up did about a user-data file it could not use.

    problem: "damaged" (SQLite cannot read it through), "unreadable" (no permission), "directory" (a
    folder in its place), "missing" (gone, with a backup to restore), "read_only" (intact, cannot be
    written where it is); detail: SQLite's or the system's words; put_aside: the damaged file's new
    name (None when it could not be moved, or nothing was moved); restored: the backup now in use (None:
    started empty, or the intact file itself was loaded); in_memory: changes last until the app closes;
    error: why the file could not be moved aside or written."""
    path: Path
    problem: str
    detail: str
    put_aside: Path | None
    restored: BackupCopy | None
    in_memory: bool
    error: str = ""


@dataclass(frozen=True)
class Opened:
    userdata: UserData
    recovery: Recovery | None     # None: the file opened as it was


def diagnose(path: Path) -> tuple[str, str] | None:
    """(problem, detail) when the user-data file at `path` cannot be used as it is; None when it can
    (or when there is none yet). Writes nothing to the file."""
    try:
        if path.is_dir():
            return "directory", "a folder"
        if not path.exists():
            return None
        with path.open("rb"):
            pass
    except OSError as exc:              # the file, or the folder it is in, cannot be read
        return "unreadable", exc.strerror or str(exc)
    there_before = [suffix for suffix in COMPANIONS if Path(f"{path}{suffix}").exists()]
    try:
        verify(path, "quick_check")
    except DamagedDatabase as exc:
        return "damaged", str(exc)
    finally:
        # SQLite makes an empty -wal and -shm even to read a WAL-mode file; what was not there before is
        # ours (nothing of the advisor's) and must not be put aside as if it had come with the file.
        for suffix in COMPANIONS:
            if suffix not in there_before:
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    return None


def put_aside(path: Path, when: _dt.datetime) -> Path:
    """Rename the file (or folder) at `path` and its companions to `<name>.damaged-<time>`; raises OSError."""
    base = path.with_name(f"{path.name}.damaged-{when.strftime(STAMP)}")
    aside, n = base, 1
    while any(Path(f"{aside}{suffix}").exists() for suffix in ("", *COMPANIONS)):
        n += 1
        aside = base.with_name(f"{base.name}-{n}")
    os.rename(path, aside)
    for suffix in COMPANIONS:
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.rename(companion, f"{aside}{suffix}")
    return aside


def open_userdata(path: Path, backups: Path, now: _dt.datetime | None = None) -> Opened:
    """The user data at `path`, checked, and recovered from the newest good copy in `backups` when it is
    damaged or missing; never raises for a damaged, unreadable or unwritable file."""
    found = diagnose(path)
    if found is None and not path.exists() and newest_good_backup(backups) is not None:
        found = ("missing", "")              # gone, but a copy is there: bring it back
    if found is None:                        # as it was (or the first start: nothing lost, nothing to say)
        try:
            return Opened(UserData(path), None)
        except (OSError, sqlite3.Error) as exc:
            # intact but cannot be written where it is (a read-only file or folder): work on a copy
            return _in_memory(Recovery(path, "read_only", "", None, None, True, _why(exc)),
                              path if path.is_file() else None)
    problem, detail = found
    moved: Path | None = None
    try:
        if problem != "missing":
            moved = put_aside(path, now or _dt.datetime.now())
    except OSError as exc:
        newest = newest_good_backup(backups)
        return _in_memory(Recovery(path, problem, detail, None, newest, True, _why(exc)),
                          newest.path if newest else None)
    newest = newest_good_backup(backups)
    recovery = Recovery(path, problem, detail, moved, newest, False)
    try:
        if newest is not None:
            _restore(newest.path, path)
        return Opened(UserData(path), recovery)
    except (OSError, sqlite3.Error) as exc:
        return _in_memory(replace(recovery, in_memory=True, error=_why(exc)), newest.path if newest else None)


def _restore(backup: Path, path: Path) -> None:
    """Copy `backup` to `path` through a temporary name, so `path` is never a half-written file."""
    partial = path.with_name(f"{path.name}.restoring")
    partial.unlink(missing_ok=True)
    copy_database(backup, partial)
    os.replace(partial, path)


def _in_memory(recovery: Recovery, source: Path | None) -> Opened:
    """User data in memory, as a copy of `source` when it can still be read (else empty, and said so)."""
    if source is not None:
        try:
            return Opened(UserData.in_memory(source), recovery)
        except sqlite3.Error:
            recovery = replace(recovery, restored=None)
    return Opened(UserData.in_memory(), recovery)


def _why(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)
