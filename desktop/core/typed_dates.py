"""Dates as an advisor types them, read exactly or not at all.

Accepted in every interface language: day.month.year with dots (15.10.2026, 5.3.2026: the form of a Russian
migration card stamp), the ISO form 2026-10-15, and the interface language's own short form (10/15/2026 in
English, 15/10/2026 in Uzbek; a two-digit year where that form has one). Anything else is not read as a date,
so a field built on this never keeps a date other than the one typed. Problems are codes; the words are the
interface's.
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass
from typing import Literal

from . import languages

Problem = Literal["", "empty", "not_a_date", "no_such_date", "out_of_range"]
FIRST_YEAR, LAST_YEAR = 1900, 2100  # beyond these a typed year is a slip (and date arithmetic would overflow)
ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
DAY_FIRST_WITH_DOTS = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


@dataclass(frozen=True)
class TypedDate:
    value: _dt.date | None
    problem: Problem = ""


@dataclass(frozen=True)
class ShortForm:
    """A locale's numeric date form: the order of day, month and year, their separator, and whether the
    day and month are written with two digits and the year with two."""

    order: tuple[str, str, str]   # "d", "M", "y" in the locale's order
    separator: str
    padded: bool
    two_digit_year: bool

    def pattern(self) -> re.Pattern[str]:
        year = r"(\d{4}|\d{2})" if self.two_digit_year else r"(\d{4})"
        fields = [year if field == "y" else r"(\d{1,2})" for field in self.order]
        return re.compile(re.escape(self.separator).join(fields))

    def format(self, day: _dt.date) -> str:
        width = 2 if self.padded else 1
        parts = {"d": f"{day.day:0{width}d}", "M": f"{day.month:0{width}d}", "y": f"{day.year:04d}"}
        return self.separator.join(parts[field] for field in self.order)


@functools.cache
def short_form(lang: str) -> ShortForm:
    """The interface language's short date form (babel's CLDR data), e.g. M/d/yy for English."""
    from babel import Locale  # loaded on first use: it is not needed to paint the window

    pattern = Locale.parse(languages.BABEL_LOCALES.get(lang, lang)).date_formats["short"].pattern
    fields = re.findall(r"d+|M+|y+", pattern)
    order = tuple(field[0] for field in fields)
    separators = re.findall(r"[^dMy'\s]+", pattern)
    if sorted(order) != ["M", "d", "y"] or not separators:
        return ShortForm(("d", "M", "y"), ".", True, False)  # (no CLDR locale lacks one; a safe default)
    year = next(field for field in fields if field[0] == "y")
    return ShortForm((order[0], order[1], order[2]), separators[0],
                     padded=all(len(field) == 2 for field in fields if field[0] != "y"),
                     two_digit_year=len(year) == 2)


def parse(text: str, lang: str) -> TypedDate:
    """The date `text` names in the interface language `lang`, or why it names none."""
    text = text.strip()
    if not text:
        return TypedDate(None, "empty")
    form = short_form(lang)
    if match := ISO.fullmatch(text):
        year, month, day = match.groups()
    elif match := DAY_FIRST_WITH_DOTS.fullmatch(text):
        day, month, year = match.groups()
    elif match := form.pattern().fullmatch(text):
        found = dict(zip(form.order, match.groups(), strict=True))
        day, month, year = found["d"], found["M"], found["y"]
    else:
        return TypedDate(None, "not_a_date")
    full_year = int(year) + (2000 if len(year) == 2 else 0)
    if not FIRST_YEAR <= full_year <= LAST_YEAR:
        return TypedDate(None, "out_of_range")
    try:
        return TypedDate(_dt.date(full_year, int(month), int(day)))
    except ValueError:  # 31.02, month 13, day 0
        return TypedDate(None, "no_such_date")


def display(day: _dt.date, lang: str) -> str:
    """`day` as the field shows it: the language's short form with the year in full (15.10.2026)."""
    return short_form(lang).format(day)
