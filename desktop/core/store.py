"""Read-only access to a built dataset (reference.sqlite).

The file is opened with `mode=ro`, so nothing here can change it and several PCs can read the same file
from a network folder. Every failure to open it becomes a DatasetError with a plain message.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from . import freshness, languages
from . import model as m

# The dataset's file name and the schema version this app reads and writes (bump with db/schema.sql).
# Kept here, not in build.py, so opening a dataset never imports the build's dependencies.
DATASET_FILE = "reference.sqlite"
SCHEMA_VERSION = 2  # 2: sources.type, records.review_by


class DatasetError(Exception):
    """The dataset is missing, damaged or too new for this app; `code` says which ("missing", "damaged",
    "too_new") for a caller that falls back to another dataset."""

    def __init__(self, message: str, code: str = "damaged") -> None:
        super().__init__(message)
        self.code = code


def _json(value: str | None) -> Any:
    return json.loads(value) if value is not None else None


def _column(row: sqlite3.Row, name: str) -> Any:
    """A column added in a later schema; None in a dataset built before it (IndexError: no such column)."""
    try:
        return row[name]
    except IndexError:
        return None


def _fact(value: str | None) -> m.Fact | None:
    data = _json(value)
    return m.Fact(**data) if data else None


class Store:
    def __init__(self, path: Path | str) -> None:
        path = Path(path)
        if path.is_dir():
            path = path / DATASET_FILE
        self.path = path
        if not path.exists():
            raise DatasetError(f"No dataset at {path}. Build it with `make dataset` "
                               f"(or `migrant-desk build`).", "missing")
        try:
            self.conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                        check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            rows = self.conn.execute("SELECT key, value FROM meta").fetchall()
        except sqlite3.DatabaseError as exc:
            raise DatasetError(f"The dataset {path} is damaged or is not a Migrant Desk dataset "
                               f"({exc}). Rebuild it or reinstall the data.") from exc
        self._meta = {r["key"]: r["value"] for r in rows}
        try:
            version = int(self._meta.get("schema_version", ""))
        except ValueError:
            raise DatasetError(f"The dataset {path} has no schema version; it is damaged.") from None
        if version > SCHEMA_VERSION:
            raise DatasetError(f"The dataset {path} needs a newer Migrant Desk (schema {version}, "
                               f"this app reads {SCHEMA_VERSION}).", "too_new")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _all(self, sql: str, *args: object) -> list[sqlite3.Row]:
        return self.conn.execute(sql, args).fetchall()

    # ------------------------------------------------------------------ dataset facts

    def meta(self) -> dict[str, str]:
        return dict(self._meta)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(m.KINDS, 0)
        counts.update({r["kind"]: r["n"] for r in self._all(
            "SELECT kind, count(*) AS n FROM records GROUP BY kind")})
        return counts

    def regions(self) -> list[m.Region]:
        return [m.Region(r["code"], _json(r["name"]), r["federal_district"])
                for r in self._all("SELECT * FROM regions ORDER BY code")]

    def countries(self) -> list[m.Country]:
        return [m.Country(r["code"], _json(r["name"]), bool(r["citizenship"]), bool(r["eaeu"]))
                for r in self._all("SELECT * FROM countries ORDER BY code")]

    def federal_districts(self) -> dict[str, dict[str, str]]:
        return {r["code"]: _json(r["name"]) for r in self._all("SELECT * FROM federal_districts")}

    def topic_words(self) -> dict[str, dict[str, str]]:
        """topic -> {lang: everyday words}; empty for a dataset built before topic words were data (it has
        no such table, and stays usable: its index is built without them)."""
        if not self._all("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'topic_words'"):
            return {}
        words: dict[str, dict[str, str]] = {}
        for r in self._all("SELECT topic, lang, words FROM topic_words ORDER BY topic, lang"):
            words.setdefault(r["topic"], {})[r["lang"]] = r["words"]
        return words

    def search_words(self) -> list[tuple[str, str, str, str]]:
        """(kind, code, lang, words) of the search's places, stop words and intents (db/content/places.yaml,
        stopwords.yaml, topics.yaml); empty for a dataset built before they were data."""
        if not self._all("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_words'"):
            return []
        return [(r["kind"], r["code"], r["lang"], r["words"]) for r in self._all(
            "SELECT kind, code, lang, words FROM search_words ORDER BY kind, code, lang")]

    def review_dates(self) -> dict[str, str]:
        """record id -> the day after which it needs review: its review_by, else (and in a dataset built before
        review dates, schema 1) verified_on + 12 months, as `freshness.review_by` says for a whole record."""
        has_column = any(r["name"] == "review_by" for r in self._all("PRAGMA table_info(records)"))
        dates = {}
        for r in self._all(f"SELECT id, {'review_by' if has_column else 'NULL'} AS review_by, verified_on "
                           "FROM records"):
            due = r["review_by"] or freshness.default_review_by(r["verified_on"])
            if due:
                dates[r["id"]] = due
        return dates

    def ids(self, kind: str | None = None) -> list[str]:
        if kind:
            return [r["id"] for r in self._all("SELECT id FROM records WHERE kind = ? ORDER BY id", kind)]
        return [r["id"] for r in self._all("SELECT id FROM records ORDER BY id")]

    def text_blocks(self, record_id: str) -> dict[str, str]:
        """Summary and body per language, as one block of text (for search snippets)."""
        return {r["lang"]: f"{r['summary']}\n{r['body']}" for r in self._all(
            "SELECT lang, summary, body FROM texts WHERE record_id = ?", record_id)}

    def titles(self, record_id: str) -> dict[str, str]:
        return {r["lang"]: r["title"] for r in self._all(
            "SELECT lang, title FROM texts WHERE record_id = ?", record_id)}

    # ------------------------------------------------------------------ whole records

    def record(self, record_id: str) -> m.Record | None:
        row = self.conn.execute("SELECT * FROM records WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            return None
        rid, kind = row["id"], row["kind"]
        texts = {r["lang"]: m.Text(r["title"], r["summary"], r["body"], r["translation"])
                 for r in self._all("SELECT * FROM texts WHERE record_id = ?", rid)}
        citizenships = [r["code"] for r in self._all(
            "SELECT code FROM record_citizenships WHERE record_id = ? ORDER BY code", rid)]
        common = dict(
            id=rid, kind=kind, texts={lang: texts[lang] for lang in languages.CONTENT if lang in texts},
            status=row["status"], verified_on=row["verified_on"],
            sources=[m.Source(id=r["source_id"], url=r["url"], title=r["title"], publisher=r["publisher"],
                              date=r["date"], note=r["note"], type=_column(r, "type"))
                     for r in self._all("SELECT * FROM sources WHERE record_id = ? ORDER BY position", rid)],
            regions=[r["code"] for r in self._all(
                "SELECT code FROM record_regions WHERE record_id = ? ORDER BY code", rid)],
            dates={k: row[f"date_{k}"] for k in m.DATE_KEYS if row[f"date_{k}"]},
            confidence=row["confidence"], confidence_note=_json(row["confidence_note"]),
            notes=[m.Note(r["type"], _json(r["text"])) for r in self._all(
                "SELECT * FROM notes WHERE record_id = ? ORDER BY position", rid)],
            links=[m.Link(r["rel"], r["to_id"]) for r in self._all(
                "SELECT * FROM links WHERE from_id = ? ORDER BY position", rid)],
            ref=row["ref"], source_file=row["source_file"],
            # a schema-1 dataset has neither column: no review date (the record view then shows none)
            review_by=_column(row, "review_by"),
        )
        if kind == "agreement":
            parties = [r["code"] or _json(r["name"]) for r in self._all(
                "SELECT * FROM parties WHERE record_id = ? ORDER BY position", rid)]
            return m.Agreement(**common, applies_to=citizenships, agreement_type=row["subtype"],
                               parties=parties)
        if kind == "procedure":
            return m.Procedure(**common, applies_to=citizenships, topic=row["subtype"],
                               steps=self._steps(rid), documents=self._items("documents", rid),
                               fees=self._items("fees", rid),
                               legal_basis=[m.LegalBasis(to=r["to_id"], law=_json(r["law"])) for r in self._all(
                                   "SELECT * FROM legal_basis WHERE record_id = ? ORDER BY position", rid)])
        c = self.conn.execute("SELECT * FROM contacts WHERE record_id = ?", (rid,)).fetchone()
        district = _json(c["district"])
        return m.Contact(**common, serves=citizenships, type=c["type"], city=_json(c["city"]),
                         region=c["region"], district=m.District(**district) if district else None,
                         address=_fact(c["address"]), email=_fact(c["email"]), website=_fact(c["website"]),
                         hours=_fact(c["hours"]), head=_fact(c["head"]),
                         phones=[m.Phone(number=r["number"], label=r["label"], short_in=r["short_in"],
                                         source=r["source"], confidence=r["confidence"], note=_json(r["note"]))
                                 for r in self._all("SELECT * FROM phones WHERE record_id = ? ORDER BY position", rid)])

    def _steps(self, rid: str) -> list[m.Step]:
        deadlines: dict[int, list[m.Deadline]] = {}
        for r in self._all("SELECT * FROM deadlines WHERE record_id = ? ORDER BY step, position", rid):
            deadlines.setdefault(r["step"], []).append(m.Deadline(
                days=r["days"], months=r["months"], counted_from=r["counted_from"],
                working_days=bool(r["working_days"]), before=bool(r["before"]),
                applies_to=_json(r["applies_to"]), note=_json(r["note"])))
        return [m.Step(text=_json(r["text"]), deadlines=deadlines.get(r["position"], []),
                       where=_json(r["where_text"]), applies_to=_json(r["applies_to"]),
                       confidence=r["confidence"], note=_json(r["note"]))
                for r in self._all("SELECT * FROM steps WHERE record_id = ? ORDER BY position", rid)]

    def _items(self, table: str, rid: str) -> list[m.Item]:
        items = []
        for r in self._all(f"SELECT * FROM {table} WHERE record_id = ? ORDER BY position", rid):
            item = m.Item(text=_json(r["text"]), applies_to=_json(r["applies_to"]),
                          confidence=r["confidence"], note=_json(r["note"]))
            if table == "fees":
                item.amount, item.currency, item.source = r["amount"], r["currency"], r["source"]
            items.append(item)
        return items

    # ------------------------------------------------------------------ relations

    def linked(self, record_id: str) -> list[tuple[str, str, str]]:
        """(direction, rel, other id) for links from and to a record: 'out' or 'in'."""
        out = [("out", r["rel"], r["to_id"]) for r in self._all(
            "SELECT rel, to_id FROM links WHERE from_id = ? ORDER BY position", record_id)]
        out += [("in", r["rel"], r["from_id"]) for r in self._all(
            "SELECT rel, from_id FROM links WHERE to_id = ? ORDER BY from_id, position", record_id)]
        return out

    def contact_region_codes(self, record_id: str) -> list[str]:
        """Region codes a contact covers ('all' when it serves everywhere)."""
        return [r["code"] for r in self._all(
            "SELECT DISTINCT code FROM contact_regions WHERE record_id = ? ORDER BY code", record_id)]

    def contacts_covering(self, region: str) -> list[str]:
        """Ids of contacts located in `region`, whose district covers it, or that serve everywhere."""
        return [r["record_id"] for r in self._all(
            "SELECT DISTINCT record_id FROM contact_regions WHERE code IN (?, 'all') ORDER BY record_id",
            region)]


def open_store(dataset_dir: Path | str) -> Store:
    return Store(dataset_dir)
