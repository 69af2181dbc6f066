"""The glossary's terms found in a text (no Qt): translations/glossary.yaml's domain terms, matched word by word
with the end of each word free (a Russian, Uzbek or Kyrgyz ending does not hide a term)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ...core.i18n import translations_dir

LANGS = ("en", "ru", "uz", "ky")
WORD_RE = re.compile(r"[\w\u02bb\u02bc]+")


@dataclass(frozen=True)
class Term:
    words: dict[str, str]   # lang -> the glossary's text

    def line(self) -> str:
        return " · ".join(f"{lang}: {self.words[lang]}" for lang in LANGS if self.words.get(lang))


def _stem(word: str) -> str:
    """The part of a word an ending cannot change: all but the last two letters of a long word."""
    return word[:-2] if len(word) > 5 else word


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


@functools.cache
def _terms(path: Path) -> tuple[tuple[Term, dict[str, list[tuple[str, ...]]]], ...]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return ()
    out = []
    for entry in (data or {}).get("domain") or []:
        if not isinstance(entry, dict):
            continue
        words = {lang: str(entry[lang]) for lang in LANGS if entry.get(lang)}
        forms: dict[str, list[tuple[str, ...]]] = {}
        for lang, text in words.items():
            plain = re.sub(r"\([^)]*\)", lambda mt: ";" + mt.group(0)[1:-1], text)  # "(alt)" is an alternative
            for alternative in re.split(r"[;,]", plain):
                stems = tuple(_stem(w) for w in WORD_RE.findall(_fold(alternative)))
                if stems and sum(len(s) for s in stems) >= 3:
                    forms.setdefault(lang, []).append(stems)
        out.append((Term(words), forms))
    return tuple(out)


def glossary_file(content_dir: Path | None = None) -> Path | None:
    candidates = [translations_dir() / "glossary.yaml"]
    if content_dir is not None:
        candidates += [parent / "translations" / "glossary.yaml" for parent in Path(content_dir).resolve().parents]
    return next((path for path in candidates if path.exists()), None)


def terms_in(text: str, lang: str, path: Path | None) -> list[Term]:
    """The glossary terms whose `lang` form occurs in `text` (each word of the term, in order, its ending free)."""
    if path is None or not text:
        return []
    words = WORD_RE.findall(_fold(text))
    found = []
    for term, forms in _terms(path):
        for stems in forms.get(lang, []):
            if _occurs(stems, words):
                found.append(term)
                break
    return found


def _occurs(stems: tuple[str, ...], words: list[str]) -> bool:
    n = len(stems)
    return any(all(words[i + k].startswith(stems[k]) for k in range(n)) for i in range(len(words) - n + 1))
