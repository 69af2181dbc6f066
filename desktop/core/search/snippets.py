"""The snippet of a hit: a window of the record's text around the words that matched, marked in <b>."""
from __future__ import annotations

import re

from .. import textnorm

SNIPPET_CHARS = 180


def escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def highlight_text(text: str, keys: set[str], lang: str, width: int = SNIPPET_CHARS) -> str:
    """A window of `text` around its first word whose search key is in `keys`, matched words in <b>."""
    text = re.sub(r"\s*\n\s*[-*•]?\s*", " · ", text).strip(" ·").replace("**", "")
    stem = textnorm.STEMMERS[lang]
    spans = [(mt.start(), mt.end()) for mt in textnorm.TOKEN_RE.finditer(text) if stem(mt.group(0)) in keys]
    if not spans:
        return ""
    start = max(0, spans[0][0] - width // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > spans[0][1] else end
    out, pos = [], start
    for a, b in spans:
        if a < start or b > end:
            continue
        out += [escape_html(text[pos:a]), "<b>", escape_html(text[a:b]), "</b>"]
        pos = b
    out.append(escape_html(text[pos:end]))
    return ("… " if start else "") + "".join(out) + (" …" if end < len(text) else "")
