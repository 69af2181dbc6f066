"""Word-by-word checks of script folding, apostrophes, transliteration and the light stemmers."""
from __future__ import annotations

import pytest

from desktop.core import textnorm as t

# Uzbek Latin (official) <-> Cyrillic, the tricky cases both ways
UZ_PAIRS = [
    ("Oʻzbekiston", "Ўзбекистон"), ("gʻalla", "ғалла"), ("shahar", "шаҳар"), ("choy", "чой"),
    ("yoʻl", "йўл"), ("yozuv", "ёзув"), ("yuk", "юк"), ("yangi", "янги"), ("Yevropa", "Европа"),
    ("ekin", "экин"), ("aeroport", "аэропорт"), ("maʼlumot", "маълумот"), ("migratsiya", "миграция"),
    ("qishloq", "қишлоқ"), ("hujjatlar", "ҳужжатлар"), ("SHARTNOMA", "ШАРТНОМА"), ("Toshkent", "Тошкент"),
    ("poyezd", "поезд"), ("elchixona", "элчихона"), ("Bosh konsulxona", "Бош консулхона"),
]


@pytest.mark.parametrize("latin,cyrillic", UZ_PAIRS)
def test_uzbek_latin_to_cyrillic(latin, cyrillic):
    assert t.uz_latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize("latin,cyrillic", UZ_PAIRS)
def test_uzbek_cyrillic_to_latin(latin, cyrillic):
    assert t.uz_cyrillic_to_latin(cyrillic) == latin


@pytest.mark.parametrize("variant", ["O'zbekiston", "O‘zbekiston", "O’zbekiston", "O`zbekiston", "Oʻzbekiston",
                                     "Oʼzbekiston"])
def test_every_apostrophe_variant_means_the_same(variant):
    assert t.normalize_uz_latin(variant) == "Oʻzbekiston"
    assert t.uz_latin_to_cyrillic(variant) == "Ўзбекистон"
    assert t.stem_uz(variant) == t.stem_uz("Ўзбекистон") == "ozbekiston"


def test_placeholders_and_addresses_are_not_transliterated():
    assert t.uz_latin_to_cyrillic("{n} ta natija") == "{n} та натижа"
    assert t.uz_latin_to_cyrillic("%(count)d natija, <b>qidiruv</b>") == "%(count)d натижа, <b>қидирув</b>"
    assert t.uz_latin_to_cyrillic("info@uzembassy.ru yoki https://uzembassy.ru") == \
        "info@uzembassy.ru ёки https://uzembassy.ru"


def test_tokens_keep_apostrophes_inside_words():
    assert t.tokens("O'zbekiston, to‘lanmagan patent!") == ["O'zbekiston", "to‘lanmagan", "patent"]


@pytest.mark.parametrize("word,stem", [
    ("patentni", "patent"), ("patentingiz", "patent"), ("to'lanmagan", "tolanmagan"),
    ("roʻyxatdan", "royxat"), ("migrantlarning", "migrant"), ("hisobga", "hisob"),
    ("патентни", "patent"), ("рўйхатдан", "royxat"), ("konsulxonasi", "konsulxona"),
    ("elchixonada", "elchixona"),
])
def test_uzbek_stemmer(word, stem):
    assert t.stem_uz(word) == stem


@pytest.mark.parametrize("word,stem", [
    ("мигранттар", "мигрант"), ("мигранттардын", "мигрант"), ("каттоого", "каттоо"), ("каттоодон", "каттоо"),
    ("патентти", "патент"), ("реестрден", "реестр"), ("консулдуктун", "консулдук"), ("Россияда", "россия"),
    ("өлкөлөрдө", "олко"), ("олколордо", "олко"), ("элчиликке", "элчилик"),
])
def test_kyrgyz_stemmer_folds_letters_and_vowel_harmony(word, stem):
    assert t.stem_ky(word) == stem


@pytest.mark.parametrize("words", [
    ("регистрация", "регистрации", "регистрацию", "регистрацией"),
    ("патент", "патента", "патентом", "патенты"),
    ("учёт", "учет", "учёта"),
])
def test_russian_stems_meet(words):
    assert len({t.stem_ru(w) for w in words}) == 1


def test_english_stems_meet():
    assert t.stem_en("agreements") == t.stem_en("agreement")
    assert t.stem_en("Registration") == t.stem_en("registration")


def test_short_roots_are_not_eaten():
    assert t.stem_uz("ish") == "ish"
    assert t.stem_ky("иш") == "иш"
