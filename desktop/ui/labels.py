"""Translated labels for the content model's codes, in one place for every window."""
from __future__ import annotations

from ..core import model as m
from ..core.i18n import N_, NP_, _, ngettext, pgettext

STATUS = {"in_force": NP_("status", "in force"), "signed": NP_("status", "signed"),
          "announced": NP_("status", "announced"), "expired": NP_("status", "expired"),
          "superseded": NP_("status", "superseded")}
KIND = {"agreement": N_("Agreement"), "procedure": N_("Procedure"), "contact": N_("Contact point")}
CONTACT_TYPE = {"embassy": N_("Embassy"), "consulate": N_("Consulate"), "hotline": N_("Hotline"),
                "ombudsman": N_("Ombudsman"), "migration_centre": N_("Migration centre"),
                "agency": N_("Agency"), "ngo": N_("NGO")}
PHONE_LABEL = {"general": N_("phone"), "hotline": N_("hotline"), "consular": N_("consular section"),
               "duty": N_("duty officer"), "reception": N_("reception"), "fax": N_("fax"),
               "mobile": N_("mobile"), "whatsapp": "WhatsApp", "telegram": "Telegram"}
LINK_REL = {"based_on": N_("Based on"), "implements": N_("Implements"), "contact_for": N_("Who helps"),
            "supersedes": N_("Supersedes"), "related": N_("Related")}
COUNTED_FROM = {"entry": N_("from the day of entry"), "arrival": N_("from arrival at the place of stay"),
                "issue": N_("from the date of issue"), "contract": N_("from signing the contract"),
                "contract_end": N_("from the end of the contract"), "application": N_("from the application"),
                "expiry": N_("before it expires"), "payment": N_("from the payment"),
                "year_start": N_("from 1 January")}


def status(code: str) -> str:
    return pgettext("status", STATUS.get(code, code))


def kind(code: str) -> str:
    return _(KIND.get(code, code))


def contact_type(code: str | None) -> str:
    return _(CONTACT_TYPE.get(code or "", code or ""))


def phone_label(code: str) -> str:
    return _(PHONE_LABEL.get(code, code))


def link_rel(code: str) -> str:
    return _(LINK_REL.get(code, code))


def not_confirmed() -> str:
    return _("not confirmed")


def results_count(n: int) -> str:
    return ngettext("{n} result", "{n} results", n).format(n=n)


def deadline(d: m.Deadline) -> str:
    """'30 days from the day of entry', '7 working days from arrival …', '2 months from …'."""
    if d.months is not None:
        amount = ngettext("{n} month", "{n} months", d.months).format(n=d.months)
    elif d.working_days:
        amount = ngettext("{n} working day", "{n} working days", d.days or 0).format(n=d.days)
    else:
        amount = ngettext("{n} day", "{n} days", d.days or 0).format(n=d.days)
    return f"{amount} {_(COUNTED_FROM.get(d.counted_from, d.counted_from))}"


def content_text(text: m.LocalText | None, ui_lang: str) -> str:
    """Localised content in the interface's content language; Uzbek Cyrillic is derived."""
    lang = "uz" if ui_lang == "uz_Cyrl" else ui_lang
    value = m.localized(text, lang)
    if ui_lang == "uz_Cyrl" and text and text.get("uz") == value:
        from ..core.textnorm import uz_latin_to_cyrillic

        return uz_latin_to_cyrillic(value)
    return value


def record_text(record: m.Record, part: str, ui_lang: str) -> str:
    """A record's title, summary or body in the content language (Uzbek Cyrillic derived)."""
    return content_text({code: getattr(text, part) for code, text in record.texts.items()}, ui_lang)


def place_name(names: m.LocalText | None, ui_lang: str) -> str:
    return content_text(names, ui_lang)
