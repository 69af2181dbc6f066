"""The content model: plain dataclasses shared by the validator, the build and the store.

Localised text (`LocalText`) is a dict language -> string; `core.languages.localized()` applies the app's
fallback chain (requested -> ru -> en), so callers never pick a language by hand.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .languages import FALLBACK

KINDS = ("agreement", "procedure", "contact")
STATUSES = ("in_force", "signed", "announced", "held", "expired", "superseded")  # held: a meeting that took place
TRANSLATION_STATES = ("original", "reviewed", "draft")
CONFIDENCE = ("verified", "partial", "unverified")
LINK_RELS = ("based_on", "implements", "contact_for", "supersedes", "related")
NOTE_TYPES = ("conflict", "unverified", "gap", "outdated", "info")
DATE_KEYS = ("signed", "valid_from", "valid_to", "event")
AGREEMENT_TYPES = ("treaty", "convention", "intergovernmental_agreement", "joint_statement",
                   "action_plan", "working_group", "meeting", "decree", "law")
TOPICS = ("registration", "patent", "eaeu_work", "stay_limit", "registry", "amina", "amnesty",
          "exam", "tax", "medical", "school", "policy",
          # the acute situations and consular services (issue 16)
          "detention", "expulsion", "passport", "migration_card", "wages", "fraud", "death", "consular",
          "family", "entry")
# what kind of publisher a source is: a sheet's QR and "official source" link never point at `commercial`
SOURCE_TYPES = ("official", "code", "ngo", "news", "commercial")
REVIEW_MONTHS = 12  # a record's review_by defaults to verified_on + this many months
COUNTED_FROM = ("entry", "arrival", "issue", "contract", "contract_end", "application", "expiry",
                "payment", "year_start")
CONTACT_TYPES = ("embassy", "consulate", "hotline", "ombudsman", "migration_centre", "agency", "ngo")
PHONE_LABELS = ("general", "hotline", "consular", "duty", "reception", "fax", "mobile", "whatsapp",
                "telegram")
FEDERAL_DISTRICTS = ("CEN", "NW", "SOU", "NCA", "VOL", "URA", "SIB", "FE")
ALL = "all"

LocalText = dict[str, str]  # language -> text


@dataclass
class Text:
    title: str
    summary: str
    body: str
    translation: str


@dataclass
class Source:
    id: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    note: str | None = None
    type: str | None = None  # one of SOURCE_TYPES (None only in a dataset built before source types)


@dataclass
class Note:
    type: str
    text: LocalText


@dataclass
class Link:
    rel: str
    to: str


@dataclass
class Fact:
    """A single sourced value (address, e-mail, hours …) with its own confidence."""
    value: str | None = None
    text: LocalText | None = None
    source: str | None = None
    confidence: str = "verified"
    note: LocalText | None = None


@dataclass
class Deadline:
    days: int | None = None
    months: int | None = None
    counted_from: str = "entry"
    working_days: bool = False
    before: bool = False
    applies_to: list[str] = field(default_factory=lambda: [ALL])
    note: LocalText | None = None

    def applies(self, citizenship: str | None) -> bool:
        return ALL in self.applies_to or citizenship in self.applies_to


@dataclass
class Step:
    text: LocalText
    deadlines: list[Deadline] = field(default_factory=list)
    where: LocalText | None = None
    applies_to: list[str] = field(default_factory=lambda: [ALL])
    confidence: str = "verified"
    note: LocalText | None = None


@dataclass
class Item:
    """A document to bring or a fee to pay."""
    text: LocalText
    applies_to: list[str] = field(default_factory=lambda: [ALL])
    amount: float | None = None
    currency: str | None = None
    source: str | None = None
    confidence: str = "verified"
    note: LocalText | None = None


@dataclass
class LegalBasis:
    to: str | None = None
    law: LocalText | None = None


@dataclass
class Phone:
    number: str
    label: str = "general"
    short_in: str | None = None  # a short number dialled only inside this country
    source: str | None = None
    confidence: str = "verified"
    note: LocalText | None = None


@dataclass
class District:
    regions: list[str] = field(default_factory=list)
    federal_districts: list[str] = field(default_factory=list)
    all: bool = False
    source: str | None = None
    note: LocalText | None = None


@dataclass
class Record:
    id: str
    kind: str
    texts: dict[str, Text]
    status: str
    verified_on: str
    sources: list[Source]
    applies_to: list[str] = field(default_factory=lambda: [ALL])
    regions: list[str] = field(default_factory=lambda: [ALL])
    dates: dict[str, str] = field(default_factory=dict)
    confidence: str = "verified"
    confidence_note: LocalText | None = None
    notes: list[Note] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    ref: str | None = None
    source_file: str | None = None
    review_by: str | None = None  # YYYY-MM-DD; past it the app shows "needs review"

    def text(self, lang: str) -> Text:
        for candidate in (lang, *FALLBACK):
            if candidate in self.texts:
                return self.texts[candidate]
        return next(iter(self.texts.values()))

    def title(self, lang: str) -> str:
        return self.text(lang).title


@dataclass
class Agreement(Record):
    agreement_type: str | None = None
    parties: list[str | LocalText] = field(default_factory=list)  # country codes, or names of organisations


@dataclass
class Procedure(Record):
    topic: str | None = None
    steps: list[Step] = field(default_factory=list)
    documents: list[Item] = field(default_factory=list)
    fees: list[Item] = field(default_factory=list)
    legal_basis: list[LegalBasis] = field(default_factory=list)


@dataclass
class Contact(Record):
    type: str | None = None
    serves: list[str] = field(default_factory=lambda: [ALL])
    city: LocalText | None = None
    region: str | None = None
    district: District | None = None
    address: Fact | None = None
    phones: list[Phone] = field(default_factory=list)
    email: Fact | None = None
    website: Fact | None = None
    hours: Fact | None = None
    head: Fact | None = None


RECORD_CLASSES = {"agreement": Agreement, "procedure": Procedure, "contact": Contact}


@dataclass
class Region:
    code: str
    name: LocalText
    federal_district: str


@dataclass
class Country:
    code: str
    name: LocalText
    citizenship: bool = False
    eaeu: bool = False
