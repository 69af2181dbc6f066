"""The draft "What's new" of a data update, in every content language, from the changes between the last
published dataset and the new build (core/updates/changelog.py). The editor corrects it before signing."""
from __future__ import annotations

from ..core import languages
from ..core.i18n import NP_, translator
from ..core.updates.changelog import ChangeSet, RecordDelta
from . import labels

HEADINGS = {"added": NP_("changelog", "Added"), "changed": NP_("changelog", "Changed"),
            "retired": NP_("changelog", "No longer in force"), "removed": NP_("changelog", "Removed")}
FIELDS = {
    "status": NP_("changelog", "status"), "title": NP_("changelog", "title"),
    "summary": NP_("changelog", "summary"), "body": NP_("changelog", "text"),
    "translation": NP_("changelog", "translation checked"), "dates": NP_("changelog", "dates"),
    "applies_to": NP_("changelog", "citizenships"), "regions": NP_("changelog", "regions"),
    "topic": NP_("changelog", "topic"), "steps": NP_("changelog", "steps"),
    "documents": NP_("changelog", "documents"), "fees": NP_("changelog", "fees"),
    "legal_basis": NP_("changelog", "legal basis"), "type": NP_("changelog", "type"),
    "serves": NP_("changelog", "citizens served"), "city": NP_("changelog", "city"),
    "region": NP_("changelog", "region"), "district": NP_("changelog", "area served"),
    "address": NP_("changelog", "address"), "phones": NP_("changelog", "phone numbers"),
    "email": NP_("changelog", "e-mail"), "website": NP_("changelog", "website"),
    "hours": NP_("changelog", "working hours"), "head": NP_("changelog", "head"),
    "agreement_type": NP_("changelog", "type of agreement"), "parties": NP_("changelog", "parties"),
    "confidence": NP_("changelog", "how certain"), "confidence_note": NP_("changelog", "what is unconfirmed"),
    "notes": NP_("changelog", "notes"), "links": NP_("changelog", "related records"),
    "sources": NP_("changelog", "sources"), "verified_on": NP_("changelog", "date checked"),
    "review_by": NP_("changelog", "review date"), "ref": NP_("changelog", "reference mark"),
}


def _line(delta: RecordDelta, what: str, lang: str) -> str:
    tr = translator(lang)
    title = delta.title(lang)
    if what == "added":
        return f"- {title} ({labels.kind(delta.kind, lang).lower()})"
    if what == "retired":
        return f"- {title} ({labels.status(delta.status or '', lang)})"
    if what == "changed" and delta.fields:
        words = [tr.pgettext("changelog", FIELDS[f]) if f in FIELDS else f for f in delta.fields]
        return f"- {title}: {', '.join(words)}"
    return f"- {title}"


def whats_new(changes: ChangeSet, lang: str) -> str:
    """The draft in one language: a line on the versions, then the records by what happened to them."""
    tr = translator(lang)
    if changes.old_version:
        head = tr.pgettext("changelog", "Data {new} (previous: {old})").format(
            new=changes.new_version, old=changes.old_version)
    else:
        head = tr.pgettext("changelog", "Data {new}").format(new=changes.new_version)
    parts = [head]
    if changes.empty:
        parts.append(tr.pgettext("changelog", "No record was added, changed or removed."))
    for what, heading in HEADINGS.items():
        deltas = getattr(changes, what)
        if deltas:
            parts.append("\n" + tr.pgettext("changelog", heading) + f" ({len(deltas)}):")
            parts.extend(_line(d, what, lang) for d in deltas)
    return "\n".join(parts)


def draft_changelog(changes: ChangeSet) -> dict[str, str]:
    """The draft What's new in every content language (ru, uz, ky, en), for the pack's changelog."""
    return {lang: whats_new(changes, lang) for lang in languages.CONTENT}
