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
from .understanding import Understanding

PLACE_WEIGHT = 0.25     # a place named in a question: the client's records rank first (the tier), its words count
                        # little (a record that names Kazan often is not the answer for a client in Kazan)
TOPIC_BOOST = 1.5       # a procedure whose topic the question names (in any of its words)
LONG_QUERY = 4          # words from which a record may lack some (a question: ranked by the sum of their scores)
INTENT_BOOST = 1.6      # a contact's score when the question asks whom to call
OWN_BONUS = {"region": 0.3, "citizenship": 0.15}   # a contact for the client's own region and citizenship
INTENT_SHARE = 0.6      # a contact that serves the understood client, added without sharing a word: its share
                        # of the best score


@dataclass
class Part:
    """One word (with its spellings in every language) or phrase of a query."""
    bits: int                                   # documents it matches
    terms: list[tuple[str, str, float]]         # (field, term, weight) it scores with
    topic_docs: int = 0                         # a word naming a topic: the topic's procedures, which also
    topic_terms: tuple[tuple[str, str, float], ...] | list[tuple[str, str, float]] = ()  # score with these


@dataclass
class Rank:
    """What orders the hits beyond their words' scores."""
    tier: int | None = None           # documents that the understood citizenship and region allow
    contacts: int = 0                  # contact documents (put forward by an intent)
    intent: bool = False
    contacts_first: bool = False       # whom to call, and no topic: the contacts before everything else
    own_region: int = 0                # documents for the understood region itself (not only for every region)
    own_citizenship: int = 0           # … for the understood citizenship itself
    topics: int = 0                    # the procedures of the topics the question names
    found: int = 0                     # (set by each run) the documents its words found
    optional: list[tuple[int, list[tuple[str, str, float]]]] = field(default_factory=list)  # place words


TermLookup = Callable[[str, str], tuple[int, "array[int]", "array[float]"]]


def add_scores(scores: dict[int, float], candidates: set[int], terms: Iterable[tuple[str, str, float]],
               term: TermLookup) -> None:
    """Add the BM25F scores of `terms` (one part of a query) to the candidates."""
    for fieldname, name, boost in terms:
        _bits, ids, term_scores = term(fieldname, name)
        if len(candidates) * 8 < len(ids):  # a few candidates, a common term: look them up
            for docnum in candidates:
                i = bisect_left(ids, docnum)
                if i < len(ids) and ids[i] == docnum:
                    scores[docnum] = scores.get(docnum, 0.0) + term_scores[i] * boost
        else:   # (the loop of every search of a large dataset: kept to dictionary operations)
            get = scores.get
            for docnum, score in zip(ids, term_scores, strict=True):
                if docnum in candidates:
                    scores[docnum] = get(docnum, 0.0) + score * boost


def order(scores: dict[int, float], docs: int, depth: int, rank: Rank | None) -> list[tuple[int, float]]:
    """The best `depth` (docnum, score): the understood client's documents first, then the rest."""
    if rank is None or (rank.tier is None and not rank.contacts_first):
        return nlargest(depth, scores.items(), key=lambda item: item[1])
    first = doc_numbers(rank.tier & docs) if rank.tier is not None else set()
    contacts = doc_numbers(rank.contacts & docs) if rank.contacts_first else set()
    return nlargest(depth, scores.items(), key=lambda item: (item[0] in first, item[0] in contacts, item[1]))


def contacts_forward(scores: dict[int, float], docs: int, rank: Rank) -> None:
    """Whom to call: contacts weigh more, and one that serves the understood client is worth a share of the
    best score even without a word of the question (more for its own region and citizenship)."""
    top = max(scores.values(), default=1.0) or 1.0
    own_region = doc_numbers(rank.own_region & docs)
    own_citizenship = doc_numbers(rank.own_citizenship & docs)
    for docnum in doc_numbers(rank.contacts & docs):
        share = INTENT_SHARE * (1 + OWN_BONUS["region"] * (docnum in own_region)
                                + OWN_BONUS["citizenship"] * (docnum in own_citizenship))
        scores[docnum] = max(scores.get(docnum, 0.0) * INTENT_BOOST, share * top)


def boost(scores: dict[int, float], bits: int, factor: float) -> None:
    """Multiply the scores of the documents in `bits` (those that scored) by `factor`."""
    for docnum in doc_numbers(bits) if bits else ():
        if docnum in scores:
            scores[docnum] *= factor


def understood_rank(understanding: Understanding, facet_bits: dict[str, dict[str, int]], tier: int | None) -> Rank:
    """The ranking a question's understood parts ask for (`tier`: what the understood client's filters allow)."""
    intent = "contact" in understanding.intents
    rank = Rank(tier=tier, intent=intent, contacts=facet_bits["kind"].get("contact", 0),
                contacts_first=intent and not understanding.topics)
    for topic in understanding.topics:
        rank.topics |= facet_bits["topic"].get(topic, 0)
    if tier is not None:
        rank.own_region = facet_bits["region"].get((understanding.region or "").lower(), 0)
        rank.own_citizenship = facet_bits["citizenship"].get((understanding.citizenship or "").lower(), 0)
    return rank
