"""Editor-facing wording that must not reach an advisor or a client: the one list of forbidden phrases.

Text a user reads (titles, summaries, bodies, steps, where, deadline notes, documents, fees, confidence notes,
notes, and the notes of a contact's phone, address, hours, e-mail, website, head and district) may not speak of
the research dossier, facts written "from memory", the team's researcher, the dossier's marks (P-04, G-11, C-13)
or tell the reader to "check the source". A remark for editors goes in a YAML comment; what the advisor needs is
said for the advisor ("The fine amount was not found in an official source; ask at the MVD"). Source notes (the
quotes) are not checked.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .. import model as m
from .checker import Checker
from .yaml_lines import FieldPath

# One pattern per phrase, matched case-insensitively in every language's text.
FORBIDDEN = (
    r"dossier", r"досье", r"dos[sʼ']?ye",                     # en, ru/ky, uz
    r"from memory", r"по памяти", r"xotiradan", r"эстен жаз",  # en, ru, uz, ky
    r"researcher", r"исследовател", r"\bthe team\b",
    r"\b[PGCD]-\d{2}\b",                                        # the dossier's marks
    r"check (it|them) (against|before)", r"check the (source|end date|full text|dossier)",
    r"check (this |it )?before (using|sending|telling)", r"before telling clients",
    r"проверьте (в источнике|перед|по тексту|, прежде)", r"перед использованием проверьте",
    r"oldin tekshiring", r"мурун текшериңиз",
)
FORBIDDEN_RE = re.compile("|".join(f"(?:{p})" for p in FORBIDDEN), re.IGNORECASE)


def find(text: str) -> str | None:
    """The first forbidden phrase in `text`, as written there, or None."""
    hit = FORBIDDEN_RE.search(text)
    return hit.group(0) if hit else None


def _local(path: FieldPath, text: m.LocalText | None) -> Iterator[tuple[FieldPath, str]]:
    for lang, value in (text or {}).items():
        yield path + (lang,), value


def _fact(path: FieldPath, fact: m.Fact | None) -> Iterator[tuple[FieldPath, str]]:
    if fact:
        yield from _local(path + ("note",), fact.note)


def user_texts(record: m.Record) -> Iterator[tuple[FieldPath, str]]:
    """(field path, text) for every text of `record` a user reads."""
    for lang, text in record.texts.items():
        for key in ("title", "summary", "body"):
            yield (lang, key), getattr(text, key)
    yield from _local(("confidence_note",), record.confidence_note)
    for i, note in enumerate(record.notes):
        yield from _local(("notes", i, "text"), note.text)
    if isinstance(record, m.Procedure):
        for i, step in enumerate(record.steps):
            for key, value in (("text", step.text), ("where", step.where), ("note", step.note)):
                yield from _local(("steps", i, key), value)
            for j, deadline in enumerate(step.deadlines):
                yield from _local(("steps", i, "deadline", j, "note"), deadline.note)
        for key, items in (("documents", record.documents), ("fees", record.fees)):
            for i, item in enumerate(items):
                yield from _local((key, i, "text"), item.text)
                yield from _local((key, i, "note"), item.note)
        for i, basis in enumerate(record.legal_basis):
            yield from _local(("legal_basis", i, "law"), basis.law)
    elif isinstance(record, m.Contact):
        for i, phone in enumerate(record.phones):
            yield from _local(("phones", i, "note"), phone.note)
        for key in ("address", "hours", "email", "website", "head"):
            fact = getattr(record, key)
            yield from _fact((key,), fact)
            if key in ("address", "hours") and fact:
                yield from _local((key, "text"), fact.text)
        if record.district:
            yield from _local(("district", "note"), record.district.note)
    elif isinstance(record, m.Agreement):
        for i, party in enumerate(record.parties):
            if isinstance(party, dict):
                yield from _local(("parties", i, "name"), party)


def check_wording(c: Checker, record: m.Record) -> None:
    for path, text in user_texts(record):
        phrase = find(text)
        if phrase:
            c.err(path, f"editor wording '{phrase}' in text users read: say it for the advisor "
                        "(e.g. 'not found in an official source; ask at the MVD') or move it to a YAML comment")
