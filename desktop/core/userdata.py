"""The advisor's own data: bookmarks, one note per record, recently viewed records.

A separate SQLite file in the user's data folder (never inside a dataset), keyed by record id, so it
survives dataset rebuilds and updates. A note whose record is no longer in the dataset is kept and
listed as orphaned. There is deliberately no field for a client's personal data.
"""
from __future__ import annotations

import datetime as _dt
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

HISTORY_LIMIT = 50

SCHEMA = """
CREATE TABLE IF NOT EXISTS bookmarks (record_id TEXT PRIMARY KEY, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS notes (record_id TEXT PRIMARY KEY, text TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS history (record_id TEXT PRIMARY KEY, viewed_at TEXT NOT NULL);
"""


def _now() -> str:
    # microseconds: two views in the same second must still order correctly
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="microseconds")


@dataclass
class Note:
    record_id: str
    text: str
    updated_at: str


class UserData:
    """The file's tables opened read-write. It is checked, backed up and recovered from damage by
    core/userdata_recovery.py and core/userdata_backup.py before and after the window opens it."""

    def __init__(self, path: Path | str):
        self.path: Path | None = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._open(sqlite3.connect(self.path, check_same_thread=False))

    @classmethod
    def in_memory(cls, copy_of: Path | None = None) -> UserData:
        """User data kept in memory only (lost when the app closes), starting as a copy of the SQLite file
        `copy_of` when given: for when the file cannot be used where it is (a read-only folder)."""
        data = cls.__new__(cls)
        data.path = None
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        if copy_of is not None:
            with closing(sqlite3.connect(f"{copy_of.resolve().as_uri()}?mode=ro", uri=True)) as source:
                source.backup(conn)
        data._open(conn)
        return data

    def _open(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.conn.execute("PRAGMA journal_mode=WAL")   # in memory it stays "memory"
        self.conn.executescript(SCHEMA)
        self.conn.commit()

    @property
    def in_memory_only(self) -> bool:
        return self.path is None

    def close(self) -> None:
        self.conn.close()

    def _write(self, sql: str, *args: object) -> None:
        with self.conn:
            self.conn.execute(sql, args)

    # bookmarks
    def is_bookmarked(self, record_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM bookmarks WHERE record_id = ?", (record_id,)).fetchone() is not None

    def set_bookmark(self, record_id: str, on: bool) -> None:
        if on:
            self._write("INSERT OR IGNORE INTO bookmarks VALUES (?, ?)", record_id, _now())
        else:
            self._write("DELETE FROM bookmarks WHERE record_id = ?", record_id)

    def toggle_bookmark(self, record_id: str) -> bool:
        on = not self.is_bookmarked(record_id)
        self.set_bookmark(record_id, on)
        return on

    def bookmarks(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT record_id FROM bookmarks ORDER BY created_at DESC, record_id")]

    # notes
    def note(self, record_id: str) -> str:
        row = self.conn.execute("SELECT text FROM notes WHERE record_id = ?", (record_id,)).fetchone()
        return row[0] if row else ""

    def set_note(self, record_id: str, text: str) -> None:
        if text.strip():
            self._write("INSERT INTO notes VALUES (?, ?, ?) ON CONFLICT(record_id) DO UPDATE "
                        "SET text = excluded.text, updated_at = excluded.updated_at", record_id, text, _now())
        else:
            self._write("DELETE FROM notes WHERE record_id = ?", record_id)

    def notes(self) -> list[Note]:
        return [Note(*r) for r in self.conn.execute(
            "SELECT record_id, text, updated_at FROM notes ORDER BY updated_at DESC, record_id")]

    def orphaned_notes(self, known_ids: set[str]) -> list[Note]:
        """Notes whose record the current dataset no longer has (kept, never deleted silently)."""
        return [n for n in self.notes() if n.record_id not in known_ids]

    # history
    def record_view(self, record_id: str) -> None:
        with self.conn:
            self.conn.execute("INSERT INTO history VALUES (?, ?) ON CONFLICT(record_id) DO UPDATE "
                              "SET viewed_at = excluded.viewed_at", (record_id, _now()))
            self.conn.execute("DELETE FROM history WHERE record_id NOT IN (SELECT record_id FROM history "
                              "ORDER BY viewed_at DESC LIMIT ?)", (HISTORY_LIMIT,))

    def history(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT record_id FROM history ORDER BY viewed_at DESC, rowid DESC")]
