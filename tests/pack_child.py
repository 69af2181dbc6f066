"""Subprocess helper for tests/test_packs.py: an install that pauses at a step (to be SIGKILLed there),
and a fresh "app start" that reports what it finds.

    pack_child.py install PACK FOLDER TRUSTED_DIR STEP PHASE SIGNAL_FILE
        runs the real updates.install; at STEP (PHASE start / mid / end) it writes SIGNAL_FILE and sleeps
    pack_child.py open FOLDER BUNDLED USERDATA
        resolves the active dataset as the app does at start, checks it is complete and prints JSON
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.core import updates
from desktop.core.datasets import DataFolder, resolve_active
from desktop.core.search import SearchIndex, index_state, read_stamp
from desktop.core.store import Store


def signal(signal_file: Path, text: str) -> None:
    """The signal file appears whole (written beside it, then renamed): the test reads it as soon as it exists."""
    tmp = signal_file.with_name(signal_file.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, signal_file)


def pausing_at(step: str, phase: str, signal_file: Path):
    seen = {"calls": 0}

    def progress(current: str, done: int, total: int) -> None:
        if current != step:
            return
        seen["calls"] += 1
        hit = ((phase == "start" and seen["calls"] == 1)
               or (phase == "mid" and 0 < done < total)
               or (phase == "end" and done == total))
        if hit:
            signal(signal_file, f"{current} {done}/{total}\n")
            while True:            # the test kills us here
                time.sleep(60)

    return progress


def cmd_install(pack, folder, trusted_dir, step, phase, signal_file) -> int:
    updates.install(Path(pack), DataFolder(folder), updates.load_trusted_keys(Path(trusted_dir)),
                    progress=pausing_at(step, phase, Path(signal_file)))
    signal(Path(signal_file), "finished without pausing\n")
    return 3


def cmd_open(folder, bundled, userdata) -> int:
    import pack_helpers

    active = resolve_active(None, folder, bundled)
    with Store(active.path) as store:
        index_dir = active.path / "index"
        state = index_state(store, index_dir)      # before opening: the app would silently rebuild
        meta = store.meta()
        index = SearchIndex.open(store, index_dir)
        hits = [h.id for h in index.search("test", limit=10).hits]
        index.close()
        ids = store.ids()
    bookmarks, notes = pack_helpers.read_userdata(Path(userdata))
    print(json.dumps({"path": str(active.path), "source": active.source,
                      "version": meta["dataset_version"], "content_hash": meta["content_hash"],
                      "index_state": state, "index_hash": (read_stamp(index_dir) or {}).get("content_hash"),
                      "sqlite_sha": pack_helpers.dataset_sha(active.path), "ids": ids, "hits": hits,
                      "bookmarks": bookmarks, "notes": notes}))
    return 0


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    sys.exit({"install": cmd_install, "open": cmd_open}[command](*rest))
