"""Which records' titles hold what was asked, for the title bonus of the ranking (engine.TITLE_PHRASE_BONUS):
the words of a question in the order typed, or the one word asked in the record's own title."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from whoosh.query import Or, Phrase

from .. import languages, textnorm
from .analysis import analyzer


def phrase_docs(searcher: Any, reader: Any, words: list[str]) -> set[int]:
    """The documents whose title, in some language, holds `words` (two or more) as a phrase."""
    if len(words) < 2:
        return set()
    phrases = []
    for lang in languages.CONTENT:
        keys = [textnorm.STEMMERS[lang](w) for w in words]
        if all(k and (f"title_{lang}", k) in reader for k in keys):
            phrases.append(Phrase(f"title_{lang}", keys))
    return set(searcher.docs_for_query(Or(phrases))) if phrases else set()


def own_title_docs(reader: Any, word: str, docnums: list[int], term_docs: Callable[[str, str], int],
                   fields: Callable[[int], dict[str, Any]]) -> set[int]:
    """Of `docnums`, those whose own title holds the one word asked ("патент": the work patent and its renewal,
    not a procedure that is only of the patent's topic). A title field also holds its topic's everyday words
    (documents.record_document), so the record's stored title is read again here; the engine asks only for its
    best-scored candidates, so a word in thousands of titles costs no more than one in a few."""
    found: set[int] = set()
    for lang in languages.CONTENT:
        key = textnorm.STEMMERS[lang](word)
        field = f"title_{lang}"
        if not key or (field, key) not in reader:
            continue
        in_title = term_docs(field, key)   # a bitset
        for docnum in docnums:
            if docnum not in found and in_title >> docnum & 1:
                title = fields(docnum)["titles"].get(lang, "")
                if key in {token.text for token in analyzer(lang)(title)}:
                    found.add(docnum)
    return found
