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

The index lives in a folder with a small JSON stamp holding the dataset's content hash; an index whose
stamp is missing, different or unreadable is rebuilt from the SQLite file.
"""
from __future__ import annotations

import json
import re
import shutil
import sqlite3
import sys
import threading
from array import array
from bisect import bisect_left
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from heapq import nlargest
from math import log
from operator import itemgetter
from pathlib import Path
from typing import Callable, Iterable

from whoosh import index as windex
from whoosh.automata.fsa import find_all_matches
from whoosh.automata.lev import levenshtein_automaton
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.query import Or, Phrase, Term
from whoosh.searching import Searcher

from . import model as m
from . import textnorm
from .store import Store

INDEX_FORMAT = 3
STAMP_FILE = "migrant-desk-index.json"
VOCABULARY_FILE = "vocabulary.json"
SCORES_FILE = "scores.sqlite"
TITLE_BOOST = 3.0
FUZZY_THRESHOLD = 3        # strict results below this -> try typo expansion
MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 12
PREFIX_TERMS = 12          # index terms a word being typed expands to, per field
MIN_PREFIX = 3
SNIPPET_CHARS = 180
FACETS = ("kind", "status", "citizenship", "region")
RERANK_DEPTH = 30          # hits ranked (with the kind weights below) before the page is cut
TITLE_PHRASE_BONUS = 1.5   # a title holding the query's words in order
BM25_B, BM25_K1 = 0.75, 1.2
TERM_CACHE_POSTINGS = 3_000_000  # cached (document, score) pairs across terms: 8 bytes each, 24 MB at most
# An advisor asking about a topic wants the procedure first, then the agreement or the contact.
KIND_WEIGHT = {"procedure": 1.5, "agreement": 1.0, "contact": 1.0}

Progress = Callable[[int, int], None]


# --------------------------------------------------------------------------- analysis

class KeyFilter(Filter):
    """Turns each token into the search key of one language (folding + stemming)."""

    def __init__(self, lang: str):
        self.lang = lang

    def __eq__(self, other):
        return isinstance(other, KeyFilter) and other.lang == self.lang

    def __call__(self, tokens):
        stem = textnorm.STEMMERS[self.lang]
        for token in tokens:
            key = stem(token.text)
            if key:
                token.text = key
                yield token


def analyzer(lang: str):
    return RegexTokenizer(textnorm.TOKEN_RE) | LowercaseFilter() | KeyFilter(lang)


@lru_cache(maxsize=200_000)
def spell_key(word: str) -> str:
    return textnorm.normalize_uz_latin(word.lower()).replace("ё", "е")


def make_schema() -> Schema:
    fields = dict(id=ID(stored=True, unique=True), kind=ID(stored=True), status=ID(stored=True),
                  citizenship=KEYWORD(commas=True, lowercase=True),
                  region=KEYWORD(commas=True, lowercase=True),
                  verified_on=STORED, titles=STORED, summaries=STORED)
    for lang in m.LANGS:
        fields[f"title_{lang}"] = TEXT(analyzer=analyzer(lang), field_boost=TITLE_BOOST, phrase=True)
        fields[f"text_{lang}"] = TEXT(analyzer=analyzer(lang), phrase=True)
    return Schema(**fields)


# --------------------------------------------------------------------------- documents

def _lt(text: m.LocalText | None, lang: str) -> str:
    return (text or {}).get(lang, "")


# The everyday names of a procedure's topic, per language (terms of shared/domain/glossary.md). They are
# indexed with the title, so a one-word query such as "патент" puts the procedure *about* that topic
# before procedures that merely mention it.
TOPIC_WORDS = {
    "registration": {"ru": "регистрация миграционный учёт", "uz": "roʻyxatdan oʻtish migratsiya hisobi",
                     "ky": "каттоо", "en": "registration"},
    "patent": {"ru": "патент", "uz": "patent", "ky": "патент", "en": "patent"},
    "eaeu_work": {"ru": "ЕАЭС", "uz": "YeOII", "ky": "ЕАЭБ", "en": "EAEU"},
    "stay_limit": {"ru": "срок пребывания", "uz": "boʻlish muddati", "ky": "болуу мөөнөтү", "en": "stay limit"},
    "registry": {"ru": "РКЛ реестр", "uz": "reyestr", "ky": "реестр", "en": "registry"},
    "amina": {"ru": "Амина", "uz": "Amina", "ky": "Амина", "en": "Amina"},
    "amnesty": {"ru": "амнистия легализация", "uz": "amnistiya", "ky": "амнистия", "en": "amnesty legalisation"},
    "exam": {"ru": "экзамен", "uz": "imtihon", "ky": "экзамен", "en": "exam"},
    "tax": {"ru": "авансовый платёж НДФЛ", "uz": "avans toʻlovi", "ky": "аванстык төлөм", "en": "advance payment tax"},
    "medical": {"ru": "медицинское освидетельствование ДМС", "uz": "tibbiy koʻrik", "ky": "медициналык текшерүү",
                "en": "medical examination insurance"},
    "school": {"ru": "школа", "uz": "maktab", "ky": "мектеп", "en": "school"},
    "policy": {"ru": "концепция", "uz": "konsepsiya", "ky": "концепция", "en": "policy concept"},
}


def record_document(record: m.Record, store: Store, region_names: dict[str, dict]) -> dict:
    """The index document of one record: everything an advisor may type, per language."""
    doc = {"id": record.id, "kind": record.kind, "status": record.status,
           "verified_on": record.verified_on,
           "titles": {lang: t.title for lang, t in record.texts.items()},
           "summaries": {lang: t.summary for lang, t in record.texts.items()}}
    if isinstance(record, m.Contact):
        doc["citizenship"] = ",".join(record.serves)
        doc["region"] = ",".join(store.contact_region_codes(record.id)) or m.ALL
    else:
        doc["citizenship"] = ",".join(record.applies_to)
        doc["region"] = ",".join(record.regions)
    for lang in m.LANGS:
        text = record.texts.get(lang)
        parts = [text.summary, text.body] if text else []
        parts += [_lt(n.text, lang) for n in record.notes]
        parts.append(_lt(record.confidence_note, lang))
        if isinstance(record, m.Procedure):
            for step in record.steps:
                parts += [_lt(step.text, lang), _lt(step.where, lang)]
            parts += [_lt(i.text, lang) for i in record.documents + record.fees]
            parts += [_lt(b.law, lang) for b in record.legal_basis]
        elif isinstance(record, m.Agreement):
            parties = [p for p in record.parties if isinstance(p, dict)]
            parts += [_lt(p, lang) for p in parties]
        elif isinstance(record, m.Contact):
            parts.append(_lt(record.city, lang))
            if record.address:
                parts.append(_lt(record.address.text, lang))
            if record.region and lang in ("ru", "en"):
                parts.append(region_names.get(record.region, {}).get(lang, ""))
        if lang == "en" and record.ref:
            parts.append(record.ref)
        topic = TOPIC_WORDS.get(getattr(record, "topic", None) or "", {}).get(lang, "")
        doc[f"title_{lang}"] = f"{text.title if text else ''} {topic}".strip()
        doc[f"text_{lang}"] = "\n".join(p for p in parts if p)
    return doc


def spelling_words(doc: dict) -> set[str]:
    """The distinct words of an index document, as the typo corrector compares them."""
    return {key for lang in m.LANGS for f in ("title", "text")
            for w in textnorm.tokens(doc[f"{f}_{lang}"]) if len(key := spell_key(w)) >= 4}


# --------------------------------------------------------------------------- index lifecycle

def read_stamp(index_dir: Path) -> dict | None:
    try:
        return json.loads((index_dir / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def index_state(store: Store, index_dir: Path) -> str:
    """'ok', 'missing', 'stale' or 'corrupt' for the index in `index_dir` against `store`."""
    if not index_dir.is_dir():
        return "corrupt" if index_dir.exists() else "missing"
    stamp = read_stamp(index_dir)
    if stamp is None or not windex.exists_in(str(index_dir)) or not (index_dir / SCORES_FILE).is_file():
        return "corrupt" if any(index_dir.iterdir()) else "missing"
    if stamp.get("content_hash") != store.meta().get("content_hash") or stamp.get("format") != INDEX_FORMAT:
        return "stale"
    try:
        ix = windex.open_dir(str(index_dir))
        with ix.searcher() as searcher:
            if searcher.doc_count() != len(store.ids()):
                return "corrupt"
        ix.close()
        scores = _open_scores(index_dir)
        try:
            scores.execute("SELECT field, term, ids, scores, bits FROM terms LIMIT 1").fetchall()
        finally:
            scores.close()
    except Exception:  # whoosh raises many kinds on damaged files; sqlite3.DatabaseError on a damaged table
        return "corrupt"
    return "ok"


def build_index(store: Store, index_dir: Path, progress: Progress | None = None) -> Path:
    """Write a fresh index for `store` into `index_dir` (built aside, then swapped in)."""
    index_dir = Path(index_dir)
    tmp = index_dir.with_name(index_dir.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    ix = windex.create_in(str(tmp), make_schema())
    ids = store.ids()
    region_names = {r.code: r.name for r in store.regions()}
    writer = ix.writer(limitmb=256)
    vocabulary: Counter[str] = Counter()
    for n, record_id in enumerate(ids, 1):
        doc = record_document(store.record(record_id), store, region_names)
        vocabulary.update(spelling_words(doc))
        writer.add_document(**doc)
        if progress and (n % 50 == 0 or n == len(ids)):
            progress(n, len(ids))
    writer.commit()
    ix.close()
    write_score_tables(tmp)
    # the typo corrector's word list: every word with the number of records it appears in
    (tmp / VOCABULARY_FILE).write_text(json.dumps(sorted(vocabulary.items()), ensure_ascii=False),
                                       encoding="utf-8")
    (tmp / STAMP_FILE).write_text(json.dumps({"format": INDEX_FORMAT,
                                              "content_hash": store.meta().get("content_hash"),
                                              "documents": len(ids)}), encoding="utf-8")
    old = index_dir.with_name(index_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if index_dir.exists():
        index_dir.rename(old)
    tmp.rename(index_dir)
    shutil.rmtree(old, ignore_errors=True)
    return index_dir


def write_score_tables(index_dir: Path) -> None:
    """Every term of the scored fields with its documents and their BM25F scores (kind weight folded
    in), one SQLite row per term: (documents as int32, scores as float32, and for common terms the
    document set as a bitset), little-endian whatever the machine."""
    ix = windex.open_dir(str(index_dir))
    conn = sqlite3.connect(index_dir / SCORES_FILE)
    try:
        conn.execute("CREATE TABLE terms (field TEXT NOT NULL, term TEXT NOT NULL, ids BLOB NOT NULL, "
                     "scores BLOB NOT NULL, bits BLOB, PRIMARY KEY (field, term)) WITHOUT ROWID")
        with ix.reader() as reader:
            n = reader.doc_count_all()
            kind_weight = [1.0] * n
            for kind in reader.lexicon("kind"):
                for docnum in reader.postings("kind", kind).all_ids():
                    kind_weight[docnum] = KIND_WEIGHT.get(_text(kind), 1.0)
            for fieldname in SCORED_FIELDS:
                boost = getattr(ix.schema[fieldname], "field_boost", 1.0)
                avg = (reader.field_length(fieldname) / n) or 1.0
                norm = [BM25_K1 * (1 - BM25_B + BM25_B * reader.doc_field_length(d, fieldname, 1) / avg)
                        for d in range(n)]
                rows = []
                for raw in reader.lexicon(fieldname):
                    term = _text(raw)
                    ids, weights = _postings(reader, fieldname, term)
                    factor = boost * (log(n / (len(ids) + 1)) + 1) * (BM25_K1 + 1)
                    scores = array("f", [factor * kind_weight[d] * tf / (tf + norm[d])
                                         for d, tf in zip(ids, weights)])
                    ids = array("i", ids)
                    bits = _bitset(ids, n).to_bytes(n // 8 + 1, "little") if len(ids) * 32 > n else None
                    rows.append((fieldname, term, _le_bytes(ids), _le_bytes(scores), bits))
                conn.executemany("INSERT INTO terms VALUES (?, ?, ?, ?, ?)", rows)
        conn.commit()
    finally:
        conn.close()
        ix.close()


def _open_scores(index_dir: Path) -> sqlite3.Connection:
    # immutable: the file never changes once built (a rebuild writes a new folder), so SQLite takes no locks,
    # which a read-only network share may not grant. Used from the search thread under SearchIndex._lock.
    return sqlite3.connect(f"{(index_dir / SCORES_FILE).resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                           check_same_thread=False)


SCORED_FIELDS = tuple(f"{kind}_{lang}" for lang in m.LANGS for kind in ("title", "text"))


def _le_bytes(values: array) -> bytes:
    if sys.byteorder == "big":
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _from_le(typecode: str, data: bytes) -> array:
    values = array(typecode)
    values.frombytes(data)
    if sys.byteorder == "big":
        values.byteswap()
    return values


def _bitset(ids: Iterable[int], n: int) -> int:
    buf = bytearray(n // 8 + 1)
    for i in ids:
        buf[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(buf, "little")


# --------------------------------------------------------------------------- queries

@dataclass
class Filters:
    kinds: tuple[str, ...] = ()            # empty = every kind
    citizenship: str | None = None          # UZ / KG / TJ; records for 'all' always match
    region: str | None = None               # RU-TA …; records for 'all' always match
    statuses: tuple[str, ...] = ()


@dataclass
class Hit:
    id: str
    kind: str
    status: str
    score: float
    titles: dict[str, str]
    title: str
    snippet: str                            # HTML with <b> around matched words
    verified_on: str


@dataclass
class Results:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None           # "did you mean", in the user's own words
    expanded: bool = False                  # typo expansion was used


PHRASE_RE = re.compile(r'"([^"]+)"')


def parse_query(text: str) -> tuple[list[str], list[list[str]]]:
    """(words, phrases) of a raw user string; syntax characters are just separators."""
    text = textnorm.strip_controls(text or "")[:MAX_QUERY_CHARS]
    phrases = [textnorm.tokens(p) for p in PHRASE_RE.findall(text)]
    rest = PHRASE_RE.sub(" ", text)
    words = textnorm.tokens(rest)
    return words[:MAX_QUERY_WORDS], [p for p in phrases if p][:3]


class SearchIndex:
    """An open index with a warm searcher. One search at a time (a lock), from any thread.

    Snippets are cut from the dataset's texts (its own read-only connection), not from the index, so the
    index stores only what a result row shows.
    """

    def __init__(self, index_dir: Path, store_path: Path | None = None):
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
        self._nbytes = self._reader.doc_count_all() // 8 + 1
        self._filter_cache: OrderedDict[tuple, int] = OrderedDict()
        self._term_cache: OrderedDict[tuple[str, str], tuple[int, array, array]] = OrderedDict()
        self._cached_postings = 0
        self._scores = _open_scores(self.index_dir)
        self._facet_bits = {
            name: {_text(value): self._bits(self._reader.postings(name, value).all_ids())
                   for value in self._reader.lexicon(name)}
            for name in FACETS}

    @classmethod
    def open(cls, store: Store, index_dir: Path, fallback_dir: Path | None = None,
             progress: Progress | None = None) -> "SearchIndex":
        """Open the index, rebuilding it when missing, stale or unreadable; never fails because of it.

        When `index_dir` cannot be written (an installed, read-only dataset), the index is rebuilt in
        `fallback_dir` (the user's cache) instead.
        """
        index_dir = Path(index_dir)
        if index_state(store, index_dir) == "ok":
            return cls(index_dir, store.path)
        if fallback_dir is not None and index_state(store, Path(fallback_dir)) == "ok":
            return cls(Path(fallback_dir), store.path)
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
        return _bitset(ids, self._nbytes * 8 - 1)

    def _term_docs(self, fieldname: str, term: str) -> int:
        return self._term(fieldname, term)[0]

    def _term(self, fieldname: str, term: str) -> tuple[int, array, array]:
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
        ids, scores = _from_le("i", row[0]), _from_le("f", row[1])
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
        bits = (1 << self._reader.doc_count_all()) - 1
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
        return {lang: key for lang in m.LANGS if (key := textnorm.STEMMERS[lang](word))}

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

    def _word_query(self, word: str, prefix: bool, matched: dict[str, set[str]], boost: float = 1.0):
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

    def _phrase_query(self, words: list[str], matched: dict[str, set[str]]):
        clauses, used = [], []
        for lang in m.LANGS:
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
            matched = {lang: set() for lang in m.LANGS}
            parts = [self._word_query(w, typing and i == len(words) - 1, matched) for i, w in enumerate(words)]
            parts += [self._phrase_query(p, matched) for p in phrases]
            depth = max(limit, RERANK_DEPTH)
            bonus = self._title_phrase(words)
            docs, hits = self._run(parts, allowed, depth, True, bonus)
            if _count(docs) < FUZZY_THRESHOLD and words:
                expanded, suggestion = self._expanded(words, phrases, typing, matched)
                if suggestion:
                    more_docs, more = self._run(expanded, allowed, depth, True, bonus)
                    if _count(more_docs) > _count(docs):
                        docs, hits, parts, results.expanded = more_docs, more, expanded, True
                    results.suggestion = suggestion
                if _count(docs) < FUZZY_THRESHOLD and len(parts) > 1:
                    # a long, natural query: rank by how many of its words a record has
                    relaxed_docs, relaxed = self._run(parts, allowed, depth, False, bonus)
                    if _count(relaxed_docs) > _count(docs):
                        docs, hits = relaxed_docs, relaxed
            results.total = _count(docs)
            if facets:
                results.facets = {name: {value: n for value, bits in values.items() if (n := _count(docs & bits))}
                                  for name, values in self._facet_bits.items()}
            results.hits = [self._hit(docnum, score, lang, matched) for docnum, score in hits[:limit]]
        return results

    def _run(self, parts: list["Part"], allowed: int, depth: int, all_words: bool, bonus: int = 0):
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
        candidates = _ids(docs)
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
                    for docnum, score in zip(ids, term_scores):
                        if docnum in candidates:
                            scores[docnum] = scores.get(docnum, 0.0) + score * boost
        for docnum in _ids(bonus & docs) if bonus else ():
            scores[docnum] *= TITLE_PHRASE_BONUS
        return docs, nlargest(depth, scores.items(), key=itemgetter(1))

    def _title_phrase(self, words: list[str]) -> int:
        """Titles that hold the query's words in the order typed (an exact title wins a bonus)."""
        if len(words) < 2:
            return 0
        phrases = []
        for lang in m.LANGS:
            keys = [textnorm.STEMMERS[lang](w) for w in words]
            if all(k and (f"title_{lang}", k) in self._reader for k in keys):
                phrases.append(Phrase(f"title_{lang}", keys))
        return self._bits(self._searcher.docs_for_query(Or(phrases))) if phrases else 0

    def _expanded(self, words, phrases, typing, matched):
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
            shown = next((c for c in (lang, *m.FALLBACK) if c in texts), None)
            if shown and matched[shown]:
                snippet = highlight_text(texts[shown], matched[shown], shown)
        if not snippet:
            snippet = _escape(m.localized(summaries, lang))
        return Hit(id=fields["id"], kind=fields["kind"], status=fields["status"], score=score,
                   titles=titles, title=m.localized(titles, lang), snippet=snippet,
                   verified_on=fields["verified_on"])


@dataclass
class Part:
    """One word (with its spellings in every language) or phrase of a query."""
    bits: int                                   # documents it matches
    terms: list[tuple[str, str, float]]         # (field, term, weight) it scores with


def _postings(reader, fieldname: str, term: str) -> tuple[list[int], list[float]]:
    """A term's document numbers and frequencies, a block at a time where the codec allows it (Whoosh's
    per-posting iteration costs about a microsecond a posting; a block is a tuple and an array)."""
    matcher = reader.postings(fieldname, term)
    if not all(hasattr(matcher, a) for a in ("_read_ids", "_read_weights", "_next_block")):
        pairs = list(matcher.items_as("weight"))
        return [d for d, _ in pairs], [w for _, w in pairs]
    ids, weights = [], []
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        ids.extend(matcher._ids[matcher._i:])
        weights.extend(matcher._weights[matcher._i:])
        matcher._next_block()
    return ids, weights


def _text(value) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _count(bits: int) -> int:
    return bits.bit_count()


_BYTE_BITS = [tuple(i for i in range(8) if byte >> i & 1) for byte in range(256)]


def _ids(bits: int) -> set[int]:
    """Document numbers of a bitset."""
    out = set()
    for index, byte in enumerate(bits.to_bytes((bits.bit_length() + 7) // 8, "little")):
        if byte:
            base = index * 8
            out.update([base + i for i in _BYTE_BITS[byte]])
    return out


class _Skipper:
    """Walks a sorted word list for the Levenshtein automaton: the next word at or after `w`."""

    def __init__(self, words: list[str]):
        self.words = words

    def __call__(self, w: str):
        pos = bisect_left(self.words, w)
        return self.words[pos] if pos < len(self.words) else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def highlight_text(text: str, keys: set[str], lang: str, width: int = SNIPPET_CHARS) -> str:
    """A window of `text` around its first word whose search key is in `keys`, matched words in <b>."""
    text = re.sub(r"\s*\n\s*[-*•]?\s*", " · ", text).strip(" ·").replace("**", "")
    stem = textnorm.STEMMERS[lang]
    spans = [(mt.start(), mt.end()) for mt in textnorm.TOKEN_RE.finditer(text) if stem(mt.group(0)) in keys]
    if not spans:
        return ""
    start = max(0, spans[0][0] - width // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > spans[0][1] else end
    out, pos = [], start
    for a, b in spans:
        if a < start or b > end:
            continue
        out += [_escape(text[pos:a]), "<b>", _escape(text[a:b]), "</b>"]
        pos = b
    out.append(_escape(text[pos:end]))
    return ("… " if start else "") + "".join(out) + (" …" if end < len(text) else "")
