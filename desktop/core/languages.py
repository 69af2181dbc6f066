"""The languages Migrant Desk speaks, in one place: which ones the content is written in, which ones the
interface and the sheets offer, what each is called in itself, and how Uzbek Cyrillic is derived.

Content (the dataset's texts) is written in Russian, Uzbek (Latin), Kyrgyz and English. Uzbek Cyrillic is
never written by hand: the interface catalog and every content text are transliterated from the Uzbek Latin
ones, so an interface or sheet language maps to the content language it is derived from.
"""
from __future__ import annotations

from collections.abc import Mapping

from .textnorm import uz_latin_to_cyrillic

CONTENT = ("ru", "uz", "ky", "en")
FALLBACK = ("ru", "en")            # after the wanted language, in this order
SOURCE = "en"                      # the language the interface's strings are written in (gettext msgids)
TRANSLATED = ("ru", "uz", "ky")    # interface catalogs written by people (translations/XX/LC_MESSAGES)
DERIVED = {"uz_Cyrl": "uz"}        # script -> the language it is transliterated from

# Interface and sheet languages with their names in themselves, in the order menus list them.
NAMES = {"uz": "Oʻzbekcha", "uz_Cyrl": "Ўзбекча", "ky": "Кыргызча", "ru": "Русский", "en": "English"}
INTERFACE = tuple(NAMES)
SHEET = ("ru", "uz", "uz_Cyrl", "ky", "en")

# Locale names for CLDR (dates, numbers) and for Qt's locale, per interface language.
BABEL_LOCALES = {"uz": "uz_Latn", "uz_Cyrl": "uz_Cyrl", "ky": "ky", "ru": "ru", "en": "en"}
QT_LOCALES = {"uz": "uz_Latn_UZ", "uz_Cyrl": "uz_Cyrl_UZ", "ky": "ky_KG", "ru": "ru_RU", "en": "en_GB"}


def content_language(lang: str) -> str:
    """The content language behind an interface or sheet language (uz_Cyrl is derived from uz)."""
    return DERIVED.get(lang, lang)


def derive(text: str, lang: str) -> str:
    """Text written in `content_language(lang)` in the script of `lang` (Uzbek Latin -> Cyrillic)."""
    return uz_latin_to_cyrillic(text) if lang in DERIVED else text


def localized(text: Mapping[str, str] | None, lang: str) -> str:
    """Localised text in `lang`, else Russian, else English, else any language present, else ''.

    `lang` may be a derived script: Uzbek Cyrillic is transliterated from the Uzbek text only (a Russian or
    English fallback stays as it is), unless the text itself carries a uz_Cyrl entry (a name that
    transliteration would spoil).
    """
    if not text:
        return ""
    if text.get(lang):
        return text[lang]
    for candidate in (content_language(lang), *FALLBACK):
        value = text.get(candidate)
        if value:
            return derive(value, lang) if candidate == DERIVED.get(lang) else value
    return next((v for v in text.values() if v), "")
