"""The deadline helper's arithmetic: dates computed from the deadlines stored in the content.

Nothing here knows a rule: it reads each procedure's step deadlines (days or months, counted from entry or
arrival, working or calendar days) and picks the one for the client's citizenship (a deadline naming the
citizenship wins over one for 'all'). Working days are Monday to Friday; public holidays are not known to
the dataset, so the UI says so next to working-day dates.
"""
from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass

from . import model as m

ANCHORS = ("entry", "arrival")  # the events the helper knows the date of
STAY_LIMIT_TOPIC = "stay_limit"   # the 90-day limit: computed by core.stay_limit, per client, not here


@dataclass
class DueDate:
    procedure_id: str
    topic: str | None
    step: int                    # 1-based step number
    date: _dt.date
    deadline: m.Deadline
    text: m.LocalText            # the step's text


@dataclass
class Plan:
    due: list[DueDate]
    not_needed: list[str]        # procedures with deadlines that do not apply to this citizenship
    regional: list[str]          # procedures that apply only in some regions, including this one


def add_working_days(start: _dt.date, days: int) -> _dt.date:
    current, left = start, days
    while left > 0:
        current += _dt.timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def add_months(start: _dt.date, months: int) -> _dt.date:
    month = start.month - 1 + months
    year, month = start.year + month // 12, month % 12 + 1
    return _dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def due_date(deadline: m.Deadline, anchor: _dt.date) -> _dt.date:
    sign = -1 if deadline.before else 1
    if deadline.months is not None:
        return add_months(anchor, sign * deadline.months)
    if deadline.working_days:
        if deadline.before:
            raise ValueError("working days before an event are not computed from an entry date")
        return add_working_days(anchor, deadline.days or 0)
    return anchor + _dt.timedelta(days=sign * (deadline.days or 0))


def deadlines_for(deadlines: list[m.Deadline], citizenship: str | None) -> list[m.Deadline]:
    """The deadlines for this citizenship: those naming it, else those for everybody."""
    specific = [d for d in deadlines if citizenship and citizenship in d.applies_to]
    return specific or [d for d in deadlines if m.ALL in d.applies_to]


def pick_deadline(deadlines: list[m.Deadline], citizenship: str | None) -> m.Deadline | None:
    """The deadline for this citizenship: one naming it, else the one for everybody."""
    chosen = deadlines_for(deadlines, citizenship)
    return chosen[0] if chosen else None


def _applies(codes: list[str], value: str | None) -> bool:
    return m.ALL in codes or value is None or value in codes


def plan(procedures: list[m.Procedure], citizenship: str, entry: _dt.date, region: str | None = None,
         arrival: _dt.date | None = None) -> Plan:
    """Dates by which to act after entering on `entry` (arriving at the place of stay on `arrival`)."""
    anchors = {"entry": entry, "arrival": arrival or entry}
    due, not_needed, regional = [], [], []
    for proc in procedures:
        if proc.topic == STAY_LIMIT_TOPIC:
            continue  # not a date for everyone: core.stay_limit says whom it binds and when it runs out
        if not _applies(proc.applies_to, citizenship):
            if any(d.counted_from in ANCHORS for s in proc.steps for d in s.deadlines):
                not_needed.append(proc.id)
            continue
        if not _applies(proc.regions, region):
            continue
        if m.ALL not in proc.regions:
            regional.append(proc.id)
        for number, step in enumerate(proc.steps, 1):
            if not _applies(step.applies_to, citizenship):
                continue
            # Choose the citizenship's deadlines first, then keep those counted from a known date: a rule
            # for 'all' must not stand in for a citizenship's own rule counted from something else.
            anchored = [d for d in deadlines_for(step.deadlines, citizenship) if d.counted_from in ANCHORS]
            if not anchored:
                continue
            deadline = anchored[0]
            due.append(DueDate(proc.id, proc.topic, number, due_date(deadline, anchors[deadline.counted_from]),
                               deadline, step.text))
    due.sort(key=lambda d: (d.date, d.procedure_id, d.step))
    return Plan(due, not_needed, regional)
