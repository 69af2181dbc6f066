"""What a question says besides its words: who (the client's citizenship), where (the Russian region), what
(the topics, by their official or colloquial names) and what for (an intent such as "whom to call"), each with
the span of the question it was read from; and which of its words are left to match records with.

"Я из Оша, работаю в Казани, регистрация заканчивается, куда звонить?" reads as citizenship KG («Оша»),
region RU-TA («Казани»), topic registration («регистрация»), intent contact («куда звонить»); the words left
to match are «регистрация», «заканчивается» («я», «из», «работаю», «в» are stop words). Codes only: the
window and the command line put them in words (desktop/present/understood.py).
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from .. import textnorm
from ..store import Store
from .phrases import PHRASE_RE, Phrase, PhraseTable, StopWords, phrase, split_phrases

KINDS = ("citizenship", "region", "topic", "intent")
PLACE_KINDS = ("citizenship", "region")


@dataclass(frozen=True)
class Understood:
    kind: str           # citizenship | region | topic | intent
    code: str           # KG | RU-TA | registration | contact
    start: int          # the span of the question it was read from
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "code": self.code, "text": self.text, "start": self.start, "end": self.end}


@dataclass
class Understanding:
    query: str
    parts: list[Understood] = field(default_factory=list)
    words: list[str] = field(default_factory=list)          # to match records with (all of them, or most)
    topic_of: dict[int, str] = field(default_factory=dict)  # index in `words` -> the topic it names
    optional: list[str] = field(default_factory=list)       # place names: they add to a score, never required
    stop_words: list[str] = field(default_factory=list)
    title_words: list[str] = field(default_factory=list)    # words and places in order (a title may hold them)
    stop_only: bool = False                                  # only stop words: nothing to search for

    def first(self, kind: str) -> str | None:
        return next((p.code for p in self.parts if p.kind == kind), None)

    @property
    def citizenship(self) -> str | None:
        return self.first("citizenship")

    @property
    def region(self) -> str | None:
        return self.first("region")

    @property
    def topics(self) -> list[str]:
        return list(dict.fromkeys(p.code for p in self.parts if p.kind == "topic"))

    @property
    def intents(self) -> list[str]:
        return list(dict.fromkeys(p.code for p in self.parts if p.kind == "intent"))

    def chips(self) -> list[Understood]:
        """One part per kind and code, in the question's order (a topic named twice is one chip); only the
        first citizenship and the first region (what a filter can hold)."""
        out: list[Understood] = []
        seen: set[tuple[str, str]] = set()
        kinds_taken: set[str] = set()
        for p in self.parts:
            if (p.kind, p.code) in seen or (p.kind in PLACE_KINDS and p.kind in kinds_taken):
                continue
            seen.add((p.kind, p.code))
            kinds_taken.add(p.kind)
            out.append(p)
        return out

    def as_dict(self) -> dict[str, Any]:
        return {"citizenship": self.citizenship, "region": self.region, "topics": self.topics,
                "intents": self.intents, "parts": [p.as_dict() for p in self.chips()],
                "words": self.words, "stop_words_only": self.stop_only}


class Lexicon:
    """The dataset's places, topic names, intents and stop words, ready to read questions with."""

    def __init__(self, rows: Iterable[tuple[str, str, str, str]] = (),
                 topic_words: dict[str, dict[str, str]] | None = None) -> None:
        """`rows`: (kind, code, lang, comma-separated names) as the dataset's search_words table holds them
        (kind 'stop' for stop words, separated by spaces); `topic_words`: topic -> {lang: names}."""
        self.table = PhraseTable()
        stop: dict[str, list[str]] = {}
        self.official: dict[str, list[str]] = {}   # topic -> the words of its official names (every language)
        for kind, code, lang, words in rows:
            if kind == "stop":
                stop.setdefault(lang, []).extend(words.split())
            else:
                self._add(kind, code, words)
        for topic, names in sorted((topic_words or {}).items()):
            for lang in sorted(names):
                self._add("topic", topic, names[lang])
                first = split_phrases(names[lang])[:1]
                self.official.setdefault(topic, []).extend(w for p in first for w in textnorm.tokens(p))
        self.stop = StopWords(stop)

    def _add(self, kind: str, code: str, names: str) -> None:
        for name in split_phrases(names):
            p = phrase(kind, code, name)
            if p is not None:
                self.table.add(p)

    @classmethod
    def from_store(cls, store: Store) -> Lexicon:
        return cls(store.search_words(), store.topic_words())

    def __bool__(self) -> bool:
        return bool(self.table.phrases) or bool(self.stop)

    def understand(self, query: str, dismissed: Collection[tuple[str, str]] = ()) -> Understanding:
        """What the question says; quoted phrases are left whole (their words are matched as written), and
        what the advisor dismissed ((kind, code) pairs) is not read: its words count as written."""
        result = Understanding(query)
        text = textnorm.strip_controls(query or "")
        quoted = [(m.start(), m.end()) for m in PHRASE_RE.finditer(text)]
        spans = [(m.start(), m.end(), m.group(0)) for m in textnorm.TOKEN_RE.finditer(text)
                 if not any(a <= m.start() < b for a, b in quoted)]
        tokens = [t for _s, _e, t in spans]
        found: list[tuple[int, int, Phrase]] = []   # (first token, token count, phrase)
        i = 0
        while i < len(tokens):
            p = self.table.match_at(tokens, i)
            if p is None or (p.kind, p.code) in dismissed:
                i += 1
                continue
            found.append((i, len(p.words), p))
            i += len(p.words)
        taken: dict[int, Phrase] = {}
        for first, n, p in found:
            start, end = spans[first][0], spans[first + n - 1][1]
            result.parts.append(Understood(p.kind, p.code, start, end, text[start:end]))
            for k in range(first, first + n):
                taken[k] = p
        words: list[str] = []
        topic_of: dict[int, str] = {}
        optional: list[str] = []
        intents: list[str] = []
        for k, token in enumerate(tokens):
            p = taken.get(k)
            if p is not None and p.kind == "intent":
                intents.append(token)
                continue
            if token in self.stop:
                result.stop_words.append(token)
                continue
            if p is not None and p.kind in PLACE_KINDS:
                optional.append(token)
            else:
                if p is not None and p.kind == "topic":
                    topic_of[len(words)] = p.code
                words.append(token)
            result.title_words.append(token)
        if not words and not optional and not intents:
            result.stop_only = bool(result.stop_words) and not quoted
            if result.stop_only:
                return result
        if not words and not any(p.kind == "intent" for p in result.parts):
            words, optional = optional, []   # a place alone ("Казань") is what to search for
        result.words, result.topic_of, result.optional = words, topic_of, optional
        return result
