"""The deadline helper's arithmetic and the contact finder's order, on the real dataset."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.core import deadlines
from desktop.core import model as m
from desktop.core.contacts import contacts_for

ENTRY = dt.date(2026, 3, 3)  # a Tuesday


@pytest.fixture(scope="module")
def procedures(store):
    return [store.record(rid) for rid in store.ids("procedure") if store.record(rid).status == "in_force"]


def due_for(plan: deadlines.Plan, procedure_id: str) -> list[deadlines.DueDate]:
    return [d for d in plan.due if d.procedure_id == procedure_id]


def ids(found) -> list[str]:
    return [f.contact.id for f in found]


# ------------------------------------------------------------------ arithmetic

@pytest.mark.parametrize("start, days, expected", [
    (dt.date(2026, 3, 6), 1, dt.date(2026, 3, 9)),     # Friday + 1 working day = Monday
    (dt.date(2026, 3, 6), 5, dt.date(2026, 3, 13)),    # a whole week, weekend skipped
    (dt.date(2026, 3, 7), 1, dt.date(2026, 3, 9)),     # from a Saturday
    (dt.date(2026, 3, 2), 7, dt.date(2026, 3, 11)),    # Monday + 7 crosses one weekend
    (dt.date(2026, 3, 6), 10, dt.date(2026, 3, 20)),   # crosses two weekends
])
def test_working_days_skip_weekends(start, days, expected):
    assert deadlines.add_working_days(start, days) == expected


@pytest.mark.parametrize("start, months, expected", [
    (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
    (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),   # leap year
    (dt.date(2026, 3, 31), 1, dt.date(2026, 4, 30)),
    (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),  # across the year end
    (dt.date(2026, 3, 31), -1, dt.date(2026, 2, 28)),  # backwards, for "before" deadlines
    (dt.date(2026, 3, 15), 2, dt.date(2026, 5, 15)),
])
def test_months_stop_at_the_month_end(start, months, expected):
    assert deadlines.add_months(start, months) == expected


def test_due_date_counts_calendar_days_working_days_and_months():
    assert deadlines.due_date(m.Deadline(days=15), ENTRY) == dt.date(2026, 3, 18)
    assert deadlines.due_date(m.Deadline(days=7, working_days=True), ENTRY) == dt.date(2026, 3, 12)
    assert deadlines.due_date(m.Deadline(months=2), dt.date(2026, 12, 31)) == dt.date(2027, 2, 28)
    assert deadlines.due_date(m.Deadline(days=10, before=True), ENTRY) == dt.date(2026, 2, 21)


# ------------------------------------------------------------------ choosing the deadline

def test_citizenship_specific_registration_deadline_beats_the_general_one(store):
    step = store.record("migration-registration").steps[1]
    assert (deadlines.pick_deadline(step.deadlines, "UZ").days, deadlines.pick_deadline(step.deadlines, "UZ")
            .counted_from) == (15, "entry")
    assert deadlines.pick_deadline(step.deadlines, "KG").days == 30
    general = deadlines.pick_deadline(step.deadlines, "AZ")  # no rule of its own: the one for everybody
    assert (general.days, general.working_days, general.counted_from) == (7, True, "arrival")


def test_plan_gives_each_citizenship_its_registration_date(procedures):
    dates = {c: due_for(deadlines.plan(procedures, c, ENTRY), "migration-registration")[0].date
             for c in ("UZ", "TJ", "KG")}
    assert dates == {"UZ": dt.date(2026, 3, 18), "TJ": dt.date(2026, 3, 18), "KG": dt.date(2026, 4, 2)}


def _procedure(steps: list[m.Step]) -> m.Procedure:
    return m.Procedure(id="p", kind="procedure", texts={"en": m.Text("P", "", "", "original")},
                       status="in_force", verified_on="2026-11-24", sources=[m.Source(title="t", publisher="p")],
                       topic="registration", steps=steps)


def test_a_general_rule_does_not_stand_in_for_a_citizenships_own_rule():
    # UZ has its own rule counted from the contract (a date the helper does not know): no date for UZ,
    # rather than the 7 working days meant for everybody else.
    step = m.Step(text={"en": "Register"}, deadlines=[
        m.Deadline(days=3, counted_from="contract", applies_to=["UZ"]),
        m.Deadline(days=7, counted_from="arrival", working_days=True)])
    proc = _procedure([step])
    assert deadlines.plan([proc], "UZ", ENTRY).due == []
    other = deadlines.plan([proc], "KG", ENTRY).due
    assert [(d.date, d.deadline.days) for d in other] == [(dt.date(2026, 3, 12), 7)]


def test_a_step_with_a_later_anchored_deadline_still_gets_its_date():
    step = m.Step(text={"en": "Notify"}, deadlines=[m.Deadline(days=3, counted_from="contract"),
                                                     m.Deadline(days=30, counted_from="entry")])
    assert [d.date for d in deadlines.plan([_procedure([step])], "UZ", ENTRY).due] == [dt.date(2026, 4, 2)]


# ------------------------------------------------------------------ not needed, regional

def test_kyrgyz_citizen_needs_no_patent(procedures):
    plan = deadlines.plan(procedures, "KG", ENTRY, "RU-SVE")
    assert "work-patent" in plan.not_needed
    assert due_for(plan, "work-patent") == []
    assert {d.date for d in due_for(plan, "eaeu-work-kg")} == {dt.date(2026, 4, 2)}
    # procedures without a date counted from entry are simply absent, not "not needed"
    assert "patent-exam" not in plan.not_needed


def test_uzbek_citizen_applies_for_the_patent_within_30_days(procedures):
    plan = deadlines.plan(procedures, "UZ", ENTRY, "RU-TA")
    assert "eaeu-work-kg" in plan.not_needed
    patent = {d.step: d.date for d in due_for(plan, "work-patent")}
    assert patent[5] == dt.date(2026, 4, 2)  # step 5: submit the patent application
    assert plan.due[0].procedure_id == "migration-registration"  # the earliest date comes first


def test_moscow_only_procedures_are_regional(procedures):
    assert "amina-app" in deadlines.plan(procedures, "UZ", ENTRY, "RU-MOW").regional
    assert "amina-app" not in deadlines.plan(procedures, "UZ", ENTRY, "RU-TA").regional
    assert "amina-app" in deadlines.plan(procedures, "UZ", ENTRY, None).regional


# ------------------------------------------------------------------ contacts

def test_uzbek_client_in_tatarstan(store):
    order = ids(contacts_for(store, "UZ", "RU-TA"))
    assert order[:2] == ["uz-consulate-kazan", "uz-embassy-moscow"]
    assert "ombudsman-tatarstan" in order
    own = [i for i in order if i.startswith("uz-")]
    assert order[:len(own)] == own  # the client's own missions and agencies before Russian bodies
    assert order.index("ombudsman-tatarstan") < order.index("ru-mvd-guvm")
    assert not any(i.startswith("kg-") or i in ("ombudsman-moscow", "uz-consulate-yekaterinburg") for i in order)


def test_regional_office_comes_before_the_head_office(store):
    order = ids(contacts_for(store, "UZ", "RU-SVE"))
    assert order[:2] == ["uz-consulate-yekaterinburg", "uz-embassy-moscow"]
    assert order.index("uz-migration-agency-yekaterinburg") < order.index("uz-migration-agency")
    assert "ombudsman-sverdlovsk" in order


def test_kyrgyz_client_in_sverdlovsk(store):
    order = ids(contacts_for(store, "KG", "RU-SVE"))
    assert order[:2] == ["kg-consulate-yekaterinburg", "kg-embassy-moscow"]
    assert not any(i.startswith("uz-") for i in order)


def test_planned_offices_only_when_asked(store):
    assert "kg-consulate-kazan" not in ids(contacts_for(store, "KG", "RU-TA"))
    with_planned = ids(contacts_for(store, "KG", "RU-TA", include_planned=True))
    assert with_planned[0] == "kg-consulate-kazan"


def test_without_a_citizenship_every_mission_is_listed(store):
    order = ids(contacts_for(store, None, "RU-TA"))
    assert {"uz-consulate-kazan", "ombudsman-tatarstan"} <= set(order)
