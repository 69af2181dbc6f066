"""The running window watches its data (issue 14, items 7 and 8), offscreen with the real window:

- damage at rest in the dataset in use (found in the background after the first paint) is said, naming
  the file, and the window switches to the next good dataset (shared -> installed -> bundled) and searches on;
  a damaged index is rebuilt in the user's cache, the data stays; the advisor's data is untouched;
- a newer dataset installed into the shared folder by another PC is offered in a bar; accepting it switches
  without a restart, keeping the open record, bookmarks and notes.

Every dataset is a copy of the real one in a temporary folder, in places named as the app names them.
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from test_integrity import garbage, zeros

from desktop.core.datasets import DataFolder, Pointer
from desktop.core.i18n import set_language
from desktop.core.integrity import write_checksums
from desktop.core.search import SearchIndex, build_index
from desktop.core.store import DATASET_FILE, Store
from desktop.core.userdata import UserData
from desktop.dataset import open_index
from desktop.environment import Settings
from desktop.ui import data_watch
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow

QUERY, HIT = "патент", "work-patent"
NOTE = "Ask for the receipt of the last payment"
NEWER = "2099.01.1"


@pytest.fixture(scope="module")
def template(real_dataset, tmp_path_factory) -> Path:
    """The real dataset with its index (and their checksum lists), as `migrant-desk build` writes it."""
    folder = tmp_path_factory.mktemp("watch") / "dataset"
    shutil.copytree(real_dataset, folder, ignore=shutil.ignore_patterns("index*"))
    with Store(folder) as store:
        build_index(store, folder / "index")
    return folder


class Centre:
    """A PC of a centre: the shared folder from its settings, nothing installed, the bundled data, and an
    advisor's bookmark and note."""

    def __init__(self, template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shared = shutil.copytree(template, tmp_path / "share")
        self.bundled = shutil.copytree(template, tmp_path / "bundled")
        self.cache = tmp_path / "cache"
        monkeypatch.setenv("MIGRANT_DESK_DATASET", str(self.bundled))
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
        monkeypatch.setenv("XDG_CACHE_HOME", str(self.cache))
        self.home = tmp_path / "home"
        self.userdata = self.home / "userdata.sqlite"
        userdata = UserData(self.userdata)
        userdata.set_bookmark(HIT, True)
        userdata.set_note(HIT, NOTE)
        userdata.close()

    def open_window(self, qtbot) -> MainWindow:
        """The window on the shared folder's data, as the app opens it at start."""
        store = Store(self.shared)
        settings = Settings(QSettings(str(self.home / "settings.ini"), QSettings.Format.IniFormat))
        settings.ui_language = settings.content_language = "en"
        settings.dataset_folder = str(self.shared)
        set_language("en")
        ctx = AppContext(store, SearchIndex.open(store, self.shared / "index"), UserData(self.userdata), settings)
        window = MainWindow(ctx)     # (closed by close_window: not given to qtbot, which would close it again)
        window.show()
        qtbot.waitExposed(window)
        return window


def close_window(window: MainWindow) -> None:
    window.close()
    window.deleteLater()     # (its language listener goes with it)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if window.ctx.index is not None:
        window.ctx.index.close()
    window.ctx.store.close()
    window.ctx.userdata.close()


@pytest.fixture
def centre(template, tmp_path, monkeypatch) -> Centre:
    return Centre(template, tmp_path, monkeypatch)


def searches(qtbot, window: MainWindow) -> list[str]:
    window.search.field.setText("")
    window.search.field.setText(QUERY)
    qtbot.waitUntil(lambda: window.search.results is not None and window.search.results.query == QUERY,
                    timeout=10_000)
    return [hit.id for hit in window.search.results.hits]


def message(window: MainWindow) -> str:
    box = window.findChild(QMessageBox, "dataDamaged")
    return box.text() if box is not None and box.isVisible() else ""


def dataset_version(window: MainWindow) -> str:
    return window.ctx.store.meta()["dataset_version"]


# --------------------------------------------------------------------------- 7. damage at rest

@pytest.mark.parametrize("damage", [zeros, garbage])
def test_a_damaged_database_is_said_and_left_for_the_next_good_dataset(qtbot, centre, damage):
    damaged = centre.shared / DATASET_FILE
    damage(damaged)
    damaged_bytes, userdata_bytes = damaged.read_bytes(), centre.userdata.read_bytes()
    window = centre.open_window(qtbot)
    qtbot.waitUntil(lambda: window.ctx.store.path.parent == centre.bundled, timeout=10_000)
    qtbot.waitUntil(lambda: message(window) != "", timeout=5000)
    assert f"the file {damaged} (data " in message(window)
    assert f"switched to data {dataset_version(window)} from {centre.bundled}" in message(window)
    assert HIT in searches(qtbot, window)
    assert window.ctx.index.index_dir == centre.bundled / "index"
    assert window.ctx.userdata.bookmarks() == [HIT] and window.ctx.userdata.note(HIT) == NOTE
    close_window(window)
    assert damaged.read_bytes() == damaged_bytes                     # the damaged data is left as it was
    assert centre.userdata.read_bytes() == userdata_bytes            # and the advisor's data too


def test_with_no_other_good_dataset_the_window_says_so_and_carries_on(qtbot, centre):
    garbage(centre.shared / DATASET_FILE)
    garbage(centre.bundled / DATASET_FILE)
    window = centre.open_window(qtbot)
    qtbot.waitUntil(lambda: message(window) != "", timeout=10_000)
    qtbot.waitUntil(lambda: "there is no other data to switch to" in message(window), timeout=10_000)
    # one message: the shared data was damaged, so was the bundled data it switched to, and nothing is left
    said = message(window)
    assert said.index(f"the file {centre.shared / DATASET_FILE}") < said.index(
        f"the file {centre.bundled / DATASET_FILE}") < said.index("there is no other data to switch to")
    assert window.ctx.store.path.parent == centre.bundled
    assert HIT in searches(qtbot, window)
    close_window(window)


@pytest.mark.parametrize("name", ["seg", "scores.sqlite"])
def test_a_damaged_index_is_rebuilt_in_the_cache_and_the_data_stays(qtbot, centre, name):
    index = centre.shared / "index"
    file = next(index.glob("*.seg")) if name == "seg" else index / name
    garbage(file)
    window = centre.open_window(qtbot)
    qtbot.waitUntil(lambda: message(window) != "", timeout=20_000)
    assert f"was damaged (the file {file}). It has been rebuilt in" in message(window)
    assert window.ctx.store.path.parent == centre.shared
    rebuilt = window.ctx.index.index_dir
    assert rebuilt.is_relative_to(centre.cache) and (rebuilt / "checksums.json").is_file()
    assert HIT in searches(qtbot, window)
    close_window(window)
    # the next start opens the good index in the cache, not the damaged one beside the data
    with Store(centre.shared) as store:
        again = open_index(store)
        assert again.index_dir == rebuilt
        again.close()


# --------------------------------------------------------------------------- 8. newer data in the shared folder

def install_newer(shared: Path, template: Path) -> str:
    """What another PC's install leaves in the shared folder: a newer dataset folder, then the pointer."""
    name = f"ds-{NEWER}-0123abcd-ff00"
    newer = shutil.copytree(template, shared / name)
    conn = sqlite3.connect(newer / DATASET_FILE)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'dataset_version'", (NEWER,))
    conn.commit()
    conn.close()
    write_checksums(newer, [DATASET_FILE])
    DataFolder(shared).switch(Pointer(active=name, previous=None, can_roll_back=True))
    return name


def test_newer_data_in_the_shared_folder_is_offered_and_switched_to_without_a_restart(
        qtbot, centre, template, monkeypatch):
    monkeypatch.setattr(data_watch, "POLL_INTERVAL_MS", 100)
    window = centre.open_window(qtbot)
    old_version = dataset_version(window)
    window.open_record(HIT)
    qtbot.wait(500)                                          # a few looks: nothing newer, nothing offered
    assert window.data_watch.offer is None

    name = install_newer(centre.shared, template)
    qtbot.waitUntil(lambda: window.data_watch.offer is not None and window.data_watch.offer.isVisible(),
                    timeout=10_000)
    offer = window.data_watch.offer
    assert offer.label.text() == (f"Newer data is available in the shared folder: version {NEWER} "
                                  f"(you use {old_version}). Switch now?")
    qtbot.mouseClick(offer.switch_button, Qt.MouseButton.LeftButton)

    assert dataset_version(window) == NEWER and window.ctx.store.path.parent == centre.shared / name
    assert not offer.isVisible()
    assert window.record.current == HIT and "patent" in window.record.browser.toPlainText().lower()
    assert window.ctx.userdata.bookmarks() == [HIT] and window.ctx.userdata.note(HIT) == NOTE
    assert window.record.note_edit.toPlainText() == NOTE
    assert HIT in searches(qtbot, window)
    qtbot.wait(400)                                          # the data in use is not offered again
    assert not offer.isVisible()
    close_window(window)


def test_newer_data_declined_is_not_offered_again(qtbot, centre, template, monkeypatch):
    monkeypatch.setattr(data_watch, "POLL_INTERVAL_MS", 100)
    window = centre.open_window(qtbot)
    old_version = dataset_version(window)
    install_newer(centre.shared, template)
    qtbot.waitUntil(lambda: window.data_watch.offer is not None and window.data_watch.offer.isVisible(),
                    timeout=10_000)
    qtbot.mouseClick(window.data_watch.offer.later_button, Qt.MouseButton.LeftButton)
    qtbot.wait(400)
    assert not window.data_watch.offer.isVisible() and dataset_version(window) == old_version
    close_window(window)
