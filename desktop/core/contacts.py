"""Whom to call: the contact points for a client's citizenship and Russian region, most useful first.

Order: the client's own mission whose consular district covers the region (or that sits in it), the
embassy, the home country's agencies and hotlines (an office in the region before the head office), the
region's ombudsman, migration centres, Russian federal bodies, then NGOs. Offices that are only planned
are left out unless asked for.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import model as m
from .store import Store


@dataclass
class Found:
    contact: m.Contact
    covers_region: bool      # located in the region, or its district covers it
    everywhere: bool         # serves the whole country (agencies, hotlines)


def _rank(found: Found, citizenship: str | None) -> tuple[int, bool, str]:
    c = found.contact
    own = bool(citizenship) and citizenship in c.serves
    local = found.covers_region and not found.everywhere
    if own and c.type in ("consulate", "embassy") and local:
        group = 0
    elif own and c.type == "embassy":
        group = 1
    elif own:
        group = 2 if local else 3
    elif c.type == "ombudsman":
        group = 4
    elif c.type == "migration_centre":
        group = 5
    elif c.type in ("agency", "hotline"):
        group = 6
    else:
        group = 7
    return (group, not local, c.id)


def contacts_for(store: Store, citizenship: str | None, region: str | None,
                 include_planned: bool = False) -> list[Found]:
    """Contacts serving `citizenship` (or everybody) that cover `region` (or everywhere)."""
    covering = set(store.contacts_covering(region)) if region else None
    found = []
    for rid in store.ids("contact"):
        contact = store.record(rid)
        assert isinstance(contact, m.Contact)  # an id the store lists as a contact
        if contact.status in ("expired", "superseded") or (contact.status == "announced" and not include_planned):
            continue
        if citizenship and m.ALL not in contact.serves and citizenship not in contact.serves:
            continue
        everywhere = m.ALL in store.contact_region_codes(rid)
        # A country's embassy (in Moscow; offices elsewhere are branches) helps its citizens anywhere.
        head_embassy = contact.type == "embassy" and contact.region == "RU-MOW" and bool(citizenship) \
            and citizenship in contact.serves
        if covering is not None and rid not in covering and not head_embassy:
            continue
        found.append(Found(contact, covers_region=covering is None or rid in covering, everywhere=everywhere))
    found.sort(key=lambda f: _rank(f, citizenship))
    return found
