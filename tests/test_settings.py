"""The typed settings object: defaults, validation of hand-edited values, portable mode."""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QSettings

from desktop import environment, paths
from desktop.environment import Settings


def make(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))


def test_defaults_and_round_trip(tmp_path):
    s = make(tmp_path)
    assert s.ui_language in ("ru", "uz", "uz_Cyrl", "ky")     # first start: system language or Russian
    assert s.font_scale == 100 and s.citizenship == "" and s.region == ""
    s.ui_language, s.font_scale, s.citizenship, s.region = "ky", 150, "KG", "RU-SVE"
    s.sync()
    again = make(tmp_path)
    assert (again.ui_language, again.font_scale, again.citizenship, again.region) == ("ky", 150, "KG", "RU-SVE")
    assert again.content_language == "ky"


def test_hand_edited_nonsense_falls_back(tmp_path):
    (tmp_path / "s.ini").write_text("[ui]\nlanguage=klingon\nfont_scale=900\n[centre]\ncitizenship=XX\nregion=Kazan\n")
    s = make(tmp_path)
    assert s.ui_language in ("ru", "uz", "uz_Cyrl", "ky") and s.font_scale == 200
    assert s.citizenship == "" and s.region == ""


def test_settings_are_created_lazily(tmp_path, monkeypatch):
    created = []

    class Counting(QSettings):
        def __init__(self, *args):
            created.append(args)
            super().__init__(str(tmp_path / "lazy.ini"), QSettings.IniFormat)

    monkeypatch.setattr(QtCore, "QSettings", Counting)   # environment imports it when it first needs it
    s = Settings()
    assert created == []                                     # nothing touched until a value is read
    assert s.font_scale == 100 and len(created) == 1


def test_portable_mode_keeps_everything_beside_the_app(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "app_root", lambda: tmp_path)
    assert environment.portable_dir() is None
    (tmp_path / "portable").write_text("")
    assert environment.portable_dir() == tmp_path / "userdata"
    assert environment.data_dir() == tmp_path / "userdata"
    s = Settings()
    s.font_scale = 120
    s.sync()
    assert (tmp_path / "userdata" / "settings.ini").exists()


def test_a_rebuilt_index_stays_on_this_pc_and_beside_a_portable_app(tmp_path, monkeypatch):
    """Windows: the local profile (%LOCALAPPDATA%), never the roaming one that travels between PCs; portable
    mode: beside the app, nothing written into the PC's profile."""
    monkeypatch.setattr(paths, "app_root", lambda: tmp_path)
    monkeypatch.setattr(environment.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert environment.cache_dir() == tmp_path / "Local" / environment.ORGANIZATION / environment.APPLICATION / "cache"
    (tmp_path / "portable").write_text("")
    assert environment.cache_dir() == tmp_path / "userdata" / "cache"
