"""User data keeps itself safe (issue 14, item 5): a damaged bookmarks-and-notes file (truncated, zeroed
header, garbage, a folder in its place, unreadable, with WAL leftovers) is moved aside byte-identical and
never deleted, the newest good backup is restored (or the app starts empty when there is none), the
window starts and searches, and the advisor is told what was restored and from when. Backups are made
with SQLite's backup API after the first paint, one generation a day for KEEP_DAYS days, none when
nothing changed, and a damaged backup is passed over for an older good one. The crash dialog no longer
says the app carried on when it is closing.

Everything is real: SQLite files damaged on purpose, the window started as `migrant-desk` starts it (its
own process, offscreen, its own home). "Permission denied" is real too: as root, those runs drop the
capabilities that let root read and write anything (setpriv), as tests/test_startup_faults.py does.
"""
from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import environment
from desktop.core.userdata import UserData
from desktop.core.userdata_backup import KEEP_DAYS, DamagedDatabase, back_up, backup_name, backups, newest_good_backup
from desktop.core.userdata_recovery import open_userdata
from desktop.present.userdata_notices import recovery_notice

ROOT = Path(__file__).resolve().parent.parent
BACKUP_TIME = dt.datetime(2026, 12, 2, 14, 5, 7)
NOW = dt.datetime(2026, 12, 3, 9, 30, 0)
QUERY = "патент"
EXPECTED_HIT = "work-patent"
DROP_ROOTS_RIGHTS = ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
                     "--inh-caps=-dac_override,-dac_read_search"]


# --------------------------------------------------------------------------- the advisor's files

def write_userdata(path: Path, bookmarks: list[str], notes: dict[str, str]) -> None:
    data = UserData(path)
    for record_id in bookmarks:
        data.set_bookmark(record_id, True)
    for record_id, text in notes.items():
        data.set_note(record_id, text)
    data.close()


def contents(data: UserData) -> tuple[list[str], dict[str, str]]:
    return sorted(data.bookmarks()), {n.record_id: n.text for n in data.notes()}


BACKED_UP = (["migration-registration", "work-patent"], {"work-patent": "client asked about the fee"})
SINCE_BACKUP = (["medical-exam", "migration-registration", "work-patent"],
                {"work-patent": "client asked about the fee", "medical-exam": "bring the passport"})


def advisor_files(folder: Path, with_backup: bool) -> tuple[Path, Path]:
    """The user-data file and its backups folder: backed up on BACKUP_TIME, then changed since."""
    path, backups_dir = folder / environment.USERDATA_FILE, folder / environment.USERDATA_BACKUPS
    write_userdata(path, *BACKED_UP)
    if with_backup:
        assert back_up(path, backups_dir, BACKUP_TIME) is not None
    write_userdata(path, *SINCE_BACKUP)
    return path, backups_dir


# --------------------------------------------------------------------------- the kinds of damage

def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])


def zeroed_header(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(b"\0" * 100 + data[100:])


def garbage(path: Path) -> None:
    path.write_bytes(random.Random(14).randbytes(path.stat().st_size))


def folder_in_its_place(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "something.txt").write_text("not a database", encoding="utf-8")


def wal_leftovers(path: Path) -> None:
    """A run killed while writing left -wal and -shm beside the file, whose header was then zeroed."""
    code = ("import os, sys; from desktop.core.userdata import UserData; d = UserData(sys.argv[1]); "
            "d.set_note('medical-exam', 'written just before the power cut'); os._exit(0)")
    subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, check=True)
    assert Path(f"{path}-wal").stat().st_size > 0
    zeroed_header(path)


DAMAGE = {"truncated": truncated, "zeroed header": zeroed_header, "garbage": garbage,
          "a folder in its place": folder_in_its_place, "WAL leftovers": wal_leftovers}


def snapshot(path: Path) -> dict[str, bytes]:
    """The damaged file (or the folder's files) and its -wal, byte for byte, by name suffix; the -shm by
    its presence only: it is SQLite's scratch index of the -wal, which any reader updates and rebuilds."""
    if path.is_dir():
        return {f"/{p.name}": p.read_bytes() for p in path.iterdir()}
    return {suffix: b"" if suffix == "-shm" else Path(f"{path}{suffix}").read_bytes()
            for suffix in ("", "-wal", "-shm") if Path(f"{path}{suffix}").exists()}


# --------------------------------------------------------------------------- recovery, in core

@pytest.mark.parametrize("with_backup", [True, False], ids=["with backup", "no backup"])
@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_file_is_put_aside_and_the_newest_backup_restored(tmp_path, damage, with_backup):
    path, backups_dir = advisor_files(tmp_path, with_backup)
    damage(path)
    damaged = snapshot(path)

    opened = open_userdata(path, backups_dir, NOW)

    recovery = opened.recovery
    assert recovery is not None and not recovery.in_memory
    aside = tmp_path / "userdata.sqlite.damaged-20261203-093000"
    assert recovery.put_aside == aside
    assert snapshot(aside) == damaged          # moved aside byte-identical, -wal and -shm with it
    expected = BACKED_UP if with_backup else ([], {})
    assert contents(opened.userdata) == expected
    opened.userdata.set_bookmark("deportation", True)    # the restored file is in use and writable
    opened.userdata.close()
    assert "deportation" in UserData(path).bookmarks()
    notice = recovery_notice(recovery, "en")
    if damage is folder_in_its_place:
        assert notice.startswith(f"A folder stood where your bookmarks and notes file belongs; it has been put "
                                 f"aside as {aside}.")
    else:
        assert notice.startswith(f"Your bookmarks and notes file was damaged and has been put aside as {aside}.")
    if with_backup:
        assert notice.endswith("Restored the copy from December 2, 2026 14:05 (2 bookmarks, 1 note).")
    else:
        assert notice.endswith("There was no backup copy, so bookmarks and notes start empty.")


def test_an_intact_file_opens_as_it_is_even_beside_garbage_wal_leftovers(tmp_path):
    path, backups_dir = advisor_files(tmp_path, with_backup=True)
    before = path.read_bytes()
    Path(f"{path}-wal").write_bytes(random.Random(1).randbytes(5000))    # not this database's WAL
    Path(f"{path}-shm").write_bytes(random.Random(2).randbytes(32768))
    opened = open_userdata(path, backups_dir, NOW)
    assert opened.recovery is None and contents(opened.userdata) == SINCE_BACKUP
    opened.userdata.close()
    assert not list(tmp_path.glob("*.damaged-*")) and path.read_bytes() == before


def test_a_missing_file_comes_back_from_the_backup_and_a_first_start_says_nothing(tmp_path):
    path, backups_dir = advisor_files(tmp_path, with_backup=True)
    path.unlink()
    opened = open_userdata(path, backups_dir, NOW)
    assert contents(opened.userdata) == BACKED_UP
    assert recovery_notice(opened.recovery, "en") == (
        f"Your bookmarks and notes file {path} was missing. Restored the copy from December 2, 2026 14:05 "
        "(2 bookmarks, 1 note).")
    opened.userdata.close()
    first = open_userdata(tmp_path / "new" / "userdata.sqlite", tmp_path / "new" / "backups", NOW)
    assert first.recovery is None and contents(first.userdata) == ([], {})
    first.userdata.close()


# --------------------------------------------------------------------------- rolling backups

def test_backups_are_checked_copies_and_none_is_made_when_nothing_changed(tmp_path):
    path, backups_dir = advisor_files(tmp_path, with_backup=True)
    copy = back_up(path, backups_dir, NOW)
    assert copy is not None and copy.path.name == "userdata-20261203-093000.sqlite"
    assert (copy.contents.bookmarks, copy.contents.notes) == (3, 2)
    restored = UserData.in_memory(copy.path)
    assert contents(restored) == SINCE_BACKUP       # the backup holds what the file held
    for minutes in range(1, 20):                    # a day of restarts with nothing changed
        assert back_up(path, backups_dir, NOW + dt.timedelta(minutes=minutes)) is None
    assert [p.name for _, p in backups(backups_dir)] == ["userdata-20261203-093000.sqlite",
                                                         "userdata-20261202-140507.sqlite"]
    assert not Path(f"{copy.path}-wal").exists()    # a copy is one self-contained file


def test_generations_are_one_a_day_for_a_week(tmp_path):
    path, backups_dir = tmp_path / "userdata.sqlite", tmp_path / "backups"
    start = dt.datetime(2026, 12, 1, 9, 0)
    for day in range(10):
        for hour in range(3):                        # three restarts a day, each after a change
            write_userdata(path, [f"record-{day}-{hour}"], {})
            assert back_up(path, backups_dir, start + dt.timedelta(days=day, hours=hour)) is not None
    kept = [taken.strftime("%d %H") for taken, _ in backups(backups_dir)]
    assert len(kept) == KEEP_DAYS
    assert kept == [f"{day:02d} 11" for day in range(10, 10 - KEEP_DAYS, -1)]    # each day's last copy


def test_a_damaged_backup_is_passed_over_for_an_older_good_one(tmp_path):
    path, backups_dir = advisor_files(tmp_path, with_backup=True)
    newer = back_up(path, backups_dir, BACKUP_TIME + dt.timedelta(days=1))
    assert newer is not None
    zeroed_header(newer.path)
    good = newest_good_backup(backups_dir)
    assert good is not None and good.taken_at == BACKUP_TIME
    garbage(path)
    opened = open_userdata(path, backups_dir, NOW)
    assert contents(opened.userdata) == BACKED_UP
    assert recovery_notice(opened.recovery, "en").endswith(
        "Restored the copy from December 2, 2026 14:05 (2 bookmarks, 1 note).")
    assert newer.path.exists()                       # passed over, not removed


def test_a_damaged_backup_is_no_base_for_unchanged(tmp_path):
    path, backups_dir = advisor_files(tmp_path, with_backup=True)
    newer = back_up(path, backups_dir, BACKUP_TIME + dt.timedelta(days=1))
    assert newer is not None
    garbage(newer.path)
    # the file holds exactly what the damaged copy held, yet a new, checked copy is made
    again = back_up(path, backups_dir, BACKUP_TIME + dt.timedelta(days=1, hours=1))
    assert again is not None and newest_good_backup(backups_dir) == again


def test_a_damaged_file_is_never_backed_up(tmp_path):
    path, backups_dir = advisor_files(tmp_path, with_backup=True)
    truncated(path)
    with pytest.raises(DamagedDatabase):
        back_up(path, backups_dir, NOW)
    assert [p.name for p in backups_dir.iterdir()] == [backup_name(BACKUP_TIME)]


# --------------------------------------------------------------------------- a read-only folder, a closed file

def run_as_advisor(code: str, *args: str) -> str:
    prefix = DROP_ROOTS_RIGHTS if os.geteuid() == 0 else []
    result = subprocess.run([*prefix, sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return result.stdout


OPEN_AND_TELL = r'''
import sys, datetime
from pathlib import Path
from desktop.core.userdata_recovery import open_userdata
from desktop.present.userdata_notices import recovery_notice
opened = open_userdata(Path(sys.argv[1]), Path(sys.argv[2]), datetime.datetime(2026, 12, 3, 9, 30))
print(recovery_notice(opened.recovery, "en"))
print(" ".join(sorted(opened.userdata.bookmarks())))
'''

needs_setpriv = pytest.mark.skipif(os.geteuid() == 0 and shutil.which("setpriv") is None,
                                   reason="as root, 'permission denied' needs setpriv")


@needs_setpriv
def test_a_read_only_folder_keeps_the_user_data_in_memory_and_says_so(tmp_path):
    path, backups_dir = advisor_files(tmp_path / "data", with_backup=True)
    zeroed_header(path)
    before = path.read_bytes()
    path.parent.chmod(0o555)
    try:
        notice, bookmarks = run_as_advisor(OPEN_AND_TELL, str(path), str(backups_dir)).splitlines()
    finally:
        path.parent.chmod(0o755)
    assert notice == (f"Your bookmarks and notes file {path} is damaged and could not be put aside (Permission "
                      "denied). Restored the copy from December 2, 2026 14:05 (2 bookmarks, 1 note). Changes to "
                      "bookmarks and notes last only until Migrant Desk closes.")
    assert bookmarks.split() == BACKED_UP[0]
    assert path.read_bytes() == before and not list(path.parent.glob("*.damaged-*"))


@needs_setpriv
def test_an_unreadable_file_is_put_aside_and_the_backup_restored(tmp_path):
    path, backups_dir = advisor_files(tmp_path / "data", with_backup=True)
    path.chmod(0)
    notice, bookmarks = run_as_advisor(OPEN_AND_TELL, str(path), str(backups_dir)).splitlines()
    aside = path.with_name("userdata.sqlite.damaged-20261203-093000")
    assert notice == (f"Your bookmarks and notes file could not be read and has been put aside as {aside}. "
                      "Restored the copy from December 2, 2026 14:05 (2 bookmarks, 1 note).")
    assert bookmarks.split() == BACKED_UP[0]
    aside.chmod(0o600)
    assert contents(UserData.in_memory(aside)) == SINCE_BACKUP     # put aside whole, nothing lost


# --------------------------------------------------------------------------- the window

# The window as `migrant-desk` starts it. At its first paint it prints whether a backup existed yet;
# once its index is attached it searches, prints the results, the user-data notice and the bookmarks,
# waits for the background backup, and closes.
WINDOW_PROBE = r'''
import os, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
import desktop.ui.main_window as main_window
from desktop import environment

def critical(parent, title, text, *args, **kwargs):
    print("critical:", text, flush=True)
    return QMessageBox.StandardButton.Ok
QMessageBox.critical = staticmethod(critical)
QMessageBox.exec = lambda self: print("dialog:", self.text(), flush=True) or 0    # the crash dialog

def backups():
    folder = environment.userdata_backups_dir()
    return sorted(p.name for p in folder.glob("userdata-*.sqlite")) if folder.is_dir() else []

first_paint = main_window.MainWindow._first_paint_done
def painted(self):
    print("backups at first paint:", len(backups()), flush=True)
    first_paint(self)
main_window.MainWindow._first_paint_done = painted

attach = main_window.MainWindow.attach_index
def attach_and_search(self, index):
    attach(self, index)
    self.search.field.setText(sys.argv[1])
    def poll():
        results = self.search.results
        if results is None or results.query != sys.argv[1] or len(backups()) < int(sys.argv[2]):
            QTimer.singleShot(20, poll)
            return
        print("results:", " ".join(hit.id for hit in results.hits), flush=True)
        box = self.findChild(QMessageBox, "userDataRecovered")
        print("notice:", box.text() if box is not None else "-", flush=True)
        print("bookmarks:", " ".join(sorted(self.ctx.userdata.bookmarks())), flush=True)
        print("backups:", " ".join(backups()), flush=True)
        self.close()
    poll()
main_window.MainWindow.attach_index = attach_and_search
QTimer.singleShot(60_000, lambda: os._exit(3))
from desktop.__main__ import main
sys.exit(main([]))
'''


@pytest.fixture(scope="module")
def dataset(real_dataset, tmp_path_factory) -> Path:
    """A copy of the real dataset (the window may rebuild its index: never in the shared fixture)."""
    folder = tmp_path_factory.mktemp("window") / "dataset"
    shutil.copytree(real_dataset, folder)
    return folder


def start_window(home: Path, dataset: Path, backups_expected: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen", MIGRANT_DESK_DATASET=str(dataset))
    ini = home / "config" / environment.ORGANIZATION / f"{environment.APPLICATION}.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", WINDOW_PROBE, QUERY, str(backups_expected)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stdout + result.stderr
    lines = dict(line.split(": ", 1) if ": " in line else (line.rstrip(":"), "")
                 for line in result.stdout.splitlines())
    return lines


def data_dir(home: Path) -> Path:
    return home / "data" / environment.ORGANIZATION / environment.APPLICATION


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_the_window_starts_searches_and_says_what_was_restored(tmp_path, dataset, damage):
    path, _ = advisor_files(data_dir(tmp_path), with_backup=True)
    damage(path)
    damaged = snapshot(path)
    seen = start_window(tmp_path, dataset, backups_expected=1)
    assert EXPECTED_HIT in seen["results"].split()
    [aside] = data_dir(tmp_path).glob("userdata.sqlite.damaged-*[0-9]")
    assert snapshot(aside) == damaged
    assert f"has been put aside as {aside}." in seen["notice"]
    assert seen["notice"].endswith("Restored the copy from December 2, 2026 14:05 (2 bookmarks, 1 note).")
    assert seen["bookmarks"].split() == BACKED_UP[0]
    # the restored contents equal the newest backup: no new copy pushes an older one out
    assert seen["backups"] == backup_name(BACKUP_TIME)


def test_the_window_paints_first_then_backs_up_and_says_nothing_when_all_is_well(tmp_path, dataset):
    path, backups_dir = advisor_files(data_dir(tmp_path), with_backup=False)
    before = path.read_bytes()
    seen = start_window(tmp_path, dataset, backups_expected=1)
    assert seen["backups at first paint"] == "0"
    assert EXPECTED_HIT in seen["results"].split() and seen["notice"] == "-"
    assert seen["bookmarks"].split() == sorted(SINCE_BACKUP[0])
    [copy] = backups(backups_dir)
    assert contents(UserData.in_memory(copy[1])) == SINCE_BACKUP
    assert path.read_bytes() == before
    again = start_window(tmp_path, dataset, backups_expected=1)     # nothing changed: no second copy
    assert again["backups"] == copy[1].name


def test_the_window_starts_empty_when_there_is_no_backup(tmp_path, dataset):
    path, _ = advisor_files(data_dir(tmp_path), with_backup=False)
    folder_in_its_place(path)
    seen = start_window(tmp_path, dataset, backups_expected=1)
    assert EXPECTED_HIT in seen["results"].split() and seen["bookmarks"] == ""
    assert seen["notice"].endswith("There was no backup copy, so bookmarks and notes start empty.")
    assert (data_dir(tmp_path) / "userdata.sqlite").is_file()


# --------------------------------------------------------------------------- the crash dialog tells the truth

DIALOG_PROBE = r'''
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
QMessageBox.exec = lambda self: print("dialog:", self.text(), flush=True) or 0
from desktop.ui.app import install_excepthook
app = QApplication([])
install_excepthook(Path(tempfile.mkdtemp()) / "logs" / "migrant-desk.log")
def in_a_slot():
    raise RuntimeError("a slot failed")
QTimer.singleShot(0, in_a_slot)
QTimer.singleShot(50, app.quit)
app.exec()
print("still running", flush=True)
def start():
    sqlite3_error = __import__("sqlite3").DatabaseError
    raise sqlite3_error("file is not a database")
start()
'''


def test_the_error_dialog_says_carried_on_only_when_the_app_does():
    result = subprocess.run([sys.executable, "-c", DIALOG_PROBE], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("dialog: Migrant Desk hit an unexpected problem and carried on.")
    assert lines[1] == "still running"
    assert lines[2].startswith("dialog: Migrant Desk hit an unexpected problem and has to close.")
    assert "carried on" not in lines[2]
    assert result.returncode == 1
