"""Search benchmark: Whoosh (the app's engine) against SQLite FTS5 on the same synthetic corpus.

Prints a table and writes bench/results.json. Usage: python bench/search_bench.py [--sizes 10000 50000]
Targets (2 cores): p95 <= 16 ms at 10k, <= 50 ms at 50k; typo fallback p95 <= 40 ms at 10k.
"""
from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling corpus module

from corpus import queries, synthetic_content, typo

from desktop import paths
from desktop.core import languages
from desktop.core.build import write_dataset
from desktop.core.search import SearchIndex, build_index
from desktop.core.store import Store

RESULTS = Path(__file__).resolve().parent / "results.json"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def time_queries(fn, qs) -> list[float]:
    out = []
    for q in qs:
        t0 = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def fts5(store: Store, db_path: Path):
    conn = sqlite3.connect(db_path)
    cols = [f"{f}_{lang}" for lang in languages.CONTENT for f in ("title", "text")]
    conn.execute(f"CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, {', '.join(cols)}, "
                 "tokenize = 'unicode61 remove_diacritics 2')")
    rows = []
    for rid in store.ids():
        r = store.record(rid)
        vals = []
        for lang in languages.CONTENT:
            t = r.texts[lang]
            vals += [t.title, f"{t.summary}\n{t.body}"]
        rows.append((rid, *vals))
    conn.executemany(f"INSERT INTO fts VALUES ({', '.join('?' * (len(cols) + 1))})", rows)
    conn.commit()
    return conn


def fts5_search(conn, query: str):
    words = ['"' + w.replace('"', "") + '"' for w in query.split() if w.strip('"')]
    if not words:
        return []
    words[-1] += "*"
    match = " AND ".join(words)
    return conn.execute("SELECT id, snippet(fts, 3, '<b>', '</b>', ' … ', 12) FROM fts WHERE fts MATCH ? "
                        "ORDER BY bm25(fts, 3, 1, 3, 1, 3, 1, 3, 1) LIMIT 20", (match,)).fetchall()


def run(size: int, n_queries: int) -> dict:
    rng = random.Random(size)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t0 = time.perf_counter()
        content = synthetic_content(size)
        gen_s = time.perf_counter() - t0
        path = write_dataset(content, tmp / "ds", paths.schema_file().read_text(encoding="utf-8"))
        store = Store(path)
        t0 = time.perf_counter()
        build_index(store, tmp / "ds" / "index")
        build_s = time.perf_counter() - t0
        size_mb = folder_size(tmp / "ds" / "index") / 1e6

        t0 = time.perf_counter()
        ix = SearchIndex(tmp / "ds" / "index")
        ix.search("patent")
        cold_ms = (time.perf_counter() - t0) * 1000

        qs = queries(content, n_queries)
        typo_qs = [" ".join(typo(w, rng) if i == 0 else w for i, w in enumerate(q.split())) for q in qs]
        ix.search(qs[0])  # warm caches the way a running app has them
        plain = time_queries(lambda q: ix.search(q, lang="uz", limit=20), qs)
        typos = time_queries(lambda q: ix.search(q, lang="uz", limit=20), typo_qs)
        ix.close()

        t0 = time.perf_counter()
        conn = fts5(store, tmp / "fts.sqlite")
        fts_build_s = time.perf_counter() - t0
        fts_size_mb = (tmp / "fts.sqlite").stat().st_size / 1e6
        fts_times = time_queries(lambda q: fts5_search(conn, q), qs)
        conn.close()
        store.close()
    return {
        "records": size, "queries": len(qs), "corpus_generation_s": round(gen_s, 2),
        "whoosh": {"build_s": round(build_s, 2), "index_mb": round(size_mb, 1), "cold_open_ms": round(cold_ms, 1),
                   "p50_ms": round(statistics.median(plain), 2), "p95_ms": round(pct(plain, 95), 2),
                   "typo_p50_ms": round(statistics.median(typos), 2), "typo_p95_ms": round(pct(typos, 95), 2)},
        "fts5": {"build_s": round(fts_build_s, 2), "index_mb": round(fts_size_mb, 1),
                 "p50_ms": round(statistics.median(fts_times), 2), "p95_ms": round(pct(fts_times, 95), 2)},
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--queries", type=int, default=240)
    args = parser.parse_args()
    results = [run(size, args.queries) for size in args.sizes]
    targets = {10_000: (16, 40), 50_000: (50, None)}
    print(f"{'records':>8} {'engine':7} {'build s':>8} {'MB':>6} {'cold ms':>8} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'typo p95':>9}  target p95 / typo p95")
    for r in results:
        w, f = r["whoosh"], r["fts5"]
        p95_target, typo_target = targets.get(r["records"], (None, None))
        print(f"{r['records']:>8} {'whoosh':7} {w['build_s']:>8} {w['index_mb']:>6} {w['cold_open_ms']:>8} "
              f"{w['p50_ms']:>7} {w['p95_ms']:>7} {w['typo_p95_ms']:>9}  {p95_target or '-'} / {typo_target or '-'}")
        print(f"{r['records']:>8} {'fts5':7} {f['build_s']:>8} {f['index_mb']:>6} {'':>8} "
              f"{f['p50_ms']:>7} {f['p95_ms']:>7} {'-':>9}")
    RESULTS.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"written {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
