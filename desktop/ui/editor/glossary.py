"""The glossary's terms found in a text, for the texts panel: the same terms and matching the translation
exchange writes into a PO catalog's translator comments (core.translation_exchange), read once per file."""
from __future__ import annotations

import functools
from pathlib import Path

from ...core.i18n import translations_dir
from ...core.translation_exchange import Term, load_glossary
from ...core.translation_exchange import terms_in as _terms_in

LANGS = ("en", "ru", "uz", "ky")


def glossary_file(content_dir: Path | None = None) -> Path | None:
    """translations/glossary.yaml of the app, else of the checkout the content folder lies in."""
    candidates = [translations_dir() / "glossary.yaml"]
    if content_dir is not None:
        candidates += [parent / "translations" / "glossary.yaml" for parent in Path(content_dir).resolve().parents]
    return next((path for path in candidates if path.exists()), None)


@functools.cache
def _glossary(path: Path) -> list[Term]:
    return load_glossary(path)


def terms_in(text: str, lang: str, path: Path | None) -> list[Term]:
    return _terms_in(text, lang, _glossary(path)) if path is not None and text else []


def line(term: Term) -> str:
    return " · ".join(f"{lang}: {term.words[lang]}" for lang in LANGS if term.words.get(lang))
