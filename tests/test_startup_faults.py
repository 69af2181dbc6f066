"""Start-up never dies of damage (issue 14, items 1 and 4): a damaged or unreadable search index is rebuilt,
an unreadable shared folder or a damaged dataset is passed over for the next one in line with a message
naming it, and only when no dataset at all can be opened does the app stop, with one clear message.

Each case damages real files (a copy of the real dataset in a temporary folder) and runs the app as a person
does, each run in its own process with its own home: `search`, `info`, `--self-check` and the window (offscreen,
started as `migrant-desk` starts it). "Permission denied" is real too: as root the runs drop the capabilities
that let root read anything (setpriv), so a folder with mode 000 is as closed to them as to an advisor.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop import environment
from desktop.core.datasets import POINTER_FILE, Pointer, updates_folder
from desktop.core.search import build_index, index_state
from desktop.core.store import DATASET_FILE, Store
from desktop.core.userdata import UserData
from desktop.environment import Settings

ROOT = Path(__file__).resolve().parent.parent
QUERY = "патент"
EXPECTED_HIT = "work-patent"
DROP_ROOTS_READ_ANYTHING = ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
                            "--inh-caps=-dac_override,-dac_read_search"]

# The window as `migrant-desk` starts it; once its index is attached it searches, prints the results and
# the start-up notice (if any), then closes. A failure to start prints the critical message instead.
WINDOW_PROBE = r'''
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
import desktop.ui.app as app
import desktop.ui.main_window as main_window

def critical(parent, title, text, *args, **kwargs):
    print("critical:", text.replace("\n", " "), flush=True)
    return QMessageBox.StandardButton.Ok
QMessageBox.critical = staticmethod(critical)

progress_window = app._index_progress_window
def announced_progress_window(window, total):
    print("progress window shown", flush=True)
    return progress_window(window, total)
app._index_progress_window = announced_progress_window

attach = main_window.MainWindow.attach_index
def attach_and_search(self, index):
    attach(self, index)
    self.search.field.setText(sys.argv[1])
    def poll():
        results = self.search.results
        if results is None or results.query != sys.argv[1]:
            QTimer.singleShot(20, poll)
            return
        print("results:", " ".join(hit.id for hit in results.hits), flush=True)
        box = self.findChild(QMessageBox, "dataPassedOver")
        print("notice:", box.text().replace("\n", " ") if box is not None else "-", flush=True)
        self.close()
    poll()
main_window.MainWindow.attach_index = attach_and_search
QTimer.singleShot(60_000, lambda: os._exit(3))
from desktop.__main__ import main
sys.exit(main([]))
'''


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` and its SHA-256 (byte-identity of a dataset folder)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


class Advisor:
    """One advisor's computer: their own settings, data and cache folders, the app's bundled data (a copy of
    the real dataset) and a shared folder named in the settings (another copy)."""

    def __init__(self, home: Path, template: Path):
        self.home = home
        self.bundled = home / "app" / "dataset"
        self.shared = home / "share"
        shutil.copytree(template, self.bundled)
        shutil.copytree(template, self.shared)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
        self.env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                        XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen",
                        MIGRANT_DESK_DATASET=str(self.bundled))
        self.data_dir = home / "data" / environment.ORGANIZATION / environment.APPLICATION
        self.settings(dataset_folder=str(self.shared), ui_language="en")
        # the advisor's bookmarks and notes, which nothing here may change
        self.userdata = self.data_dir / environment.USERDATA_FILE
        data = UserData(self.userdata)
        data.set_bookmark(EXPECTED_HIT, True)
        data.set_note(EXPECTED_HIT, "client asked about the fee")
        data.close()
        self.userdata_before = hashlib.sha256(self.userdata.read_bytes()).hexdigest()

    def settings(self, **values: str) -> None:
        ini = self.home / "config" / environment.ORGANIZATION / f"{environment.APPLICATION}.ini"
        settings = Settings(QSettings(str(ini), QSettings.IniFormat))
        for key, value in values.items():
            setattr(settings, key, value)
        settings.sync()

    def install_update(self, template: Path) -> Path:
        """`template` as an update installed on this computer (as `pack install` leaves it)."""
        folder = updates_folder(self.data_dir)
        shutil.copytree(template, folder / "ds-2026.11.1-test")
        (folder / POINTER_FILE).write_text(Pointer(active="ds-2026.11.1-test").to_json(), encoding="utf-8")
        return folder / "ds-2026.11.1-test"

    def run(self, *args: str) -> Run:
        """One run of the app, as an advisor (who cannot read a folder with mode 000, unlike root)."""
        prefix = DROP_ROOTS_READ_ANYTHING if os.geteuid() == 0 else []
        result = subprocess.run([*prefix, sys.executable, *args], capture_output=True, text=True, env=self.env,
                                cwd=ROOT, timeout=180)
        return Run(result.returncode, result.stdout, result.stderr)

    def search(self) -> Run:
        return self.run("-m", "desktop", "search", QUERY)

    def self_check(self) -> Run:
        return self.run("-m", "desktop", "--self-check")

    def info(self) -> Run:
        return self.run("-m", "desktop", "info")

    def window(self) -> Run:
        return self.run("-c", WINDOW_PROBE, QUERY)

    def userdata_unchanged(self) -> bool:
        return hashlib.sha256(self.userdata.read_bytes()).hexdigest() == self.userdata_before


def no_traceback(run: Run) -> bool:
    return "Traceback" not in run.text


def works_on(run: Run, dataset: Path) -> None:
    """A command ran to the end on `dataset`, without a traceback."""
    assert run.code == 0 and no_traceback(run), run.text


@pytest.fixture(scope="module")
def template(real_dataset, tmp_path_factory) -> Path:
    """The real dataset with its search index, as `migrant-desk build` writes it."""
    folder = tmp_path_factory.mktemp("template") / "dataset"
    shutil.copytree(real_dataset, folder, ignore=shutil.ignore_patterns("index*"))
    with Store(folder) as store:
        build_index(store, folder / "index")
        assert index_state(store, folder / "index") == "ok"
    return folder


@pytest.fixture
def advisor(tmp_path, template) -> Advisor:
    person = Advisor(tmp_path / "home", template)
    yield person
    for path in [tmp_path, *tmp_path.rglob("*")]:     # let pytest remove what a test locked
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)


if os.geteuid() == 0 and shutil.which("setpriv") is None:
    pytest.skip("as root, 'permission denied' needs setpriv to drop root's right to read anything",
                allow_module_level=True)


# --------------------------------------------------------------------------- 1. a damaged or unreadable index

def garbage_at_start_of_toc(dataset: Path) -> None:
    toc = next((dataset / "index").glob("_MAIN_*.toc"))
    data = toc.read_bytes()
    toc.write_bytes(b"\x5a" * 64 + data[64:])


def unreadable_index_folder(dataset: Path) -> None:
    (dataset / "index").chmod(0)


@pytest.mark.parametrize("damage", [garbage_at_start_of_toc, unreadable_index_folder])
@pytest.mark.parametrize("entry", ["self_check", "search", "window"])
def test_a_damaged_index_is_rebuilt_with_progress(advisor, damage, entry):
    advisor.settings(dataset_folder="")
    listing = sorted(p.name for p in advisor.bundled.iterdir())
    damage(advisor.bundled)
    sqlite_before = hashlib.sha256((advisor.bundled / DATASET_FILE).read_bytes()).hexdigest()

    run = getattr(advisor, entry)()
    works_on(run, advisor.bundled)
    if entry == "self_check":
        assert "the index beside the dataset was corrupt; rebuilt in" in run.out
        assert "self-check passed" in run.out
    elif entry == "search":
        assert EXPECTED_HIT in run.out and "building the search index" in run.err
    else:
        assert "progress window shown" in run.out and EXPECTED_HIT in run.out.split("results:")[1]
    # rebuilt beside the dataset (its folder can be written), and nothing left behind
    assert sorted(p.name for p in advisor.bundled.iterdir()) == listing
    with Store(advisor.bundled) as store:
        assert index_state(store, advisor.bundled / "index") == "ok"
    assert hashlib.sha256((advisor.bundled / DATASET_FILE).read_bytes()).hexdigest() == sqlite_before
    assert advisor.userdata_unchanged()


def test_a_damaged_index_of_a_read_only_dataset_is_rebuilt_in_the_users_cache(advisor):
    advisor.settings(dataset_folder="")
    garbage_at_start_of_toc(advisor.bundled)
    (advisor.bundled / "index").chmod(0o555)
    advisor.bundled.chmod(0o555)
    before = tree_digest(advisor.bundled)

    search = advisor.search()
    works_on(search, advisor.bundled)
    assert EXPECTED_HIT in search.out and "building the search index" in search.err
    cache = advisor.home / "cache" / environment.APPLICATION / "index"
    with Store(advisor.bundled) as store:
        assert [index_state(store, folder) for folder in cache.iterdir()] == ["ok"]
    for run in (advisor.self_check(), advisor.window()):
        works_on(run, advisor.bundled)
        assert EXPECTED_HIT in run.out
    assert tree_digest(advisor.bundled) == before
    assert advisor.userdata_unchanged()


# --------------------------------------------------------------------------- 2. an unreadable shared folder

def test_an_unreadable_shared_folder_is_passed_over_with_a_message_and_retried_at_the_next_start(advisor):
    advisor.shared.chmod(0)
    bundled_before = tree_digest(advisor.bundled)
    message = (f"The shared data folder {advisor.shared} cannot be read (permission denied); "
               "using the data that came with the app.")

    for run in (advisor.search(), advisor.info(), advisor.self_check()):
        works_on(run, advisor.bundled)
        assert message in run.err.splitlines(), run.text
    assert f"dataset: {advisor.bundled}" in advisor.info().out
    window = advisor.window()
    works_on(window, advisor.bundled)
    assert EXPECTED_HIT in window.out and f"notice: {message}" in window.out
    assert tree_digest(advisor.bundled) == bundled_before and advisor.userdata_unchanged()

    # the share is back: the next start uses it again, and says nothing
    advisor.shared.chmod(0o755)
    info = advisor.info()
    works_on(info, advisor.shared)
    assert f"dataset: {advisor.shared}" in info.out and info.err == ""


def test_an_unreadable_shared_folder_falls_back_to_this_computers_updates(advisor, template):
    installed = advisor.install_update(template)
    advisor.shared.chmod(0)
    info = advisor.info()
    works_on(info, installed)
    assert f"dataset: {installed}" in info.out
    assert (f"The shared data folder {advisor.shared} cannot be read (permission denied); using the data "
            "updates installed on this computer.") in info.err


# --------------------------------------------------------------------------- 3. a damaged or unreadable dataset

def truncated(file: Path) -> str:
    data = file.read_bytes()
    file.write_bytes(data[:len(data) // 2])
    return "is damaged: it is shorter than it should be"


def zeroed_header(file: Path) -> str:
    data = file.read_bytes()
    file.write_bytes(bytes(100) + data[100:])
    return "is damaged: it is not a database"


def not_a_database(file: Path) -> str:
    file.write_bytes(b"this is not a database\n" * 100)
    return "is damaged: it is not a database"


def unreadable(file: Path) -> str:
    file.chmod(0)
    return "cannot be read (permission denied)"


DAMAGES = [truncated, zeroed_header, not_a_database, unreadable]


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_shared_dataset_falls_back_to_the_bundled_one(advisor, damage):
    file = advisor.shared / DATASET_FILE
    what = damage(file)
    bundled_before = tree_digest(advisor.bundled)
    message = f"The data file {file} {what}; using the data that came with the app."

    for run in (advisor.search(), advisor.info(), advisor.self_check()):
        works_on(run, advisor.bundled)
        assert message in run.err.splitlines(), run.text
    assert EXPECTED_HIT in advisor.search().out
    assert f"dataset: {advisor.bundled}" in advisor.info().out
    window = advisor.window()
    works_on(window, advisor.bundled)
    assert EXPECTED_HIT in window.out and f"notice: {message}" in window.out
    assert tree_digest(advisor.bundled) == bundled_before and advisor.userdata_unchanged()


@pytest.mark.parametrize("damage", [truncated, unreadable])
def test_a_damaged_installed_update_falls_back_to_the_bundled_data(advisor, template, damage):
    advisor.settings(dataset_folder="")
    file = advisor.install_update(template) / DATASET_FILE
    what = damage(file)
    search = advisor.search()
    works_on(search, advisor.bundled)
    assert EXPECTED_HIT in search.out
    assert f"The data file {file} {what}; using the data that came with the app." in search.err


def test_a_damaged_shared_dataset_falls_back_to_this_computers_updates(advisor, template):
    installed = advisor.install_update(template)
    truncated(advisor.shared / DATASET_FILE)
    installed_before = tree_digest(installed)
    search = advisor.search()
    works_on(search, installed)
    assert EXPECTED_HIT in search.out
    assert (f"The data file {advisor.shared / DATASET_FILE} is damaged: it is shorter than it should be; "
            "using the data updates installed on this computer.") in search.err
    assert tree_digest(installed) == installed_before


def test_when_no_dataset_can_be_opened_the_app_says_so_once_and_stops(advisor):
    not_a_database(advisor.shared / DATASET_FILE)
    truncated(advisor.bundled / DATASET_FILE)
    message = (f"No data can be opened. The data file {advisor.shared / DATASET_FILE} is damaged: it is not a "
               f"database. The data file {advisor.bundled / DATASET_FILE} is damaged: it is shorter than it "
               "should be. Reinstall the app or install a data update.")
    for run in (advisor.search(), advisor.info()):
        assert run.code == 2 and no_traceback(run), run.text
        assert run.err.strip() == message
    check = advisor.self_check()
    assert check.code == 1 and no_traceback(check) and f"FAILED  dataset: {message}" in check.out
    window = advisor.window()
    assert window.code == 2 and no_traceback(window), window.text
    assert window.out.strip() == f"critical: {message}"
    assert advisor.userdata_unchanged()
