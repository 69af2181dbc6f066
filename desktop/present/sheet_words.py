"""The words of the printed sheets (full and client): labels said the same on screen and on paper where the
screen has them (one message for both), the sheet's own phrasings with the message context "sheet"."""
from __future__ import annotations

from ..core.i18n import N_, NP_, translator

CHECKBOX = "\u2610"  # ☐, in the bundled font

# The sheet's labels. Most say what the record page says (one message for both); the sheet's own phrasings
# carry the context "sheet".
SHARED = {"region": N_("Region"), "steps": N_("Steps"), "where": N_("Where"), "documents": N_("Required documents"),
          "fees": N_("Fees"), "legal_basis": N_("Legal basis"), "contacts": N_("Contacts"),
          "address": N_("Address"), "phone": N_("Phone"), "email": N_("E-mail"), "website": N_("Website"),
          "hours": N_("Working hours"), "sources": N_("Sources")}
SHEET_ONLY = {"citizenship": NP_("sheet", "Citizenship"), "not_chosen": NP_("sheet", "not chosen"),
              "for_others": NP_("sheet", "This procedure is for citizens of: {countries}"),
              "key_deadlines": NP_("sheet", "Key deadlines"), "deadline": NP_("sheet", "Deadline"),
              "verified_on": NP_("sheet", "Verified on"), "dataset": NP_("sheet", "Dataset version"),
              "printed": NP_("sheet", "Printed on"), "qr": NP_("sheet", "Source (QR code)"),
              "draft": NP_("sheet", "Draft translation"),
              "short_in": NP_("sheet", "dial only inside {country}")}


def label(key: str, lang: str, **fields: str) -> str:
    """A sheet label in `lang`; `fields` fill its placeholders."""
    tr = translator(lang)
    text = tr.pgettext("sheet", SHEET_ONLY[key]) if key in SHEET_ONLY else tr.gettext(SHARED[key])
    return text.format(**fields) if fields else text


