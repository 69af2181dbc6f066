"""Where data lives (desktop/environment.py): the window, the pack commands, the self-check and `info` find the same
dataset for the same settings, in the user's real folders (each run in its own process, as a person runs it)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop import environment
from desktop.core.datasets import updates_folder
from desktop.environment import Settings

import pack_helpers as h

ROOT = Path(__file__).resolve().parent.parent

# The window as `migrant-desk` starts it, stopped once it has opened its dataset (before the first paint).
WINDOW_PROBE = r'''
import os, sys
import desktop.ui.main_window as main_window

class Probe(main_window.MainWindow):
    def __init__(self, ctx, parent=None):
        print("window dataset:", ctx.store.path.parent, flush=True)
        os._exit(0)

main_window.MainWindow = Probe
from desktop.__main__ import main
sys.exit(main([]))
'''


USERS = ("window", "pack status", "self-check", "info")  # everything that opens the data on its own


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> h.World:
    return h.make_world(tmp_path_factory.mktemp("places"))


class Person:
    """One user of this computer: their own settings, data and cache folders, and the app's bundled data."""

    def __init__(self, home: Path, bundled: Path):
        self.home = home
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
        self.env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                        XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen",
                        MIGRANT_DESK_DATASET=str(bundled))
        self.data_dir = home / "data" / environment.ORGANIZATION / environment.APPLICATION

    def set_shared_folder(self, folder: Path) -> None:
        ini = self.home / "config" / environment.ORGANIZATION / f"{environment.APPLICATION}.ini"
        settings = Settings(QSettings(str(ini), QSettings.IniFormat))
        settings.dataset_folder = str(folder)
        settings.sync()

    def run(self, *args: str) -> str:
        result = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=self.env, cwd=ROOT,
                                timeout=120)
        return result.stdout + result.stderr

    def datasets_in_use(self) -> dict[str, Path]:
        """The dataset the window opens, the one `pack status` names and the one the self-check checks."""
        window = re.search(r"window dataset: (.+)", self.run("-c", WINDOW_PROBE))
        status = self.run("-m", "desktop", "pack", "status")
        pack = re.search(r"in use: +data \S+ from the \w+ folder: (.+?)(?:, installed from .*)?$", status, re.M)
        check = self.run("-m", "desktop", "--self-check")
        selfcheck = re.search(r"ok +dataset: (.+) \(\w+\), version", check)
        info = re.search(r"^dataset: (.+)$", self.run("-m", "desktop", "info"), re.M)
        assert window and pack and selfcheck and info, status + check
        return {"window": Path(window[1]), "pack status": Path(pack[1]), "self-check": Path(selfcheck[1]),
                "info": Path(info[1])}


def test_window_pack_commands_and_self_check_agree_on_the_dataset(world, tmp_path):
    person = Person(tmp_path / "home", bundled=world.old_ds)

    # nothing installed, no shared folder: the bundled data
    assert person.datasets_in_use() == dict.fromkeys(USERS, world.old_ds)

    # an update installed on this computer (the same version as the bundled data: the update comes first)
    shutil.copytree(world.template, updates_folder(person.data_dir))
    installed = next(updates_folder(person.data_dir).glob("ds-*"))
    assert person.datasets_in_use() == dict.fromkeys(USERS, installed)

    # the centre's shared folder named in the settings (the same version again: the shared folder comes first)
    share = tmp_path / "share"
    shutil.copytree(world.old_ds, share)
    person.set_shared_folder(share)
    assert person.datasets_in_use() == dict.fromkeys(USERS, share)


def test_the_places_follow_the_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("MIGRANT_DESK_DATASET", str(tmp_path / "bundled"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    user_data = tmp_path / "data" / environment.ORGANIZATION / environment.APPLICATION
    places = environment.data_places(settings)
    assert (places.shared, places.installed, places.bundled) == (
        None, updates_folder(user_data), tmp_path / "bundled")
    assert environment.data_dir() == user_data and environment.log_dir() == user_data / "logs"
    settings.dataset_folder = str(tmp_path / "share")
    assert environment.data_places(settings).shared == tmp_path / "share"
    # the pack commands' --data-folder: that folder only, whatever the settings say
    given = environment.data_places(settings, data_folder=tmp_path / "given")
    assert (given.shared, given.installed) == (None, tmp_path / "given")
