"""The advisor's own data: bookmarks, one note per record, recently viewed records.

A separate SQLite file in the user's data folder (never inside a dataset), keyed by record id, so it
survives dataset rebuilds and updates. A note whose record is no longer in the dataset is kept and
listed as orphaned. There is deliberately no field for a client's personal data.
"""
from __future__ import annotations

import datetime as _dt
import sqlite3
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
    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.executescript(SCHEMA)
        self.conn.commit()

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
