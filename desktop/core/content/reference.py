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


def load_regions(path: Path, content: Content) -> None:
    data, lines, problems = load_yaml(path)
    content.problems.extend(problems)
    if not isinstance(data, dict):
        if data is not None:
            content.problems.append(Problem(str(path), 1, "regions", "-", "must be a mapping"))
        return
    c = Checker(path, {"id": "regions"}, lines, content.problems)
    content.reference_sources["regions"] = parse_sources(c, data.get("sources"))
    c.keys((), data, {"sources", "verified_on", "federal_districts", "regions"}, {"regions", "verified_on"})
    content.federal_districts = data.get("federal_districts") or {}
    for code in content.federal_districts:
        if code not in m.FEDERAL_DISTRICTS:
            c.err(("federal_districts", code), "unknown federal district code")
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
        fd = c.enum(p + ("federal_district",), reg.get("federal_district"), m.FEDERAL_DISTRICTS)
        content.regions.append(m.Region(code, name, fd or ""))


def load_countries(path: Path, content: Content) -> None:
    data, lines, problems = load_yaml(path)
    content.problems.extend(problems)
    if not isinstance(data, dict):
        return
    c = Checker(path, {"id": "countries"}, lines, content.problems)
    content.reference_sources["countries"] = parse_sources(c, data.get("sources"))
    c.keys((), data, {"sources", "verified_on", "translation", "countries"}, {"countries"})
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
        content.countries.append(m.Country(code, c.localtext(p + ("name",), ctry.get("name"), required=True) or {},
                                           citizenship=c.boolean(p + ("citizenship",), ctry.get("citizenship")),
                                           eaeu=c.boolean(p + ("eaeu",), ctry.get("eaeu"))))


def load_topics(path: Path, content: Content) -> None:
    """topics.yaml: for each topic code, its everyday words in every language (indexed with the title)."""
    data, lines, problems = load_yaml(path)
    content.problems.extend(problems)
    if not isinstance(data, dict):
        if data is not None:
            content.problems.append(Problem(str(path), 1, "topics", "-", "must be a mapping"))
        return
    c = Checker(path, {"id": "topics"}, lines, content.problems)
    c.keys((), data, {"topics"}, {"topics"})
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
