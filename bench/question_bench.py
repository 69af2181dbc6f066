"""Question latency: questions as clients ask them (the gold questions, the issue's examples and the search gold
set's queries), searched as the window searches (50 hits, facets, highlighted snippets for the first screenful),
on the real dataset and on a 10,000-record synthetic one. Prints p50/p95; also one-word queries with snippets
for every hit (as before issue 17) against snippets for the first screenful only.

Wall-clock times, and the search thread's CPU time (what the search costs when other programs share the cores).
Usage: python bench/question_bench.py [--size 10000] [--rounds 3]
Targets (2 cores): p95 <= 5 ms on the real dataset, <= 30 ms at 10k, snippets included.
"""
from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling corpus module

from corpus import synthetic_content

from desktop import paths
from desktop.core.build import build, write_dataset
from desktop.core.search import SearchIndex, build_index
from desktop.core.store import Store

TESTS = Path(__file__).resolve().parent.parent / "tests" / "data"
TARGETS = {"real": 5.0, "synthetic": 30.0}


def questions() -> list[str]:
    out = []
    for name in ("questions_gold.tsv", "questions_examples.tsv"):
        path = TESTS / name
        if path.exists():
            with path.open(encoding="utf-8", newline="") as f:
                out += [row[1] for row in csv.reader(f, delimiter="\t")
                        if len(row) > 1 and row[0] != "lang" and not row[0].startswith("#")]
    gold = TESTS / "search_gold.tsv"
    out += [line.split("\t")[0] for line in gold.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def timed(index: SearchIndex, qs: list[str], rounds: int, clock=time.perf_counter, **kw) -> list[float]:
    for q in qs:
        index.search(q, limit=50, **kw)          # warm, as a running window is
    out = []
    for _ in range(rounds):
        for q in qs:
            t0 = clock()
            index.search(q, limit=50, **kw)
            out.append((clock() - t0) * 1000)
    return out


def report(name: str, index: SearchIndex, qs: list[str], rounds: int) -> None:
    times = timed(index, qs, rounds)
    cpu = timed(index, qs, rounds, clock=time.thread_time)   # what the search itself costs on a busy machine
    one_word = [q for q in qs if len(q.split()) == 1]
    shown = timed(index, one_word, rounds)
    every = timed(index, one_word, rounds, snippets=50)
    target = TARGETS[name.split()[0]]
    print(f"{name:22} {len(qs):>4} questions  p50 {statistics.median(times):6.2f} ms  p95 {pct(times, 95):6.2f} ms"
          f"  (target p95 <= {target:g} ms); CPU time p50 {statistics.median(cpu):6.2f} p95 {pct(cpu, 95):6.2f} ms")
    print(f"{'':22} {len(one_word):>4} one-word    p95 {pct(shown, 95):6.2f} ms with snippets for the first "
          f"screenful, {pct(every, 95):6.2f} ms for all 50 hits")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    qs = questions()
    with tempfile.TemporaryDirectory() as tmp:
        real, _content = build(paths.content_dir(), Path(tmp) / "real", paths.schema_file())
        with Store(real) as store:
            index = SearchIndex(build_index(store, Path(tmp) / "real" / "index"), store.path)
            report("real", index, qs, args.rounds)
            index.close()
        path = write_dataset(synthetic_content(args.size), Path(tmp) / "syn",
                             paths.schema_file().read_text(encoding="utf-8"))
        with Store(path) as store:
            index = SearchIndex(build_index(store, Path(tmp) / "syn" / "index"), store.path)
            report(f"synthetic {args.size // 1000}k", index, qs, args.rounds)
            index.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
