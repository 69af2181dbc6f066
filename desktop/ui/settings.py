"""One typed settings object over QSettings, created lazily (never at import).

Portable mode: when a file named `portable` (or `migrant-desk.portable`) lies beside the app, settings,
user data and logs are kept in a `userdata/` folder next to it instead of the user's folders.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QStandardPaths

from .. import paths
from ..core.i18n import UI_LANGUAGES, content_language, default_language

PORTABLE_MARKERS = ("portable", "migrant-desk.portable")
CITIZENSHIPS = ("UZ", "KG", "TJ")


def portable_dir() -> Path | None:
    root = paths.app_root()
    if any((root / name).exists() for name in PORTABLE_MARKERS):
        return root / "userdata"
    return None


def data_dir() -> Path:
    """Where user data (bookmarks, notes), installed data updates and logs go."""
    portable = portable_dir()
    if portable:
        return portable
    return Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation))


def log_dir() -> Path:
    return data_dir() / "logs"


class Settings:
    """Typed access with defaults; values are validated on read so a hand-edited file cannot break the app."""

    def __init__(self, qsettings: QSettings | None = None):
        self._q = qsettings

    @property
    def q(self) -> QSettings:
        if self._q is None:
            portable = portable_dir()
            if portable:
                self._q = QSettings(str(portable / "settings.ini"), QSettings.IniFormat)
            else:
                self._q = QSettings(QSettings.IniFormat, QSettings.UserScope, "Migrant Desk", "migrant-desk")
        return self._q

    def _get(self, key: str, default, allowed=None):
        value = self.q.value(key, default)
        if allowed is not None and value not in allowed:
            return default
        return value

    @property
    def ui_language(self) -> str:
        value = self.q.value("ui/language")
        if value in UI_LANGUAGES:
            return value
        return default_language(QLocale.system().name())

    @ui_language.setter
    def ui_language(self, value: str) -> None:
        self.q.setValue("ui/language", value)

    @property
    def content_language(self) -> str:
        return self._get("ui/content_language", content_language(self.ui_language), UI_LANGUAGES)

    @content_language.setter
    def content_language(self, value: str) -> None:
        self.q.setValue("ui/content_language", value)

    @property
    def font_scale(self) -> int:
        try:
            return min(200, max(100, int(self.q.value("ui/font_scale", 100))))
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
        value = self.q.value("centre/region", "") or ""
        return value if value == "" or value.startswith("RU-") else ""

    @region.setter
    def region(self, value: str) -> None:
        self.q.setValue("centre/region", value or "")

    @property
    def dataset_folder(self) -> str:
        """A shared dataset folder (network share) the centre uses for all its PCs; empty for none."""
        return self.q.value("data/folder", "") or ""

    @dataset_folder.setter
    def dataset_folder(self, value: str) -> None:
        self.q.setValue("data/folder", value or "")

    def sync(self) -> None:
        self.q.sync()
