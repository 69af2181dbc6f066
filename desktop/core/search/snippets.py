"""The snippet of a hit: a window of the record's text around the words that matched, marked in <b>."""
from __future__ import annotations

import re

from .. import textnorm

SNIPPET_CHARS = 180


def escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def highlight_text(text: str, keys: set[str], lang: str, width: int = SNIPPET_CHARS) -> str:
    """A window of `text` around its first word whose search key is in `keys`, matched words in <b>.

    Words are stemmed up to the first match and then only inside the window (a long text is not stemmed
    whole for the few words shown)."""
    text = re.sub(r"\s*\n\s*[-*•]?\s*", " · ", text).strip(" ·").replace("**", "")
    stem = textnorm.STEMMERS[lang]
    first = next((mt for mt in textnorm.TOKEN_RE.finditer(text) if stem(mt.group(0)) in keys), None)
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
