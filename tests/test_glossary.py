"""The project's glossary (translations/glossary.yaml) is data its checks read: the spelling rules hold in the
interface catalogs and the content, and a catalog string that is exactly a glossary term uses the glossary's word."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = yaml.safe_load((ROOT / "translations" / "glossary.yaml").read_text(encoding="utf-8"))
RULES = GLOSSARY["rules"]
LANGS = ("ru", "uz", "ky")
# an apostrophe-like mark between two letters of an Uzbek word (oʻ, gʻ and ʼ must be U+02BB / U+02BC)
UZ_BAD_APOSTROPHE = re.compile("[A-Za-zʻʼ]([" + "".join(map(re.escape, RULES["uz_forbidden"])) + "])[A-Za-z]")


def catalog_strings(lang: str) -> Iterator[tuple[str, str]]:
    with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f)
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        for text in strings:
            if text:
                yield f"translations/{lang}: {message.id!r}", text


def content_strings(lang: str) -> Iterator[tuple[str, str]]:
    """Every text of `lang` in the content files (values under a key named after the language)."""
    def walk(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == lang and isinstance(value, str):
                    yield value
                else:
                    yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    for path in sorted((ROOT / "db" / "content").rglob("*.yaml")):
        for text in walk(yaml.safe_load(path.read_text(encoding="utf-8"))):
            yield str(path.relative_to(ROOT)), text


def all_strings(lang: str) -> list[tuple[str, str]]:
    return [*catalog_strings(lang), *content_strings(lang)]


def forms(cell: str) -> set[str]:
    """The accepted forms in a glossary cell: alternatives split on "; " and " · ", parenthesised variants."""
    found = set()
    for part in re.split(r"; | · ", re.sub(r"\s*\([^)]*\)", "", cell)):
        found.add(part.strip().casefold())
    for inner in re.findall(r"\(([^)]*)\)", cell):
        found.add(inner.strip().casefold())
    return {f for f in found if f}


def test_every_entry_has_all_four_languages():
    for section in ("domain", "interface"):
        assert GLOSSARY[section], section
        for entry in GLOSSARY[section]:
            for lang in ("en", *LANGS):
                assert isinstance(entry.get(lang), str) and entry[lang].strip(), (section, entry)


def test_uzbek_writes_apostrophes_as_modifier_letters():
    bad = [(where, text) for where, text in all_strings("uz") if UZ_BAD_APOSTROPHE.search(text)]
    assert not bad, bad[:10]


def test_kyrgyz_uses_kyrgyz_letters_only():
    bad = [(where, [c for c in RULES["ky_forbidden"] if c in text]) for where, text in all_strings("ky")
           if any(c in text for c in RULES["ky_forbidden"])]
    assert not bad, bad[:10]


def test_russian_writes_yo_in_the_glossary_words():
    patterns = {word: re.compile(r"\b" + word.replace("ё", "е") + r"\b", re.IGNORECASE)
                for word in RULES["russian_yo"]}
    bad = [(where, word) for where, text in all_strings("ru") for word, pattern in patterns.items()
           if pattern.search(text)]
    assert not bad, bad[:10]


@pytest.mark.parametrize("lang", LANGS)
def test_interface_terms_are_translated_with_the_glossary_word(lang):
    """A catalog message with no context whose English is exactly an interface term has the glossary's word."""
    with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f)
    checked, wrong = 0, []
    for entry in GLOSSARY["interface"]:
        for english in forms(entry["en"]):
            for message in catalog:
                if message.context or isinstance(message.id, tuple) or not message.string:
                    continue
                if message.id.casefold() == english:
                    checked += 1
                    if message.string.casefold() not in forms(entry[lang]):
                        wrong.append((message.id, message.string, entry[lang]))
    assert checked >= 20, "the check found too few glossary terms in the catalog to mean anything"
    assert not wrong, wrong
