"""Install a verified pack into a data folder (staged, checked, indexed, then switched to) and roll back.

The files are extracted into a staging folder beside the active dataset, the database is checked
(dataset_check: exactly the shape this app reads, intact, readable by the app, within a time limit), its
search index is built and opened there, and only then does the data folder switch to it
(datasets.DataFolder.switch). The previous dataset is kept for one rollback. The advisor's own data
(bookmarks, notes) lives elsewhere and is never touched.
"""
from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..datasets import DataFolder, DataFolderError, Pointer, fsync_dir, holds_dataset
from ..i18n import _
from ..search import SearchIndex, build_index, index_state
from ..store import DatasetError, Store
from .dataset_check import READING_ERRORS, check_pack_database, data_damaged
from .errors import PackError, damaged
from .keys import TrustedKey, load_trusted_keys
from .manifest import Manifest
from .packfile import MANIFEST, SIGNATURE, OpenPack, check_compatible

# Install steps, in order, as passed to a progress callback: progress(step, done, total).
STEPS = ("verify", "extract", "check", "index", "stage", "switch", "cleanup", "done")
Progress = Callable[[str, int, int], None]


@dataclass
class InstallResult:
    manifest: Manifest
    folder: Path                       # the data folder it went into
    new_dir: Path                      # the dataset now active
    old_dir: Path | None               # the dataset that was in use before (for "what's new")
    old_version: str | None


@dataclass
class RollbackResult:
    folder: Path
    from_version: str
    to_version: str | None
    now_dir: Path | None               # the dataset in use now (None: the next place in line, e.g. bundled)


def _meta(dataset_dir: Path | None) -> dict[str, str] | None:
    if dataset_dir is None or not holds_dataset(dataset_dir):
        return None
    try:
        with Store(dataset_dir) as store:
            return store.meta()
    except DatasetError:
        return None


def _free_space_check(folder: Path, manifest: Manifest) -> None:
    # the data, its search index (about the data's size again) and some room for SQLite and Whoosh
    need = 2 * manifest.total_size + (16 << 20)
    free = shutil.disk_usage(folder).free
    if free < need:
        raise PackError("no_space", _("There is not enough free disk space in {folder}: the update needs "
                                      "about {need} MB, {free} MB are free.").format(
                                          folder=folder, need=need >> 20, free=free >> 20))


def _extract(pack: OpenPack, staging: Path, report: Progress) -> None:
    total = pack.manifest.total_size
    done = 0
    report("extract", 0, total)

    def advance(n: int) -> None:
        nonlocal done
        done += n
        report("extract", done, total)

    try:
        pack.extract(staging, advance)
    except OSError as exc:
        raise PackError("write", _("The update could not be written to {folder} ({reason}).").format(
            folder=staging.parent, reason=exc.strerror or exc)) from exc
    report("extract", total, total)


def _build_and_check_index(staging: Path, report: Progress) -> None:
    try:
        with Store(staging) as store:
            index_dir = build_index(store, staging / "index", progress=lambda n, t: report("index", n, t))
            if index_state(store, index_dir) != "ok":
                raise damaged(_("its search index could not be built"))
            index = SearchIndex(index_dir, store.path)     # opens and answers a query
            try:
                index.search("a", limit=1)
            finally:
                index.close()
    except READING_ERRORS as exc:     # data the checks let through but the index build cannot read
        raise data_damaged(_("its search index could not be built ({reason})").format(reason=exc)) from exc


def _fsync_tree(folder: Path) -> None:
    """Flush the staged files before the switch, so a power cut cannot leave a named but empty file."""
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file():
            try:
                with open(path, "rb" if os.name == "posix" else "r+b") as f:
                    os.fsync(f.fileno())
            except OSError:
                pass          # best effort: some network file systems refuse fsync
        elif path.is_dir():
            fsync_dir(path)
    fsync_dir(folder)


def _no_progress(step: str, done: int, total: int) -> None:
    pass


def install(pack_path: Path, folder: DataFolder, trusted: dict[str, TrustedKey] | None = None,
            baseline: Path | None = None, allow_downgrade: bool = False,
            progress: Progress | None = None) -> InstallResult:
    """Verify the pack and make it the active dataset of `folder`, or raise PackError and change nothing.

    `baseline` is the dataset in use when `folder` offers none yet (usually the bundled one): the
    update must be newer than it. `progress(step, done, total)` is called at every step (see STEPS).
    """
    report = progress or _no_progress
    trusted = load_trusted_keys() if trusted is None else trusted
    try:
        with folder.locked():
            folder.clean()                              # what a killed install left behind
            pointer = folder.pointer()
            old_dir = folder.locate(pointer)
            if old_dir is None and baseline is not None and holds_dataset(Path(baseline)):
                old_dir = Path(baseline)
            old_meta = _meta(old_dir)
            report("verify", 0, 1)
            with OpenPack(pack_path, trusted) as pack:
                manifest = pack.manifest
                check_compatible(manifest, old_meta, allow_downgrade)
                report("verify", 1, 1)
                _free_space_check(folder.path, manifest)
                name = _stage(pack, folder, report)
            previous = pointer.active if folder.installed(pointer.active) else None
            folder.switch(Pointer(active=name, previous=previous, can_roll_back=True),
                          prepared=lambda: report("switch", 0, 1))
            report("switch", 1, 1)
            report("cleanup", 0, 1)
            folder.clean()
            report("cleanup", 1, 1)
            report("done", 1, 1)
    except DataFolderError as exc:
        raise PackError(exc.code, exc.message) from exc
    return InstallResult(manifest, folder.path, folder.path / name, old_dir,
                         old_meta.get("dataset_version") if old_meta else None)


def _stage(pack: OpenPack, folder: DataFolder, report: Progress) -> str:
    """Extract, check and index in a staging folder; publish it under its final name (not yet active)."""
    manifest = pack.manifest
    try:
        staging = folder.new_staging()
    except OSError as exc:
        raise PackError("write", _("The update could not be written to {folder} ({reason}).").format(
            folder=folder.path, reason=exc.strerror or exc)) from exc
    try:
        _extract(pack, staging, report)
        report("check", 0, 1)
        check_pack_database(staging, manifest)
        report("check", 1, 1)
        report("index", 0, 1)
        _build_and_check_index(staging, report)
        (staging / MANIFEST).write_bytes(pack.manifest_bytes)     # provenance and the changelog
        (staging / SIGNATURE).write_bytes(pack.signature)
        _fsync_tree(staging)
        report("stage", 0, 1)
        name = folder.publish(staging, manifest.dataset_version, manifest.content_hash)
        report("stage", 1, 1)
        return name
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def rollback_target(folder: DataFolder, baseline: Path | None = None) -> tuple[str, str | None] | None:
    """(current version, version after a rollback) or None when there is nothing to go back to."""
    pointer = folder.pointer()
    current = folder.installed(pointer.active)
    if not pointer.can_roll_back or current is None:
        return None
    if pointer.previous:
        target = folder.installed(pointer.previous)
        if target is None:
            return None
    else:           # the first install into this folder: back to its plain dataset, or the next in line
        target = folder.path if holds_dataset(folder.path) else baseline
    before, after = _meta(current), _meta(target)
    return (before or {}).get("dataset_version", "?"), (after or {}).get("dataset_version")


def rollback(folder: DataFolder, baseline: Path | None = None) -> RollbackResult:
    """Go back to the dataset that was active before the last install (once)."""
    try:
        with folder.locked():
            pointer = folder.pointer()
            current = folder.installed(pointer.active)
            if not pointer.can_roll_back or current is None:
                raise PackError("no_previous", _(
                    "There is no earlier data to go back to: only the data from before the last update "
                    "can be restored, and only once."))
            target = folder.installed(pointer.previous) if pointer.previous else None
            if pointer.previous and (target is None or not _usable(target)):
                raise PackError("previous_damaged", _(
                    "The earlier data is missing or damaged, so it cannot be restored. The current "
                    "data stays in use."))
            from_meta = _meta(current) or {}
            folder.switch(Pointer(active=pointer.previous, previous=None, can_roll_back=False))
            folder.clean()
            now_dir = folder.locate()
            if now_dir is None and baseline is not None and holds_dataset(Path(baseline)):
                now_dir = Path(baseline)
            to_meta = _meta(now_dir)
    except DataFolderError as exc:
        raise PackError(exc.code, exc.message) from exc
    return RollbackResult(folder.path, from_meta.get("dataset_version", "?"),
                          to_meta.get("dataset_version") if to_meta else None, now_dir)


def _usable(dataset_dir: Path) -> bool:
    try:
        with Store(dataset_dir) as store:
            return index_state(store, dataset_dir / "index") == "ok"
    except DatasetError:
        return False


def installed_manifest(dataset_dir: Path) -> Manifest | None:
    """The manifest an installed dataset came with (its changelog), or None for a built one."""
    try:
        return Manifest.from_dict(json.loads((Path(dataset_dir) / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None
