"""Background work (desktop/ui/background.py) in the real Qt event loop: answers arrive on the UI thread, a
superseded request or a destroyed window gets none, nothing anywhere runs a nested event loop."""
from __future__ import annotations

import gc
import logging
import shutil
import sys
import threading
import weakref
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui.background import BackgroundOp, Lane

REPO = Path(__file__).resolve().parent.parent
WAIT = 5.0  # seconds a worker waits for the test to release it (a safety net: the tests release at once)


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def lane():
    lane = Lane("test-lane")
    yield lane
    lane.stop()


def on_ui_thread() -> bool:
    return QThread.currentThread() is QApplication.instance().thread()


def test_the_work_runs_on_another_thread_and_its_result_arrives_on_the_ui_thread(qtbot, parent):
    seen = {}

    def work(report):
        seen["work thread"] = threading.get_ident()
        return 42

    def success(value):
        seen["value"], seen["on ui thread"] = value, on_ui_thread()

    BackgroundOp(parent, work).on_success(success).run()
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen == {"work thread": seen["work thread"], "value": 42, "on ui thread": True}
    assert seen["work thread"] != threading.get_ident()


def test_a_failure_is_logged_and_given_to_the_failure_callback(qtbot, parent, caplog):
    failures, successes = [], []

    def work(report):
        raise ValueError("no such thing")

    with caplog.at_level(logging.ERROR, logger="desktop.ui.background"):
        BackgroundOp(parent, work, name="lookup").on_success(successes.append) \
            .on_failure(lambda exc: failures.append((exc, on_ui_thread()))).run()
        qtbot.waitUntil(lambda: bool(failures))
    (exc, ui_thread), = failures
    assert isinstance(exc, ValueError) and str(exc) == "no such thing" and ui_thread
    assert not successes
    assert "'lookup' failed" in caplog.text and "ValueError: no such thing" in caplog.text  # with the traceback


def test_without_a_failure_callback_a_failure_takes_the_apps_error_path(qtbot, parent, monkeypatch):
    hooked = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc_info: hooked.append((exc_info, on_ui_thread())))

    def work(report):
        raise RuntimeError("disk on fire")

    BackgroundOp(parent, work).on_success(lambda value: pytest.fail("no result expected")).run()
    qtbot.waitUntil(lambda: bool(hooked))
    ((exc_type, exc, tb), ui_thread), = hooked
    assert exc_type is RuntimeError and str(exc) == "disk on fire" and tb is not None and ui_thread


def test_finished_comes_first_after_success_or_failure(qtbot, parent):
    events = []

    def fail(report):
        raise KeyError("x")

    BackgroundOp(parent, lambda report: "ok").on_finished(lambda: events.append("finished")) \
        .on_success(lambda value: events.append(value)).run()
    qtbot.waitUntil(lambda: len(events) == 2)
    BackgroundOp(parent, fail).on_finished(lambda: events.append("finished")) \
        .on_failure(lambda exc: events.append(type(exc).__name__)).run()
    qtbot.waitUntil(lambda: len(events) == 4)
    assert events == ["finished", "ok", "finished", "KeyError"]


def test_progress_arrives_on_the_ui_thread_coalesced_to_the_latest(qtbot, parent):
    release = threading.Event()
    progress, results = [], []

    def work(report):
        for done in range(1, 101):
            report(done, 100)
        release.wait(WAIT)
        return "built"

    BackgroundOp(parent, work).on_progress(lambda done, total: progress.append((done, total, on_ui_thread()))) \
        .on_success(results.append).run()
    qtbot.waitUntil(lambda: bool(progress) and progress[-1][0] == 100)
    release.set()
    qtbot.waitUntil(lambda: bool(results))
    assert results == ["built"]
    assert len(progress) < 100 and progress[-1] == (100, 100, True)
    assert all(ui for _, _, ui in progress)
    assert [done for done, _, _ in progress] == sorted(done for done, _, _ in progress)


def test_progress_can_be_delivered_report_by_report(qtbot, parent):
    progress, results = [], []

    def work(report):
        for step in ("verify", "extract", "check"):
            report(step)
        return "done"

    BackgroundOp(parent, work).on_progress(progress.append, coalesce=False).on_success(results.append).run()
    qtbot.waitUntil(lambda: bool(results))
    assert progress == ["verify", "extract", "check"]


def test_a_superseded_request_never_delivers_and_only_the_latest_pending_one_runs(qtbot, parent, lane):
    started, release = threading.Event(), threading.Event()
    ran, delivered = [], []

    def work_for(name):
        def work(report):
            ran.append(name)
            if name == "first":
                started.set()
                release.wait(WAIT)
            return name
        return work

    def submit(name):
        BackgroundOp(parent, work_for(name)).on_success(delivered.append).run(lane)

    submit("first")
    assert started.wait(WAIT)
    for name in ("second", "third", "fourth"):  # typed while the first search runs
        submit(name)
    release.set()
    qtbot.waitUntil(lambda: bool(delivered))
    qtbot.wait(100)  # time enough for anything else to arrive
    assert delivered == ["fourth"]
    assert ran == ["first", "fourth"]  # one thread, and only the latest pending request was run


def test_supersede_all_drops_what_is_running(qtbot, parent, lane):
    started, release = threading.Event(), threading.Event()
    delivered = []

    def work(report):
        started.set()
        release.wait(WAIT)
        return "stale"

    BackgroundOp(parent, work).on_success(delivered.append).run(lane)
    assert started.wait(WAIT)
    lane.supersede_all()  # e.g. the search field was emptied
    release.set()
    qtbot.wait(100)
    assert delivered == []


def test_a_lane_reuses_one_thread_and_stops_cleanly(qtbot, parent, lane):
    threads, delivered = set(), []

    def work(report):
        threads.add(threading.current_thread())
        return len(delivered)

    for n in range(1, 4):
        BackgroundOp(parent, work).on_success(delivered.append).run(lane)
        qtbot.waitUntil(lambda n=n: len(delivered) == n)
    (thread,) = threads
    assert thread.name == "test-lane" and thread.is_alive()
    lane.stop()
    assert not thread.is_alive()
    BackgroundOp(parent, work).on_success(delivered.append).run(lane)  # a later request starts another
    qtbot.waitUntil(lambda: len(delivered) == 4)


def test_nothing_is_delivered_to_a_destroyed_window_and_nothing_crashes(qtbot, lane):
    """Nor is the window kept: its Python side goes at once, while the work still runs (a thread holding the op,
    and the op its window, kept a closed MainWindow's wrapper alive on a busy machine: pytest-qt's teardown then
    closed it again, "Internal C++ object (MainWindow) already deleted", in test_agreements_view)."""
    delivered = []
    for use_lane in (False, True):
        widget = QWidget()
        started, release = threading.Event(), threading.Event()

        def work(report, started=started, release=release):
            started.set()
            release.wait(WAIT)
            report(1, 1)
            return "late"

        BackgroundOp(widget, work).on_progress(lambda *values: delivered.append(values)) \
            .on_success(lambda result, w=widget: delivered.append((w, result))).on_failure(delivered.append) \
            .on_finished(lambda: delivered.append("end")).run(lane if use_lane else None)
        assert started.wait(WAIT)
        alive = weakref.ref(widget)
        shiboken6.delete(widget)  # the window goes while the work runs
        del widget
        gc.collect()
        try:
            assert alive() is None
        finally:
            release.set()
        qtbot.wait(150)
    assert delivered == []


def test_the_index_opens_in_the_background_behind_a_progress_window(qtbot, real_dataset, tmp_path, monkeypatch):
    """app.open_index_with_progress: a dataset without an index gets one built off the UI thread; the
    progress window shows meanwhile and closes before the index is handed to the window."""
    from desktop.core.search import SearchIndex
    from desktop.core.store import DATASET_FILE, Store
    from desktop.ui.app import open_index_with_progress

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    dataset = tmp_path / "dataset"
    dataset.mkdir()
    shutil.copy(real_dataset / DATASET_FILE, dataset / DATASET_FILE)  # no index beside it: it is built

    class Window(QWidget):
        def __init__(self):
            super().__init__()
            self.attached = []

        def attach_index(self, index):
            progress = self.findChild(QWidget, "indexProgress")  # made at the first report, deleted later
            self.attached.append((index, progress is not None, progress is not None and progress.isVisible(),
                                  on_ui_thread()))

    window = Window()
    qtbot.addWidget(window)
    window.show()
    with Store(dataset) as store:
        open_index_with_progress(window, store)
        qtbot.waitUntil(lambda: bool(window.attached), timeout=60000)
        (index, progress_made, progress_visible, ui_thread), = window.attached
        try:
            assert isinstance(index, SearchIndex) and ui_thread
            assert progress_made and not progress_visible
            assert index.search("patent").hits
        finally:
            index.close()
    assert (dataset / "index").is_dir()


def test_nothing_in_desktop_runs_a_nested_event_loop_or_a_thread_of_its_own():
    """A complement to the tests above: the one helper is the only way to the background."""
    sources = {path.relative_to(REPO).as_posix(): path.read_text(encoding="utf-8")
               for path in (REPO / "desktop").rglob("*.py")}
    assert [name for name, text in sources.items() if "processEvents" in text] == []
    assert [name for name, text in sources.items()
            if name.startswith("desktop/ui/") and "threading.Thread" in text] == ["desktop/ui/background.py"]

