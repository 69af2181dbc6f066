"""Printable procedure sheets: what goes on one, chosen for the client; the words and HTML are in
`desktop.present.sheet_html`, the paper layout and the PDF in `sheet_pdf`.

A sheet holds what to do, by when, with which documents, and whom to call in the client's region, for one
procedure, one citizenship and one Russian region. Nothing about the client as a person goes on a sheet:
only the citizenship and the region that select the deadlines and contacts.

Languages are chosen per sheet, independent of the interface language (`languages.SHEET`). In bilingual
mode every section shows the client's language beside Russian, so the same sheet works at a Russian office.

Two kinds: the client sheet (the default: one page a language, the first steps as a checklist with the
client's own dates, the documents, two or three contacts, a QR code to the best non-commercial source) and
the full sheet (`full=True`: every step, note, fee, basis and source). The client's dates are computed by the
deadline helper's code (`core.deadlines`) from the dates the advisor gives (`anchors`); they are printed and
never stored.
"""
from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import dataclass, field
from urllib.parse import urlparse

import segno

from . import model as m
from .contacts import contacts_for
from .deadlines import deadlines_for, due_date, pick_deadline
from .freshness import best_official_source
from .languages import SHEET
from .store import Store

PARTNER_LANG = "ru"  # the second language of a bilingual sheet: what a Russian official reads

# The dates an advisor can give for a client, in the order the sheet dialog and the CLI offer them: every
# `counted_from` of the content model but the start of the year, which is no date of the client's.
ANCHORS = ("entry", "arrival", "issue", "contract", "contract_end", "application", "expiry", "payment")
CLIENT_MAX_STEPS = 6     # a client sheet lists at most this many steps (the full sheet has them all) ...
CLIENT_MIN_STEPS = 3     # ... and gives up steps down to this many before it gives up a page
CLIENT_MAX_CONTACTS = 3

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
    full: bool = False  # the full sheet (every step, note and source) instead of the one-page client sheet
    anchors: dict[str, _dt.date] = field(default_factory=dict)  # the client's dates: entry, contract …

    @property
    def langs(self) -> tuple[str, ...]:
        """The sheet's languages: the client's, and Russian beside it in bilingual mode."""
        if self.bilingual and self.lang != PARTNER_LANG:
            return (self.lang, PARTNER_LANG)
        return (self.lang,)


@dataclass(frozen=True)
class Variant:
    """One way of laying a sheet out: its HTML, body type size (px = pt on paper) and the most pages it may
    take. A client sheet offers several, roomiest first; the layout takes the first that fits."""
    html: str
    body_px: int
    max_pages: int = 0  # 0: as many as it needs (the full sheet)


@dataclass
class SheetContent:
    """One procedure's sheet: its HTML and what the page furniture needs."""
    procedure_id: str
    html: str
    title: str        # in the client's language: running header of pages 2+, PDF title
    footer: tuple[str, ...]  # lines: dataset version, print date
    qr_url: str | None
    langs: tuple[str, ...]
    variants: tuple[Variant, ...] = ()  # a client sheet's layouts, roomiest first; none: `html`, paginated
    full: bool = True


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


@dataclass(frozen=True)
class ClientStep:
    """A step on the client sheet: its number among the client's steps, the deadline the sheet states and,
    when the advisor gave the date it counts from, the client's own date."""
    number: int
    step: m.Step
    deadline: m.Deadline | None
    due: _dt.date | None


def given_anchors(anchors: dict[str, _dt.date]) -> dict[str, _dt.date]:
    """The dates to count from: arrival at the place of stay is the entry date unless given (as the deadline
    helper counts)."""
    known = {k: v for k, v in anchors.items() if k in ANCHORS}
    if "entry" in known:
        known.setdefault("arrival", known["entry"])
    return known


def step_deadline(step: m.Step, citizenship: str, anchors: dict[str, _dt.date]) -> tuple[m.Deadline | None,
                                                                                         _dt.date | None]:
    """The deadline a sheet states for a step and the client's date by it. The citizenship's deadlines come
    first (`core.deadlines.deadlines_for`); among them the first counted from a date the advisor gave, as the
    deadline helper's `plan` chooses, else the first. The date is `core.deadlines.due_date`'s."""
    chosen = deadlines_for(step.deadlines, citizenship)
    dated = [d for d in chosen if d.counted_from in anchors]
    deadline = dated[0] if dated else (chosen[0] if chosen else None)
    if deadline is None or deadline.counted_from not in anchors:
        return deadline, None
    try:
        return deadline, due_date(deadline, anchors[deadline.counted_from])
    except ValueError:  # working days before an event: not computed (as in the helper)
        return deadline, None


def client_plan(procedure: m.Procedure, citizenship: str, anchors: dict[str, _dt.date]) -> list[ClientStep]:
    """Every step for the citizenship with its deadline and, where the anchor is given, the date."""
    known = given_anchors(anchors)
    return [ClientStep(n, step, *step_deadline(step, citizenship, known))
            for n, step in enumerate(client_steps(procedure, citizenship), 1)]


def anchors_used(procedure: m.Procedure, citizenship: str | None) -> list[str]:
    """The dates whose giving puts the client's own dates on the sheet, in ANCHORS order (the dialog offers
    these fields)."""
    used = {d.counted_from for s in procedure.steps if applies(s.applies_to, citizenship or m.ALL)
            for d in deadlines_for(s.deadlines, citizenship)}
    if "arrival" in used:
        used.add("entry")  # arrival is counted from the entry date unless it is given
    return [a for a in ANCHORS if a in used]


@dataclass(frozen=True)
class ClientContact:
    """A contact on the client sheet; one with no phone and no address says whom to ask (`ask_at`)."""
    contact: m.Contact
    ask_at: m.Contact | None = None


def reachable(contact: m.Contact) -> bool:
    """A phone or an address is known."""
    address = contact.address
    return bool(contact.phones) or bool(address and (address.text or address.value))


def client_contacts(store: Store, procedure: m.Procedure, region: str | None, citizenship: str,
                    limit: int = CLIENT_MAX_CONTACTS, ordered: list[m.Contact] | None = None) -> list[ClientContact]:
    """The two or three contacts a client sheet gives: only contacts "Whom to call" lists for this citizenship
    and region (core.contacts, so a Moscow-only place never appears for another region), in its order; the
    last place goes to the procedure's own contact (a `contact_for` link with a phone or an address) when
    none of the first is one. A contact with neither phone nor address gets
    whom to ask instead (the first chosen one that has them, and one always has them when any contact does);
    a contact with nothing to reach it by, and nobody to ask, is left out. `ordered`: `region_contacts`'
    answer when the caller has it already."""
    if ordered is None:
        ordered = region_contacts(store, region, citizenship)
    chosen = ordered[:limit]
    linked = [c for c in ordered if c.id in {link.to for link in procedure.links if link.rel == "contact_for"}
              and reachable(c)]
    extra = next((c for c in linked if c not in chosen), None)
    if extra is not None and limit > 2 and not any(c in linked for c in chosen):
        chosen = chosen[:limit - 1] + [extra]  # the last place for the procedure's own contact
    first_reachable = next((c for c in ordered if reachable(c)), None)
    if first_reachable is not None and first_reachable not in chosen:
        chosen = chosen[:limit - 1] + [first_reachable]
    ask = next((c for c in chosen if reachable(c)), None)
    out = []
    for c in chosen:
        if reachable(c) or ask is not None or (c.website and c.website.value):  # never a row with nothing
            out.append(ClientContact(c, None if reachable(c) else ask))
    return out


# --------------------------------------------------------------------------- sources and the QR code

def qr_source_url(record: m.Record) -> str | None:
    """The address the QR code carries: the best non-commercial source (`core.freshness`), or none."""
    source = best_official_source(record)
    return source.url if source else None


def source_host(url: str) -> str:
    host = (urlparse(url).hostname or url).lower()
    host = host[4:] if host.startswith("www.") else host
    try:
        return host.encode("ascii").decode("idna")
    except UnicodeError:
        return host


@functools.lru_cache(maxsize=64)  # a batch, a preview's rebuilds and the size and the image share one code
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
