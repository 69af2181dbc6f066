"""Why a data folder or a dataset cannot be used at start-up, as codes (present/startup_notices.py words them).

Checked before a dataset is chosen, so that a damaged or unreadable one is passed over for the next in
line instead of stopping the app. Only what is cheap is checked here (a folder listing, the file's
first 100 bytes against its size, the `meta` table): the first paint must not wait. Damage inside the
file is found later, in the background.
"""
from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

from .store import DATASET_FILE, DatasetError, Store

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100

# what is wrong with a place (a data folder)
FOLDER_REASONS = ("permission", "unreadable", "missing", "no_dataset")
# what is wrong with a dataset file
DATASET_REASONS = ("permission", "unreadable", "truncated", "not_database", "damaged", "too_new")


@dataclass(frozen=True)
class Skipped:
    """A place or a dataset passed over while choosing the active dataset, and why."""
    source: str         # "shared", "installed" or "bundled"
    what: str           # "folder" (a data folder that could not be read) or "dataset" (a dataset file)
    path: Path          # that folder or that file
    reason: str         # one of FOLDER_REASONS or DATASET_REASONS
    detail: str = ""    # the system's or SQLite's own words, for the log


class Unusable(Exception):
    """A dataset cannot be used; `reason` is one of DATASET_REASONS."""

    def __init__(self, path: Path, reason: str, detail: str = "") -> None:
        super().__init__(f"{path}: {reason} ({detail})" if detail else f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.detail = detail


def folder_problem(folder: Path) -> tuple[str, str] | None:
    """(reason, detail) when `folder` cannot be listed; None when it can. Listing is what a share that
    is gone or locked (permissions) refuses, where a mere `exists()` may raise or say False."""
    try:
        with os.scandir(folder):
            return None
    except FileNotFoundError as exc:
        return "missing", exc.strerror or ""
    except PermissionError as exc:
        return "permission", exc.strerror or ""
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            return "missing", exc.strerror or ""
        return "unreadable", exc.strerror or str(exc)


def inspect_dataset(dataset_dir: Path) -> str:
    """The dataset version of the dataset in `dataset_dir`; raises Unusable when it cannot be used."""
    file = dataset_dir / DATASET_FILE
    try:
        size = file.stat().st_size
        with open(file, "rb") as f:
            header = f.read(HEADER_SIZE)
    except PermissionError as exc:
        raise Unusable(file, "permission", exc.strerror or "") from None
    except OSError as exc:
        raise Unusable(file, "unreadable", exc.strerror or str(exc)) from None
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise Unusable(file, "not_database")
    expected = _size_in_header(header)
    if expected and size < expected:
        raise Unusable(file, "truncated", f"{size} of {expected} bytes")
    try:
        with Store(dataset_dir) as store:
            return store.meta().get("dataset_version", "")
    except DatasetError as exc:
        if exc.code == "too_new":
            raise Unusable(file, "too_new") from None
        if exc.code == "missing":       # gone since the header was read (an install switching it)
            raise Unusable(file, "unreadable", "not found") from None
        # SQLite's words ("database disk image is malformed", "no such table: meta"), else no version
        raise Unusable(file, "damaged", str(exc.__cause__ or "no schema version")) from None


def _size_in_header(header: bytes) -> int:
    """The file size the SQLite header promises (page size x page count); 0 when it does not say.
    SQLite trusts that count only when the change counter matches the 'version valid for' field."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    change_counter, valid_for = header[24:28], header[92:96]
    return page_size * pages if pages and change_counter == valid_for else 0
