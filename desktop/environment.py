"""Who the app is on this computer and where this user's things are: the one module that knows.

- the app's names (which QSettings and QStandardPaths go by),
- portable mode: a file named `portable` (or `migrant-desk.portable`) beside the app keeps settings, user
  data and logs in a `userdata/` folder next to it instead of the user's folders,
- the user's data, log and cache folders,
- the settings (one typed object over QSettings, created lazily: nothing is read at import),
- where datasets are looked for, in order: the shared folder named in the settings, this computer's
  installed updates, the data bundled with the app (core/datasets.py decides which of them is active).

The window, the command line, the self-check and the pack commands all ask here, so they find the same
folders and the same dataset. The app's own files (content, schema, bundled dataset, resources) are
found by desktop/paths.py. PySide6 is imported inside the functions that need it (QtCore only): the
commands that need no Qt never load it, and the window's first paint pays for nothing new.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import paths

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from .core.datasets import ActiveDataset, DataFolder

ORGANIZATION = "Migrant Desk"
APPLICATION = "migrant-desk"
DISPLAY_NAME = "Migrant Desk"
PORTABLE_MARKERS = ("portable", "migrant-desk.portable")
PORTABLE_FOLDER = "userdata"
LOG_FILE = "migrant-desk.log"
USERDATA_FILE = "userdata.sqlite"
USERDATA_BACKUPS = "backups"
CITIZENSHIPS = ("UZ", "KG", "TJ")   # the centre's usual client citizenship may be one of these


def name_the_app() -> None:
    """Give Qt the app's names, with or without a QApplication: QStandardPaths finds the user's folders
    by them, so the window and the command line use the same ones."""
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)


# --------------------------------------------------------------------------- the user's folders

def portable_dir() -> Path | None:
    """The folder beside the app that holds everything of the user in portable mode; None otherwise."""
    root = paths.app_root()
    if any((root / name).exists() for name in PORTABLE_MARKERS):
        return root / PORTABLE_FOLDER
    return None


def data_dir() -> Path:
    """Where user data (bookmarks, notes), installed data updates and logs go."""
    portable = portable_dir()
    if portable:
        return portable
    from PySide6.QtCore import QStandardPaths

    name_the_app()
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def log_dir() -> Path:
    return data_dir() / "logs"


def log_file() -> Path:
    return log_dir() / LOG_FILE


def userdata_file() -> Path:
    """The SQLite file of the user's bookmarks and notes (an update never touches it)."""
    return data_dir() / USERDATA_FILE


def userdata_backups_dir() -> Path:
    """Where the rolling backups of the user-data file go (core/userdata_backup.py)."""
    return data_dir() / USERDATA_BACKUPS


def documents_dir() -> Path:
    """Where a saved sheet is suggested to go: the user's documents folder."""
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def cache_dir() -> Path:
    """Where a search index is rebuilt when the one beside a read-only dataset cannot be used: beside the app
    in portable mode (a USB stick leaves nothing on the PC); on Windows in the local, not the roaming, profile
    (an index is tens of MB and is rebuilt from the dataset anyway, so it must not travel with a roaming
    profile); elsewhere in the XDG cache folder."""
    portable = portable_dir()
    if portable:
        return portable / "cache"
    local = os.environ.get("LOCALAPPDATA") if sys.platform == "win32" else None
    if local:
        return Path(local) / ORGANIZATION / APPLICATION / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / APPLICATION


# --------------------------------------------------------------------------- the settings

class Settings:
    """Typed access with defaults; values are validated on read so a hand-edited file cannot break the app."""

    def __init__(self, qsettings: QSettings | None = None):
        self._q = qsettings

    @property
    def q(self) -> QSettings:
        if self._q is None:
            from PySide6.QtCore import QSettings

            portable = portable_dir()
            if portable:
                self._q = QSettings(str(portable / "settings.ini"), QSettings.Format.IniFormat)
            else:
                self._q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION,
                                    APPLICATION)
        return self._q

    def _get(self, key: str, default: str, allowed: tuple[str, ...]) -> str:
        value = self.q.value(key, default)
        return value if value in allowed else default

    @property
    def ui_language(self) -> str:
        from PySide6.QtCore import QLocale

        from .core import languages
        from .core.i18n import default_language

        value = self.q.value("ui/language")
        if value in languages.INTERFACE:
            return str(value)
        return default_language(QLocale.system().name())

    @ui_language.setter
    def ui_language(self, value: str) -> None:
        self.q.setValue("ui/language", value)

    @property
    def content_language(self) -> str:
        from .core import languages

        return self._get("ui/content_language", languages.content_language(self.ui_language),
                         languages.INTERFACE)

    @content_language.setter
    def content_language(self, value: str) -> None:
        self.q.setValue("ui/content_language", value)

    @property
    def font_scale(self) -> int:
        try:
            return min(200, max(100, int(str(self.q.value("ui/font_scale", 100)))))
        except (TypeError, ValueError):
            return 100

    @font_scale.setter
    def font_scale(self, value: int) -> None:
        self.q.setValue("ui/font_scale", min(200, max(100, int(value))))

    @property
    def citizenship(self) -> str:
        return self._get("centre/citizenship", "", ("", *CITIZENSHIPS))

    @citizenship.setter
    def citizenship(self, value: str) -> None:
        self.q.setValue("centre/citizenship", value or "")

    @property
    def region(self) -> str:
        value: Any = self.q.value("centre/region", "") or ""
        return value if value == "" or str(value).startswith("RU-") else ""

    @region.setter
    def region(self, value: str) -> None:
        self.q.setValue("centre/region", value or "")

    @property
    def dataset_folder(self) -> str:
        """A shared dataset folder (network share) the centre uses for all its PCs; empty for none."""
        return str(self.q.value("data/folder", "") or "")

    @dataset_folder.setter
    def dataset_folder(self, value: str) -> None:
        self.q.setValue("data/folder", value or "")

    def sync(self) -> None:
        self.q.sync()


# --------------------------------------------------------------------------- where datasets are looked for

@dataclass(frozen=True)
class DataPlaces:
    """The folders datasets are looked for in, in this order (the first wins between equal versions)."""
    shared: Path | None     # the shared folder named in the settings (a network share), if any
    installed: Path         # this computer's installed updates
    bundled: Path           # the data that came with the app

    def active(self) -> ActiveDataset:
        """The dataset in use: the newest of the three that can be opened; what was passed over (a shared
        folder that cannot be read, a damaged dataset) is in its `skipped`. Each call looks again, so a
        later call retries a place that failed. Raises NoDatasetError (a DatasetError) when none can."""
        from .core.datasets import resolve_active

        return resolve_active(self.shared, self.installed, self.bundled)

    def install_folder(self) -> DataFolder:
        """Where an update goes: the shared folder when there is one, else this computer's folder.
        Raises DataFolderError when the shared folder cannot be reached."""
        from .core.datasets import install_folder

        return install_folder(self.shared, self.installed)


def dataset_to_open(given: Path | None = None, tell: Callable[[ActiveDataset], None] | None = None) -> Path:
    """The dataset folder given on the command line, else the one the window opens (the active dataset,
    handed to `tell` first, so the caller can say what was passed over on the way). Raises DatasetError
    when there is none."""
    if given is not None:
        return Path(given)
    active = data_places().active()
    if tell is not None:
        tell(active)
    return active.path


def data_places(settings: Settings | None = None, *, data_folder: Path | None = None) -> DataPlaces:
    """Where this user's app looks for datasets with `settings` (default: the user's own).

    `data_folder` (the pack commands' --data-folder) replaces this computer's folder and the shared one.
    """
    from .core.datasets import updates_folder

    bundled = paths.bundled_dataset_dir()
    if data_folder is not None:
        return DataPlaces(None, Path(data_folder), bundled)
    shared = (settings or Settings()).dataset_folder
    return DataPlaces(Path(shared) if shared else None, updates_folder(data_dir()), bundled)
