"""The index folder: build it from a dataset (aside, then swapped in), and tell whether it is usable.

The index lives in a folder with a small JSON stamp holding the dataset's content hash; an index whose
stamp is missing, different or unreadable is rebuilt from the SQLite file.
"""
from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import Any

from whoosh import index as windex

from ..integrity import write_checksums
from ..store import Store
from .analysis import make_schema
from .documents import record_document, spelling_words
from .scores import SCORES_FILE, open_scores, write_score_tables

# 4: topic words come from the dataset (a dataset without them gets an index without them)
# 5: Kyrgyz keys drop the 3rd person possessive after a consonant (мөөнөттөрү -> мөөнөт); a topic field
INDEX_FORMAT = 5
STAMP_FILE = "migrant-desk-index.json"
VOCABULARY_FILE = "vocabulary.json"

Progress = Callable[[int, int], None]


def read_stamp(index_dir: Path) -> dict[str, Any] | None:
    try:
        stamp = json.loads((index_dir / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def index_state(store: Store, index_dir: Path) -> str:
    """'ok', 'missing', 'stale' or 'corrupt' for the index in `index_dir` against `store`; never raises.

    Anything that stops the index from being read counts as 'corrupt' (so it is rebuilt): damaged files,
    a missing file, a folder that cannot be listed or read."""
    try:
        return _index_state(store, index_dir)
    except Exception:  # whoosh raises many kinds on damaged files (even exists_in: IndexError on a bad
        return "corrupt"  # .toc), the OS PermissionError, sqlite3 DatabaseError on a damaged score table


def _index_state(store: Store, index_dir: Path) -> str:
    if not index_dir.is_dir():
        return "corrupt" if index_dir.exists() else "missing"
    stamp = read_stamp(index_dir)
    if stamp is None or not windex.exists_in(str(index_dir)) or not (index_dir / SCORES_FILE).is_file():
        return "corrupt" if any(index_dir.iterdir()) else "missing"
    if stamp.get("content_hash") != store.meta().get("content_hash") or stamp.get("format") != INDEX_FORMAT:
        return "stale"
    ix = windex.open_dir(str(index_dir))
    try:
        with ix.searcher() as searcher:
            if searcher.doc_count() != len(store.ids()):
                return "corrupt"
    finally:
        ix.close()
    scores = open_scores(index_dir)
    try:
        scores.execute("SELECT field, term, ids, scores, bits FROM terms LIMIT 1").fetchall()
    finally:
        scores.close()
    return "ok"


def build_index(store: Store, index_dir: Path, progress: Progress | None = None,
                words: dict[str, set[str]] | None = None) -> Path:
    """Write a fresh index for `store` into `index_dir` (built aside, then swapped in). `words`, when given, gets
    every record's spelling words (what `update_index` needs to keep the typo corrector's list current)."""
    index_dir = Path(index_dir)
    tmp = index_dir.with_name(index_dir.name + ".building")
    _remove(tmp)
    tmp.mkdir(parents=True)
    ix = windex.create_in(str(tmp), make_schema())
    ids = store.ids()
    region_names = {r.code: r.name for r in store.regions()}
    topic_words = store.topic_words()
    writer = ix.writer(limitmb=256)
    vocabulary: Counter[str] = Counter()
    for n, record_id in enumerate(ids, 1):
        record = store.record(record_id)
        assert record is not None  # an id the same store just listed
        doc = record_document(record, store, region_names, topic_words)
        record_words = spelling_words(doc)
        vocabulary.update(record_words)
        if words is not None:
            words[record_id] = record_words
        writer.add_document(**doc)
        if progress and (n % 50 == 0 or n == len(ids)):
            progress(n, len(ids))
    writer.commit()
    ix.close()
    write_score_tables(tmp)
    _write_vocabulary_and_stamp(tmp, vocabulary, store, len(ids))
    old = index_dir.with_name(index_dir.name + ".old")
    _remove(old)
    if index_dir.exists():
        index_dir.rename(old)
    tmp.rename(index_dir)
    _remove(old)
    return index_dir


def update_index(store: Store, index_dir: Path, ids: Iterable[str], words: dict[str, set[str]]) -> None:
    """Bring the index in `index_dir` up to date with the records `ids` of `store` (changed, new or gone) in place:
    their documents replaced, the score tables written again (every score depends on the number of documents
    and their mean length), the typo corrector's list made from `words` (every record's spelling words, as
    `build_index` gave them; updated here). The scores are those a whole rebuild gives. Nobody may hold the
    index open meanwhile (the score tables are opened as immutable)."""
    index_dir = Path(index_dir)
    ix = windex.open_dir(str(index_dir))
    try:
        region_names = {r.code: r.name for r in store.regions()}
        topic_words = store.topic_words()
        writer = ix.writer()
        for record_id in ids:
            writer.delete_by_term("id", record_id)
            record = store.record(record_id)
            if record is None:
                words.pop(record_id, None)
                continue
            doc = record_document(record, store, region_names, topic_words)
            words[record_id] = spelling_words(doc)
            writer.add_document(**doc)
        writer.commit()
    finally:
        ix.close()
    fresh = index_dir / (SCORES_FILE + ".new")
    fresh.unlink(missing_ok=True)
    write_score_tables(index_dir, fresh)
    os.replace(fresh, index_dir / SCORES_FILE)
    vocabulary: Counter[str] = Counter()
    for record_words in words.values():
        vocabulary.update(record_words)
    _write_vocabulary_and_stamp(index_dir, vocabulary, store, len(words))


def _write_vocabulary_and_stamp(folder: Path, vocabulary: Counter[str], store: Store, documents: int) -> None:
    # the typo corrector's word list: every word with the number of records it appears in
    (folder / VOCABULARY_FILE).write_text(json.dumps(sorted(vocabulary.items()), ensure_ascii=False),
                                          encoding="utf-8")
    (folder / STAMP_FILE).write_text(json.dumps({"format": INDEX_FORMAT,
                                                 "content_hash": store.meta().get("content_hash"),
                                                 "documents": documents}), encoding="utf-8")
    write_checksums(folder)      # last: every file of the folder, so damage at rest is noticed (core/integrity)


def _remove(folder: Path) -> None:
    """Remove an index folder this app wrote, also one whose permissions were taken away (an unreadable
    index is moved aside, then removed after its rebuild); what still cannot be removed stays."""
    with suppress(OSError):
        folder.chmod(0o700)     # its files need no permissions of their own to be removed
    shutil.rmtree(folder, ignore_errors=True)
