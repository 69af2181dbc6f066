"""Opening a dataset and its search index (rebuilt into the user's cache when needed)."""
from __future__ import annotations

from pathlib import Path

from . import environment, paths
from .core.search import Progress, SearchIndex
from .core.store import Store


def open_dataset(dataset_dir: Path | None = None, progress: Progress | None = None) -> tuple[Store, SearchIndex]:
    """The store and a ready search index for `dataset_dir` (default: the bundled dataset).

    The index normally sits next to the SQLite file; when that folder is read-only (an installed app)
    and the index there is unusable, it is rebuilt in the user's cache.
    """
    store = Store(Path(dataset_dir or paths.bundled_dataset_dir()))
    return store, open_index(store, progress)


def cache_index_dir(store: Store) -> Path:
    """Where the index of `store` is rebuilt when the one beside it cannot be used: the user's cache."""
    return environment.cache_dir() / "index" / store.meta().get("content_hash", "unknown")[:16]


def open_index(store: Store, progress: Progress | None = None) -> SearchIndex:
    """The search index of an open dataset: beside it, or rebuilt in the user's cache when needed.

    A usable index in the cache comes first: it is there only because the one beside the dataset could
    not be used (unusable in a read-only folder, or found damaged by its checksums after start-up, see
    ui/data_watch.py), and that one may still look usable."""
    from .core.search import index_state

    fallback = cache_index_dir(store)
    if index_state(store, fallback) == "ok":
        try:
            return SearchIndex(fallback, store.path)
        except Exception:  # damage the state check does not reach: the usual way below rebuilds
            pass
    return SearchIndex.open(store, store.path.parent / "index", fallback_dir=fallback, progress=progress)
