"""Where datasets live, which one is active, and the atomic switch between them.

The active dataset is the newest of: a folder named in the settings (often a network share that every PC
of a centre reads), the data folder where this computer's installed updates go, and the dataset bundled
with the app (so a new version of the app, with newer data inside, is not hidden by an older update
installed before it); between equal versions that order decides. Each is a *data folder*: either a plain
dataset folder (`reference.sqlite` and `index/`, as `migrant-desk build` writes it) or a folder holding
installed updates:

    <data folder>/
      active.json                 which dataset is active, which one came before it
      ds-2026.11.2-1a2b3c4d-k3x9/ the active dataset: reference.sqlite, index/, manifest.json, manifest.sig
      ds-2026.11.1-9f8e7d6c-p2m4/ the previous one, kept for one rollback
      .staging-<token>/           an install in progress (or a killed one, removed by the next install)
      install.lock                locked by the process that is installing; the OS frees it if that dies

Why a pointer file and not renaming the dataset folder itself: on a shared folder other PCs keep the
active dataset's files open while one PC installs. Windows refuses to rename a folder whose files are
open, and a PC looking between two renames would find no dataset at all. So a dataset folder is never
renamed, moved or changed once it is live; the switch is one rename of a fully written pointer file over
the old one (os.replace: atomic on a local disk and on an SMB share). A reader sees the old pointer or
the new one, and each names a complete folder. Readers never write anything into a data folder, so a
share that is read-only for advisors works.
"""
from __future__ import annotations

import errno
import json
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path

from .dataset_faults import Skipped, Unusable, folder_problem, inspect_dataset
from .i18n import _
from .store import DATASET_FILE, DatasetError

UPDATES_SUBFOLDER = "datasets"
POINTER_FILE = "active.json"
LOCK_FILE = "install.lock"
DATASET_PREFIX = "ds-"
STAGING_PREFIX = ".staging-"
TRASH_PREFIX = ".trash-"
POINTER_FORMAT = 1
_NAME_RE = re.compile(r"^ds-[A-Za-z0-9._-]{1,120}$")
_RETRIES = 20                     # a reader on Windows may hold active.json open for a moment
_RETRY_PAUSE = 0.05
_LOCK_BUSY = {errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, getattr(errno, "EDEADLOCK", errno.EDEADLK)}

# fcntl locks belong to the process, so a second install from the same process would not be stopped
# by them; this set does that.
_held_here: set[str] = set()
_held_lock = threading.Lock()


class DataFolderError(Exception):
    """A data folder cannot be used for installing or rolling back; the message is for the user."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Pointer:
    """What active.json says. `can_roll_back` with no `previous` means: rolling back returns to what
    was there before the first install (the folder's own plain dataset, or the next place in line)."""
    active: str | None = None
    previous: str | None = None
    can_roll_back: bool = False

    def to_json(self) -> str:
        return json.dumps({"format": POINTER_FORMAT, "active": self.active, "previous": self.previous,
                           "can_roll_back": self.can_roll_back}, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Pointer:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != POINTER_FORMAT:
            raise ValueError("not a pointer of a known format")
        names = [data.get("active"), data.get("previous")]
        for name in names:
            if name is not None and not (isinstance(name, str) and _NAME_RE.match(name)):
                raise ValueError(f"bad dataset folder name {name!r}")
        return cls(names[0], names[1], bool(data.get("can_roll_back")))


@dataclass(frozen=True)
class ActiveDataset:
    path: Path            # the folder holding reference.sqlite (and index/)
    source: str           # "shared", "installed" or "bundled"
    folder: Path          # the data folder it was found in
    skipped: tuple[Skipped, ...] = ()   # places and datasets passed over on the way, and why


class NoDatasetError(DatasetError):
    """No place holds a dataset that can be opened; `skipped` says what was found and why it was passed
    over (empty when nothing was found at all)."""

    def __init__(self, message: str, skipped: tuple[Skipped, ...]) -> None:
        super().__init__(message, "missing" if not skipped else "damaged")
        self.skipped = skipped


def _token(n: int) -> str:
    import secrets  # only an install needs it (and it is slow to import at start-up)

    return secrets.token_hex(n)


def holds_dataset(folder: Path) -> bool:
    return (folder / DATASET_FILE).is_file()


class DataFolder:
    """One data folder: find its active dataset, and (for installs) stage, publish, switch and clean."""

    def __init__(self, path: Path | str):
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"DataFolder({str(self.path)!r})"

    # ------------------------------------------------------------------ reading (any PC, no writes)

    def pointer(self) -> Pointer:
        """The current pointer; an empty one when there is none. A damaged pointer counts as none."""
        path = self.path / POINTER_FILE
        for _attempt in range(_RETRIES):
            try:
                return Pointer.from_json(path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                return Pointer()
            except PermissionError:       # Windows: the installing PC is replacing it right now
                time.sleep(_RETRY_PAUSE)
            except (OSError, ValueError):
                return Pointer()
        return Pointer()

    def installed(self, name: str | None) -> Path | None:
        """The folder of an installed dataset, when it is there and holds a dataset."""
        if name is None:
            return None
        folder = self.path / name
        return folder if holds_dataset(folder) else None

    def locate(self, pointer: Pointer | None = None) -> Path | None:
        """The dataset this folder offers: the installed active one, else a plain dataset in it."""
        pointer = self.pointer() if pointer is None else pointer
        active = self.installed(pointer.active)
        if active is not None:
            return active
        return self.path if holds_dataset(self.path) else None

    # ------------------------------------------------------------------ writing (the installing PC)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the folder's install lock; refuse at once when another install holds it."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise DataFolderError("read_only", _(
                "The data folder {folder} cannot be written to ({reason}), so the update cannot be "
                "installed there. Ask the person who looks after your computers.").format(
                folder=self.path, reason=exc.strerror or exc)) from exc
        key = str(self.path.resolve())
        try:
            with _held_lock:
                busy = key in _held_here
                if not busy:
                    try:
                        _lock_file(fd)
                    except OSError as exc:
                        # held by another process; a file system without locks (ENOLCK) is let through
                        busy = exc.errno in _LOCK_BUSY
                    if not busy:
                        _held_here.add(key)
            if busy:
                raise DataFolderError("busy", _(
                    "Another computer or window is installing a data update into {folder} right now. "
                    "Try again in a few minutes.").format(folder=self.path))
            try:
                yield
            finally:
                with _held_lock:
                    _held_here.discard(key)
                    _unlock_file(fd)
        finally:
            os.close(fd)

    def new_staging(self) -> Path:
        staging = self.path / f"{STAGING_PREFIX}{_token(4)}"
        staging.mkdir()
        return staging

    def publish(self, staging: Path, version: str, content_hash: str) -> str:
        """Give a complete staging folder its final name (nobody has it open, so the rename works)."""
        safe_version = re.sub(r"[^0-9A-Za-z.]", "_", version)[:40]
        name = f"{DATASET_PREFIX}{safe_version}-{content_hash[:8]}-{_token(2)}"
        os.replace(staging, self.path / name)
        fsync_dir(self.path)
        return name

    def switch(self, pointer: Pointer, prepared: Callable[[], None] | None = None) -> None:
        """Make `pointer` current: write it aside, flush it, then rename it over active.json."""
        tmp = self.path / f"{POINTER_FILE}.tmp-{_token(4)}"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(pointer.to_json())
            f.flush()
            os.fsync(f.fileno())
        if prepared:
            prepared()
        for attempt in range(_RETRIES):
            try:
                os.replace(tmp, self.path / POINTER_FILE)
                break
            except PermissionError:       # Windows: a reader holds active.json open for a moment
                if attempt == _RETRIES - 1:
                    tmp.unlink(missing_ok=True)
                    raise
                time.sleep(_RETRY_PAUSE)
        fsync_dir(self.path)

    def clean(self) -> list[str]:
        """Remove what no pointer names: killed stagings, stray pointer files, datasets two installs old.

        Call it only while holding the lock. A dataset folder is first renamed to a trash name; when
        that fails (Windows: another PC still has a file in it open) it is left for a later clean.
        """
        pointer = self.pointer()
        keep = {pointer.active, pointer.previous}
        removed: list[str] = []
        try:
            entries = list(self.path.iterdir())
        except OSError:
            return removed
        for entry in entries:
            name = entry.name
            if name.startswith((STAGING_PREFIX, TRASH_PREFIX)) and entry.is_dir():
                _rmtree(entry)
            elif name.startswith(f"{POINTER_FILE}.tmp-"):
                entry.unlink(missing_ok=True)
            elif name.startswith(DATASET_PREFIX) and entry.is_dir() and name not in keep:
                trash = self.path / f"{TRASH_PREFIX}{_token(4)}"
                try:
                    os.replace(entry, trash)
                except OSError:
                    continue
                _rmtree(trash)
            else:
                continue
            if not entry.exists():
                removed.append(name)
        return removed


# --------------------------------------------------------------------------- which dataset is active

def resolve_active(shared_folder: Path | str | None, data_folder: Path | str | None,
                   bundled: Path | str | None) -> ActiveDataset:
    """The newest dataset of: the shared folder from settings, the data folder where installed updates
    go, the bundled dataset; the first of them between equal versions.

    A place that cannot be read (permissions, a share that is gone) and a dataset that cannot be used
    (unreadable, cut short, not a database, too new) are passed over for the next, and listed in the
    result's `skipped`. Nothing is remembered: each call looks again (cheaply: a folder listing and a
    dataset's header and `meta` per place), so calling it later retries a place that failed. Raises
    NoDatasetError when no dataset can be opened."""
    looked: list[str] = []
    skipped: list[Skipped] = []
    usable: list[tuple[ActiveDataset, tuple[int, ...]]] = []
    for folder, source in ((shared_folder, "shared"), (data_folder, "installed"), (bundled, "bundled")):
        if folder:
            looked.append(str(folder))
            found = _look_in(Path(folder), source)
            if isinstance(found, Skipped):
                skipped.append(found)
            elif found is not None:
                usable.append(found)
    if not usable:
        raise NoDatasetError(_("No dataset was found (looked in: {places}). Reinstall the app or install "
                               "a data update.").format(places=", ".join(looked) or "-"), tuple(skipped))
    newest = max(key for _active, key in usable)
    active = next(active for active, key in usable if key == newest)
    return replace(active, skipped=tuple(skipped))


def _look_in(folder: Path, source: str) -> tuple[ActiveDataset, tuple[int, ...]] | Skipped | None:
    """What one place offers: its usable dataset with the version key, why it offers none, or None when
    there is simply nothing there."""
    problem = folder_problem(folder)
    if problem is None:
        try:
            path = DataFolder(folder).locate()
        except OSError as exc:     # a dataset folder inside it that cannot be read
            problem = ("permission" if isinstance(exc, PermissionError) else "unreadable",
                       exc.strerror or str(exc))
        else:
            if path is not None:
                try:
                    return ActiveDataset(path, source, folder), version_key(inspect_dataset(path))
                except Unusable as exc:
                    return Skipped(source, "dataset", exc.path, exc.reason, exc.detail)
            problem = ("no_dataset", "")
    # no updates installed on this computer, no bundled data (a source checkout before `make dataset`):
    # nothing to tell; a shared folder named in the settings that offers nothing is worth telling
    if source != "shared" and problem[0] in ("missing", "no_dataset"):
        return None
    return Skipped(source, "folder", folder, *problem)


def version_key(version: str) -> tuple[int, ...]:
    """'2026.11.2' -> (2026, 11, 2); an app version's leading numbers ('0.1.0+source' -> (0, 1, 0))."""
    match = re.match(r"\d+(?:\.\d+)*", version or "")
    return tuple(int(p) for p in match.group(0).split(".")) if match else ()


def updates_folder(user_data_dir: Path | str) -> Path:
    """This computer's folder for installed updates, inside the user's (or the portable) data folder.
    Kept apart from the user's own files there (bookmarks, notes), which an update never touches."""
    return Path(user_data_dir) / UPDATES_SUBFOLDER


def install_folder(shared_folder: Path | str | None, data_folder: Path | str) -> DataFolder:
    """Where an update is installed: the shared folder when the settings name one (so every PC of the
    centre gets it), otherwise this computer's data folder."""
    if shared_folder:
        shared = Path(shared_folder)
        if not shared.is_dir():
            raise DataFolderError("unreachable", _(
                "The shared data folder {folder} cannot be reached. Check the network connection, or "
                "clear the shared folder in the settings to install on this computer only.").format(
                folder=shared))
        return DataFolder(shared)
    return DataFolder(data_folder)


# --------------------------------------------------------------------------- OS helpers

def _rmtree(path: Path) -> None:
    import shutil  # only cleaning up needs it (and it is slow to import at start-up)

    shutil.rmtree(path, ignore_errors=True)


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries (renames) to disk where the OS allows it (POSIX; not Windows, not CIFS)."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


if sys.platform == "win32":
    import msvcrt

    def _lock_file(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock_file(fd: int) -> None:
        with suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock_file(fd: int) -> None:
        # POSIX record locks work on NFS and SMB mounts too, and die with the process
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_file(fd: int) -> None:
        with suppress(OSError):
            fcntl.lockf(fd, fcntl.LOCK_UN)
