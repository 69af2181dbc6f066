"""The 90-day stay limit (core.stay_limit) and its words (present.deadlines): shown only to whom it applies,
the days already spent this calendar year subtracted, and no date when it cannot be computed."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.core import deadlines
from desktop.core import model as m
from desktop.core.stay_limit import stay_limit
from desktop.present.deadlines import stay_basis_choices, stay_limit_text

ENTRY = dt.date(2026, 3, 3)


def test_an_eaeu_worker_with_a_contract_is_exempt():
    result = stay_limit("KG", True, ENTRY, "work")
    assert (result.state, result.reason, result.last_day) == ("exempt", "eaeu_contract", None)
    assert stay_limit_text(result, "en").startswith("The 90-day limit does not apply while the client works under")


def test_a_patent_holder_is_exempt():
    result = stay_limit("UZ", False, ENTRY, "work")
    assert (result.state, result.reason) == ("exempt", "patent")
    assert stay_limit_text(result, "en") == ("The 90-day limit does not apply while the client has a valid, "
                                             "paid patent.")


def test_without_the_basis_it_asks_for_it_and_gives_no_date():
    result = stay_limit("UZ", False, ENTRY)
    assert (result.state, result.last_day) == ("ask_basis", None)
    assert "Choose the client's basis" in stay_limit_text(result, "en")


def test_without_days_already_spent_it_says_it_cannot_compute():
    result = stay_limit("UZ", False, ENTRY, "none")
    assert (result.state, result.last_day) == ("ask_days", None)
    assert "without them no date can be computed" in stay_limit_text(result, "en")


def test_days_already_spent_are_subtracted():
    assert stay_limit("UZ", False, ENTRY, "none", 0).last_day == dt.date(2026, 5, 31)   # entry is day 1 of 90
    result = stay_limit("UZ", False, ENTRY, "none", 30)
    assert (result.state, result.days_left, result.last_day) == ("runs_out", 60, dt.date(2026, 5, 1))
    assert stay_limit_text(result, "en") == ("The 90 days run out on May 1, 2026: 60 days are left, the day of "
                                             "entry counted as the first.")


def test_the_limit_already_used_up():
    result = stay_limit("TJ", False, ENTRY, "none", 90)
    assert (result.state, result.last_day) == ("used_up", None)
    assert stay_limit_text(result, "en") == ("The client already spent 90 days in Russia this year: the 90 days "
                                             "are used up.")


def test_the_count_stops_at_the_end_of_the_calendar_year():
    result = stay_limit("UZ", False, dt.date(2026, 12, 1), "none", 10)
    assert (result.state, result.days_left, result.last_day) == ("year_end", 80, dt.date(2026, 12, 31))
    assert "the count starts again on 1 January 2027" in stay_limit_text(result, "en")


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        stay_limit("UZ", False, ENTRY, "tourist")
    with pytest.raises(ValueError):
        stay_limit("UZ", False, ENTRY, "none", -1)


def test_the_work_choice_is_named_per_citizenship():
    assert dict(stay_basis_choices(True, "en"))["work"] == "Works under an employment or civil-law contract"
    assert dict(stay_basis_choices(False, "en"))["work"] == "Has a valid, paid patent"


def test_the_plan_no_longer_prints_entry_plus_90_days_for_everyone():
    """The stay limit's deadline data is no date to act by for everyone (audit finding 3)."""
    step = m.Step(text={"en": "Stay at most 90 days"}, deadlines=[m.Deadline(days=90, counted_from="entry")])
    proc = m.Procedure(id="stay", kind="procedure", texts={"en": m.Text("S", "", "", "original")},
                       status="in_force", verified_on="2026-11-24", sources=[], topic="stay_limit", steps=[step])
    other = m.Procedure(id="reg", kind="procedure", texts={"en": m.Text("R", "", "", "original")},
                        status="in_force", verified_on="2026-11-24", sources=[], topic="registration",
                        steps=[m.Step(text={"en": "Register"}, deadlines=[m.Deadline(days=7)])])
    plan = deadlines.plan([proc, other], "KG", ENTRY)
    assert [d.procedure_id for d in plan.due] == ["reg"]
