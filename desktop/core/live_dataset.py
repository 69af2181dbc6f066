"""The content editor's own dataset and search index, kept current record by record.

Written whole once when the editor opens a content folder (seconds, in the background); then every save
rewrites only that record's rows (build.replace_records) and its index document (search.update_index), so the
preview and the app's search show a saved change within a fraction of a second, whatever the size of the
content. What an advisor will see is the same: the same record view, the same search and the same scores as
a dataset built whole (tests/test_live_dataset.py compares them).

One thread changes it at a time, and nobody reads it meanwhile: readers and writers take `lock`.
"""
from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .. import paths
from .build import replace_records, write_dataset
from .content import Content
from .integrity import write_checksums
from .search import Filters, SearchIndex, build_index, update_index
from .store import DATASET_FILE, Store

INDEX_FOLDER = "index"
log = logging.getLogger(__name__)


class LiveDataset:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="migrant-desk-editor-"))
        self.lock = threading.Lock()
        self.index: SearchIndex | None = None
        self.words: dict[str, set[str]] = {}     # every record's spelling words (for the typo corrector's list)

    @property
    def path(self) -> Path:
        return self.folder / DATASET_FILE

    @property
    def ready(self) -> bool:
        return self.index is not None

    def build(self, content: Content) -> None:
        """Write the dataset and its index whole (records with problems included: a draft is previewed as it
        will look once fixed)."""
        with self.lock:
            self._build(content)

    def _build(self, content: Content) -> None:
        self._close()
        write_dataset(content, self.folder, paths.schema_file().read_text(encoding="utf-8"))
        self.words = {}
        with Store(self.path) as store:
            build_index(store, self.folder / INDEX_FOLDER, words=self.words)
        self.index = SearchIndex(self.folder / INDEX_FOLDER, self.path)

    def update(self, content: Content, ids: Iterable[str]) -> bool:
        """Rewrite the records `ids` (changed, new or gone from `content`) in the dataset and the index; False
        when there is nothing built yet to update."""
        ids = sorted(set(ids))
        with self.lock:
            if self.index is None:
                return False
            if not ids:
                return True
            self._close()
            try:
                replace_records(self.path, content, ids)
                write_checksums(self.folder, [DATASET_FILE])
                with Store(self.path) as store:
                    update_index(store, self.folder / INDEX_FOLDER, ids, self.words)
                self.index = SearchIndex(self.folder / INDEX_FOLDER, self.path)
            except Exception:  # whatever left it half done (a full disk, a damaged file):
                log.exception("updating the editor's dataset record by record failed; writing it whole")
                self._build(content)  # everything written again from the content
            return True

    def search(self, query: str, lang: str, blocking: bool = True) -> list[str] | None:
        """The ids the app's search finds for `query`, best first; None while the index is being built or
        changed and `blocking` is False (the caller then falls back to its own matching)."""
        if not self.lock.acquire(blocking=blocking):
            return None
        try:
            if self.index is None:
                return None
            limit = len(self.words) or 1
            results = self.index.search(query, Filters(), lang=lang, limit=limit, facets=False, snippets=0)
            return [hit.id for hit in results.hits]
        finally:
            self.lock.release()

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The dataset, read under the lock (the preview)."""
        with self.lock, Store(self.path) as store:
            yield store

    def _close(self) -> None:
        if self.index is not None:
            self.index.close()
            self.index = None

    def close(self, remove: bool = True) -> None:
        with self.lock:
            self._close()
        if remove:
            shutil.rmtree(self.folder, ignore_errors=True)
