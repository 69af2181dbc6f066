"""The search's word lists beside the records: places.yaml (home-country places and nationality words ->
citizenship, Russian places -> region), stopwords.yaml, and the intents of topics.yaml. Each becomes rows of
the dataset's search_words table (kind, code, lang, words)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .. import languages
from ..search.phrases import FOLDS, MIN_PREFIX, Phrase, PhraseTable, phrase, split_phrases
from .checker import Checker, as_list
from .problems import Content
from .reference import open_reference
from .yaml_lines import load_yaml

INTENTS = ("contact",)
# a * that does not end a word of at least MIN_PREFIX letters
BAD_STAR_RE = re.compile(rf"\*(?!\s|$)|(?<![^\W_]{{{MIN_PREFIX}}})\*")


def _rows(content: Content, kind: str, code: str, names: dict[str, list[str]]) -> None:
    """One row per kind, code and language (a code on several lines of a file gets its names joined)."""
    for lang, words in names.items():
        row = next((r for r in content.search_words
                    if (r["kind"], r["code"], r["lang"]) == (kind, code, lang)), None)
        if row is None:
            content.search_words.append({"kind": kind, "code": code, "lang": lang, "words": ", ".join(words)})
        else:
            row["words"] += ", " + ", ".join(words)


def _names(c: Checker, path: tuple[str | int, ...], value: Any, kind: str, code: str, table: PhraseTable,
           where: dict[int, int]) -> list[str]:
    """The comma-separated names of one language, each checked: keyable, a * only at a word's end after at
    least MIN_PREFIX letters, and no name that could also mean another place or topic."""
    text = c.string(path, value)
    if not text:
        return []
    c.check_script(path, path[-1] if isinstance(path[-1], str) else "", text)
    out = []
    for name in split_phrases(text):
        if BAD_STAR_RE.search(name):
            c.err(path, f"'{name}': a * ends a name and follows at least {MIN_PREFIX} letters")
            continue
        p = phrase(kind, code, name)
        if p is None:
            c.err(path, f"'{name}' has no word the search can match")
            continue
        for other in table.clashes(p):
            c.err(path, f"'{name}' would also mean {other.code} ('{other.text}', line {where.get(id(other), 1)})")
        table.add(p)
        where[id(p)] = c.lines.get(path, c.lines.get(path[:-1], 1))
        out.append(name)
    return out


def load_places(path: Path, content: Content) -> None:
    """places.yaml: citizenship and regions, each a list of {code, ru, uz, ky, en} with comma-separated names."""
    opened = open_reference(path, content, "places")
    if opened is None:
        return
    data, c = opened
    c.keys((), data, {"citizenship", "regions"}, {"citizenship", "regions"})
    citizenships = {country.code for country in content.countries if country.citizenship}
    regions = {region.code for region in content.regions}
    table, where = PhraseTable(), dict[int, int]()
    covered: set[str] = set()
    for kind, known, what in (("citizenship", citizenships, "a citizenship of countries.yaml"),
                              ("region", regions, "a region of regions.yaml")):
        key = "regions" if kind == "region" else kind
        for i, entry in enumerate(as_list(c, (key,), data.get(key))):
            p = (key, i)
            if c.mapping(p, entry) is None:
                continue
            c.keys(p, entry, {"code", *languages.CONTENT}, {"code"})
            code = entry.get("code")
            if code not in known:
                c.err(p + ("code",), f"'{code}' is not {what}")
                continue
            names = {lang: _names(c, p + (lang,), entry.get(lang), kind, code, table, where)
                     for lang in languages.CONTENT if entry.get(lang) is not None}
            _rows(content, kind, code, {lang: n for lang, n in names.items() if n})
            covered.add(code)
    if regions and data.get("regions") is not None:
        for code in sorted(regions - covered):
            c.err(("regions",), f"region {code} has no names (every region of regions.yaml needs its own)")


def load_stopwords(path: Path, content: Content) -> None:
    """stopwords.yaml: per language (and `<lang>_extra`), words separated by spaces, none listed twice."""
    opened = open_reference(path, content, "stopwords")
    if opened is None:
        return
    data, c = opened
    c.keys((), data, {"stopwords"}, {"stopwords"})
    lists = c.mapping(("stopwords",), data.get("stopwords") or {}, "a map of language to words") or {}
    allowed = {*languages.CONTENT, *(f"{lang}_extra" for lang in languages.CONTENT)}
    c.keys(("stopwords",), lists, allowed, set(languages.CONTENT))
    seen: dict[str, set[str]] = {}
    words: dict[str, list[str]] = {}
    for key, value in lists.items():
        if key not in allowed:
            continue
        lang = key.split("_")[0]
        text = c.string(("stopwords", key), value)
        for word in (text or "").split():
            folded = FOLDS[lang](word)
            if folded in seen.setdefault(lang, set()):
                c.err(("stopwords", key), f"'{word}' listed twice for {lang}")
                continue
            seen[lang].add(folded)
            words.setdefault(lang, []).append(word)
    for lang in sorted(words):
        content.search_words.append({"kind": "stop", "code": "", "lang": lang, "words": " ".join(words[lang])})


def load_intents(path: Path, content: Content) -> None:
    """topics.yaml `intents`: for each intent code, comma-separated phrases in every language (the topics are
    read by reference.load_topics)."""
    data, lines, _reported = load_yaml(path)   # (the file's own problems were reported by load_topics)
    if not isinstance(data, dict) or data.get("intents") is None:
        return
    c = Checker(path, {"id": "topics"}, lines, content.problems)
    intents = c.mapping(("intents",), data["intents"], "a mapping of intent codes to their words") or {}
    table, where = PhraseTable(), dict[int, int]()
    for code, names in intents.items():
        p = ("intents", code)
        if code not in INTENTS:
            c.err(p, f"unknown intent '{code}' (use {', '.join(INTENTS)})")
            continue
        if c.mapping(p, names, "a map of language to words") is None:
            continue
        c.keys(p, names, set(languages.CONTENT), set(languages.CONTENT))
        checked = {lang: _names(c, p + (lang,), names.get(lang), "intent", code, table, where)
                   for lang in languages.CONTENT if names.get(lang) is not None}
        _rows(content, "intent", code, {lang: n for lang, n in checked.items() if n})


__all__ = ["INTENTS", "Phrase", "load_intents", "load_places", "load_stopwords"]
