"""A bare topic word ("патент", "patent") puts first the procedures whose own title holds it (getting and
renewing the work patent), not one that is only of the patent's topic (changing employer) and merely mentions
the word more often in a shorter text. Real dataset and index."""
from __future__ import annotations

import pytest

from desktop.core.search import Filters, SearchIndex
from desktop.core.store import Store


@pytest.fixture(scope="module")
def index(real_dataset):
    with Store(real_dataset / "reference.sqlite") as store:
        opened = SearchIndex.open(store, real_dataset / "index")
    yield opened
    opened.close()


@pytest.mark.parametrize("query, lang", [("патент", "ru"), ("patent", "uz"), ("патент", "ky"), ("patent", "en"),
                                         ("патент", "uz_Cyrl")])
def test_a_bare_topic_word_puts_the_records_titled_with_it_first(index, query, lang):
    hits = index.search(query, Filters(), lang=lang, limit=5, facets=False, snippets=0).hits
    titled = {"work-patent", "patent-renewal"}
    assert {hit.id for hit in hits[:2]} == titled, [hit.id for hit in hits]
    assert "change-employer-region" in [hit.id for hit in hits]      # still found, after them

