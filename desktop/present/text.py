"""Small text helpers shared by the record page and the sheet: escaping, dates, localised record texts."""
from __future__ import annotations

import datetime as _dt
import html
import re

from ..core import model as m
from ..core.languages import localized


def esc(text: str | None) -> str:
    """Text for HTML (element content and attribute values alike)."""
    return html.escape(text or "", quote=True)


def cap(text: str) -> str:
    """The first letter in upper case (a phrase that starts a line)."""
    return text[:1].upper() + text[1:]


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]


def numeric_date(value: str | _dt.date | None) -> str:
    """dd.mm.yyyy, the same in every language (a printed sheet); a partial date keeps only what is known."""
    if not value:
        return ""
    return ".".join(reversed(str(value).split("-")))


def record_text(record: m.Record, part: str, lang: str) -> str:
    """A record's title, summary or body in `lang`, with the app's fallback (Uzbek Cyrillic derived)."""
    return localized({code: getattr(text, part) for code, text in record.texts.items()}, lang)


def title_in(record: m.Record, lang: str) -> str:
    return record_text(record, "title", lang)
