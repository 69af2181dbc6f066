"""The score tables kept beside the index: every term's documents with their BM25F scores, in SQLite.

Reading Whoosh's pickled, compressed posting blocks at query time was what made the slowest searches
slow at 50,000 records, so the scores are computed once, when the index is built.
"""
from __future__ import annotations

import sqlite3
import sys
from array import array
from math import log
from pathlib import Path
from typing import Any

from whoosh import index as windex

from .. import languages
from .bitsets import bitset

SCORES_FILE = "scores.sqlite"
BM25_B, BM25_K1 = 0.75, 1.2
# An advisor asking about a topic wants the procedure first, then the agreement or the contact.
KIND_WEIGHT = {"procedure": 1.5, "agreement": 1.0, "contact": 1.0}
SCORED_FIELDS = tuple(f"{kind}_{lang}" for lang in languages.CONTENT for kind in ("title", "text"))


def write_score_tables(index_dir: Path, target: Path | None = None) -> None:
    """Every term of the scored fields with its documents and their BM25F scores (kind weight folded
    in), one SQLite row per term: (documents as int32, scores as float32, and for common terms the
    document set as a bitset), little-endian whatever the machine. Written to `target` (default: the
    index's score file).

    An index updated in place (update_index) still holds its replaced documents, marked deleted: they
    count neither in the number of documents nor in the mean field length, so the scores are those of a
    whole rebuild; document numbers and bitsets span the deleted ones too."""
    ix = windex.open_dir(str(index_dir))
    conn = sqlite3.connect(target or index_dir / SCORES_FILE)
    try:
        conn.execute("CREATE TABLE terms (field TEXT NOT NULL, term TEXT NOT NULL, ids BLOB NOT NULL, "
                     "scores BLOB NOT NULL, bits BLOB, PRIMARY KEY (field, term)) WITHOUT ROWID")
        with ix.reader() as reader:
            n = reader.doc_count_all()           # document numbers, the deleted ones included
            live = reader.doc_count() or 1
            live_docs = list(reader.all_doc_ids())
            kind_weight = [1.0] * n
            for kind in reader.lexicon("kind"):
                for docnum in reader.postings("kind", kind).all_ids():
                    kind_weight[docnum] = KIND_WEIGHT.get(term_text(kind), 1.0)
            for fieldname in SCORED_FIELDS:
                boost = getattr(ix.schema[fieldname], "field_boost", 1.0)
                # the mean of the lengths the formula uses (whoosh keeps a document's length rounded to a
                # byte; its field total is exact): an index updated in place scores as one built whole
                lengths = [reader.doc_field_length(d, fieldname, 1) for d in range(n)]
                avg = (sum(lengths[d] for d in live_docs) / live) or 1.0
                norm = [BM25_K1 * (1 - BM25_B + BM25_B * length / avg) for length in lengths]
                rows = []
                for term, (ids, weights) in _field_postings(reader, fieldname).items():
                    if not ids:
                        continue     # a term only the replaced documents had
                    factor = boost * (log(live / (len(ids) + 1)) + 1) * (BM25_K1 + 1)
                    scores = array("f", [factor * kind_weight[d] * tf / (tf + norm[d])
                                         for d, tf in zip(ids, weights, strict=True)])
                    docs = array("i", ids)
                    bits = bitset(docs, n).to_bytes(n // 8 + 1, "little") if len(docs) * 32 > n else None
                    rows.append((fieldname, term, le_bytes(docs), le_bytes(scores), bits))
                conn.executemany("INSERT INTO terms VALUES (?, ?, ?, ?, ?)", rows)
        conn.commit()
    finally:
        conn.close()
        ix.close()


def open_scores(index_dir: Path) -> sqlite3.Connection:
    # immutable: the file never changes once built (a rebuild writes a new folder), so SQLite takes no locks,
    # which a read-only network share may not grant. Used from the search thread under SearchIndex._lock.
    return sqlite3.connect(f"{(index_dir / SCORES_FILE).resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                           check_same_thread=False)


def le_bytes(values: array[Any]) -> bytes:
    if sys.byteorder == "big":
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def from_le(typecode: str, data: bytes) -> array[Any]:
    values = array(typecode)
    values.frombytes(data)
    if sys.byteorder == "big":
        values.byteswap()
    return values


def _field_postings(reader: Any, fieldname: str) -> dict[str, tuple[list[int], list[float]]]:
    """Every term of `fieldname` with its live documents' numbers and frequencies, read segment by segment
    (an index updated in place has a segment per update): whoosh's own postings wrap a segment with deleted
    documents, or several segments, in matchers that are read a posting at a time."""
    out: dict[str, tuple[list[int], list[float]]] = {}
    for leaf, base in reader.leaf_readers():
        deleted = leaf.deleted_docs_set if leaf.has_deletions() else frozenset()
        terms = getattr(leaf, "_terms", None)
        for raw in leaf.lexicon(fieldname):
            term = term_text(raw)
            if terms is not None:
                ids, weights = _blocks(terms.matcher(fieldname, raw, leaf.schema[fieldname].format))
            else:
                pairs = list(leaf.postings(fieldname, term).items_as("weight"))
                ids, weights = [d for d, _ in pairs], [w for _, w in pairs]
            entry = out.setdefault(term, ([], []))
            if deleted:
                kept = [i for i, docnum in enumerate(ids) if docnum not in deleted]
                ids, weights = [ids[i] for i in kept], [weights[i] for i in kept]
            entry[0].extend([base + docnum for docnum in ids] if base else ids)
            entry[1].extend(weights)
    return out


def _blocks(matcher: Any) -> tuple[list[int], list[float]]:
    """A term's document numbers and frequencies, a block at a time where the codec allows it (Whoosh's
    per-posting iteration costs about a microsecond a posting; a block is a tuple and an array)."""
    if not all(hasattr(matcher, a) for a in ("_read_ids", "_read_weights", "_next_block")):
        pairs = list(matcher.items_as("weight"))
        return [d for d, _ in pairs], [w for _, w in pairs]
    ids, weights = [], []
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        ids.extend(matcher._ids[matcher._i:])
        weights.extend(matcher._weights[matcher._i:])
        matcher._next_block()
    return ids, weights


def term_text(value: str | bytes) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value
