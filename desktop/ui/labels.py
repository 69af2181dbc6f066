"""The present layer's words in the current interface language, for the windows (`desktop.present` takes
the language as an argument; a window speaks the interface language, and its content language for texts)."""
from __future__ import annotations

from ..core import model as m
from ..core.i18n import current_language
from ..core.languages import localized
from ..present import labels
from ..present.deadlines import deadline_phrase
from ..present.text import record_text as _record_text


def status(code: str) -> str:
    return labels.status(code, current_language())


def kind(code: str) -> str:
    return labels.kind(code, current_language())


def contact_type(code: str | None) -> str:
    return labels.contact_type(code, current_language())


def phone_label(code: str) -> str:
    return labels.phone_label(code, current_language())


def not_confirmed() -> str:
    return labels.not_confirmed(current_language())


def results_count(n: int) -> str:
    return labels.results_count(n, current_language())


def deadline(d: m.Deadline) -> str:
    """'within 30 calendar days from the date of entry': the sheet's phrase, in the interface language."""
    return deadline_phrase(d, current_language())


def content_text(text: m.LocalText | None, lang: str) -> str:
    """Localised content in a content language (Uzbek Cyrillic derived)."""
    return localized(text, lang)


def record_text(record: m.Record, part: str, lang: str) -> str:
    """A record's title, summary or body in a content language (Uzbek Cyrillic derived)."""
    return _record_text(record, part, lang)


def place_name(names: m.LocalText | None, lang: str) -> str:
    return localized(names, lang)
