"""The one way a deadline is said, on screen and on paper.

Forward: "within 30 calendar days from the date of entry"; before an event: "at least 10 working days before
the expiry date". Each of the six templates (three units, two directions) is one plural message, so Russian
takes the genitive after "в течение" and the accusative after "за", and Uzbek and Kyrgyz keep the noun
singular after a numeral; the starting point or event is a message of its own, with a context per role.
"""
from __future__ import annotations

from ..core import model as m
from ..core.i18n import NP_, translator

# What a deadline is counted from ("from the date of entry") and the event it falls before ("the date of entry").
START = {"entry": NP_("deadline from", "from the date of entry"),
         "arrival": NP_("deadline from", "from arrival at the place of stay"),
         "issue": NP_("deadline from", "from the date of issue"),
         "contract": NP_("deadline from", "from the date the contract is signed"),
         "contract_end": NP_("deadline from", "from the end of the contract"),
         "application": NP_("deadline from", "from the date of application"),
         "expiry": NP_("deadline from", "from the expiry date"),
         "payment": NP_("deadline from", "from the date of payment"),
         "year_start": NP_("deadline from", "from the start of the calendar year")}
EVENT = {"entry": NP_("deadline before", "the date of entry"),
         "arrival": NP_("deadline before", "arrival at the place of stay"),
         "issue": NP_("deadline before", "the date of issue"),
         "contract": NP_("deadline before", "the date the contract is signed"),
         "contract_end": NP_("deadline before", "the end of the contract"),
         "application": NP_("deadline before", "the date of application"),
         "expiry": NP_("deadline before", "the expiry date"),
         "payment": NP_("deadline before", "the date of payment"),
         "year_start": NP_("deadline before", "the start of the calendar year")}


def deadline_phrase(d: m.Deadline, lang: str) -> str:
    """The deadline in `lang`, starting in lower case: 'within 2 months from the date of issue'."""
    tr = translator(lang)
    n = d.months if d.months is not None else d.days or 0
    if d.before:
        event = tr.pgettext("deadline before", EVENT[d.counted_from])
        if d.months is not None:
            template = tr.npgettext("deadline", "at least {n} month before {event}",
                                    "at least {n} months before {event}", n)
        elif d.working_days:
            template = tr.npgettext("deadline", "at least {n} working day before {event}",
                                    "at least {n} working days before {event}", n)
        else:
            template = tr.npgettext("deadline", "at least {n} calendar day before {event}",
                                    "at least {n} calendar days before {event}", n)
        return template.format(n=n, event=event)
    start = tr.pgettext("deadline from", START[d.counted_from])
    if d.months is not None:
        template = tr.npgettext("deadline", "within {n} month {start}", "within {n} months {start}", n)
    elif d.working_days:
        template = tr.npgettext("deadline", "within {n} working day {start}", "within {n} working days {start}", n)
    else:
        template = tr.npgettext("deadline", "within {n} calendar day {start}", "within {n} calendar days {start}",
                                n)
    return template.format(n=n, start=start)
