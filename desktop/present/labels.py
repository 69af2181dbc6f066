"""Words for the content model's codes (status, kind, contact type, phone label, link), in any language."""
from __future__ import annotations

from ..core.i18n import N_, NP_, translator

STATUS = {"in_force": NP_("status", "in force"), "signed": NP_("status", "signed"),
          "announced": NP_("status", "announced"), "held": NP_("status", "held"),
          "expired": NP_("status", "expired"),
          "superseded": NP_("status", "superseded")}
KIND = {"agreement": N_("Agreement"), "procedure": N_("Procedure"), "contact": N_("Contact point")}
CONTACT_TYPE = {"embassy": N_("Embassy"), "consulate": N_("Consulate"), "hotline": N_("Hotline"),
                "ombudsman": N_("Ombudsman"), "migration_centre": N_("Migration centre"),
                "agency": N_("Agency"), "ngo": N_("NGO")}
# WhatsApp and Telegram are names, the same in every language and script: not translated.
PHONE_LABEL = {"general": N_("phone"), "hotline": N_("hotline"), "consular": N_("consular section"),
               "duty": N_("duty officer"), "reception": N_("reception"), "fax": N_("fax"),
               "mobile": N_("mobile"), "whatsapp": "WhatsApp", "telegram": "Telegram"}


def status(code: str, lang: str) -> str:
    return translator(lang).pgettext("status", STATUS.get(code, code))


def kind(code: str, lang: str) -> str:
    return translator(lang).gettext(KIND.get(code, code))


def contact_type(code: str | None, lang: str) -> str:
    return translator(lang).gettext(CONTACT_TYPE.get(code or "", code or ""))


def phone_label(code: str, lang: str) -> str:
    return translator(lang).gettext(PHONE_LABEL.get(code, code))


def needs_review(lang: str) -> str:
    """The mark of a record whose review date has passed (its facts may be out of date)."""
    return translator(lang).gettext("needs review")


def not_confirmed(lang: str) -> str:
    """What an empty field reads, on screen and on paper."""
    return translator(lang).gettext("not confirmed")


def unverified(lang: str) -> str:
    """The mark of a fact its sources do not confirm."""
    return translator(lang).gettext("unverified")


def results_count(n: int, lang: str) -> str:
    return translator(lang).ngettext("{n} result", "{n} results", n).format(n=n)
