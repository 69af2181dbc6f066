"""The gold set: queries typed the way advisors type, each naming the record it must find in the top 3."""
from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.search import SearchIndex
from desktop.core.store import Store

GOLD = Path(__file__).parent / "data" / "search_gold.tsv"


def gold_queries():
    rows = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, expected, note = line.split("\t")
            rows.append((query, expected, note))
    return rows


@pytest.fixture(scope="module")
def index(real_dataset):
    store = Store(real_dataset)
    ix = SearchIndex.open(store, real_dataset / "index")
    yield ix
    ix.close()
    store.close()


def test_gold_set_covers_every_language_and_trick():
    rows = gold_queries()
    notes = " ".join(note for *_, note in rows)
    assert len(rows) >= 60
    for needed in ("ru", "uz Cyrillic", "ky", "en", "typo", "apostrophe", "mixed", "ending", "phrase"):
        assert needed in notes, needed


def test_recall_at_3(index, real_dataset, capsys):
    rows = gold_queries()
    store = Store(real_dataset)
    known = set(store.ids())
    store.close()
    misses = []
    for query, expected, note in rows:
        assert expected in known, f"gold set names unknown record {expected}"
        top = [hit.id for hit in index.search(query, limit=3, facets=False).hits]
        if expected not in top:
            misses.append(f"{query!r} ({note}): expected {expected}, got {top}")
    recall = 1 - len(misses) / len(rows)
    with capsys.disabled():
        print(f"\nsearch gold set: recall@3 = {recall:.3f} over {len(rows)} queries")
        for miss in misses:
            print("  miss:", miss)
    assert recall >= 0.95, "\n".join(misses)


def test_did_you_mean_for_typos(index):
    assert index.search("регистрацыя").suggestion == "регистрация"
    assert index.search("pattent").suggestion == "patent"
    assert index.search("ombudsmn").suggestion == "ombudsman"     # ("ombudsmen" is a word of the content now)
    assert index.search("регистрацыя в Казани").suggestion == "регистрация в Казани"   # the question's other words kept
