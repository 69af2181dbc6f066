"""Runs searches off the UI thread. A newer query supersedes an older one: only the latest request is
run once the worker is free, and results of a superseded request are never delivered."""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.search import Filters, Results, SearchIndex


class SearchWorker(QObject):
    """Owns a thread; `submit` is cheap and may be called on every keystroke."""

    # Only plain ints and strings cross the thread boundary: results are collected with take().
    finished = Signal(int)           # request id
    failed = Signal(int, str)

    def __init__(self, index: "SearchIndex", parent=None):
        super().__init__(parent)
        self.index = index
        self._cond = threading.Condition()
        self._pending: tuple | None = None
        self._done: "tuple[int, Results] | None" = None
        self._latest = 0
        self._stop = False
        # a plain Python thread: it needs no Qt event loop, and signals it emits are queued to the UI thread
        self._thread = threading.Thread(target=self._loop, name="search-worker", daemon=True)
        self._thread.start()

    def submit(self, query: str, filters: "Filters", lang: str, limit: int = 50) -> int:
        with self._cond:
            self._latest += 1
            self._pending = (self._latest, query, filters, lang, limit)
            self._cond.notify()
            return self._latest

    @property
    def latest(self) -> int:
        return self._latest

    def _loop(self) -> None:
        while True:
            with self._cond:
                while self._pending is None and not self._stop:
                    self._cond.wait()
                if self._stop:
                    return
                request, self._pending = self._pending, None
            request_id, query, filters, lang, limit = request
            try:
                results = self.index.search(query, filters, lang=lang, limit=limit)
            except Exception as exc:  # reported to the UI, which keeps running
                self.failed.emit(request_id, f"{type(exc).__name__}: {exc}")
                continue
            with self._cond:
                if request_id != self._latest:
                    continue  # superseded while it ran
                self._done = (request_id, results)
            self.finished.emit(request_id)

    def take(self, request_id: int) -> "Results | None":
        """The results of `request_id`, if they are the newest and not superseded."""
        with self._cond:
            if self._done and self._done[0] == request_id == self._latest:
                return self._done[1]
        return None

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify()
        self._thread.join(3)
