"""How text becomes index terms: one analyser per language (tokens, lower case, folding and stemming), the
spelling key the typo corrector compares, and the index schema built from them."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from .. import languages, textnorm

TITLE_BOOST = 3.0


class KeyFilter(Filter):  # type: ignore[misc]  # whoosh has no type information
    """Turns each token into the search key of one language (folding + stemming)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __eq__(self, other: object) -> bool:
        return isinstance(other, KeyFilter) and other.lang == self.lang

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        stem = textnorm.STEMMERS[self.lang]
        for token in tokens:
            key = stem(token.text)
            if key:
                token.text = key
                yield token


def analyzer(lang: str) -> Any:
    return RegexTokenizer(textnorm.TOKEN_RE) | LowercaseFilter() | KeyFilter(lang)


@lru_cache(maxsize=200_000)
def spell_key(word: str) -> str:
    return textnorm.normalize_uz_latin(word.lower()).replace("ё", "е")


def make_schema() -> Schema:
    fields = dict(id=ID(stored=True, unique=True), kind=ID(stored=True), status=ID(stored=True), topic=ID,
                  citizenship=KEYWORD(commas=True, lowercase=True),
                  region=KEYWORD(commas=True, lowercase=True),
                  verified_on=STORED, titles=STORED, summaries=STORED)
    for lang in languages.CONTENT:
        fields[f"title_{lang}"] = TEXT(analyzer=analyzer(lang), field_boost=TITLE_BOOST, phrase=True)
        fields[f"text_{lang}"] = TEXT(analyzer=analyzer(lang), phrase=True)
    return Schema(**fields)
