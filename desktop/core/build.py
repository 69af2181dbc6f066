"""content -> dataset: validate, then write a read-only SQLite file with sqlite-utils.

The build is deterministic: records are written in id order, the content hash is computed from the
validated model (not from file bytes, so reformatting a file does not change it), and `built_at`
follows SOURCE_DATE_EPOCH when it is set.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import sqlite_utils

from .. import __version__
from . import languages
from . import model as m
from .content import Content, ContentError, load_content
from .integrity import write_checksums
from .store import DATASET_FILE, SCHEMA_VERSION


def canonical_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def dumps(value: object) -> str | None:
    """Canonical JSON for a column (None stays NULL)."""
    if value is None:
        return None
    return canonical_json(value)


def content_hash(content: Content) -> str:
    """SHA-256 over the validated content in a canonical form."""
    payload = {
        "records": [dataclasses.asdict(r) for r in sorted(content.records, key=lambda r: r.id)],
        "regions": [dataclasses.asdict(r) for r in content.regions],
        "countries": [dataclasses.asdict(c) for c in content.countries],
        "federal_districts": content.federal_districts,
        "topic_words": content.topic_words,
        "search_words": content.search_words,
        "dataset_version": content.dataset_version,
    }
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def _built_at() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (_dt.datetime.fromtimestamp(int(epoch), _dt.UTC) if epoch
              else _dt.datetime.now(_dt.UTC))
    return moment.replace(microsecond=0).isoformat()


def dial_string(phone: m.Phone) -> str:
    return re.sub(r"[^\d+]", "", phone.number)


def expand_district(contact: m.Contact, fd_of: dict[str, str]) -> list[tuple[str, str]]:
    """(region code, via) pairs a contact covers: where it is, its district, or everything."""
    rows = set()
    if contact.region:
        rows.add((contact.region, "located"))
    district = contact.district
    if district:
        if district.all:
            rows.add((m.ALL, "all"))
        rows.update((code, "region") for code in district.regions)
        for fd in district.federal_districts:
            rows.update((code, fd) for code, region_fd in fd_of.items() if region_fd == fd)
    return sorted(rows)


TABLES = ("countries", "federal_districts", "regions", "records", "texts", "record_citizenships", "record_regions",
          "parties", "steps", "deadlines", "documents", "fees", "legal_basis", "contacts", "contact_regions", "phones",
          "links", "sources", "notes", "topic_words", "search_words")
# the tables that hold a record's own rows, and the column naming the record
RECORD_TABLES = {"records": "id", "texts": "record_id", "record_citizenships": "record_id",
                 "record_regions": "record_id", "parties": "record_id", "steps": "record_id",
                 "deadlines": "record_id", "documents": "record_id", "fees": "record_id", "legal_basis": "record_id",
                 "contacts": "record_id", "contact_regions": "record_id", "phones": "record_id", "links": "from_id",
                 "sources": "record_id", "notes": "record_id"}


def _fact(fact: m.Fact | None) -> str | None:
    return dumps(dataclasses.asdict(fact)) if fact else None


def _source_row(owner: str, position: int, s: m.Source) -> dict[str, Any]:
    return {"record_id": owner, "position": position, "source_id": s.id, "url": s.url, "title": s.title,
            "publisher": s.publisher, "date": s.date, "note": s.note, "type": s.type}


def _rows(content: Content) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows, in a stable order."""
    fd_of = {r.code: r.federal_district for r in content.regions}
    t: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for c in content.countries:
        t["countries"].append({"code": c.code, "name": dumps(c.name), "citizenship": int(c.citizenship),
                               "eaeu": int(c.eaeu)})
    for code in sorted(content.federal_districts):
        t["federal_districts"].append({"code": code, "name": dumps(content.federal_districts[code])})
    for region in content.regions:
        t["regions"].append({"code": region.code, "federal_district": region.federal_district,
                             "name": dumps(region.name), "name_ru": region.name.get("ru", ""),
                             "name_en": region.name.get("en", "")})
    for topic in sorted(content.topic_words):
        t["topic_words"] += [{"topic": topic, "lang": lang, "words": words}
                             for lang, words in sorted(content.topic_words[topic].items())]
    t["search_words"] = sorted(content.search_words, key=lambda r: (r["kind"], r["code"], r["lang"]))
    for owner, sources in sorted(content.reference_sources.items()):
        for i, s in enumerate(sources, 1):
            t["sources"].append(_source_row(owner, i, s))

    for r in sorted(content.records, key=lambda r: r.id):
        record_rows(r, fd_of, t)
    return t


def record_rows(r: m.Record, fd_of: dict[str, str], t: dict[str, list[dict[str, Any]]]) -> None:
    """One record's rows, appended to the tables of `t`."""
    subtype = getattr(r, "agreement_type", None) or getattr(r, "topic", None) or getattr(r, "type", None)
    t["records"].append({
        "id": r.id, "kind": r.kind, "subtype": subtype, "ref": r.ref, "status": r.status,
        "confidence": r.confidence, "confidence_note": dumps(r.confidence_note),
        "verified_on": r.verified_on, **{f"date_{k}": r.dates.get(k) for k in m.DATE_KEYS},
        "source_file": r.source_file, "review_by": r.review_by})
    for lang in languages.CONTENT:
        if lang in r.texts:
            x = r.texts[lang]
            t["texts"].append({"record_id": r.id, "lang": lang, "title": x.title, "summary": x.summary,
                               "body": x.body, "translation": x.translation})
    citizenships = r.serves if isinstance(r, m.Contact) else r.applies_to
    t["record_citizenships"] += [{"record_id": r.id, "code": c} for c in sorted(set(citizenships))]
    t["record_regions"] += [{"record_id": r.id, "code": c} for c in sorted(set(r.regions))]
    t["sources"] += [_source_row(r.id, i, s) for i, s in enumerate(r.sources, 1)]
    for i, n in enumerate(r.notes, 1):
        t["notes"].append({"record_id": r.id, "position": i, "type": n.type, "text": dumps(n.text)})
    for i, link in enumerate(r.links, 1):
        t["links"].append({"from_id": r.id, "position": i, "rel": link.rel, "to_id": link.to})

    if isinstance(r, m.Agreement):
        for i, party in enumerate(r.parties, 1):
            t["parties"].append({"record_id": r.id, "position": i,
                                 "code": party if isinstance(party, str) else None,
                                 "name": None if isinstance(party, str) else dumps(party)})
    elif isinstance(r, m.Procedure):
        for i, step in enumerate(r.steps, 1):
            t["steps"].append({"record_id": r.id, "position": i, "text": dumps(step.text),
                               "where_text": dumps(step.where), "applies_to": dumps(step.applies_to),
                               "confidence": step.confidence, "note": dumps(step.note)})
            for j, d in enumerate(step.deadlines, 1):
                t["deadlines"].append({
                    "record_id": r.id, "step": i, "position": j, "days": d.days, "months": d.months,
                    "counted_from": d.counted_from, "working_days": int(d.working_days),
                    "before": int(d.before), "applies_to": dumps(d.applies_to), "note": dumps(d.note)})
        for table, items in (("documents", r.documents), ("fees", r.fees)):
            for i, item in enumerate(items, 1):
                row = {"record_id": r.id, "position": i, "text": dumps(item.text),
                       "applies_to": dumps(item.applies_to), "confidence": item.confidence,
                       "note": dumps(item.note)}
                if table == "fees":
                    row.update(amount=item.amount, currency=item.currency, source=item.source)
                t[table].append(row)
        for i, b in enumerate(r.legal_basis, 1):
            t["legal_basis"].append({"record_id": r.id, "position": i, "to_id": b.to, "law": dumps(b.law)})
    elif isinstance(r, m.Contact):
        t["contacts"].append({
            "record_id": r.id, "type": r.type, "city": dumps(r.city), "region": r.region,
            "district": dumps(dataclasses.asdict(r.district)) if r.district else None,
            "address": _fact(r.address), "email": _fact(r.email), "website": _fact(r.website),
            "hours": _fact(r.hours), "head": _fact(r.head)})
        t["contact_regions"] += [{"record_id": r.id, "code": code, "via": via}
                                 for code, via in expand_district(r, fd_of)]
        for i, p in enumerate(r.phones, 1):
            t["phones"].append({"record_id": r.id, "position": i, "number": p.number,
                                "dial": dial_string(p), "label": p.label, "short_in": p.short_in,
                                "source": p.source, "confidence": p.confidence, "note": dumps(p.note)})


def replace_records(dataset: Path, content: Content, ids: Iterable[str]) -> None:
    """Rewrite the rows of the records `ids` in an existing dataset file from `content` (a record no longer in
    `content` loses its rows), in one transaction. The content editor keeps its preview current this way: a save
    rewrites one record's rows instead of the whole file. Its content hash becomes a hash of the old one and
    the changed records (hashing the whole content again took half a second at 1,000 records), so an index
    made for the old rows is seen to be stale; a dataset written whole gets the hash of its whole content."""
    wanted = set(ids)
    fd_of = {r.code: r.federal_district for r in content.regions}
    t: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for r in content.records:
        if r.id in wanted:
            record_rows(r, fd_of, t)
    conn = sqlite3.connect(dataset)
    try:
        with conn:
            marks = ",".join("?" * len(wanted))
            for table, column in RECORD_TABLES.items():
                conn.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", sorted(wanted))
            db = sqlite_utils.Database(conn)
            for table, rows in t.items():
                if rows:
                    db.table(table).insert_all(rows, batch_size=500)
            old = conn.execute("SELECT value FROM meta WHERE key = 'content_hash'").fetchone()
            changed = [dataclasses.asdict(r) for r in content.records if r.id in wanted]
            edit = hashlib.sha256(((old[0] if old else "") + canonical_json(changed)).encode("utf-8"))
            conn.execute("UPDATE meta SET value = ? WHERE key = 'content_hash'", (edit.hexdigest(),))
    finally:
        conn.close()


def write_dataset(content: Content, out_dir: Path, schema_sql: str) -> Path:
    """Write `out_dir/reference.sqlite` atomically (temp file + rename) and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / DATASET_FILE
    tmp = out_dir / (DATASET_FILE + ".tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript(schema_sql)
        db = sqlite_utils.Database(conn)
        for table, rows in _rows(content).items():
            if rows:
                db.table(table).insert_all(rows, batch_size=500)
        meta = {
            "dataset_version": content.dataset_version,
            "schema_version": str(SCHEMA_VERSION),
            "content_hash": content_hash(content),
            "built_at": _built_at(),
            "app_version": __version__,
        }
        db.table("meta").insert_all([{"key": k, "value": v} for k, v in sorted(meta.items())])
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.commit()
        # smoke test before the file goes live: every record has its texts
        missing = conn.execute("SELECT count(*) FROM records WHERE id NOT IN "
                               "(SELECT record_id FROM texts)").fetchone()[0]
        if missing:
            raise RuntimeError(f"{missing} record(s) without texts in the built dataset")
        conn.execute("VACUUM")
    finally:
        conn.close()
    os.replace(tmp, target)
    write_checksums(out_dir, [DATASET_FILE])   # so damage at rest is noticed later (core/integrity)
    return target


def build(content_dir: Path, out_dir: Path, schema_file: Path) -> tuple[Path, Content]:
    """Validate `content_dir`; raise ContentError with every problem, or write the dataset."""
    content = load_content(content_dir)
    if content.problems:
        raise ContentError(content.problems)
    path = write_dataset(content, out_dir, schema_file.read_text(encoding="utf-8"))
    return path, content
