"""The one way a deadline is said, on screen and on paper.

Forward: "within 30 calendar days from the date of entry"; before an event: "at least 10 working days before
the expiry date". Each of the six templates (three units, two directions) is one plural message, so Russian
takes the genitive after "в течение" and the accusative after "за", and Uzbek and Kyrgyz keep the noun
singular after a numeral; the starting point or event is a message of its own, with a context per role.
"""
from __future__ import annotations

from ..core import model as m
from ..core.i18n import NP_, format_date, translator
from ..core.stay_limit import StayLimit

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


# ---------------------------------------------------------------- the stay limit (core.stay_limit)

def stay_basis_choices(eaeu: bool, lang: str) -> list[tuple[str, str]]:
    """(basis code, words) for the helper's "basis of stay" chooser; "work" is said per citizenship."""
    tr = translator(lang)
    work = (tr.gettext("Works under an employment or civil-law contract") if eaeu
            else tr.gettext("Has a valid, paid patent"))
    return [("unknown", tr.gettext("Not known yet")), ("work", work),
            ("other", tr.gettext("Another basis (residence permit, study …)")),
            ("none", tr.gettext("No other basis (visitor, no patent or contract)"))]


def stay_limit_text(result: StayLimit, lang: str) -> str:
    """What the helper says about the 90 days, in `lang`."""
    tr = translator(lang)
    if result.state == "exempt":
        return {"eaeu_contract": tr.gettext("The 90-day limit does not apply while the client works under an "
                                            "employment or civil-law contract: the stay follows the contract "
                                            "(EAEU Treaty, article 97)."),
                "patent": tr.gettext("The 90-day limit does not apply while the client has a valid, paid patent."),
                "other": tr.gettext("The 90-day limit does not apply while the client has another basis for "
                                    "staying.")}[result.reason]
    if result.state == "ask_basis":
        return tr.gettext("The 90-day limit binds only a client with no other basis for staying. Choose the "
                          "client's basis to see whether it applies.")
    if result.state == "ask_days":
        return tr.gettext("The limit is 90 days in total per calendar year. Type the days the client already "
                          "spent in Russia since 1 January: without them no date can be computed.")
    if result.state == "used_up":
        return tr.ngettext("The client already spent {n} day in Russia this year: the 90 days are used up.",
                           "The client already spent {n} days in Russia this year: the 90 days are used up.",
                           result.days_used or 0).format(n=result.days_used)
    day = format_date(result.last_day, lang)
    left = result.days_left or 0
    if result.state == "year_end":
        year = result.last_day.year + 1 if result.last_day else ""
        return tr.ngettext("{n} day is left this year; it does not run out before 31 December, and the count "
                           "starts again on 1 January {year}.",
                           "{n} days are left this year; they do not run out before 31 December, and the "
                           "count starts again on 1 January {year}.", left).format(n=left, year=year)
    return tr.ngettext("The 90 days run out on {date}: {n} day is left, the day of entry counted as the first.",
                       "The 90 days run out on {date}: {n} days are left, the day of entry counted as the first.",
                       left).format(date=day, n=left)
