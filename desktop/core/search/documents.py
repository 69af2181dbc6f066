"""The index document of a record: everything an advisor may type about it, per language."""
from __future__ import annotations

from .. import model as m
from .. import textnorm
from ..store import Store
from .analysis import spell_key


def _lt(text: m.LocalText | None, lang: str) -> str:
    return (text or {}).get(lang, "")


# The everyday names of a procedure's topic, per language (terms of shared/domain/glossary.md). They are
# indexed with the title, so a one-word query such as "патент" puts the procedure *about* that topic
# before procedures that merely mention it.
TOPIC_WORDS = {
    "registration": {"ru": "регистрация миграционный учёт", "uz": "roʻyxatdan oʻtish migratsiya hisobi",
                     "ky": "каттоо", "en": "registration"},
    "patent": {"ru": "патент", "uz": "patent", "ky": "патент", "en": "patent"},
    "eaeu_work": {"ru": "ЕАЭС", "uz": "YeOII", "ky": "ЕАЭБ", "en": "EAEU"},
    "stay_limit": {"ru": "срок пребывания", "uz": "boʻlish muddati", "ky": "болуу мөөнөтү", "en": "stay limit"},
    "registry": {"ru": "РКЛ реестр", "uz": "reyestr", "ky": "реестр", "en": "registry"},
    "amina": {"ru": "Амина", "uz": "Amina", "ky": "Амина", "en": "Amina"},
    "amnesty": {"ru": "амнистия легализация", "uz": "amnistiya", "ky": "амнистия", "en": "amnesty legalisation"},
    "exam": {"ru": "экзамен", "uz": "imtihon", "ky": "экзамен", "en": "exam"},
    "tax": {"ru": "авансовый платёж НДФЛ", "uz": "avans toʻlovi", "ky": "аванстык төлөм", "en": "advance payment tax"},
    "medical": {"ru": "медицинское освидетельствование ДМС", "uz": "tibbiy koʻrik", "ky": "медициналык текшерүү",
                "en": "medical examination insurance"},
    "school": {"ru": "школа", "uz": "maktab", "ky": "мектеп", "en": "school"},
    "policy": {"ru": "концепция", "uz": "konsepsiya", "ky": "концепция", "en": "policy concept"},
}


def record_document(record: m.Record, store: Store, region_names: dict[str, dict]) -> dict:
    """The index document of one record: everything an advisor may type, per language."""
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
    for lang in m.LANGS:
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
        topic = TOPIC_WORDS.get(getattr(record, "topic", None) or "", {}).get(lang, "")
        doc[f"title_{lang}"] = f"{text.title if text else ''} {topic}".strip()
        doc[f"text_{lang}"] = "\n".join(p for p in parts if p)
    return doc


def spelling_words(doc: dict) -> set[str]:
    """The distinct words of an index document, as the typo corrector compares them."""
    return {key for lang in m.LANGS for f in ("title", "text")
            for w in textnorm.tokens(doc[f"{f}_{lang}"]) if len(key := spell_key(w)) >= 4}
