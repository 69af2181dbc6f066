"""The stay limit (90 days in total per calendar year, since 1 Jan 2025) for one client: whether it applies,
and when the 90 days run out.

The limit binds a foreigner who entered without a visa and has no other basis for staying (P-09, the MVD and MFA
explanations cited in the `stay-limit-90-days` record). It does not bind, while the basis lasts:
- a worker from an EAEU state (Kyrgyzstan …) with an employment or civil-law contract: the stay follows the
  contract (EAEU Treaty art. 97);
- a worker with a valid, paid patent (Uzbekistan, Tajikistan …);
- a person with another longer-term basis (residence permit, study …).
So the helper needs the client's basis, and the days already spent in Russia since 1 January: without them it
says what it lacks instead of printing a date. The count runs per calendar year: a period that reaches
31 December stops there, and the count starts again on 1 January.

The day of entry is counted as day 1 of the stay: with no days spent before, the 90th day is entry + 89 days.

The procedure whose deadline is this limit (topic `stay_limit`) is left out of `deadlines.plan()`'s dates; the
helper shows this instead.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from . import model as m
from .deadlines import STAY_LIMIT_TOPIC

LIMIT_DAYS = 90
TOPIC = STAY_LIMIT_TOPIC

# the client's basis for staying, as the helper asks it
BASES = ("unknown", "work", "other", "none")
# work: a valid, paid patent, or (EAEU) an employment or civil-law contract; other: residence permit, study …;
# none: no basis besides the visa-free entry (a visitor, or a worker between contracts or without a patent)


@dataclass(frozen=True)
class StayLimit:
    """What the helper says about the 90 days. `state` is one of:
    - "exempt": the limit does not bind while the basis lasts (`reason`: "eaeu_contract", "patent" or "other");
    - "ask_basis": the basis is not known; the limit may not apply;
    - "ask_days": it applies, but the days already spent this year are not known;
    - "used_up": it applies and the days already spent reach the limit;
    - "runs_out": it applies and `last_day` is the 90th day of this calendar year's stay;
    - "year_end": it applies, and the 90 days do not run out before 31 December (the count starts again)."""
    state: str
    reason: str = ""
    days_used: int | None = None
    days_left: int | None = None
    last_day: _dt.date | None = None
    procedure_id: str | None = None


def stay_limit(citizenship: str, eaeu: bool, entry: _dt.date, basis: str = "unknown",
               days_used: int | None = None, procedure_id: str | None = None) -> StayLimit:
    """The stay limit for a visa-free client who entered on `entry`, with `basis` (one of BASES) and
    `days_used` days already spent in Russia this calendar year before this entry (None: not known)."""
    if basis not in BASES:
        raise ValueError(f"unknown basis {basis!r}")
    if basis == "work":
        return StayLimit("exempt", "eaeu_contract" if eaeu else "patent", procedure_id=procedure_id)
    if basis == "other":
        return StayLimit("exempt", "other", procedure_id=procedure_id)
    if basis == "unknown":
        return StayLimit("ask_basis", procedure_id=procedure_id)
    if days_used is None:
        return StayLimit("ask_days", procedure_id=procedure_id)
    if days_used < 0:
        raise ValueError("days already spent cannot be negative")
    left = LIMIT_DAYS - days_used
    if left <= 0:
        return StayLimit("used_up", days_used=days_used, days_left=0, procedure_id=procedure_id)
    last = entry + _dt.timedelta(days=left - 1)  # the entry day is day 1
    if last.year > entry.year:
        return StayLimit("year_end", days_used=days_used, days_left=left,
                         last_day=_dt.date(entry.year, 12, 31), procedure_id=procedure_id)
    return StayLimit("runs_out", days_used=days_used, days_left=left, last_day=last, procedure_id=procedure_id)


def limit_procedure(procedures: list[m.Procedure], citizenship: str) -> m.Procedure | None:
    """The procedure that holds the stay limit for this citizenship (topic stay_limit), if any."""
    for proc in procedures:
        if proc.topic == TOPIC and (m.ALL in proc.applies_to or citizenship in proc.applies_to):
            return proc
    return None
