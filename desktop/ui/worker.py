"""Runs searches off the UI thread. A newer query supersedes an older one: only the latest request is
run once the worker is free, and results of a superseded request are never delivered."""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Signal

from ..core.search import Filters, Results, SearchIndex


class SearchWorker(QObject):
    """Owns a thread; `submit` is cheap and may be called on every keystroke."""

    finished = Signal(int, object)   # request id, Results
    failed = Signal(int, str)

    def __init__(self, index: SearchIndex, parent=None):
        super().__init__(parent)
        self.index = index
        self._cond = threading.Condition()
        self._pending: tuple | None = None
        self._latest = 0
        self._stop = False
        self._thread = QThread()
        self._thread.setObjectName("search-worker")
        self._thread.run = self._loop  # a plain loop; no event loop needed in the worker thread
        self._thread.start()

    def submit(self, query: str, filters: Filters, lang: str, limit: int = 50) -> int:
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
                results: Results = self.index.search(query, filters, lang=lang, limit=limit)
            except Exception as exc:  # reported to the UI, which keeps running
                self.failed.emit(request_id, f"{type(exc).__name__}: {exc}")
                continue
            if request_id == self._latest:
                self.finished.emit(request_id, results)

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify()
        self._thread.wait(3000)
