"""Damage at rest: the files of a dataset and of its search index against checksums written when they were made.

SQLite and Whoosh read a damaged page without complaint until a query happens to touch it, so zeros or
garbage in the middle of `reference.sqlite`, `scores.sqlite` or a `.seg` file went unnoticed. The content
hash in `meta` cannot catch them: it is computed from the validated content (build.content_hash), not from
the rows, so it cannot be recomputed from the database. Instead every writer leaves a checksum list
(`checksums.json`: SHA-256 and size per file) beside what it wrote:

- `build.write_dataset` beside `reference.sqlite`,
- `search.build_index` inside the index folder (so an index rebuilt in the user's cache has its own),
- a dataset installed from a pack needs none: the pack's signed manifest, kept beside it, lists the
  database's SHA-256.

A dataset or an index made before these lists existed is "not checked" rather than damaged.
`verify_dataset` is what the window runs in the background after its first paint and what the
self-check runs; `next_good_dataset` chooses the dataset to switch to when one is found damaged.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from .datasets import ActiveDataset, resolve_active
from .store import DATASET_FILE

CHECKSUMS_FILE = "checksums.json"
CHECKSUMS_FORMAT = 1
# updates.packfile.MANIFEST, not imported from there: the updates package imports the search, which
# imports this module
PACK_MANIFEST = "manifest.json"
_LOCK_SUFFIX = "WRITELOCK"      # Whoosh's lock file: empty, made and left by a writer, never bundled

DATABASE, INDEX = "database", "index"   # the two parts of a dataset in use


@dataclass(frozen=True)
class Damage:
    """A file that no longer is what its checksum list says."""
    file: Path
    part: str          # DATABASE or INDEX
    reason: str        # "changed" (other bytes or size), "missing", "unreadable", "bad_list" (the list itself)


@dataclass(frozen=True)
class Verdict:
    """What verifying a dataset and its index found."""
    dataset_dir: Path
    index_dir: Path | None
    damage: tuple[Damage, ...] = ()
    not_checked: tuple[str, ...] = ()     # parts without a checksum list (made by an older version)
    files_checked: int = 0

    @property
    def database_damaged(self) -> bool:
        return any(d.part == DATABASE for d in self.damage)

    @property
    def index_damaged(self) -> bool:
        return any(d.part == INDEX for d in self.damage)

    @property
    def ok(self) -> bool:
        return not self.damage


# --------------------------------------------------------------------------- writing the lists

def file_sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def write_checksums(folder: Path, names: Iterable[str] | None = None) -> Path:
    """Write `folder/checksums.json` for the files `names` (default: every file directly in `folder`
    except the list itself and Whoosh's lock file); written aside, then renamed over the old one."""
    folder = Path(folder)
    if names is None:
        names = (p.name for p in folder.iterdir() if p.is_file() and p.name != CHECKSUMS_FILE
                 and not p.name.endswith(_LOCK_SUFFIX))
    files = {name: {"sha256": file_sha256(folder / name), "size": (folder / name).stat().st_size}
             for name in sorted(names)}
    target = folder / CHECKSUMS_FILE
    tmp = folder / (CHECKSUMS_FILE + ".tmp")
    tmp.write_text(json.dumps({"format": CHECKSUMS_FORMAT, "algorithm": "sha256", "files": files},
                              indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, target)
    return target


# --------------------------------------------------------------------------- reading and verifying

class _BadList(Exception):
    """A checksum list that exists but cannot be read or makes no sense."""


def _expected(folder: Path) -> dict[str, tuple[str, int]] | None:
    """name -> (sha256, size) from the folder's checksum list; None when it has none. Raises _BadList."""
    try:
        text = (folder / CHECKSUMS_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise _BadList(str(exc)) from None
    try:
        data = json.loads(text)
        files = data["files"] if data.get("format") == CHECKSUMS_FORMAT else None
        if not isinstance(files, dict):
            raise _BadList("not a checksum list of a known format")
        return {str(name): (str(entry["sha256"]), int(entry["size"])) for name, entry in files.items()}
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise _BadList(str(exc)) from None


def _expected_from_manifest(dataset_dir: Path) -> dict[str, tuple[str, int]] | None:
    """The database's checksum from the manifest of the pack it was installed from; None without one.
    The manifest's paths start with the pack's data folder ("data/reference.sqlite")."""
    try:
        data = json.loads((dataset_dir / PACK_MANIFEST).read_text(encoding="utf-8"))
        entries = {str(f["path"]).split("/", 1)[-1]: (str(f["sha256"]), int(f["size"]))
                   for f in data["files"]}
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise _BadList(str(exc)) from None
    return {DATASET_FILE: entries[DATASET_FILE]} if DATASET_FILE in entries else None


def _check(folder: Path, expected: dict[str, tuple[str, int]], part: str) -> list[Damage]:
    damage = []
    for name, (sha256, size) in sorted(expected.items()):
        path = folder / name
        try:
            # the size first: a file cut short or grown is told without reading it
            if path.stat().st_size != size or file_sha256(path) != sha256:
                damage.append(Damage(path, part, "changed"))
        except FileNotFoundError:
            damage.append(Damage(path, part, "missing"))
        except OSError:
            damage.append(Damage(path, part, "unreadable"))
    return damage


def verify_dataset(dataset_dir: Path, index_dir: Path | None = None) -> Verdict:
    """Check the dataset in `dataset_dir` and the index in `index_dir` (the one in use: beside the
    dataset or in the user's cache) against their checksum lists. Reads every listed file once; never
    raises for damage (it is the answer)."""
    dataset_dir = Path(dataset_dir)
    damage: list[Damage] = []
    not_checked: list[str] = []
    checked = 0
    parts: list[tuple[str, Path, bool]] = [(DATABASE, dataset_dir, True)]
    if index_dir is not None:
        parts.append((INDEX, Path(index_dir), False))
    for part, folder, may_use_manifest in parts:
        try:
            expected = _expected(folder)
            if expected is None and may_use_manifest:
                expected = _expected_from_manifest(folder)
        except _BadList:
            damage.append(Damage(folder / CHECKSUMS_FILE, part, "bad_list"))
            continue
        if not expected:
            not_checked.append(part)
            continue
        damage += _check(folder, expected, part)
        checked += len(expected)
    return Verdict(dataset_dir, Path(index_dir) if index_dir is not None else None, tuple(damage),
                   tuple(not_checked), checked)


# --------------------------------------------------------------------------- where to go instead

def next_good_dataset(shared: Path | None, installed: Path | None, bundled: Path | None,
                      damaged: Collection[Path]) -> ActiveDataset:
    """The dataset to use when those in `damaged` (dataset folders found damaged by `verify_dataset`)
    must not be: the newest of the other places (shared -> installed -> bundled between equal versions).
    Each place offers one dataset, so a place whose dataset is damaged is left out. Raises
    NoDatasetError (a DatasetError) when no other dataset can be opened."""
    folders: dict[str, Path | None] = {"shared": shared, "installed": installed, "bundled": bundled}
    bad = {_same(p) for p in damaged}
    while True:
        active = resolve_active(folders["shared"], folders["installed"], folders["bundled"])
        if _same(active.path) not in bad:
            return active
        folders[active.source] = None


def _same(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except OSError:
        return Path(path)
