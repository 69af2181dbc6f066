"""The index document of a record: everything an advisor may type about it, per language."""
from __future__ import annotations

from typing import Any

from .. import languages, textnorm
from .. import model as m
from ..store import Store
from .analysis import spell_key


def _lt(text: dict[str, str] | None, lang: str) -> str:
    return (text or {}).get(lang, "")


def record_document(record: m.Record, store: Store, region_names: dict[str, dict[str, str]],
                    topic_words: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The index document of one record: everything an advisor may type, per language.

    A procedure's title field also holds the everyday words of its topic (`topic_words`, from the
    dataset), so a one-word query such as "патент" puts the procedure *about* that topic before
    procedures that merely mention it."""
    doc = {"id": record.id, "kind": record.kind, "status": record.status,
           "verified_on": record.verified_on,
           "titles": {lang: t.title for lang, t in record.texts.items()},
           "summaries": {lang: t.summary for lang, t in record.texts.items()}}
    if isinstance(record, m.Contact):
        doc["citizenship"] = ",".join(record.serves)
        doc["region"] = ",".join(store.contact_region_codes(record.id)) or m.ALL
    else:
        doc["citizenship"] = ",".join(record.applies_to)
        doc["region"] = ",".join(record.regions)
        if isinstance(record, m.Procedure) and record.topic:
            doc["topic"] = record.topic       # a question about the topic puts it forward (core/search/ranking)
    for lang in languages.CONTENT:
        text = record.texts.get(lang)
        parts = [text.summary, text.body] if text else []
        parts += [_lt(n.text, lang) for n in record.notes]
        parts.append(_lt(record.confidence_note, lang))
        if isinstance(record, m.Procedure):
            for step in record.steps:
                parts += [_lt(step.text, lang), _lt(step.where, lang)]
            parts += [_lt(i.text, lang) for i in record.documents + record.fees]
            parts += [_lt(b.law, lang) for b in record.legal_basis]
        elif isinstance(record, m.Agreement):
            parties = [p for p in record.parties if isinstance(p, dict)]
            parts += [_lt(p, lang) for p in parties]
        elif isinstance(record, m.Contact):
            parts.append(_lt(record.city, lang))
            if record.address:
                parts.append(_lt(record.address.text, lang))
            if record.region and lang in ("ru", "en"):
                parts.append(region_names.get(record.region, {}).get(lang, ""))
        if lang == "en" and record.ref:
            parts.append(record.ref)
        topic = topic_words.get(getattr(record, "topic", None) or "", {}).get(lang, "")
        doc[f"title_{lang}"] = f"{text.title if text else ''} {topic}".strip()
        doc[f"text_{lang}"] = "\n".join(p for p in parts if p)
    return doc


def spelling_words(doc: dict[str, Any]) -> set[str]:
    """The distinct words of an index document, as the typo corrector compares them."""
    return {key for lang in languages.CONTENT for f in ("title", "text")
            for w in textnorm.tokens(doc[f"{f}_{lang}"]) if len(key := spell_key(w)) >= 4}
