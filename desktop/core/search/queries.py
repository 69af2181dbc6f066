"""What a search is asked and what it answers: filters, the parsed query, hits and results."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import textnorm
from .phrases import PHRASE_RE

if TYPE_CHECKING:
    from .understanding import Understanding

MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 12


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
    understanding: Understanding | None = None  # who, where, what the question said (understanding.py)




def parse_query(text: str) -> tuple[list[str], list[list[str]]]:
    """(words, phrases) of a raw user string; syntax characters are just separators."""
    text = textnorm.strip_controls(text or "")[:MAX_QUERY_CHARS]
    phrases = [textnorm.tokens(p) for p in PHRASE_RE.findall(text)]
    rest = PHRASE_RE.sub(" ", text)
    words = textnorm.tokens(rest)
    return words[:MAX_QUERY_WORDS], [p for p in phrases if p][:3]
