"""Phrases recognised in a question (names of places, topics and intents) and the stop words, compared as the
search compares words: by each language's search key, so case endings meet ("в Казани", "Qozonda", "Казанда"
all meet "Казань"/"Qozon"/"Казан"), and a word ending in * by what it begins ("кайрыл*").

Used by the content validator (a name that would mean two places) and by the question's understanding."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from .. import textnorm

MIN_PREFIX = 3
PHRASE_RE = re.compile(r'"([^"]+)"')   # a "quoted phrase" of a query


def _fold_en(word: str) -> str:
    return re.sub(f"[{re.escape(textnorm.APOSTROPHES)}]", "'", word.lower())


FOLDS = {"ru": textnorm.fold_ru, "uz": textnorm.fold_uz, "ky": textnorm.fold_ky, "en": _fold_en}


CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
RU_CONSONANTS = set("бвгджзклмнпрстфхцчшщ")
# the languages whose analysers read a word of each script (Uzbek in either; Russia's stemmer would also key a
# Latin word, "permit" as "perm", and meet the Kyrgyz and Russian "Пермь")
SCRIPT_LANGS = {True: ("ru", "uz", "ky"), False: ("uz", "en")}


@lru_cache(maxsize=50_000)
def word_keys(word: str) -> frozenset[str]:
    """The word's search key in every language that writes its script, as 'lang:key'."""
    langs = SCRIPT_LANGS[bool(CYRILLIC_RE.search(word))]
    return frozenset(f"{lang}:{key}" for lang in langs if (key := textnorm.STEMMERS[lang](word)))


@lru_cache(maxsize=50_000)
def word_folds(word: str) -> tuple[tuple[str, str], ...]:
    """The word folded (not stemmed) by every language: (lang, folded)."""
    return tuple((lang, fold(word)) for lang, fold in FOLDS.items())


def split_phrases(text: str) -> list[str]:
    """The comma-separated names of a data value."""
    return [p.strip() for p in text.split(",") if p.strip()]


@dataclass(frozen=True)
class Word:
    """One word of a phrase: its keys in every language, or (ending in *) the folds it begins."""
    keys: frozenset[str] = frozenset()
    prefixes: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, word: str) -> Word:
        if word.endswith("*"):
            return cls(prefixes=word_folds(word[:-1]))
        keys = word_keys(word)
        if CYRILLIC_RE.search(word) and word[-1].lower() in RU_CONSONANTS:
            # a Russian name's case forms do not always meet its own key (Татарстан: «татарста», Татарстане:
            # «татарстан»): the keys of its forms are its keys too
            keys = keys.union(*({k for k in word_keys(word + ending) if k.startswith("ru:")}
                                for ending in ("а", "у", "е", "ом")))
        return cls(keys=keys)

    def matches(self, token: str) -> bool:
        if self.prefixes:
            return any(fold.startswith(prefix) for (_lang, fold), (_l, prefix) in
                       zip(word_folds(token), self.prefixes, strict=True) if prefix)
        return not self.keys.isdisjoint(word_keys(token))

    def overlaps(self, other: Word) -> bool:
        """Whether some word could match both (for the validator's 'two places' check); a prefix is compared
        with prefixes only."""
        if self.prefixes and other.prefixes:
            return any(a.startswith(b) or b.startswith(a) for (_la, a), (_lb, b) in
                       zip(self.prefixes, other.prefixes, strict=True) if a and b)
        if self.prefixes or other.prefixes:
            return False
        return not self.keys.isdisjoint(other.keys)


@dataclass(frozen=True)
class Phrase:
    kind: str                    # citizenship | region | topic | intent
    code: str                    # UZ, RU-TA, registration, contact
    text: str                    # as written in the data
    words: tuple[Word, ...]


def phrase(kind: str, code: str, text: str) -> Phrase | None:
    """A phrase from its written form; None when it has no word the search can key."""
    words = tuple(Word.of(t) for t in _star_tokens(text))
    if not words or any(not (w.keys or w.prefixes) for w in words):
        return None
    return Phrase(kind, code, text, words)


def _star_tokens(text: str) -> list[str]:
    """The phrase's words, a trailing * kept on the word it ends."""
    out = []
    for match in textnorm.TOKEN_RE.finditer(text):
        word = match.group(0)
        if text[match.end():match.end() + 1] == "*":
            word += "*"
        out.append(word)
    return out


@dataclass
class PhraseTable:
    """Phrases indexed by their first word's keys, matched longest first."""
    by_key: dict[str, list[Phrase]] = field(default_factory=dict)
    prefixed: list[Phrase] = field(default_factory=list)
    phrases: list[Phrase] = field(default_factory=list)

    def add(self, p: Phrase) -> None:
        self.phrases.append(p)
        first = p.words[0]
        if first.prefixes:
            self.prefixed.append(p)
        for key in first.keys:
            self.by_key.setdefault(key, []).append(p)

    def clashes(self, p: Phrase) -> Iterator[Phrase]:
        """Phrases already added that could match the same words as `p` but mean something else."""
        seen: set[int] = set()
        candidates = [q for key in p.words[0].keys for q in self.by_key.get(key, ())] + self.prefixed
        for q in candidates:
            if id(q) in seen or (q.kind, q.code) == (p.kind, p.code) or len(q.words) != len(p.words):
                continue
            seen.add(id(q))
            if all(a.overlaps(b) for a, b in zip(p.words, q.words, strict=True)):
                yield q

    def match_at(self, tokens: list[str], i: int) -> Phrase | None:
        """The longest phrase (the first listed among equals) starting at token i."""
        best: Phrase | None = None
        seen: set[int] = set()
        for key in word_keys(tokens[i]):
            for p in self.by_key.get(key, ()):
                if id(p) not in seen:
                    seen.add(id(p))
                    best = _longer(best, p, tokens, i)
        for p in self.prefixed:
            best = _longer(best, p, tokens, i)
        return best


def _longer(best: Phrase | None, p: Phrase, tokens: list[str], i: int) -> Phrase | None:
    n = len(p.words)
    if i + n > len(tokens) or (best is not None and len(best.words) >= n):
        return best
    if all(w.matches(t) for w, t in zip(p.words, tokens[i:i + n], strict=True)):
        return p
    return best


class StopWords:
    """Per language, the folded stop words; a word is a stop word when one language's fold lists it."""

    def __init__(self, words: Mapping[str, Iterable[str]]) -> None:
        self.by_lang = {lang: {FOLDS[lang](w) for w in ws} for lang, ws in words.items() if lang in FOLDS}

    def __bool__(self) -> bool:
        return any(self.by_lang.values())

    def __contains__(self, token: str) -> bool:
        return any(fold in self.by_lang.get(lang, ()) for lang, fold in word_folds(token))
