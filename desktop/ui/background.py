"""Work off the UI thread, answers on it: the one way this app runs anything slow in the background.

In the spirit of Anki's QueryOp:

    BackgroundOp(widget, lambda report: slow(progress=report), name="slow") \\
        .on_progress(show_progress).on_success(show_result).on_failure(show_problem).run()

`work(report)` runs on a plain Python thread; `report(*values)` hands a progress report to the UI.
Progress reports, the result and the exception travel through a thread-safe queue that a QTimer, owned by
a QObject living on the UI thread as a child of `widget`, drains. So every callback runs on the UI thread,
and the worker thread never touches a Qt object nor emits a signal: PySide6 6.12.0 aborted the interpreter
on Python-side emits from a Python thread (the project pins below 6.12), and a queue needs no emit at all.
No nested event loop is ever run: the app's own event loop drains the queue between its other events.

- If `widget` is destroyed first, the mailbox (its child) goes with it: nothing is delivered, nothing crashes;
  the work itself finishes unobserved (a Python thread cannot be interrupted).
- Progress reports are coalesced by default: each drain delivers only the latest (a progress bar needs no
  more); `coalesce=False` delivers every report, in order.
- A failure (any exception from `work`) is logged with its traceback and given to the failure callback; with
  none, it takes the app's path for unexpected errors (sys.excepthook: the log and a short dialog, see
  ui.app.install_excepthook), so no traceback ever reaches the person at the desk. Outcomes that are part of
  normal use (a refused pack, an impossible sheet) are better returned as results than raised.
- `run(lane)` runs the work on a Lane instead of a thread of its own: one long-lived thread where the newest
  request wins (search as you type).
"""
from __future__ import annotations

import logging
import queue
import sys
import threading
import weakref
from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar, cast

import shiboken6
from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

T = TypeVar("T")
Report = Callable[..., None]  # report(*values): one progress report from the work

# How often the UI thread looks for reports while work is out. A search answers within one interval of
# being ready; the timer runs only while some work is outstanding.
POLL_MS = 10


class BackgroundOp(Generic[T]):
    """One piece of work: configure its callbacks, then `run()` it once, on the UI thread."""

    def __init__(self, parent: QObject, work: Callable[[Report], T], *, name: str = "background") -> None:
        self._parent: QObject | None = parent
        self._work, self.name = work, name
        self._reports: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self._mailbox: _Mailbox | None = None
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._progress: Callable[..., None] | None = None
        self._coalesce = True
        self._finished: Callable[[], None] | None = None

    # ------------------------------------------------------------------ configuration (UI thread)

    def on_success(self, callback: Callable[[T], None]) -> Self:
        self._success = callback
        return self

    def on_failure(self, callback: Callable[[BaseException], None]) -> Self:
        self._failure = callback
        return self

    def on_progress(self, callback: Callable[..., None], *, coalesce: bool = True) -> Self:
        """`callback(*values)` for what the work reported; only the latest per drain unless coalesce=False."""
        self._progress, self._coalesce = callback, coalesce
        return self

    def on_finished(self, callback: Callable[[], None]) -> Self:
        """Called first when the work is over, whether it succeeded or failed (e.g. to close a progress
        dialog before the result or the error is shown)."""
        self._finished = callback
        return self

    def run(self, lane: Lane | None = None) -> None:
        """Start the work: on a thread of its own, or on `lane` (where a newer request supersedes it)."""
        if self._mailbox is not None:
            raise RuntimeError(f"background work {self.name!r} was already run")
        self._mailbox = _Mailbox(cast(QObject, self._parent), self)
        # From here the mailbox, a child of the parent, is what ties this op to it; the worker thread holds only
        # the work and the queue. A window closed while its work runs is then freed at once: a thread holding
        # the op (its parent, its callbacks) kept the closed window's Python side alive until the work ended.
        self._parent = None
        if lane is None:
            threading.Thread(target=_execute, args=(self._work, self._reports), name=self.name, daemon=True).start()
        else:
            lane.submit(self)

    # ------------------------------------------------------------------ the worker thread

    def job(self) -> tuple[Callable[[Report], Any], queue.SimpleQueue[tuple[str, Any]]]:
        """What a worker thread needs of this op: the work and the queue of its answers, nothing else."""
        return self._work, self._reports

    # ------------------------------------------------------------------ the UI thread

    def _supersede(self) -> None:
        """Never deliver anything from this run (a newer request replaced it, or its lane stopped)."""
        if self._mailbox is not None:
            self._mailbox.retire()

    def _drain(self) -> None:
        progress: list[tuple[Any, ...]] = []
        outcome: tuple[str, Any] | None = None
        while outcome is None:
            try:
                kind, payload = self._reports.get_nowait()
            except queue.Empty:
                break
            if kind == "progress":
                progress.append(payload)
            else:
                outcome = (kind, payload)
        mailbox = self._mailbox
        if progress and self._progress is not None:
            for values in progress[-1:] if self._coalesce else progress:
                self._progress(*values)
                if mailbox is None or not mailbox.alive():
                    return  # the callback closed the window this work belonged to
        if outcome is not None:
            self._deliver(*outcome)

    def _deliver(self, kind: str, payload: Any) -> None:
        if self._mailbox is not None:
            self._mailbox.retire()  # first: an error in a callback below must not deliver twice
        try:
            if self._finished is not None:
                self._finished()
        finally:
            if kind == "done":
                if self._success is not None:
                    self._success(payload)
            elif self._failure is not None:
                log.error("background work %r failed", self.name,
                          exc_info=(type(payload), payload, payload.__traceback__))
                self._failure(payload)
            else:
                sys.excepthook(type(payload), payload, payload.__traceback__)


def _execute(work: Callable[[Report], Any], reports: queue.SimpleQueue[tuple[str, Any]]) -> None:
    """Run `work` on the worker thread; its reports, then its one answer, go into `reports`."""
    try:
        result = work(lambda *values: reports.put(("progress", values)))
    except BaseException as exc:  # every run ends in exactly one answer, whatever went wrong
        reports.put(("failed", exc))
    else:
        reports.put(("done", result))


class _Mailbox(QObject):
    """Lives on the UI thread as a child of the op's parent, so it dies with it; its timer drains the op's
    reports. The op is kept alive by this object while the parent lives."""

    def __init__(self, parent: QObject, op: BackgroundOp[Any]) -> None:
        super().__init__(parent)
        self._op: BackgroundOp[Any] | None = op
        self._draining = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._drain)
        self._timer.start()

    def _drain(self) -> None:
        if self._op is None or self._draining:
            return  # (a callback that runs a dialog's own event loop must not see its reports twice)
        self._draining = True
        try:
            self._op._drain()
        finally:
            self._draining = False

    def alive(self) -> bool:
        return self._op is not None and shiboken6.isValid(self)

    def retire(self) -> None:
        if self._op is None:
            return
        self._op = None
        if shiboken6.isValid(self):
            self._timer.stop()
            self.deleteLater()


class Lane:
    """One long-lived worker thread for requests where only the newest one matters, like a search run on
    every keystroke: submitting is cheap (no thread is started per request), a newer request supersedes the
    older ones, only the latest pending request runs once the thread is free, and the results of a
    superseded request are never delivered. The thread starts with the first request; `stop()` ends it
    (a later request starts another)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._cond = threading.Condition()
        self._pending: BackgroundOp[Any] | None = None
        # read and written on the UI thread only; weakly: an op lives while its mailbox does (until it delivered
        # or its parent went), and a lane must not keep a delivered op's callbacks (and their window) alive
        self._latest: weakref.ref[BackgroundOp[Any]] | None = None
        self._thread: threading.Thread | None = None
        self._generation = 0   # a thread serves while the generation it started with is current

    def submit(self, op: BackgroundOp[Any]) -> None:
        """Called by `op.run(lane)` on the UI thread."""
        self.supersede_all()
        self._latest = weakref.ref(op)
        with self._cond:
            self._pending = op
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, args=(self._generation,),
                                                name=self.name, daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def supersede_all(self) -> None:
        """Deliver nothing from any request made so far (e.g. the search field was emptied)."""
        latest = self._latest() if self._latest is not None else None
        if latest is not None:
            latest._supersede()
        self._latest = None
        with self._cond:
            self._pending = None

    def stop(self, timeout: float = 3.0) -> None:
        """Supersede everything and end the thread, waiting up to `timeout` seconds for a running request."""
        self.supersede_all()
        with self._cond:
            self._generation += 1
            thread, self._thread = self._thread, None
            self._cond.notify_all()
        if thread is not None:
            thread.join(timeout)

    def _serve(self, generation: int) -> None:
        while True:
            with self._cond:
                while self._pending is None and self._generation == generation:
                    self._cond.wait()
                op = self._pending
                if op is None or self._generation != generation:
                    return  # stopped: a newer thread, if any, serves what is pending
                self._pending = None
                job, op = op.job(), None  # (the thread keeps no op between requests: see BackgroundOp.run)
            _execute(*job)
            del job
