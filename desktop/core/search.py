"""Full-text search over the dataset: a Whoosh index derived from the SQLite file.

One index document per record, with a title field and a text field per language, each analysed by that
language's analyser (see textnorm). A query never goes through Whoosh's query parser: it is split into
words (and "quoted phrases"), each word is analysed by every language's analyser and looked up in every
language's fields, so anything a user types is a valid query. When the strict query finds little, words
are expanded to index terms within a small edit distance taken from the index vocabulary, and the
best correction is offered as "did you mean".

The index lives in a folder with a small JSON stamp holding the dataset's content hash; an index whose
stamp is missing, different or unreadable is rebuilt from the SQLite file.
"""
from __future__ import annotations

import json
import re
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from whoosh import highlight, index as windex
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.query import And, Or, Phrase, Prefix, Term
from whoosh.searching import Searcher

from . import model as m
from . import textnorm
from .store import Store

INDEX_FORMAT = 1
STAMP_FILE = "migrant-desk-index.json"
TITLE_BOOST = 3.0
FUZZY_THRESHOLD = 3        # strict results below this -> try typo expansion
MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 12

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


class SpellFilter(Filter):
    """Words as typed, only lower-cased with apostrophes unified: the vocabulary for typo fixes."""

    def __eq__(self, other):
        return isinstance(other, SpellFilter)

    def __call__(self, tokens):
        for token in tokens:
            token.text = spell_key(token.text)
            if len(token.text) >= 4:
                yield token


def spell_key(word: str) -> str:
    return textnorm.normalize_uz_latin(word.lower()).replace("ё", "е")


def make_schema() -> Schema:
    fields = dict(id=ID(stored=True, unique=True), kind=ID(stored=True), status=ID(stored=True),
                  citizenship=KEYWORD(stored=True, commas=True, lowercase=True),
                  region=KEYWORD(commas=True, lowercase=True),
                  verified_on=STORED, titles=STORED, summaries=STORED)
    fields["spell"] = TEXT(analyzer=RegexTokenizer(textnorm.TOKEN_RE) | SpellFilter(), phrase=False)
    for lang in m.LANGS:
        fields[f"title_{lang}"] = TEXT(analyzer=analyzer(lang), field_boost=TITLE_BOOST, phrase=True)
        fields[f"text_{lang}"] = TEXT(analyzer=analyzer(lang), stored=True, phrase=True)
    return Schema(**fields)


# --------------------------------------------------------------------------- documents

def _lt(text: m.LocalText | None, lang: str) -> str:
    return (text or {}).get(lang, "")


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
        doc[f"title_{lang}"] = text.title if text else ""
        doc[f"text_{lang}"] = "\n".join(p for p in parts if p)
    doc["spell"] = "\n".join(doc[f"{f}_{lang}"] for lang in m.LANGS for f in ("title", "text"))
    return doc


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
    if stamp is None or not windex.exists_in(str(index_dir)):
        return "corrupt" if any(index_dir.iterdir()) else "missing"
    if stamp.get("content_hash") != store.meta().get("content_hash") or stamp.get("format") != INDEX_FORMAT:
        return "stale"
    try:
        ix = windex.open_dir(str(index_dir))
        with ix.searcher() as searcher:
            if searcher.doc_count() != len(store.ids()):
                return "corrupt"
        ix.close()
    except Exception:  # whoosh raises many kinds on damaged files
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
    writer = ix.writer(limitmb=128)
    for n, record_id in enumerate(ids, 1):
        writer.add_document(**record_document(store.record(record_id), store, region_names))
        if progress and (n % 50 == 0 or n == len(ids)):
            progress(n, len(ids))
    writer.commit()
    ix.close()
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


def _word_query(word: str, prefix: bool) -> Or:
    """A word in any language: its key per language, in titles and texts."""
    clauses = []
    for lang in m.LANGS:
        key = textnorm.STEMMERS[lang](word)
        if not key:
            continue
        for fieldname in (f"title_{lang}", f"text_{lang}"):
            clauses.append(Term(fieldname, key))
            if prefix and len(key) >= 3:
                clauses.append(Prefix(fieldname, key, boost=0.5))
    return Or(clauses)


def _phrase_query(words: list[str]) -> Or:
    clauses = []
    for lang in m.LANGS:
        keys = [textnorm.STEMMERS[lang](w) for w in words]
        keys = [k for k in keys if k]
        if not keys:
            continue
        for fieldname in (f"title_{lang}", f"text_{lang}"):
            clauses.append(Phrase(fieldname, keys) if len(keys) > 1 else Term(fieldname, keys[0]))
    return Or(clauses)


def _filter_query(filters: Filters | None):
    if not filters:
        return None
    parts = []
    if filters.kinds:
        parts.append(Or([Term("kind", k) for k in filters.kinds]))
    if filters.statuses:
        parts.append(Or([Term("status", s) for s in filters.statuses]))
    if filters.citizenship:
        parts.append(Or([Term("citizenship", filters.citizenship.lower()), Term("citizenship", m.ALL)]))
    if filters.region:
        parts.append(Or([Term("region", filters.region.lower()), Term("region", m.ALL)]))
    return And(parts) if parts else None


class SearchIndex:
    """An open index with a warm searcher; thread-safe for one search at a time per call site."""

    def __init__(self, index_dir: Path):
        self.index_dir = Path(index_dir)
        self.ix = windex.open_dir(str(self.index_dir))
        self._searcher: Searcher = self.ix.searcher()
        self._lock = threading.Lock()
        self._vocab_cache: dict[str, list[str]] = {}

    @classmethod
    def open(cls, store: Store, index_dir: Path, fallback_dir: Path | None = None,
             progress: Progress | None = None) -> "SearchIndex":
        """Open the index, rebuilding it when missing, stale or unreadable; never fails because of it.

        When `index_dir` cannot be written (an installed, read-only dataset), the index is rebuilt in
        `fallback_dir` (the user's cache) instead.
        """
        index_dir = Path(index_dir)
        if index_state(store, index_dir) == "ok":
            return cls(index_dir)
        if fallback_dir is not None and index_state(store, Path(fallback_dir)) == "ok":
            return cls(Path(fallback_dir))
        try:
            return cls(build_index(store, index_dir, progress))
        except OSError:
            if fallback_dir is None:
                raise
            return cls(build_index(store, Path(fallback_dir), progress))

    def close(self) -> None:
        self._searcher.close()
        self.ix.close()

    # -- typo expansion

    def _corrections(self, word: str) -> list[str]:
        """Words of the index within edit distance 1 (2 for long words), most frequent first."""
        key = spell_key(word)
        if len(key) < 5:
            return []
        if key not in self._vocab_cache:
            reader = self._searcher.reader()
            maxdist = 1 if len(key) < 8 else 2
            near = [t.decode("utf-8") if isinstance(t, bytes) else t
                    for t in reader.terms_within("spell", key, maxdist, prefix=1)]
            near = [t for t in near if t != key]
            near.sort(key=lambda t: -reader.doc_frequency("spell", t))
            if len(self._vocab_cache) > 5000:
                self._vocab_cache.clear()
            self._vocab_cache[key] = near[:3]
        return self._vocab_cache[key]

    # -- search

    def search(self, query: str, filters: Filters | None = None, lang: str = "ru", limit: int = 20,
               facets: bool = True) -> Results:
        words, phrases = parse_query(query)
        results = Results(query=query)
        if not words and not phrases:
            return results
        typing = bool(query) and not query[-1].isspace()  # the last word may still be incomplete
        filter_q = _filter_query(filters)
        with self._lock:
            clauses = [_word_query(w, prefix=typing and i == len(words) - 1) for i, w in enumerate(words)]
            clauses += [_phrase_query(p) for p in phrases]
            q = And(clauses)
            hits = self._searcher.search(q, filter=filter_q, limit=None if facets else limit, terms=True)
            if hits.scored_length() < FUZZY_THRESHOLD and words:
                expanded, suggestion_words, changed = [], [], False
                for i, w in enumerate(words):
                    prefix = typing and i == len(words) - 1
                    corrections = [] if self._word_known(w) else self._corrections(w)
                    expanded.append(Or([_word_query(w, prefix)] +
                                       [_word_query(c, False) for c in corrections]))
                    suggestion_words.append(corrections[0] if corrections else w)
                    changed |= bool(corrections)
                expanded += [_phrase_query(p) for p in phrases]
                more = self._searcher.search(And(expanded), filter=filter_q,
                                             limit=None if facets else limit, terms=True)
                if more.scored_length() > hits.scored_length():
                    hits, results.expanded = more, True
                if changed:
                    results.suggestion = " ".join(suggestion_words)
            results.total = len(hits)
            hits.formatter = highlight.HtmlFormatter(tagname="b", between=" … ")
            hits.fragmenter = highlight.ContextFragmenter(maxchars=160, surround=50)
            if facets:
                results.facets = self._facets(hits)
            results.hits = [self._hit(h, lang) for h in hits[:limit]]
        return results

    def _word_known(self, word: str) -> bool:
        reader = self._searcher.reader()
        for lang in m.LANGS:
            key = textnorm.STEMMERS[lang](word)
            if key and (reader.doc_frequency(f"text_{lang}", key) or reader.doc_frequency(f"title_{lang}", key)):
                return True
        return False

    @staticmethod
    def _facets(hits) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {"kind": {}, "citizenship": {}, "status": {}}
        for hit in hits:
            fields = hit.fields()
            for name in ("kind", "status"):
                out[name][fields[name]] = out[name].get(fields[name], 0) + 1
            for code in fields["citizenship"].split(","):
                out["citizenship"][code] = out["citizenship"].get(code, 0) + 1
        return out

    def _hit(self, hit, lang: str) -> Hit:
        fields = hit.fields()
        titles, summaries = fields["titles"], fields["summaries"]
        title = m.localized(titles, lang)
        snippet = ""
        for candidate in (lang, *m.FALLBACK):
            if f"text_{candidate}" in fields and (candidate in titles):
                snippet = hit.highlights(f"text_{candidate}", top=2)
                if snippet:
                    break
        if not snippet:
            snippet = _escape(m.localized(summaries, lang))
        return Hit(id=fields["id"], kind=fields["kind"], status=fields["status"], score=hit.score or 0.0,
                   titles=titles, title=title, snippet=snippet, verified_on=fields["verified_on"])


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
