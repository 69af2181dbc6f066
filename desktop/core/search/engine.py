"""An open index answering queries: words looked up in every language, ranked by BM25F from the score
tables, filtered and counted as bitsets, widened to near words when the strict query finds little."""
from __future__ import annotations

import heapq
import threading
from array import array
from collections import OrderedDict
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.query import Or, Phrase, Term
from whoosh.searching import Searcher

from .. import languages, textnorm
from .. import model as m
from ..store import Store
from . import ranking, titles
from .analysis import spell_key
from .bitsets import bitset, count, doc_numbers
from .index_files import VOCABULARY_FILE, Progress, build_index, index_state
from .queries import MAX_QUERY_WORDS, Filters, Hit, Results, parse_query
from .ranking import Part, Rank
from .scores import from_le, open_scores, term_text
from .snippets import escape_html, highlight_text
from .spelling import Speller
from .understanding import Lexicon, Understanding

FUZZY_THRESHOLD = 3        # strict results below this -> try typo expansion
PREFIX_TERMS = 12          # index terms a word being typed expands to, per field
MIN_PREFIX = 3
FACETS = ("kind", "status", "citizenship", "region")   # counted for the results (and "topic" for ranking)
RERANK_DEPTH = 30          # hits ranked (with the kind weights in scores) before the page is cut
TITLE_PHRASE_BONUS = 1.5   # a title holding the query's words in order (or the one word asked)
TITLE_WORD_DEPTH = 60      # candidates whose own title is read for a one-word question
SNIPPET_HITS = 12          # hits that get a highlighted snippet (about a screenful of results)
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
        self._speller = Speller(self.index_dir / VOCABULARY_FILE)
        self._prefix_cache: dict[tuple[str, str], list[str]] = {}
        # Document sets are bitsets (Python ints): union, intersection and counting run in C.
        self._nbytes: int = self._reader.doc_count_all() // 8 + 1
        # an index updated in place (the content editor's) keeps replaced documents, marked deleted
        self._every_document: int = (self._bits(self._reader.all_doc_ids()) if self._reader.has_deletions()
                                     else (1 << self._reader.doc_count_all()) - 1)
        self._filter_cache: OrderedDict[tuple[Any, ...], int] = OrderedDict()
        self._term_cache: OrderedDict[tuple[str, str], tuple[int, array[int], array[float]]] = OrderedDict()
        self._cached_postings = 0
        self._scores = open_scores(self.index_dir)
        self._lexicon: Lexicon | None = None    # read from the dataset with the first search
        self._stored: dict[int, dict[str, Any]] = {}   # a hit's stored fields (whoosh decompresses them)
        self._texts: dict[str, dict[str, str]] = {}    # a hit's texts (for its snippet)
        self._facet_bits: dict[str, dict[str, int]] = {
            name: {term_text(value): self._bits(self._reader.postings(name, value).all_ids())
                   for value in self._reader.lexicon(name)}
            for name in (*FACETS, "topic")}

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
        bits: int = self._every_document
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

    def _begins(self, word: str) -> bool:
        return any(self._prefix_terms(f"{f}_{lang}", key) for lang, key in self._keys(word).items()
                   if len(key) >= MIN_PREFIX for f in ("text", "title"))

    def _word_known(self, word: str) -> bool:
        return any((f"{f}_{lang}", key) in self._reader
                   for lang, key in self._keys(word).items() for f in ("text", "title"))

    # -- search

    def lexicon(self) -> Lexicon:
        """The dataset's places, topic names, intents and stop words (none without a dataset)."""
        if self._lexicon is None:
            self._lexicon = Lexicon.from_store(self._store) if self._store else Lexicon()
        return self._lexicon

    def search(self, query: str, filters: Filters | None = None, lang: str = "ru", limit: int = 20,
               facets: bool = True, snippets: int = SNIPPET_HITS,
               dismissed: Collection[tuple[str, str]] = ()) -> Results:
        """The hits of `query` (the best `limit`); the first `snippets` of them get the highlighted window of
        their text where the words matched, the others their summary (a list shows a screenful at first).
        `dismissed`: understood parts ((kind, code)) the advisor removed: not used for ranking."""
        _words, phrases = parse_query(query)
        results = Results(query=query)
        with self._lock:
            understanding = results.understanding = self.lexicon().understand(query, dismissed)
        words = understanding.words[:MAX_QUERY_WORDS]
        if understanding.stop_only or not (words or phrases or understanding.intents):
            return results
        tokens = textnorm.tokens(query)
        # the last word may still be being typed (a question ending in "?" or "." is not)
        typing = query[-1].isalnum() and bool(words) and tokens[-1] == words[-1]
        allowed = self._filter(filters)
        with self._lock:
            matched: dict[str, set[str]] = {lang: set() for lang in languages.CONTENT}
            parts = [self._content_part(w, typing and i == len(words) - 1, matched, understanding, i)
                     for i, w in enumerate(words)]
            parts += [self._phrase_query(p, matched) for p in phrases]
            rank = self._rank(understanding, matched, typing=query[-1].isalnum())
            depth = max(limit, RERANK_DEPTH)
            bonus = self._bits(titles.phrase_docs(self._searcher, self._reader, understanding.title_words))
            title_word = understanding.title_words[0] if len(understanding.title_words) == 1 else ""
            long = len(parts) >= ranking.LONG_QUERY
            docs, hits = self._run(parts, allowed, depth, not long, bonus, rank, title_word)
            found = rank.found       # (the contacts put forward for whom to call are not what the words found)
            # a typo that a topic's names hid still gets its "did you mean" (the word being typed: when it
            # begins no word of the index either)
            unknown = any(not self._word_known(w) and not (typing and i == len(words) - 1 and self._begins(w))
                          for i, w in enumerate(words))
            if words and (count(docs & found) < FUZZY_THRESHOLD or unknown):
                expanded, suggestion = self._expanded(words, phrases, typing, matched, understanding)
                if suggestion:
                    more_docs, more = self._run(expanded, allowed, depth, not long, bonus, rank, title_word)
                    if count(rank.found) > count(found) and count(found) < FUZZY_THRESHOLD:
                        docs, hits, parts, results.expanded, found = more_docs, more, expanded, True, rank.found
                    results.suggestion = suggestion
                extra = [Part(bits, terms) for bits, terms in rank.optional]
                if count(found) < FUZZY_THRESHOLD and len(parts) + len(extra) > 1 and not long:
                    # a natural query: rank by how many of its words (places too) a record has
                    relaxed_docs, relaxed = self._run(parts + extra, allowed, depth, False, bonus, rank, title_word)
                    if count(rank.found) > count(found):
                        docs, hits = relaxed_docs, relaxed
            results.total = count(docs)
            if facets:
                results.facets = {name: {value: n for value, bits in self._facet_bits[name].items()
                                         if (n := count(docs & bits))} for name in FACETS}
            results.hits = [self._hit(docnum, score, lang, matched if n < snippets else None)
                            for n, (docnum, score) in enumerate(hits[:limit])]
        return results

    def _content_part(self, word: str, prefix: bool, matched: dict[str, set[str]], understanding: Understanding,
                      i: int) -> Part:
        """A word to match; a word that names a topic also matches where the topic's official names do (it
        scores by its own terms: the topic's procedures hold it among their title words, and the topic boost)."""
        part = self._word_query(word, prefix, matched)
        topic = understanding.topic_of.get(i)
        if topic is None:
            return part
        bits, official_terms = part.bits, []
        for official in self.lexicon().official.get(topic, ()):
            if spell_key(official) != spell_key(word):
                alternative = self._word_query(official, False, matched, boost=0.7)
                bits |= alternative.bits
                official_terms += alternative.terms
        # the topic's own procedures also score as if its official name had been typed
        return Part(bits, part.terms, self._facet_bits["topic"].get(topic, 0), official_terms)

    def _rank(self, understanding: Understanding, matched: dict[str, set[str]], typing: bool) -> Rank:
        tier = (self._filter(Filters(citizenship=understanding.citizenship, region=understanding.region))
                if understanding.citizenship or understanding.region else None)
        rank = ranking.understood_rank(understanding, self._facet_bits, tier)
        last = textnorm.tokens(understanding.query)[-1:]
        for word in understanding.optional:
            part = self._word_query(word, typing and [word] == last, matched)
            rank.optional.append((part.bits, [(f, t, w * ranking.PLACE_WEIGHT) for f, t, w in part.terms]))
        return rank

    def _run(self, parts: list[Part], allowed: int, depth: int, all_words: bool,
             bonus: int = 0, rank: Rank | None = None, title_word: str = "") -> tuple[int, list[tuple[int, float]]]:
        """(matching documents, the best `depth` as (docnum, score)) for all or any of the parts.

        Scoring is BM25F over per-term score tables read once from the index's postings and cached:
        far cheaper in Python than walking Whoosh's matcher tree for every matching document."""
        docs = allowed if all_words else 0
        for part in parts:
            docs = docs & part.bits if all_words else docs | part.bits
        if not all_words:
            docs &= allowed
        elif rank and rank.topics:   # the procedures of the question's topic, even when they lack one of its words
            for part in parts:
                docs |= rank.topics & part.bits & allowed
        if rank:
            rank.found = docs
        if rank and rank.intent and rank.tier is not None:
            docs |= rank.contacts & rank.tier & allowed   # whom to call: the client's contacts, words or not
        if not parts and rank and rank.intent:
            docs = rank.contacts & allowed & (rank.tier if rank.tier is not None else -1)
        if not docs:
            return 0, []
        candidates = doc_numbers(docs)
        scores: dict[int, float] = {}
        for part in parts:    # summed: a rare word weighs more (BM25's idf), a record holding more words more
            ranking.add_scores(scores, candidates, part.terms, self._term)
            if part.topic_docs & docs:
                ranking.add_scores(scores, doc_numbers(part.topic_docs & docs), part.topic_terms, self._term)
        if len(scores) < depth:     # (a record found through a topic's official names alone)
            for docnum in candidates:
                scores.setdefault(docnum, 0.0)
        if title_word:      # one word asked: the records titled with it, among the best (titles.own_title_docs)
            best = heapq.nlargest(TITLE_WORD_DEPTH, scores, key=scores.__getitem__)
            bonus |= self._bits(titles.own_title_docs(self._reader, title_word, best, self._term_docs, self._fields))
        ranking.boost(scores, bonus & docs, TITLE_PHRASE_BONUS)
        ranking.boost(scores, rank.topics & docs if rank else 0, ranking.TOPIC_BOOST)  # about the question's topic
        if rank:
            for _bits, terms in rank.optional:
                ranking.add_scores(scores, candidates, terms, self._term)
            if rank.intent:
                ranking.contacts_forward(scores, docs, rank)
        return docs, ranking.order(scores, docs, depth, rank)

    def _expanded(self, words: list[str], phrases: list[list[str]], typing: bool,
                  matched: dict[str, set[str]], understanding: Understanding) -> tuple[list[Part], str | None]:
        """The query with unknown words widened to their nearest index words, and the suggestion."""
        clauses: list[Part] = []
        suggestion: dict[str, str] = {}
        for i, word in enumerate(words):
            prefix = typing and i == len(words) - 1
            corrections = [] if self._word_known(word) else self._speller.corrections(word)
            alternatives = [self._content_part(word, prefix, matched, understanding, i)]
            alternatives += [self._word_query(c, False, matched, boost=0.7) for c in corrections]
            bits = 0
            for alternative in alternatives:
                bits |= alternative.bits
            clauses.append(Part(bits, [t for alternative in alternatives for t in alternative.terms]))
            if corrections:
                suggestion[word] = corrections[0]
        clauses += [self._phrase_query(p, matched) for p in phrases]
        if not suggestion:
            return clauses, None
        # the question as typed, its unknown words corrected (its stop words and places kept)
        return clauses, textnorm.TOKEN_RE.sub(lambda m: suggestion.get(m.group(0), m.group(0)),
                                              understanding.query).strip()

    def _fields(self, docnum: int) -> dict[str, Any]:
        """A record's stored fields, decompressed once."""
        fields = self._stored.get(docnum)
        if fields is None:
            fields = self._reader.stored_fields(docnum)
            if len(self._stored) > 5000:
                self._stored.clear()
                self._texts.clear()
            self._stored[docnum] = fields
        return fields

    def _hit(self, docnum: int, score: float, lang: str, matched: dict[str, set[str]] | None) -> Hit:
        fields = self._fields(docnum)
        titles, summaries = fields["titles"], fields["summaries"]
        # The snippet is in the requested language (falling back only when the record lacks it); a
        # query typed in another language still shows this language's summary, just without marks.
        snippet = ""
        if self._store and matched is not None:
            texts = self._texts.get(fields["id"])
            if texts is None:
                texts = self._texts[fields["id"]] = self._store.text_blocks(fields["id"])
            shown = next((c for c in (lang, *languages.FALLBACK) if c in texts), None)
            if shown and matched[shown]:
                snippet = highlight_text(texts[shown], matched[shown], shown)
        if not snippet:
            snippet = escape_html(languages.localized(summaries, lang))
        return Hit(id=fields["id"], kind=fields["kind"], status=fields["status"], score=score,
                   titles=titles, title=languages.localized(titles, lang), snippet=snippet,
                   verified_on=fields["verified_on"])
