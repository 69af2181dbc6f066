"""How a question's matches are ordered once its words are scored: what the question understood about the
client ranks first (as if the side panel's filters were set to it), contacts come forward when it asks whom
to call, and a long question prefers the records that hold more of its words."""
from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from heapq import nlargest

from .bitsets import doc_numbers

LONG_QUERY = 3          # words to match from which any of them may be missing (ranked by how many it has)
INTENT_BOOST = 1.6      # a contact's score when the question asks whom to call
INTENT_SHARE = 0.6      # a contact that serves the understood client, added without sharing a word: its share
                        # of the best score


@dataclass
class Rank:
    """What orders the hits beyond their words' scores."""
    tier: int | None = None           # documents that the understood citizenship and region allow
    contacts: int = 0                  # contact documents (put forward by an intent)
    intent: bool = False
    contacts_first: bool = False       # whom to call, and no topic: the contacts before everything else
    optional: list[tuple[int, list[tuple[str, str, float]]]] = field(default_factory=list)  # place words


TermLookup = Callable[[str, str], tuple[int, "array[int]", "array[float]"]]


def add_scores(scores: dict[int, float], candidates: set[int], terms: Iterable[tuple[str, str, float]],
               term: TermLookup, hits: dict[int, int] | None = None) -> None:
    """Add the BM25F scores of `terms` (one part of a query) to the candidates; count the part once per
    document it scores in `hits`."""
    counted: set[int] = set()
    for fieldname, name, boost in terms:
        _bits, ids, term_scores = term(fieldname, name)
        if len(candidates) * 8 < len(ids):  # a few candidates, a common term: look them up
            for docnum in candidates:
                i = bisect_left(ids, docnum)
                if i < len(ids) and ids[i] == docnum:
                    scores[docnum] = scores.get(docnum, 0.0) + term_scores[i] * boost
                    counted.add(docnum)
        else:
            for docnum, score in zip(ids, term_scores, strict=True):
                if docnum in candidates:
                    scores[docnum] = scores.get(docnum, 0.0) + score * boost
                    counted.add(docnum)
    if hits is not None:
        for docnum in counted:
            hits[docnum] = hits.get(docnum, 0) + 1


def order(scores: dict[int, float], docs: int, depth: int, rank: Rank | None) -> list[tuple[int, float]]:
    """The best `depth` (docnum, score): the understood client's documents first, then the rest."""
    if rank is None or (rank.tier is None and not rank.contacts_first):
        return nlargest(depth, scores.items(), key=lambda item: item[1])
    first = doc_numbers(rank.tier & docs) if rank.tier is not None else set()
    contacts = doc_numbers(rank.contacts & docs) if rank.contacts_first else set()
    return nlargest(depth, scores.items(), key=lambda item: (item[0] in first, item[0] in contacts, item[1]))
