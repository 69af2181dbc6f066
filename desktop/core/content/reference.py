"""The reference files beside the records: regions (with federal districts), countries, and the everyday
words of each procedure topic."""
from __future__ import annotations

import re
from pathlib import Path

from .. import languages
from .. import model as m
from .checker import Checker, as_list, parse_sources
from .problems import Content, Problem
from .yaml_lines import load_yaml

REGION_RE = re.compile(r"^RU-[A-Z]{2,3}$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")


def translation_states(c: Checker, data: dict[str, object]) -> dict[str, str]:
    """The file's `translation` map: each language of its names, original, reviewed or draft. A name in a
    language the map does not list is refused, so a team's draft name is never taken for an official one."""
    value = data.get("translation")
    if value is None:
        return {}
    states = c.mapping(("translation",), value, "a map of language to original, reviewed or draft") or {}
    for lang, state in states.items():
        if lang not in languages.CONTENT:
            c.err(("translation", lang), f"unknown language (use {', '.join(languages.CONTENT)})")
        c.enum(("translation", lang), state, m.TRANSLATION_STATES)
    return {lang: state for lang, state in states.items() if isinstance(state, str)}


def check_name_languages(c: Checker, path: tuple[str | int, ...], name: dict[str, str],
                         states: dict[str, str]) -> None:
    for lang in name:
        if lang not in ("ru", "en") and lang not in states:
            c.err(path + (lang,), f"a {lang} name needs the file's translation state (translation: {{{lang}: draft}})")


def open_reference(path: Path, content: Content, name: str) -> tuple[dict[str, object], Checker] | None:
    """A reference file's top-level mapping and a checker for it; None (with the problem noted) when the file
    is unreadable or not a mapping."""
    data, lines, problems = load_yaml(path)
    content.problems.extend(problems)
    if not isinstance(data, dict):
        if data is not None:
            content.problems.append(Problem(str(path), 1, name, "-", "must be a mapping"))
        return None
    return data, Checker(path, {"id": name}, lines, content.problems)


def load_regions(path: Path, content: Content) -> None:
    opened = open_reference(path, content, "regions")
    if opened is None:
        return
    data, c = opened
    content.reference_sources["regions"] = parse_sources(c, data.get("sources"))
    c.keys((), data, {"sources", "verified_on", "translation", "federal_districts", "regions"},
           {"regions", "verified_on"})
    states = translation_states(c, data)
    content.federal_districts = c.mapping(("federal_districts",), data.get("federal_districts") or {}) or {}
    for code, fd_name in content.federal_districts.items():
        if code not in m.FEDERAL_DISTRICTS:
            c.err(("federal_districts", code), "unknown federal district code")
        check_name_languages(c, ("federal_districts", code), c.localtext(("federal_districts", code), fd_name) or {},
                             states)
    seen = set()
    for i, reg in enumerate(as_list(c, ("regions",), data.get("regions"))):
        p = ("regions", i)
        if c.mapping(p, reg) is None:
            continue
        c.keys(p, reg, {"code", "name", "federal_district"}, {"code", "name", "federal_district"})
        code = reg.get("code")
        if not isinstance(code, str) or not REGION_RE.match(code):
            c.err(p + ("code",), f"'{code}' is not an ISO 3166-2:RU code such as RU-TA")
            continue
        if code in seen:
            c.err(p + ("code",), f"region {code} listed twice")
        seen.add(code)
        name = c.localtext(p + ("name",), reg.get("name"), required=True) or {}
        for lang in ("ru", "en"):
            if lang not in name:
                c.err(p + ("name", lang), "missing required field")
        check_name_languages(c, p + ("name",), name, states)
        fd = c.enum(p + ("federal_district",), reg.get("federal_district"), m.FEDERAL_DISTRICTS)
        content.regions.append(m.Region(code, name, fd or ""))


def load_countries(path: Path, content: Content) -> None:
    opened = open_reference(path, content, "countries")
    if opened is None:
        return
    data, c = opened
    content.reference_sources["countries"] = parse_sources(c, data.get("sources"))
    c.keys((), data, {"sources", "verified_on", "translation", "countries"}, {"countries"})
    states = translation_states(c, data)
    seen = set()
    for i, ctry in enumerate(as_list(c, ("countries",), data.get("countries"))):
        p = ("countries", i)
        if c.mapping(p, ctry) is None:
            continue
        c.keys(p, ctry, {"code", "name", "citizenship", "eaeu"}, {"code", "name"})
        code = ctry.get("code")
        if not isinstance(code, str) or not COUNTRY_RE.match(code):
            c.err(p + ("code",), f"'{code}' is not an ISO 3166-1 alpha-2 code such as UZ")
            continue
        if code in seen:
            c.err(p + ("code",), f"country {code} listed twice")
        seen.add(code)
        name = c.localtext(p + ("name",), ctry.get("name"), required=True) or {}
        check_name_languages(c, p + ("name",), name, states)
        content.countries.append(m.Country(code, name,
                                           citizenship=c.boolean(p + ("citizenship",), ctry.get("citizenship")),
                                           eaeu=c.boolean(p + ("eaeu",), ctry.get("eaeu"))))


def load_topics(path: Path, content: Content) -> None:
    """topics.yaml: for each topic code, its everyday words in every language (indexed with the title)."""
    opened = open_reference(path, content, "topics")
    if opened is None:
        return
    data, c = opened
    c.keys((), data, {"topics", "intents"}, {"topics"})  # intents: content/search_words.py
    topics = c.mapping(("topics",), data.get("topics") or {}, "a mapping of topic codes to their words")
    for code, words in (topics or {}).items():
        p = ("topics", code)
        if code not in m.TOPICS:
            c.err(p, f"unknown topic code '{code}' (use {', '.join(m.TOPICS)})")
            continue
        if c.mapping(p, words, "a map of language to words") is None:
            continue
        texts = c.localtext(p, words, required=True) or {}
        for lang in languages.CONTENT:
            value = words.get(lang)
            if lang not in texts and (value is None or isinstance(value, str)):  # other types: "must be text"
                c.err(p + (lang,), "missing required field")
        if texts:
            content.topic_words[code] = texts
