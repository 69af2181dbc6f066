"""Printable procedure sheets: what goes on one, chosen for the client; the words and HTML are in
`desktop.present.sheet_html`, the paper layout and the PDF in `sheet_pdf`.

A sheet holds what to do, by when, with which documents, and whom to call in the client's region, for one
procedure, one citizenship and one Russian region. Nothing about the client as a person goes on a sheet:
only the citizenship and the region that select the deadlines and contacts.

Languages are chosen per sheet, independent of the interface language (`languages.SHEET`). In bilingual
mode every section shows the client's language beside Russian, so the same sheet works at a Russian office.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from urllib.parse import urlparse

import segno

from . import model as m
from .contacts import contacts_for
from .deadlines import pick_deadline
from .languages import SHEET
from .store import Store

PARTNER_LANG = "ru"  # the second language of a bilingual sheet: what a Russian official reads

# Hosts of governments and treaty bodies: a source there is preferred for the QR code.
OFFICIAL_HOST_SUFFIXES = ("gov.ru", "gov.uz", "gov.kg", "gov.tj", "kremlin.ru", "government.ru",
                          "xn--b1aew.xn--p1ai", "мвд.рф", "mid.ru", "mfa.uz", "lex.uz", "eaeunion.org")

QR_RESOURCE = "sheet-qr:source"  # the QR image's name inside the QTextDocument
QR_MIN_PT = 96     # about 34 mm
QR_MODULE_PT = 1.6  # about 0.56 mm a module: a phone camera reads that off an office print


class SheetError(Exception):
    """A sheet cannot be made (unknown procedure, citizenship, region or language); the message says why."""


@dataclass(frozen=True)
class SheetOptions:
    lang: str = "ru"
    citizenship: str = "UZ"
    region: str | None = None
    bilingual: bool = False
    printed_on: _dt.date = field(default_factory=_dt.date.today)

    @property
    def langs(self) -> tuple[str, ...]:
        """The sheet's languages: the client's, and Russian beside it in bilingual mode."""
        if self.bilingual and self.lang != PARTNER_LANG:
            return (self.lang, PARTNER_LANG)
        return (self.lang,)


@dataclass
class SheetContent:
    """One procedure's sheet: its HTML and what the page furniture needs."""
    procedure_id: str
    html: str
    title: str        # in the client's language: running header of pages 2+, PDF title
    footer: tuple[str, ...]  # lines: dataset version, print date
    qr_url: str | None
    langs: tuple[str, ...]


# --------------------------------------------------------------------------- what applies to the client

def applies(codes: list[str], citizenship: str) -> bool:
    return m.ALL in codes or citizenship in codes


def client_steps(procedure: m.Procedure, citizenship: str) -> list[m.Step]:
    return [s for s in procedure.steps if applies(s.applies_to, citizenship)]


def client_items(items: list[m.Item], citizenship: str) -> list[m.Item]:
    """The documents or fees that apply to the citizenship."""
    return [i for i in items if applies(i.applies_to, citizenship)]


def key_deadlines(steps: list[m.Step], citizenship: str) -> list[tuple[m.Deadline, list[tuple[int, m.Step]]]]:
    """Each distinct deadline of the client's steps once, with the numbered steps (from 1) it applies to."""
    groups: dict[tuple[object, ...], tuple[m.Deadline, list[tuple[int, m.Step]]]] = {}
    for i, step in enumerate(steps, 1):
        d = pick_deadline(step.deadlines, citizenship)
        if d:
            key = (d.days, d.months, d.counted_from, d.working_days, d.before)
            groups.setdefault(key, (d, []))[1].append((i, step))
    return list(groups.values())


def region_contacts(store: Store, region: str | None, citizenship: str) -> list[m.Contact]:
    """Operating contacts for the client, most useful first (the app's one order, core.contacts): the
    consulate whose district covers the region, the embassy, the home country's agencies and hotlines,
    the region's ombudsman, migration centres, Russian federal bodies, NGOs. Without a region: only
    those serving all of Russia, and the embassy."""
    found = contacts_for(store, citizenship, region)
    if region is None:
        found = [f for f in found if f.everywhere or (f.contact.type == "embassy" and f.contact.region == "RU-MOW")]
    return [f.contact for f in found]


# --------------------------------------------------------------------------- sources and the QR code

def is_official(url: str) -> bool:
    host = (urlparse(url).hostname or "").lower()
    return any(host == s or host.endswith("." + s) for s in OFFICIAL_HOST_SUFFIXES)


def qr_source_url(record: m.Record) -> str | None:
    """The address the QR code carries: the first official source, else the first source with an address."""
    urls = [s.url for s in record.sources if s.url]
    return next((u for u in urls if is_official(u)), urls[0] if urls else None)


def source_host(url: str) -> str:
    host = (urlparse(url).hostname or url).lower()
    host = host[4:] if host.startswith("www.") else host
    try:
        return host.encode("ascii").decode("idna")
    except UnicodeError:
        return host


def make_qr(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False)


def qr_points(url: str) -> int:
    """Printed size of the QR code: long addresses need more modules, so a bigger code."""
    modules = make_qr(url).symbol_size(border=4)[0]
    return max(QR_MIN_PT, round(modules * QR_MODULE_PT))


# --------------------------------------------------------------------------- checks

def check_options(store: Store, options: SheetOptions) -> None:
    if options.lang not in SHEET:
        raise SheetError(f"Unknown sheet language '{options.lang}'; choose one of {', '.join(SHEET)}.")
    countries = {c.code for c in store.countries()}
    if options.citizenship not in countries:
        raise SheetError(f"Unknown citizenship '{options.citizenship}'; use a country code such as "
                         f"{', '.join(sorted(c.code for c in store.countries() if c.citizenship))}.")
    if options.region and options.region not in {r.code for r in store.regions()}:
        raise SheetError(f"Unknown region '{options.region}'; use a code such as RU-TA or RU-MOW.")


def sheet_procedure(store: Store, procedure_id: str, options: SheetOptions) -> m.Procedure:
    """The procedure a sheet is made for; raises SheetError with a plain message when it cannot be made."""
    check_options(store, options)
    record = store.record(procedure_id)
    if record is None:
        raise SheetError(f"There is no record '{procedure_id}' in this dataset.")
    if not isinstance(record, m.Procedure):
        raise SheetError(f"'{procedure_id}' is a {record.kind}, not a procedure: sheets are made for procedures.")
    return record
