"""Search on a small real index: analysis across languages, filters, typos, lifecycle, fuzzing."""
from __future__ import annotations

import shutil
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop import paths
from desktop.core.build import build
from desktop.core.search import Filters, SearchIndex, index_state
from desktop.core.store import Store


@pytest.fixture(scope="module")
def fixture_dataset(tmp_path_factory):
    from conftest import make_content_tree

    root = tmp_path_factory.mktemp("search")
    content = make_content_tree(root / "content")
    path, _ = build(content, root / "ds", paths.schema_file())
    return path.parent


@pytest.fixture(scope="module")
def index(fixture_dataset):
    store = Store(fixture_dataset)
    ix = SearchIndex.open(store, fixture_dataset / "index")
    yield ix
    ix.close()
    store.close()


def ids(results):
    return [h.id for h in results.hits]


@pytest.mark.parametrize("query", [
    "регистрация", "регистрации", "регистрацию",            # Russian endings
    "registration", "Register",                             # English
    "roʻyxatdan", "ro'yxatdan", "ro‘yxatdan", "ro`yxatdan",  # Uzbek, any apostrophe
    "рўйхатдан",                                            # Uzbek Cyrillic
    "каттоо", "Каттоого",                                   # Kyrgyz with a case ending
])
def test_query_in_any_language_and_script_finds_the_record(index, query):
    assert ids(index.search(query))[:1] == ["test-procedure"]


def test_title_and_snippet_in_requested_language_with_highlight(index):
    hit = index.search("консульство", lang="ru").hits[0]
    assert "<b>Консульство</b>" in hit.snippet                   # matched words are marked
    hit = index.search("консульство", lang="uz").hits[0]
    assert hit.title == "Test konsulxonasi"
    assert hit.snippet == "Sinov uchun."                          # the Uzbek summary, not Russian text
    assert hit.titles["ky"] == "Тест консулдугу"


def test_typo_is_expanded_and_suggested(index):
    results = index.search("registraton")
    assert ids(results) == ["test-procedure"]
    assert results.suggestion == "registration" and results.expanded
    assert index.search("registration").suggestion is None


def test_last_word_matches_as_a_prefix_while_typing(index):
    assert ids(index.search("консульст")) == ["test-contact"]


def test_quoted_phrase(index):
    assert ids(index.search('"test registration"')) == ["test-procedure"]
    assert ids(index.search('"registration test"')) == []


def test_filters_and_facets(index):
    everything = index.search("test")
    assert everything.total == 3
    assert everything.facets["kind"] == {"agreement": 1, "procedure": 1, "contact": 1}
    assert ids(index.search("test", Filters(kinds=("contact",)))) == ["test-contact"]
    # a contact matches a region of its district (Volga federal district) but not Moscow
    assert "test-contact" in ids(index.search("test", Filters(region="RU-SAM")))
    assert "test-contact" not in ids(index.search("test", Filters(region="RU-MOW")))
    # records for all citizenships match every citizenship; UZ-only ones do not match KG
    assert ids(index.search("test", Filters(citizenship="KG"))) == ["test-procedure"]
    assert index.search("test", Filters(statuses=("expired",))).total == 0


def test_empty_query_returns_nothing(index):
    assert index.search("").hits == [] and index.search("   ").total == 0


def _rebuild_count(store, index_dir):
    calls = []
    ix = SearchIndex.open(store, index_dir, progress=lambda done, total: calls.append((done, total)))
    hits = ids(ix.search("регистрация"))
    ix.close()
    return calls, hits


def test_index_lifecycle_missing_stale_corrupt(fixture_dataset, tmp_path):
    ds = tmp_path / "ds"
    shutil.copytree(fixture_dataset, ds, ignore=shutil.ignore_patterns("index"))
    store = Store(ds)
    index_dir = ds / "index"
    assert index_state(store, index_dir) == "missing"
    calls, first_hits = _rebuild_count(store, index_dir)
    assert calls and calls[-1] == (3, 3) and first_hits == ["test-procedure"]
    assert index_state(store, index_dir) == "ok"
    assert _rebuild_count(store, index_dir)[0] == []            # a good index is reused

    stamp = index_dir / "migrant-desk-index.json"               # stale: another dataset's hash
    stamp.write_text(stamp.read_text().replace('"content_hash": "', '"content_hash": "0'))
    assert index_state(store, index_dir) == "stale"
    calls, hits = _rebuild_count(store, index_dir)
    assert calls and hits == first_hits

    for segment in index_dir.glob("*.seg"):                     # corrupt: damaged segment files
        segment.write_bytes(b"\0" * 64)
    assert index_state(store, index_dir) == "corrupt"
    calls, hits = _rebuild_count(store, index_dir)
    assert calls and hits == first_hits

    (index_dir / "scores.sqlite").write_bytes(b"\0" * 4096)     # corrupt: damaged score tables
    assert index_state(store, index_dir) == "corrupt"
    calls, hits = _rebuild_count(store, index_dir)
    assert calls and hits == first_hits
    (index_dir / "scores.sqlite").unlink()                      # an index of the format before them
    stamp.write_text(stamp.read_text().replace('"format": 3', '"format": 2'))
    assert index_state(store, index_dir) in ("stale", "corrupt")
    calls, hits = _rebuild_count(store, index_dir)
    assert calls and hits == first_hits and index_state(store, index_dir) == "ok"
    store.close()


def test_unwritable_index_folder_rebuilds_into_fallback(fixture_dataset, tmp_path):
    """An installed dataset folder cannot be written: the index goes to the user's cache instead.
    (Simulated with a path below a regular file, since tests run as root in CI.)"""
    store = Store(fixture_dataset)
    unwritable = fixture_dataset / "reference.sqlite" / "index"
    fallback = tmp_path / "cache" / "index"
    ix = SearchIndex.open(store, unwritable, fallback_dir=fallback)
    assert ix.index_dir == fallback
    assert ids(ix.search("регистрация")) == ["test-procedure"]
    ix.close()
    again = SearchIndex.open(store, unwritable, fallback_dir=fallback)   # reused, not rebuilt
    assert again.index_dir == fallback
    again.close()
    store.close()


SYNTAX = st.sampled_from(["AND", "OR", "NOT", "(", ")", '"', "*", "?", "~", "^", ":", "[", "]", "{", "}",
                          "\\", "/", "-", "+", "!", "'", "ʻ", "TO", "'", "\x00", "\x1b", "\u202e"])


@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(SYNTAX, st.text(max_size=12)), max_size=12).map(" ".join)
       | st.text(max_size=3000))
def test_any_string_is_a_valid_query(index, query):
    results = index.search(query, Filters(citizenship="UZ"), lang="uz", limit=5)
    assert results.total >= len(results.hits)


def test_topic_words_come_from_the_dataset(fixture_dataset, index):
    """The words of db/content/topics.yaml travel in the dataset, so a pack's data rebuilds the same index."""
    with Store(fixture_dataset) as store:
        words = store.topic_words()
    assert words["registration"]["uz"].startswith("roʻyxatdan oʻtish, migratsiya hisobi, ")
    assert ids(index.search("migratsiya")) == ["test-procedure"]     # a topic word the record's text lacks


def test_a_dataset_built_before_topic_words_still_gets_an_index(fixture_dataset, tmp_path):
    """An installed update built before topics.yaml (no topic_words table) keeps working, without topic words."""
    old = tmp_path / "old"
    shutil.copytree(fixture_dataset, old, ignore=shutil.ignore_patterns("index*"))
    conn = sqlite3.connect(old / "reference.sqlite")
    conn.execute("DROP TABLE topic_words")
    conn.commit()
    conn.close()
    with Store(old) as store:
        assert store.topic_words() == {}
        ix = SearchIndex.open(store, old / "index")
        try:
            assert index_state(store, old / "index") == "ok"
            assert ids(ix.search("регистрация"))[:1] == ["test-procedure"]   # its own title still finds it
            assert ids(ix.search("migratsiya")) == []
        finally:
            ix.close()
