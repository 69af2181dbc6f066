"""The words the form shows for the content model's codes (status, confidence, topic, contact type, phone label,
note type, link relation, source type, agreement type, what a deadline is counted from, kind, translation state),
in the editor's interface language; the value stored in the record stays the code. Region, country and federal
district checklists show the names the content gives them, in the same language.

The words the app already says (present/labels, the record view's note titles, the search's topics, the deadline
phrases, the agreements tab's types) are the same messages here, so an editor reads what an advisor reads."""
from __future__ import annotations

from collections.abc import Callable, Mapping

from ...core import languages
from ...core import model as m
from ...core.i18n import N_, NP_, _, current_language, translator
from ...present import labels
from ...present.deadlines import EVENT
from ...present.understood import TOPIC
from ..agreements_view import AGREEMENT_TYPE
from .fields import ChoiceField

Options = list[tuple[str, str]]

CONFIDENCE = {"verified": NP_("confidence", "verified"), "partial": NP_("confidence", "partly verified"),
              "unverified": NP_("confidence", "unverified")}
# the titles the record view gives a note of each type (present/record_html)
NOTE_TYPE = {"conflict": N_("Sources disagree"), "unverified": N_("Not verified"), "gap": N_("Not found"),
             "outdated": N_("May be outdated"), "info": N_("Note")}
LINK_REL = {"based_on": NP_("link", "is based on"), "implements": NP_("link", "implements"),
            "contact_for": NP_("link", "is a contact that helps with"), "supersedes": NP_("link", "replaces"),
            "related": NP_("link", "is related to")}
SOURCE_TYPE = {"official": NP_("source type", "official body"), "code": NP_("source type", "text of a law"),
               "ngo": NP_("source type", "NGO or international body"), "news": NP_("source type", "news media"),
               "commercial": NP_("source type", "commercial firm")}
TRANSLATION = {"original": NP_("translation", "original"), "reviewed": NP_("translation", "reviewed"),
               "draft": NP_("translation", "draft")}


def _pick(context: str | None, words: Mapping[str, str]) -> Callable[[str], str]:
    def word(code: str) -> str:
        t = translator(current_language())
        message = words.get(code)
        if message is None:
            return code
        return t.pgettext(context, message) if context else t.gettext(message)
    return word


WORDS: dict[str, tuple[tuple[str, ...], Callable[[str], str]]] = {
    "status": (m.STATUSES, lambda code: labels.status(code, current_language())),
    "kind": (m.KINDS, lambda code: labels.kind(code, current_language())),
    "contact_type": (m.CONTACT_TYPES, lambda code: labels.contact_type(code, current_language())),
    "phone_label": (m.PHONE_LABELS, lambda code: labels.phone_label(code, current_language())),
    "confidence": (m.CONFIDENCE, _pick("confidence", CONFIDENCE)),
    "topic": (m.TOPICS, _pick("topic", TOPIC)),
    "note_type": (m.NOTE_TYPES, _pick(None, NOTE_TYPE)),
    "link_rel": (m.LINK_RELS, _pick("link", LINK_REL)),
    "source_type": (m.SOURCE_TYPES, _pick("source type", SOURCE_TYPE)),
    "agreement_type": (m.AGREEMENT_TYPES, _pick(None, AGREEMENT_TYPE)),
    "counted_from": (m.COUNTED_FROM, _pick("deadline before", EVENT)),
    "translation": (m.TRANSLATION_STATES, _pick("translation", TRANSLATION)),
}


def word(what: str, code: str) -> str:
    """The word for `code` among the choices `what` (a key of WORDS), in the interface language."""
    return WORDS[what][1](code)


def options(what: str) -> Options:
    codes, say = WORDS[what]
    return [(code, say(code)) for code in codes]


# what a choice left unset means (the key left out): the model's default
DEFAULTS = {"confidence": "verified", "phone_label": "general"}


def choice(what: str, empty: bool = False) -> ChoiceField:
    """A choice among the codes of `what`, shown as words (the code in the item's tooltip); `empty` offers to
    leave it unset, saying what that means when the model has a default."""
    default = DEFAULTS.get(what)
    empty_text = _("not set: {what}").format(what=word(what, default)) if default else ""
    return ChoiceField(options(what), empty=empty, show_codes=False, empty_text=empty_text)


def named(items: list[tuple[str, Mapping[str, str] | str]]) -> Options:
    """(code, name) pairs with the name in the interface language (falling back as the app does)."""
    lang = current_language()
    return [(code, languages.localized(name, lang) if isinstance(name, Mapping) else str(name))
            for code, name in items]
