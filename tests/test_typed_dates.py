"""Dates as typed (core.typed_dates, no display): each language's forms read exactly, anything else refused."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.typed_dates import display, parse

OCT_15 = dt.date(2026, 10, 15)


@pytest.mark.parametrize(("lang", "text", "problem", "value"), [
    ("ru", "15.10.2026", "", OCT_15),
    ("ru", " 5.3.2026 ", "", dt.date(2026, 3, 5)),
    ("ky", "2026-10-15", "", OCT_15),
    ("en", "10/15/2026", "", OCT_15),        # month first in English's own form
    ("en", "10/15/26", "", OCT_15),
    ("en", "15.10.2026", "", OCT_15),        # dots are day first in every language
    ("uz", "15/10/2026", "", OCT_15),        # day first in Uzbek's
    ("uz", "10/15/2026", "no_such_date", None),
    ("ky", "15.10.26", "", OCT_15),          # Kyrgyz's short form has a two-digit year, Russian's has not
    ("ru", "15.10.26", "not_a_date", None),
    ("ru", "31.02.2026", "no_such_date", None),
    ("ru", "15.10.9026", "out_of_range", None),
    ("ru", "23.11.202615.10.2026", "not_a_date", None),
    ("ru", "", "empty", None),
])
def test_typed_dates_are_read_exactly_or_refused(lang, text, problem, value):
    typed = parse(text, lang)
    assert (typed.problem, typed.value) == (problem, value)


@pytest.mark.parametrize(("lang", "shown"), [("en", "3/4/2026"), ("ru", "04.03.2026"), ("uz", "04/03/2026"),
                                             ("ky", "04.03.2026")])
def test_a_date_is_shown_in_the_form_it_is_read_back_in(lang, shown):
    assert display(dt.date(2026, 3, 4), lang) == shown
    assert parse(shown, lang).value == dt.date(2026, 3, 4)
