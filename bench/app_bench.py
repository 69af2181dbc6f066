"""App start-up and memory benchmark (issue 5 targets), printed as numbers, not a timed test.

- process start -> first paint of the main window, as a ratio to a bare PySide6 QMainWindow measured in
  the same run (target <= 2.0x);
- process start -> search ready (the first search answered);
- RSS after 1,000 searches and its growth after warm-up (targets <= 150 MB, <= 5 MB).
Offscreen platform, median of several runs; the first paint is read from Qt's log (bench/paint_timer.py),
the same way `make package-test` times the installed app. Writes bench/app_results.json.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from paint_timer import BARE_WINDOW, paint_once  # noqa: E402

RUNS = 7
SCRATCH = Path(tempfile.mkdtemp(prefix="migrant-desk-bench-"))

# Process start -> the first answer to a search, on the real start-up path (desktop.ui.app.run).
READY = r'''
import sys, time
from PySide6.QtCore import QTimer
import desktop.ui.main_window as main_window
attach = main_window.MainWindow.attach_index
def attach_and_search(self, index):
    attach(self, index)
    self.search.field.setText("patent")
    self.search.open_selected()
    print("ready", time.monotonic(), flush=True)
    QTimer.singleShot(0, self.close)
main_window.MainWindow.attach_index = attach_and_search
from desktop.ui.app import run
run()
'''


def child_env() -> dict[str, str]:
    # An installed app runs from compiled bytecode: let the children cache it (this machine sets
    # PYTHONDONTWRITEBYTECODE, which would make every start recompile the sources).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = str(SCRATCH)   # the benchmark's own settings and notes
    env["XDG_CACHE_HOME"] = str(SCRATCH / "cache")
    return env


def paint(mode: str) -> float:
    """Seconds to the first painted frame: the bare window, or the app as `make run` starts it."""
    cmd = [sys.executable, "-c", BARE_WINDOW] if mode == "bare" else [str(Path(sys.executable).parent / "migrant-desk")]
    return paint_once(cmd, child_env(), cwd=ROOT)


def search_ready() -> float:
    started = time.monotonic()
    out = subprocess.run([sys.executable, "-c", READY], capture_output=True, text=True, env=child_env(), cwd=ROOT,
                         check=True).stdout
    return next(float(line.split()[1]) for line in out.splitlines() if line.startswith("ready")) - started


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def memory() -> dict[str, float]:
    from corpus import queries

    from desktop import paths
    from desktop.core.content import load_content
    from desktop.dataset import open_dataset

    _store, index = open_dataset(paths.bundled_dataset_dir())
    qs = queries(load_content(paths.content_dir()), 1000)
    for q in qs[:100]:
        index.search(q, lang="ru")
    warm = rss_mb()
    for q in qs:
        index.search(q, lang="uz")
    after = rss_mb()
    return {"rss_after_1000_searches_mb": round(after, 1), "rss_growth_mb": round(after - warm, 1)}


def main() -> int:
    paint("bare"), paint("app"), search_ready()  # warm-up: bytecode written, files in the page cache
    bare, app = [], []
    for _ in range(RUNS):  # interleaved, so a busy moment of the machine hits both alike
        bare.append(paint("bare"))
        app.append(paint("app"))
    result = {
        "bare_first_paint_ms": round(statistics.median(bare) * 1000, 1),
        "app_first_paint_ms": round(statistics.median(app) * 1000, 1),
        "app_search_ready_ms": round(statistics.median(search_ready() for _ in range(RUNS)) * 1000, 1),
    }
    result["first_paint_ratio"] = round(result["app_first_paint_ms"] / result["bare_first_paint_ms"], 2)
    result.update(memory())
    print(f"first paint: bare QMainWindow {result['bare_first_paint_ms']} ms, Migrant Desk "
          f"{result['app_first_paint_ms']} ms, ratio {result['first_paint_ratio']} (target <= 2.0)")
    print(f"search ready: {result['app_search_ready_ms']} ms after process start")
    print(f"RSS after 1000 searches: {result['rss_after_1000_searches_mb']} MB (target <= 150), "
          f"growth {result['rss_growth_mb']} MB (target <= 5)")
    (ROOT / "bench" / "app_results.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
