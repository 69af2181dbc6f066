"""The snippet of a hit: a window of the record's text around the words that matched, marked in <b>."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import textnorm

SNIPPET_CHARS = 180


def escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def highlight_text(text: str, keys: set[str], lang: str, width: int = SNIPPET_CHARS) -> str:
    """A window of `text` around its first word whose search key is in `keys`, matched words in <b>.

    Words are stemmed up to the first match and then only inside the window (a long text is not stemmed
    whole for the few words shown)."""
    text = _flat(text)
    stem = textnorm.STEMMERS[lang]
    first = next((mt for mt in textnorm.TOKEN_RE.finditer(text, _scan_from(text, keys, lang))
                  if stem(mt.group(0)) in keys), None)
    if first is None:
        return ""
    start = max(0, first.start() - width // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > first.end() else end
    out, pos = [], start
    for mt in textnorm.TOKEN_RE.finditer(text, start, end):
        if mt.start() >= first.start() and stem(mt.group(0)) in keys:
            out += [escape_html(text[pos:mt.start()]), "<b>", escape_html(mt.group(0)), "</b>"]
            pos = mt.end()
    out.append(escape_html(text[pos:end]))
    return ("… " if start else "") + "".join(out) + (" …" if end < len(text) else "")


@lru_cache(maxsize=1024)
def _flat(text: str) -> str:
    """The text on one line (lines and list marks become " · "), without bold marks; kept for the next search."""
    return re.sub(r"\s*\n\s*[-*•]?\s*", " · ", text).strip(" ·").replace("**", "")


FOLD_TEXT = {"ru": textnorm.fold_ru, "uz": textnorm.fold_uz, "ky": textnorm.fold_ky, "en": str.lower}


def _scan_from(text: str, keys: set[str], lang: str) -> int:
    """Where the first matching word can start: a word's key (less its last letter, which an English stemmer
    may change) begins the folded word, so nothing before the earliest such prefix in the folded text can
    match; len(text) when no key occurs at all. (Uzbek folding drops apostrophes: scanned from the start.)"""
    folded = FOLD_TEXT[lang](text)
    found = [pos for key in keys if (pos := folded.find(key[:max(3, len(key) - 1)])) >= 0]
    if not found:
        return len(text)
    if lang == "uz":
        return 0
    return text.rfind(" ", 0, min(found)) + 1
