"""Text normalisation for search and display: scripts, apostrophes and light stemmers.

Two kinds of output live here:
- display text: Uzbek Latin <-> Cyrillic transliteration that keeps oʻ/gʻ (U+02BB) and ʼ (U+02BC);
- search keys: lower-case tokens in which every spelling an advisor may type of the same word meets.
  For Uzbek that means Cyrillic folded to Latin and apostrophes dropped (o' oʻ o‘ o’ o` ў all become
  "o"), then light suffix stripping; for Kyrgyz ң ө ү are folded to н о у, so a keyboard without them
  still finds the word.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import cast

# Every character a keyboard or a source may put where Uzbek writes ʻ (U+02BB) or ʼ (U+02BC).
APOSTROPHES = "'`´‘’‛ʹʻʼʽ′"
_APOS_CLASS = re.escape(APOSTROPHES)
TOKEN_RE = re.compile(rf"[^\W_]+(?:[{_APOS_CLASS}][^\W_]+)*[{_APOS_CLASS}]?", re.UNICODE)

OKINA = "\u02bb"   # ʻ in oʻ gʻ
TUTUQ = "\u02bc"   # ʼ tutuq belgisi


def tokens(text: str) -> list[str]:
    """Words, keeping apostrophes inside them (O'zbekiston stays one word)."""
    return TOKEN_RE.findall(text or "")


def strip_controls(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\t\n")


# --------------------------------------------------------------------------- Uzbek display forms

def normalize_uz_latin(text: str) -> str:
    """Uzbek Latin in official spelling: oʻ gʻ with U+02BB, other apostrophes as U+02BC."""
    text = re.sub(rf"([oOgG])[{_APOS_CLASS}]", lambda m: m.group(1) + OKINA, text)
    return re.sub(rf"(?<=\w)[{re.escape(APOSTROPHES.replace(OKINA, ''))}](?=\w)", TUTUQ, text)


_CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "j", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "x", "ч": "ch", "ш": "sh", "ъ": TUTUQ, "ь": "", "э": "e", "ё": "yo",
    "ю": "yu", "я": "ya", "ў": "o" + OKINA, "қ": "q", "ғ": "g" + OKINA, "ҳ": "h", "ц": "ts", "щ": "sh",
    "ы": "i",
}
_CYR_VOWELS = set("аеёиоуэюяў")


def _match_case(src: str, out: str, next_upper: bool) -> str:
    if not src.isupper():
        return out
    return out.upper() if (next_upper or len(out) == 1) else out[0].upper() + out[1:]


def uz_cyrillic_to_latin(text: str) -> str:
    """Uzbek Cyrillic -> official Latin (е is ye at the start of a word and after a vowel or ъ/ь)."""
    out = []
    for i, ch in enumerate(text):
        low = ch.lower()
        prev = text[i - 1].lower() if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if low == "е":
            lat = "ye" if (not prev.isalpha() or prev in _CYR_VOWELS or prev in "ъь") else "e"
        elif low in _CYR_TO_LAT:
            lat = _CYR_TO_LAT[low]
        else:
            out.append(ch)
            continue
        out.append(_match_case(ch, lat, nxt.isupper()))
    return "".join(out)


# Latin -> Cyrillic. Digraphs first; oʻ/gʻ accept any apostrophe (normalised before).
_LAT_DIGRAPHS = {"o" + OKINA: "ў", "g" + OKINA: "ғ", "sh": "ш", "ch": "ч", "yo": "ё", "yu": "ю",
                 "ya": "я", "ye": "е", "ts": "ц"}
_LAT_SINGLE = {
    "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "ҳ", "i": "и", "j": "ж", "k": "к",
    "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ", "r": "р", "s": "с", "t": "т", "u": "у",
    "v": "в", "x": "х", "y": "й", "z": "з", "c": "с", "w": "в", TUTUQ: "ъ",
}
_LAT_VOWELS = set("aeiou")
# Format placeholders, markup and addresses are never transliterated.
_PROTECT_RE = re.compile(r"\{[^{}]*\}|%\([^)]*\)[a-z]|%[a-z%]|<[^<>]*>|&[#\w]+;|https?://\S+|"
                         r"[\w.+-]+@[\w.-]+|www\.\S+")


def uz_latin_to_cyrillic(text: str) -> str:
    """Uzbek Latin -> Cyrillic: oʻ→ў, gʻ→ғ, sh→ш, ch→ч, ye/yo/yu/ya, ts→ц, e→э at the start of a word
    and after a vowel, ʼ→ъ. Placeholders ({n}, %(x)s), tags, e-mails and web addresses pass unchanged."""
    out, pos = [], 0
    for m in _PROTECT_RE.finditer(text):
        out.append(_lat_to_cyr(text[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_lat_to_cyr(text[pos:]))
    return "".join(out)


def _lat_to_cyr(text: str) -> str:
    text = normalize_uz_latin(text)
    out, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        pair = text[i:i + 2].lower()
        if pair in _LAT_DIGRAPHS and not (pair[0] == "y" and text[i + 2:i + 3] == OKINA):
            digraph = _LAT_DIGRAPHS[pair]
            out.append(digraph.upper() if ch.isupper() else digraph)
            i += 2
            continue
        low = ch.lower()
        # e at a word's start or after a vowel is written э (the "reversed e"); elsewhere е
        reversed_e = low == "e" and (_word_start(text, i) or text[i - 1].lower() in _LAT_VOWELS)
        cyr = "э" if reversed_e else _LAT_SINGLE.get(low)
        if cyr is None:
            out.append(ch)
        else:
            out.append(cyr.upper() if ch.isupper() else cyr)
        i += 1
    return "".join(out)


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalpha() or text[i - 1] in APOSTROPHES)


# --------------------------------------------------------------------------- search keys

def fold_uz(word: str) -> str:
    """An Uzbek word in either script -> Latin search key without apostrophes."""
    word = word.lower()
    if re.search("[а-яёўқғҳ]", word):
        word = uz_cyrillic_to_latin(word)
    return re.sub(f"[{_APOS_CLASS}]", "", word)


_KY_FOLD = str.maketrans({"ң": "н", "ө": "о", "ү": "у", "ё": "е"})


def fold_ky(word: str) -> str:
    """A Kyrgyz word -> search key: ң ө ү written as н о у (keyboards without them)."""
    return word.lower().translate(_KY_FOLD)


def fold_ru(word: str) -> str:
    return word.lower().replace("ё", "е")


# Suffixes, longest first; stripped repeatedly (plural, then case, then possessive), keeping a stem of
# at least MIN_STEM letters so short roots are not eaten.
MIN_STEM = 3
UZ_SUFFIXES = sorted({
    "lar", "larni", "larning", "larga", "larda", "lardan",
    "ning", "ni", "ga", "ka", "qa", "da", "dan", "dagi", "gacha", "dek",
    "imiz", "ingiz", "miz", "ngiz", "im", "ing", "si", "i", "m",
    "ligi", "lik", "chi", "sini", "ini", "ida", "iga", "idan",
}, key=len, reverse=True)

_KY_CASES = [
    # plural
    "лар", "лер", "лор", "дар", "дер", "дор", "тар", "тер", "тор",
    # genitive / accusative
    "нын", "нин", "нун", "дын", "дин", "дун", "тын", "тин", "тун",
    "ны", "ни", "ну", "ды", "ди", "ду", "ты", "ти", "ту",
    # dative
    "га", "ге", "го", "ка", "ке", "ко",
    # locative, ablative, locative-adjectival
    "да", "де", "до", "та", "те", "то",
    "дан", "ден", "дон", "тан", "тен", "тон", "нан", "нен", "нон",
    "дагы", "деги", "догу", "тагы", "теги", "тогу",
    # possessive
    "ыбыз", "ибиз", "убуз", "ыныз", "иниз", "унуз", "сы", "си", "су", "ым", "им", "ум", "ын", "ин", "ун",
    # the 3rd person possessive after a consonant: мөөнөттөр-ү, документтер-и (then the plural goes too)
    "ы", "и", "у",
]
KY_SUFFIXES = sorted(set(_KY_CASES), key=len, reverse=True)


def _strip(word: str, suffixes: list[str], rounds: int = 3) -> str:
    for _ in range(rounds):
        for suffix in suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


def stem_uz(word: str) -> str:
    return _strip(fold_uz(word), UZ_SUFFIXES)


def stem_ky(word: str) -> str:
    return _strip(fold_ky(word), KY_SUFFIXES)


@lru_cache(maxsize=1)
def _ru() -> Callable[[str], str]:
    from whoosh.lang import stemmer_for_language  # the stemmers load with the first search, not at start

    return cast("Callable[[str], str]", stemmer_for_language("ru"))  # whoosh is untyped


@lru_cache(maxsize=1)
def _en() -> Callable[[str], str]:
    from whoosh.lang import stemmer_for_language

    return cast("Callable[[str], str]", stemmer_for_language("en"))  # whoosh is untyped


@lru_cache(maxsize=100_000)
def stem_ru(word: str) -> str:
    return _ru()(fold_ru(word))


@lru_cache(maxsize=100_000)
def stem_en(word: str) -> str:
    return _en()(word.lower().replace("'", "").replace("’", ""))


STEMMERS = {"ru": stem_ru, "uz": lru_cache(maxsize=100_000)(stem_uz),
            "ky": lru_cache(maxsize=100_000)(stem_ky), "en": stem_en}


def analyze(text: str, lang: str) -> list[str]:
    """Search keys of `text` as the analyser for `lang` sees them."""
    stem = STEMMERS[lang]
    return [key for word in tokens(text) if (key := stem(word))]
