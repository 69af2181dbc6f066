"""The whole content tree: every file loaded and checked, then the checks across records (ids, codes,
links, legal bases)."""
from __future__ import annotations

import re
from pathlib import Path

from .. import model as m
from .checker import Checker
from .problems import Content, Problem
from .records import KIND_DIRS, check_record
from .reference import load_countries, load_regions, load_topics
from .search_words import load_intents, load_places, load_stopwords
from .yaml_lines import load_yaml

# without them the search only matches words (it recognises no place, intent or stop word)
OPTIONAL_FILES = ("places.yaml", "stopwords.yaml")


def load_content(root: Path | str) -> Content:
    """Load and validate a content tree; problems are collected in `Content.problems`."""
    root = Path(root)
    content = Content()
    if not root.is_dir():
        content.problems.append(Problem(str(root), 1, "-", "-", "content folder not found"))
        return content
    for name, loader in (("regions.yaml", load_regions), ("countries.yaml", load_countries),
                         ("topics.yaml", load_topics), ("topics.yaml", load_intents), ("places.yaml", load_places),
                         ("stopwords.yaml", load_stopwords)):
        path = root / name
        if path.exists():
            loader(path, content)
        elif name not in OPTIONAL_FILES and loader is not load_intents:   # (topics.yaml: said once)
            content.problems.append(Problem(str(path), 1, name[:-5], "-", "file missing"))
    content.dataset_version = _dataset_version(root, content)

    checkers: list[tuple[Checker, m.Record]] = []
    unreadable: set[str] = set()
    for kind, folder in KIND_DIRS.items():
        for path in sorted((root / folder).glob("*.y*ml")):
            data, lines, problems = load_yaml(path)
            content.problems.extend(problems)
            if data is None:
                unreadable.add(path.stem)  # already reported; links to it are not errors too
                continue
            if not isinstance(data, dict):
                content.problems.append(Problem(str(path), 1, path.stem, "-", "a record must be a mapping of keys"))
                continue
            checker = Checker(path, data, lines, content.problems)
            record = check_record(checker, kind)
            if record is not None:
                content.records.append(record)
                checkers.append((checker, record))
    _cross_check(content, checkers, unreadable)
    content.records.sort(key=lambda r: r.id)
    content.problems.sort(key=lambda p: (p.path, p.line, p.field))
    return content


def _dataset_version(root: Path, content: Content) -> str:
    path = root / "dataset.yaml"
    if not path.exists():
        content.problems.append(Problem(str(path), 1, "dataset", "-", "file missing"))
        return ""
    data, lines, problems = load_yaml(path)
    content.problems.extend(problems)
    if not isinstance(data, dict):
        return ""
    c = Checker(path, {"id": "dataset"}, lines, content.problems)
    c.keys((), data, {"version"}, {"version"})
    version = str(data.get("version") or "")
    if version and not re.match(r"^\d{4}\.\d{2}\.\d+$", version):
        c.err(("version",), f"'{version}' is not YYYY.MM.N")
    return version


def _cross_check(content: Content, checkers: list[tuple[Checker, m.Record]], unreadable: set[str]) -> None:
    regions = {r.code for r in content.regions}
    countries = {c.code for c in content.countries}
    first_seen: dict[str, Checker] = {}
    kinds = {}
    for checker, record in checkers:
        if record.id in first_seen:
            other = first_seen[record.id]
            checker.err(("id",), f"duplicate id '{record.id}' (also in {other.path}:{other.lines.get(('id',), 1)})")
        else:
            first_seen[record.id] = checker
            kinds[record.id] = record.kind
    for checker, record in checkers:
        check_references(checker, record, kinds, regions, countries, content.topic_words, unreadable)


def check_references(checker: Checker, record: m.Record, kinds: dict[str, str], regions: set[str],
                     countries: set[str], topic_words: dict[str, dict[str, str]], unreadable: set[str]) -> None:
    """One record's references to the rest of the content: codes, links, legal bases and its topic's words
    (`kinds`: every record id -> its kind). Also used by the editor's live check (live_check.py)."""
    for path, code, what in checker.code_refs:
        if what == "region" and code not in regions:
            checker.err(path, f"unknown region code '{code}' (see regions.yaml)")
        elif what == "country" and code not in countries:
            checker.err(path, f"unknown country code '{code}' (see countries.yaml)")
    for i, link in enumerate(record.links):
        if link.to in unreadable:
            continue
        if link.to not in kinds:
            checker.err(("links", i, "to"), f"link to unknown record '{link.to}'")
        elif link.to == record.id:
            checker.err(("links", i, "to"), "a record cannot link to itself")
        elif link.rel == "contact_for" and kinds[link.to] != "contact":
            checker.err(("links", i, "to"),
                        f"contact_for must point at a contact, '{link.to}' is a {kinds[link.to]}")
    if isinstance(record, m.Procedure):
        # a topics.yaml that did not load is reported once, not again on every procedure
        if topic_words and record.topic in m.TOPICS and record.topic not in topic_words:
            checker.err(("topic",), f"topic '{record.topic}' has no words in topics.yaml")
        for i, basis in enumerate(record.legal_basis):
            if basis.to in unreadable:
                continue
            if basis.to and basis.to not in kinds:
                checker.err(("legal_basis", i, "to"), f"legal basis names unknown record '{basis.to}'")
            elif basis.to and kinds[basis.to] != "agreement":
                checker.err(("legal_basis", i, "to"), f"'{basis.to}' is a {kinds[basis.to]}, not an agreement")
