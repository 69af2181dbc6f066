"""An open index answering queries: words looked up in every language, ranked by BM25F from the score
tables, filtered and counted as bitsets, widened to near words when the strict query finds little."""
from __future__ import annotations

import json
import threading
from array import array
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from heapq import nlargest
from operator import itemgetter
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.automata.fsa import find_all_matches
from whoosh.automata.lev import levenshtein_automaton
from whoosh.query import Or, Phrase, Term
from whoosh.searching import Searcher

from .. import languages, textnorm
from .. import model as m
from ..store import Store
from .analysis import spell_key
from .bitsets import bitset, count, doc_numbers
from .index_files import VOCABULARY_FILE, Progress, build_index, index_state
from .queries import Filters, Hit, Results, parse_query
from .scores import from_le, open_scores, term_text
from .snippets import escape_html, highlight_text

FUZZY_THRESHOLD = 3        # strict results below this -> try typo expansion
PREFIX_TERMS = 12          # index terms a word being typed expands to, per field
MIN_PREFIX = 3
FACETS = ("kind", "status", "citizenship", "region")
RERANK_DEPTH = 30          # hits ranked (with the kind weights in scores) before the page is cut
TITLE_PHRASE_BONUS = 1.5   # a title holding the query's words in order
TERM_CACHE_POSTINGS = 3_000_000  # cached (document, score) pairs across terms: 8 bytes each, 24 MB at most


class SearchIndex:
    """An open index with a warm searcher. One search at a time (a lock), from any thread.

    Snippets are cut from the dataset's texts (its own read-only connection), not from the index, so the
    index stores only what a result row shows.
    """

    def __init__(self, index_dir: Path, store_path: Path | None = None) -> None:
        self.index_dir = Path(index_dir)
        self.ix = windex.open_dir(str(self.index_dir))
        self._searcher: Searcher = self.ix.searcher()
        self._reader = self._searcher.reader()
        self._store = Store(store_path) if store_path else None
        self._lock = threading.Lock()
        self._spell_cache: dict[str, list[str]] = {}
        self._vocab: tuple[list[str], dict[str, int]] | None = None
        self._prefix_cache: dict[tuple[str, str], list[str]] = {}
        # Document sets are bitsets (Python ints): union, intersection and counting run in C.
        self._nbytes: int = self._reader.doc_count_all() // 8 + 1
        self._filter_cache: OrderedDict[tuple[Any, ...], int] = OrderedDict()
        self._term_cache: OrderedDict[tuple[str, str], tuple[int, array[int], array[float]]] = OrderedDict()
        self._cached_postings = 0
        self._scores = open_scores(self.index_dir)
        self._facet_bits: dict[str, dict[str, int]] = {
            name: {term_text(value): self._bits(self._reader.postings(name, value).all_ids())
                   for value in self._reader.lexicon(name)}
            for name in FACETS}

    @classmethod
    def open(cls, store: Store, index_dir: Path, fallback_dir: Path | None = None,
             progress: Progress | None = None) -> SearchIndex:
        """Open the index, rebuilding it when missing, stale or unreadable; never fails because of it.

        When `index_dir` cannot be written (an installed, read-only dataset), the index is rebuilt in
        `fallback_dir` (the user's cache) instead.
        """
        index_dir = Path(index_dir)
        for folder in (index_dir, fallback_dir):
            if folder is not None and index_state(store, Path(folder)) == "ok":
                try:
                    return cls(Path(folder), store.path)
                except Exception:  # damage the state check does not reach (a term's postings): rebuild
                    pass
        try:
            return cls(build_index(store, index_dir, progress), store.path)
        except OSError:
            if fallback_dir is None:
                raise
            return cls(build_index(store, Path(fallback_dir), progress), store.path)

    def close(self) -> None:
        self._scores.close()
        self._searcher.close()
        self.ix.close()
        if self._store:
            self._store.close()

    # -- document sets

    def _bits(self, ids: Iterable[int]) -> int:
        return bitset(ids, self._nbytes * 8 - 1)

    def _term_docs(self, fieldname: str, term: str) -> int:
        return self._term(fieldname, term)[0]

    def _term(self, fieldname: str, term: str) -> tuple[int, array[int], array[float]]:
        """(documents having `term` in `fieldname` as a bitset, their numbers, their BM25F scores), read
        from the score tables once and cached. Numbers and scores are compact arrays: a common term of a
        large index has tens of thousands of postings."""
        key = (fieldname, term)
        entry = self._term_cache.get(key)
        if entry is not None:
            self._term_cache.move_to_end(key)
            return entry
        row = self._scores.execute("SELECT ids, scores, bits FROM terms WHERE field = ? AND term = ?",
                                   (fieldname, term)).fetchone()
        if row is None:
            return 0, array("i"), array("f")
        ids, scores = from_le("i", row[0]), from_le("f", row[1])
        bits = int.from_bytes(row[2], "little") if row[2] is not None else self._bits(ids)
        entry = (bits, ids, scores)
        self._term_cache[key] = entry
        self._cached_postings += len(ids)
        while self._cached_postings > TERM_CACHE_POSTINGS and len(self._term_cache) > 1:
            _key, (_bits, old, _scores) = self._term_cache.popitem(last=False)
            self._cached_postings -= len(old)
        return entry

    def _filter(self, filters: Filters | None) -> int:
        """The documents the filters allow."""
        key = (filters.kinds, filters.statuses, filters.citizenship, filters.region) if filters else ()
        if key in self._filter_cache:
            self._filter_cache.move_to_end(key)
            return self._filter_cache[key]
        bits: int = (1 << self._reader.doc_count_all()) - 1
        if filters:
            f = self._facet_bits
            for name, values in (("kind", filters.kinds), ("status", filters.statuses),
                                 ("citizenship", (filters.citizenship.lower(), m.ALL) if filters.citizenship else ()),
                                 ("region", (filters.region.lower(), m.ALL) if filters.region else ())):
                if values:
                    allowed = 0
                    for value in values:
                        allowed |= f[name].get(value, 0)
                    bits &= allowed
        self._filter_cache[key] = bits
        if len(self._filter_cache) > 32:
            self._filter_cache.popitem(last=False)
        return bits

    # -- query building against the index vocabulary

    def _keys(self, word: str) -> dict[str, str]:
        return {lang: key for lang in languages.CONTENT if (key := textnorm.STEMMERS[lang](word))}

    def _prefix_terms(self, fieldname: str, key: str) -> list[str]:
        """Up to PREFIX_TERMS index terms starting with `key` (the word being typed)."""
        cache_key = (fieldname, key)
        if cache_key not in self._prefix_cache:
            terms = []
            for term in self._reader.expand_prefix(fieldname, key):
                term = term.decode("utf-8") if isinstance(term, bytes) else term
                if term != key:
                    terms.append(term)
                if len(terms) >= PREFIX_TERMS:
                    break
            if len(self._prefix_cache) > 20000:
                self._prefix_cache.clear()
            self._prefix_cache[cache_key] = terms
        return self._prefix_cache[cache_key]

    def _word_query(self, word: str, prefix: bool, matched: dict[str, set[str]], boost: float = 1.0) -> Part:
        """(query, documents) for a word in any language: its key per language, in titles and texts,
        where the index has it. A word still being typed that is not a whole index term also matches
        the terms it begins."""
        used, bits = [], 0
        for lang, key in self._keys(word).items():
            for fieldname in (f"title_{lang}", f"text_{lang}"):
                if (fieldname, key) in self._reader:
                    used.append((fieldname, key, boost))
                elif prefix and len(key) >= MIN_PREFIX:
                    used += [(fieldname, t, 0.7 * boost) for t in self._prefix_terms(fieldname, key)]
        for fieldname, term, _weight in used:
            bits |= self._term_docs(fieldname, term)
            matched[fieldname.split("_", 1)[1]].add(term)
        return Part(bits, used)

    def _phrase_query(self, words: list[str], matched: dict[str, set[str]]) -> Part:
        clauses, used = [], []
        for lang in languages.CONTENT:
            keys = [k for w in words if (k := textnorm.STEMMERS[lang](w))]
            if not keys or any((f"text_{lang}", k) not in self._reader and (f"title_{lang}", k) not in self._reader
                               for k in keys):
                continue
            matched[lang].update(keys)
            for fieldname in (f"title_{lang}", f"text_{lang}"):
                clauses.append(Phrase(fieldname, keys) if len(keys) > 1 else Term(fieldname, keys[0]))
                used += [(fieldname, k, 1.0) for k in keys if (fieldname, k) in self._reader]
        if not clauses:
            return Part(0, [])
        return Part(self._bits(self._searcher.docs_for_query(Or(clauses))), used)  # exact; phrases are rare

    def _word_known(self, word: str) -> bool:
        return any((f"{f}_{lang}", key) in self._reader
                   for lang, key in self._keys(word).items() for f in ("text", "title"))

    def _vocabulary(self) -> tuple[list[str], dict[str, int]]:
        if self._vocab is None:
            try:
                pairs = json.loads((self.index_dir / VOCABULARY_FILE).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                pairs = []
            self._vocab = ([w for w, _ in pairs], dict(pairs))
        return self._vocab

    def _corrections(self, word: str) -> list[str]:
        """Words of the dataset within edit distance 1 (2 for long words): nearest, then most common."""
        key = spell_key(word)
        if len(key) < 5:
            return []
        if key not in self._spell_cache:
            words, freq = self._vocabulary()
            found: dict[str, int] = {}
            if words:
                for dist in range(1, (1 if len(key) < 8 else 2) + 1):
                    dfa = levenshtein_automaton(key, dist, prefix=1).to_dfa()
                    for near in find_all_matches(dfa, _Skipper(words)):
                        found.setdefault(near, dist)
            found.pop(key, None)
            if len(self._spell_cache) > 5000:
                self._spell_cache.clear()
            self._spell_cache[key] = sorted(found, key=lambda w: (found[w], -freq.get(w, 0), w))[:3]
        return self._spell_cache[key]

    # -- search

    def search(self, query: str, filters: Filters | None = None, lang: str = "ru", limit: int = 20,
               facets: bool = True) -> Results:
        words, phrases = parse_query(query)
        results = Results(query=query)
        if not words and not phrases:
            return results
        typing = not query[-1].isspace()  # the last word may still be incomplete
        allowed = self._filter(filters)
        with self._lock:
            matched: dict[str, set[str]] = {lang: set() for lang in languages.CONTENT}
            parts = [self._word_query(w, typing and i == len(words) - 1, matched) for i, w in enumerate(words)]
            parts += [self._phrase_query(p, matched) for p in phrases]
            depth = max(limit, RERANK_DEPTH)
            bonus = self._title_phrase(words)
            docs, hits = self._run(parts, allowed, depth, True, bonus)
            if count(docs) < FUZZY_THRESHOLD and words:
                expanded, suggestion = self._expanded(words, phrases, typing, matched)
                if suggestion:
                    more_docs, more = self._run(expanded, allowed, depth, True, bonus)
                    if count(more_docs) > count(docs):
                        docs, hits, parts, results.expanded = more_docs, more, expanded, True
                    results.suggestion = suggestion
                if count(docs) < FUZZY_THRESHOLD and len(parts) > 1:
                    # a long, natural query: rank by how many of its words a record has
                    relaxed_docs, relaxed = self._run(parts, allowed, depth, False, bonus)
                    if count(relaxed_docs) > count(docs):
                        docs, hits = relaxed_docs, relaxed
            results.total = count(docs)
            if facets:
                results.facets = {name: {value: n for value, bits in values.items() if (n := count(docs & bits))}
                                  for name, values in self._facet_bits.items()}
            results.hits = [self._hit(docnum, score, lang, matched) for docnum, score in hits[:limit]]
        return results

    def _run(self, parts: list[Part], allowed: int, depth: int, all_words: bool,
             bonus: int = 0) -> tuple[int, list[tuple[int, float]]]:
        """(matching documents, the best `depth` as (docnum, score)) for all or any of the parts.

        Scoring is BM25F over per-term score tables read once from the index's postings and cached:
        far cheaper in Python than walking Whoosh's matcher tree for every matching document."""
        docs = allowed if all_words else 0
        for part in parts:
            docs = docs & part.bits if all_words else docs | part.bits
        if not all_words:
            docs &= allowed
        if not docs:
            return 0, []
        candidates = doc_numbers(docs)
        scores: dict[int, float] = {}
        for part in parts:
            for fieldname, term, boost in part.terms:
                _bits, ids, term_scores = self._term(fieldname, term)
                if len(candidates) * 8 < len(ids):  # a few candidates, a common term: look them up
                    for docnum in candidates:
                        i = bisect_left(ids, docnum)
                        if i < len(ids) and ids[i] == docnum:
                            scores[docnum] = scores.get(docnum, 0.0) + term_scores[i] * boost
                else:
                    for docnum, score in zip(ids, term_scores, strict=True):
                        if docnum in candidates:
                            scores[docnum] = scores.get(docnum, 0.0) + score * boost
        for docnum in doc_numbers(bonus & docs) if bonus else ():
            scores[docnum] *= TITLE_PHRASE_BONUS
        return docs, nlargest(depth, scores.items(), key=itemgetter(1))

    def _title_phrase(self, words: list[str]) -> int:
        """Titles that hold the query's words in the order typed (an exact title wins a bonus)."""
        if len(words) < 2:
            return 0
        phrases = []
        for lang in languages.CONTENT:
            keys = [textnorm.STEMMERS[lang](w) for w in words]
            if all(k and (f"title_{lang}", k) in self._reader for k in keys):
                phrases.append(Phrase(f"title_{lang}", keys))
        return self._bits(self._searcher.docs_for_query(Or(phrases))) if phrases else 0

    def _expanded(self, words: list[str], phrases: list[list[str]], typing: bool,
                  matched: dict[str, set[str]]) -> tuple[list[Part], str | None]:
        """The query with unknown words widened to their nearest index words, and the suggestion."""
        clauses, suggestion, changed = [], [], False
        for i, word in enumerate(words):
            prefix = typing and i == len(words) - 1
            corrections = [] if self._word_known(word) else self._corrections(word)
            alternatives = [self._word_query(word, prefix, matched)]
            alternatives += [self._word_query(c, False, matched, boost=0.7) for c in corrections]
            bits = 0
            for alternative in alternatives:
                bits |= alternative.bits
            clauses.append(Part(bits, [t for alternative in alternatives for t in alternative.terms]))
            suggestion.append(corrections[0] if corrections else word)
            changed |= bool(corrections)
        clauses += [self._phrase_query(p, matched) for p in phrases]
        return clauses, (" ".join(suggestion) if changed else None)

    def _hit(self, docnum: int, score: float, lang: str, matched: dict[str, set[str]]) -> Hit:
        fields = self._reader.stored_fields(docnum)
        titles, summaries = fields["titles"], fields["summaries"]
        # The snippet is in the requested language (falling back only when the record lacks it); a
        # query typed in another language still shows this language's summary, just without marks.
        snippet = ""
        if self._store:
            texts = self._store.text_blocks(fields["id"])
            shown = next((c for c in (lang, *languages.FALLBACK) if c in texts), None)
            if shown and matched[shown]:
                snippet = highlight_text(texts[shown], matched[shown], shown)
        if not snippet:
            snippet = escape_html(languages.localized(summaries, lang))
        return Hit(id=fields["id"], kind=fields["kind"], status=fields["status"], score=score,
                   titles=titles, title=languages.localized(titles, lang), snippet=snippet,
                   verified_on=fields["verified_on"])


@dataclass
class Part:
    """One word (with its spellings in every language) or phrase of a query."""
    bits: int                                   # documents it matches
    terms: list[tuple[str, str, float]]         # (field, term, weight) it scores with


class _Skipper:
    """Walks a sorted word list for the Levenshtein automaton: the next word at or after `w`."""

    def __init__(self, words: list[str]) -> None:
        self.words = words

    def __call__(self, w: str) -> str | None:
        pos = bisect_left(self.words, w)
        return self.words[pos] if pos < len(self.words) else None
