"""Full-text search over the dataset: a Whoosh index derived from the SQLite file.

One index document per record, with a title field and a text field per language, each analysed by that
language's analyser (see textnorm). A query never goes through Whoosh's query parser: it is split into
words (and "quoted phrases"), each word is analysed by every language's analyser and looked up in every
language's fields, so anything a user types is a valid query. When the strict query finds little, words
are expanded to index terms within a small edit distance taken from the index vocabulary, and the
best correction is offered as "did you mean".

Whoosh holds the index (terms, postings, positions for phrases); ranking is BM25F computed here from
per-term score tables, with document sets as bitsets for counting, filters and facets: walking Whoosh's
matcher tree for every matching document was five times slower at 10,000 records. The score tables
(every term's documents and their BM25F scores) are computed when the index is built and kept beside it
in a small SQLite file: reading Whoosh's pickled, compressed posting blocks at query time was what made
the slowest searches slow at 50,000 records.

    analysis      analysers per language, the spelling key, the index schema
    documents     a record's index document (with its topic's everyday words)
    index_files   building the index folder, updating it record by record (the editor's), and telling
                  whether it is usable (its stamp)
    scores        the BM25F score tables beside the index
    bitsets       sets of documents as Python ints
    queries       filters, the parsed query, hits and results
    engine        SearchIndex: an open index answering queries
    titles        which titles hold what was asked (the title bonus)
    snippets      the highlighted window of text shown under a hit
"""
from __future__ import annotations

from .engine import SearchIndex
from .index_files import Progress, build_index, index_state, read_stamp, update_index
from .queries import Filters, Hit, Results

__all__ = ["Filters", "Hit", "Progress", "Results", "SearchIndex", "build_index", "index_state", "read_stamp",
           "update_index"]
