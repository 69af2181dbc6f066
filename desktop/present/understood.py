"""Words for what the search understood in a question (core/search/understanding.py): the chips under the
search field and the command line's words, in any language."""
from __future__ import annotations

from ..core import languages
from ..core import model as m
from ..core.i18n import NP_, translator

TOPIC = {"registration": NP_("topic", "registration"), "patent": NP_("topic", "patent"),
         "eaeu_work": NP_("topic", "work under EAEU rules"), "stay_limit": NP_("topic", "length of stay"),
         "registry": NP_("topic", "registry of controlled persons"), "amina": NP_("topic", "Amina app"),
         "amnesty": NP_("topic", "amnesty"), "exam": NP_("topic", "exam"), "tax": NP_("topic", "patent tax"),
         "medical": NP_("topic", "medical examination and insurance"), "school": NP_("topic", "school"),
         "policy": NP_("topic", "migration policy"), "detention": NP_("topic", "detention"),
         "expulsion": NP_("topic", "expulsion and entry bans"), "passport": NP_("topic", "passport"),
         "migration_card": NP_("topic", "migration card"), "wages": NP_("topic", "wages"),
         "fraud": NP_("topic", "fraud"), "death": NP_("topic", "death of a migrant"),
         "consular": NP_("topic", "consular services"), "family": NP_("topic", "family"),
         "entry": NP_("topic", "entry")}
INTENT = {"contact": NP_("intent", "whom to call")}


def part_label(kind: str, code: str, lang: str, places: dict[str, m.LocalText]) -> str:
    """One understood part in words: a country or region by its name (`places`: code -> names), a topic or
    an intent by its label."""
    t = translator(lang)
    if kind in ("citizenship", "region"):
        return languages.localized(places.get(code) or {}, lang) or code
    if kind == "topic":
        return t.pgettext("topic", TOPIC.get(code, code))
    return t.pgettext("intent", INTENT.get(code, code))


def summary(labels: list[str]) -> str:
    """The chips read as one line: "Kyrgyzstan · Tatarstan · registration · whom to call"."""
    return " · ".join(labels)
