"""Whom a procedure's steps, documents and fees are for, in the record view's words. Pure Python, no Qt.

With a client's citizenship chosen the view shows only what applies to it (as the client sheet does) and says in
one line how many it left out and for whom; with none chosen it shows everything and labels each step, document
or fee that is not for everyone with the citizenships it is for.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

from babel.lists import format_list

from ..core import model as m
from ..core.i18n import translator
from ..core.languages import BABEL_LOCALES, DERIVED
from ..core.textnorm import uz_latin_to_cyrillic

Part = Literal["steps", "documents", "fees", "contacts"]


class ForSomeone(Protocol):
    applies_to: list[str]


T = TypeVar("T", bound=ForSomeone)


@dataclass
class Serving:
    """A contact in a procedure's "Who helps": the citizenships it serves are whom it is for."""
    contact: m.Contact
    applies_to: list[str]

    @classmethod
    def of(cls, contact: m.Contact) -> Serving:
        return cls(contact, list(contact.serves))


def for_everyone(codes: Sequence[str]) -> bool:
    return not codes or m.ALL in codes


def split(parts: Sequence[T], citizenship: str) -> tuple[list[T], list[T]]:
    """(shown, left out): with no citizenship every part is shown."""
    if not citizenship:
        return list(parts), []
    shown: list[T] = []
    hidden: list[T] = []
    for p in parts:
        (shown if for_everyone(p.applies_to) or citizenship in p.applies_to else hidden).append(p)
    return shown, hidden


def codes_of(parts: Sequence[ForSomeone]) -> list[str]:
    """The citizenships the parts are for, each once, in the order they first appear."""
    return list(dict.fromkeys(code for p in parts for code in p.applies_to if code != m.ALL))


def country_list(names: list[str], ui_lang: str) -> str:
    """"Kyrgyzstan and Tajikistan" as the interface language joins a list."""
    if ui_lang in DERIVED:  # uz_Cyrl: the Latin catalog's "va" in Cyrillic (CLDR's uz_Cyrl joins with commas only)
        slots = [f"{{{i}}}" for i in range(len(names))]
        pattern = str(format_list(slots, locale=BABEL_LOCALES[DERIVED[ui_lang]]))
        return uz_latin_to_cyrillic(pattern).format(*names)
    return str(format_list(names, locale=BABEL_LOCALES.get(ui_lang, ui_lang)))


def for_label(codes: Sequence[str], country: Callable[[str], str], ui_lang: str) -> str:
    """"For citizens of Uzbekistan:", put before a step, document or fee that is not for everyone."""
    tr = translator(ui_lang)
    countries = [country(code) for code in codes]
    # The number is how many countries are named (Russian says "страны" for one, "стран" for more).
    text = tr.ngettext("For citizens of {countries}:", "For citizens of {countries}:", len(countries))
    return text.format(countries=country_list(countries, ui_lang))


def hidden_line(part: Part, hidden: Sequence[ForSomeone], country: Callable[[str], str], ui_lang: str) -> str:
    """"2 steps for citizens of Kyrgyzstan and Tajikistan are not shown: …", after the list; '' if none are."""
    if not hidden:
        return ""
    tr = translator(ui_lang)
    n = len(hidden)
    if part == "steps":
        text = tr.ngettext("{n} step for citizens of {countries} is not shown: choose “{any}” as the client's "
                           "citizenship to see every step.",
                           "{n} steps for citizens of {countries} are not shown: choose “{any}” as the client's "
                           "citizenship to see every step.", n)
    elif part == "documents":
        text = tr.ngettext("{n} document for citizens of {countries} is not shown: choose “{any}” as the client's "
                           "citizenship to see every document.",
                           "{n} documents for citizens of {countries} are not shown: choose “{any}” as the "
                           "client's citizenship to see every document.", n)
    elif part == "fees":
        text = tr.ngettext("{n} fee for citizens of {countries} is not shown: choose “{any}” as the client's "
                           "citizenship to see every fee.",
                           "{n} fees for citizens of {countries} are not shown: choose “{any}” as the client's "
                           "citizenship to see every fee.", n)
    else:
        text = tr.ngettext("{n} contact point for citizens of {countries} is not shown: choose “{any}” as the "
                           "client's citizenship to see every one.",
                           "{n} contact points for citizens of {countries} are not shown: choose “{any}” as the "
                           "client's citizenship to see every one.", n)
    countries = country_list([country(code) for code in codes_of(hidden)], ui_lang)
    # "Any citizenship" is the item of the citizenship filters (ui/widgets.CitizenshipCombo): one message for both.
    return text.format(n=n, countries=countries, any=tr.gettext("Any citizenship"))
