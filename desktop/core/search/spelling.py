"""The typo corrector: words of the dataset near a word the index does not know ("did you mean")."""
from __future__ import annotations

import json
from bisect import bisect_left
from pathlib import Path

from whoosh.automata.fsa import find_all_matches
from whoosh.automata.lev import levenshtein_automaton

from .analysis import spell_key


class Speller:
    """The index's word list (every word with the number of records it appears in), read when first needed."""

    def __init__(self, vocabulary_file: Path) -> None:
        self.vocabulary_file = vocabulary_file
        self._spell_cache: dict[str, list[str]] = {}
        self._vocab: tuple[list[str], dict[str, int]] | None = None

    def vocabulary(self) -> tuple[list[str], dict[str, int]]:
        if self._vocab is None:
            try:
                pairs = json.loads((self.vocabulary_file).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                pairs = []
            self._vocab = ([w for w, _ in pairs], dict(pairs))
        return self._vocab

    def corrections(self, word: str) -> list[str]:
        """Words of the dataset within edit distance 1 (2 for long words): nearest, then most common."""
        key = spell_key(word)
        if len(key) < 5:
            return []
        if key not in self._spell_cache:
            words, freq = self.vocabulary()
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


class _Skipper:
    """Walks a sorted word list for the Levenshtein automaton: the next word at or after `w`."""

    def __init__(self, words: list[str]) -> None:
        self.words = words

    def __call__(self, w: str) -> str | None:
        pos = bisect_left(self.words, w)
        return self.words[pos] if pos < len(self.words) else None
