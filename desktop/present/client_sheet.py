"""The client sheet: one page a language that the client keeps. What to do (the first steps as a checklist, each
with its deadline and, when the advisor gave the date it counts from, the client's own date), the documents to
bring, the two or three contacts to call and a QR code to the best non-commercial source.

What goes on it is chosen in `core.sheets` (steps, dates, contacts, source); the words are the screen's
(`present.deadlines`, `present.labels`, the sheet labels of `present.sheet_html`). A page must hold it all,
so the sheet is written in several variants, roomiest first; `core.sheet_pdf` takes the first that fits:
smaller type, then fewer steps with only their first sentence (the rest is on the full sheet).
Bilingual: both languages side by side on one page when that fits, else the client's language on the front
and Russian on the back.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from ..core import model as m
from ..core import sheets
from ..core.freshness import best_official_source
from ..core.i18n import N_, NP_, format_date, translator
from ..core.languages import content_language, localized
from ..core.sheets import ClientContact, ClientStep, SheetContent, SheetOptions, Variant
from ..core.store import Store
from . import labels
from .deadlines import deadline_phrase
from .sheet_words import CHECKBOX, label
from .text import cap, esc, first_sentence, title_in

SHARED = {"what_to_do": N_("What to do"), "whom_to_call": N_("Whom to call")}
CLIENT = {"dates_given": NP_("sheet", "Your dates are counted from the date you gave:"),
          "by_date": NP_("sheet", "By {date}"),
          "bring": NP_("sheet", "Documents to bring"),
          "arrival_is_entry": NP_("sheet", "Arrival at the place of stay is counted from the entry date: if you "
                                           "arrived later, your date is later too."),
          "working_days": NP_("sheet", "Working days are Monday to Friday; public holidays are not counted, so "
                                       "the real date may be later."),
          "ask_at": NP_("sheet", "Phone and address: ask at {name}"),
          "ask_site": NP_("sheet", "Ask at: {site}"),
          "scan_official": NP_("sheet", "Scan: the official page"),
          "scan_source": NP_("sheet", "Scan: more about this")}
# The dates an advisor gives, as the sheet names them ("Date of entry: 3 December 2026").
ANCHOR_NAMES = {"entry": NP_("sheet date", "Date of entry into Russia"),
                "arrival": NP_("sheet date", "Date of arrival at the place of stay"),
                "issue": NP_("sheet date", "Date of issue"),
                "contract": NP_("sheet date", "Date the contract was signed"),
                "contract_end": NP_("sheet date", "End of the contract"),
                "application": NP_("sheet date", "Date of application"),
                "expiry": NP_("sheet date", "Expiry date"),
                "payment": NP_("sheet date", "Date of payment")}


def clip(text: str, chars: int) -> str:
    """`text` cut at a word before `chars` characters, with "…" (the whole text is on the full sheet)."""
    if not chars or len(text) <= chars:
        return text
    return text[:chars].rsplit(" ", 1)[0].rstrip(",;:—-") + "…"


def anchor_name(code: str, lang: str) -> str:
    return translator(lang).pgettext("sheet date", ANCHOR_NAMES[code])


def word(key: str, lang: str, **fields: str) -> str:
    tr = translator(lang)
    text = tr.pgettext("sheet", CLIENT[key]) if key in CLIENT else tr.gettext(SHARED[key])
    return text.format(**fields) if fields else text


@dataclass(frozen=True)
class Level:
    """How roomy a variant is."""
    body_px: int
    steps: int                   # at most this many steps
    whole_steps: bool = True     # the whole step text, else its first sentence
    details: bool = True         # where to go, the rule beside a date
    contacts: int = sheets.CLIENT_MAX_CONTACTS
    documents: int = 99
    asides: bool = True          # a document's words in brackets (often "see the note …")
    chars: int = 0               # a step or document longer than this is cut at a word, with "…" (0: never)


NBSP = "\u00a0"
_TIGHT = dict(whole_steps=False, details=False, asides=False)
LEVELS = (Level(14, 6), Level(13, 6), Level(12, 6), Level(12, 6, whole_steps=False, asides=False),
          Level(12, 5, whole_steps=False, asides=False), Level(11, 5, **_TIGHT), Level(11, 4, **_TIGHT),
          Level(11, 4, contacts=2, **_TIGHT), Level(10, 3, contacts=2, documents=8, **_TIGHT),
          Level(10, 3, contacts=2, documents=8, chars=150, **_TIGHT),
          Level(10, 3, contacts=2, documents=6, chars=90, **_TIGHT))
ASIDE = re.compile(r"\s*\([^()]*\)")
SIDE_BY_SIDE = Level(12, 6)  # bilingual on one page: only when both languages fit at this size


class _ClientWriter:
    def __init__(self, store: Store, procedure: m.Procedure, options: SheetOptions):
        self.store, self.p, self.o = store, procedure, options
        self.plan = sheets.client_plan(procedure, options.citizenship, options.anchors)
        self._contacts: dict[int, list[ClientContact]] = {}
        self._ordered = sheets.region_contacts(store, options.region, options.citizenship)
        self.documents = sheets.client_items(procedure.documents, options.citizenship)
        self.source = best_official_source(procedure)
        self.qr_size = sheets.qr_points(self.source.url) if self.source and self.source.url else 0
        self.countries = {c.code: c.name for c in store.countries()}
        self.regions = {r.code: r.name for r in store.regions()}
        self.given = sheets.given_anchors(options.anchors)

    def page(self, lang: str, level: Level, qr: bool, break_before: bool = False) -> str:
        """One language's sheet; `qr`: with the QR code beside the title."""
        style = ' style="page-break-before: always"' if break_before else ""
        return (f'<table width="100%" cellspacing="0" cellpadding="0"{style}><tr><td>{self.header(lang)}'
                f'</td>{self.qr_cell(lang) if qr else ""}</tr></table>{self.steps(lang, level)}'
                f'{self.bring(lang, level)}{self.call(lang, level)}')

    def qr_cell(self, lang: str) -> str:
        if not (self.source and self.source.url):
            return ""
        caption = word("scan_official" if self.source.type == "official" else "scan_source", lang)
        size = self.qr_size
        return (f'<td width="{size + 12}" align="center" class="qr"><img src="{sheets.QR_RESOURCE}" '
                f'width="{size}" height="{size}"><br><span class="muted">{esc(caption)}<br>'
                f'{esc(sheets.source_host(self.source.url))}</span></td>')

    # ---- sections

    def header(self, lang: str) -> str:
        o = self.o
        country = localized(self.countries.get(o.citizenship), lang) or o.citizenship
        region = localized(self.regions.get(o.region), lang) if o.region else label("not_chosen", lang)
        out = [f'<p class="title">{esc(title_in(self.p, lang))}</p>',
               f'<p class="whom"><b>{esc(label("citizenship", lang))}:</b> {esc(country)} &nbsp;·&nbsp; '
               f'<b>{esc(label("region", lang))}:</b> {esc(region or o.region)}</p>']
        if not sheets.applies(self.p.applies_to, o.citizenship):
            names = ", ".join(localized(self.countries.get(c), lang) or c for c in self.p.applies_to)
            out.append(f'<p class="warning">{esc(label("for_others", lang, countries=names))}</p>')
        used = {s.deadline.counted_from for s in self.plan if s.due and s.deadline}
        if used:
            given = [f'{esc(anchor_name(a, lang))}: {_day(self.given[a], lang)}'
                     for a in sheets.ANCHORS if a in used and not (a == "arrival" and self._arrival_is_entry())]
            if "arrival" in used and self._arrival_is_entry() and "entry" not in used:
                given.insert(0, f'{esc(anchor_name("entry", lang))}: {_day(self.given["entry"], lang)}')
            notes = []
            if "arrival" in used and self._arrival_is_entry():
                notes.append(word("arrival_is_entry", lang))
            if any(s.due and s.deadline and s.deadline.working_days for s in self.plan):
                notes.append(word("working_days", lang))
            extra = "".join(f'<br><span class="muted">{esc(n)}</span>' for n in notes)
            out.append(f'<p class="given">{esc(word("dates_given", lang))}<br>{"<br>".join(given)}{extra}</p>')
        return "".join(out)

    def _arrival_is_entry(self) -> bool:
        return "arrival" not in self.o.anchors

    def steps(self, lang: str, level: Level) -> str:
        shown = self.plan[:level.steps]
        rows = "".join(self._step(s, lang, level) for s in shown)
        if not rows:
            rows = f'<tr><td></td><td>{esc(labels.not_confirmed(lang))}</td></tr>'
        more = len(self.plan) - len(shown)
        if more:
            text = translator(lang).npgettext("sheet", "{n} more step is on the full sheet: ask the advisor for it.",
                                              "{n} more steps are on the full sheet: ask the advisor for them.",
                                              more).format(n=more)
            rows += f'<tr><td></td><td><span class="muted">{esc(text)}</span></td></tr>'
        return (f'<h2>{esc(word("what_to_do", lang))}</h2><table width="100%" class="steps" cellspacing="0" '
                f'cellpadding="2">{rows}</table>')

    def _step(self, s: ClientStep, lang: str, level: Level) -> str:
        text = localized(s.step.text, lang)
        if not level.asides:
            text = ASIDE.sub("", text)  # "(see the note …)" first: its "см." would end a first sentence
        text = clip(text if level.whole_steps else first_sentence(text), level.chars)
        flag = "" if s.step.confidence == "verified" else \
            f' <span class="muted">({esc(labels.unverified(lang))})</span>'
        lines = [f'<b>{s.number}.</b> {esc(text)}{flag}']
        if s.deadline and s.due:
            when = f'<b>{esc(word("by_date", lang, date=format_date(s.due, lang)))}</b>'
            if level.details:
                when += f' <span class="muted">({esc(deadline_phrase(s.deadline, lang))})</span>'
            lines.append(when)
        elif s.deadline:
            lines.append(f'<b>{esc(cap(deadline_phrase(s.deadline, lang)))}</b>')
        where = localized(s.step.where, lang) if level.details else ""
        if where:
            lines.append(f'<span class="muted">{esc(label("where", lang))}: {esc(where)}</span>')
        return f'<tr><td width="5%" class="box">{CHECKBOX}</td><td>{"<br>".join(lines)}</td></tr>'

    def bring(self, lang: str, level: Level) -> str:
        if not self.documents:
            return ""
        docs = self.documents[:level.documents]
        items = [esc(clip(localized(d.text, lang) if level.asides else ASIDE.sub("", localized(d.text, lang)),
                          level.chars)) for d in docs]
        more = len(self.documents) - len(docs)
        if more:
            items.append(f'<span class="muted">+{more}</span>')
        columns = 2 if len(items) > 4 else 1
        per = -(-len(items) // columns)  # down the first column, then the second
        cells = []
        for col in range(columns):
            rows = "".join(f'<tr><td width="9%" class="dbox">{CHECKBOX if i < len(docs) else ""}</td>'
                           f'<td>{items[i]}</td></tr>' for i in range(col * per, min(len(items), (col + 1) * per)))
            cells.append(f'<td width="{100 // columns}%"><table width="100%" cellspacing="0" cellpadding="1">'
                         f'{rows}</table></td>')
        return (f'<h2>{esc(word("bring", lang))}</h2><table width="100%" class="docs" cellspacing="0" '
                f'cellpadding="0"><tr>{"".join(cells)}</tr></table>')

    def call(self, lang: str, level: Level) -> str:
        if level.contacts not in self._contacts:
            self._contacts[level.contacts] = sheets.client_contacts(self.store, self.p, self.o.region,
                                                                    self.o.citizenship, level.contacts,
                                                                    self._ordered)
        contacts = [self._contact(c, lang) for c in self._contacts[level.contacts]] or \
            [esc(labels.not_confirmed(lang))]
        # One under the other: side by side, a PDF's text (and a screen reader) would mix their lines.
        rows = "".join(f'<tr><td class="contact">{c}</td></tr>' for c in contacts)
        return (f'<h2>{esc(word("whom_to_call", lang))}</h2><table width="100%" class="call" cellspacing="0" '
                f'cellpadding="3">{rows}</table>')

    def _contact(self, cc: ClientContact, lang: str) -> str:
        c = cc.contact
        lines = [f'<b>{esc(title_in(c, lang))}</b>']
        phones = [self._phone(p, lang) for p in c.phones]
        address = c.address and (localized(c.address.text, lang) or c.address.value)
        reach = phones + ([esc(address)] if address else [])
        if reach:
            lines.append(" · ".join(reach))
        if not phones and not address:
            if c.website and c.website.value:
                lines.append(esc(word("ask_site", lang, site=sheets.source_host(c.website.value))))
            elif cc.ask_at is not None:
                lines.append(esc(word("ask_at", lang, name=title_in(cc.ask_at, lang))))
        return "<br>".join(lines)

    def _phone(self, p: m.Phone, lang: str) -> str:
        extra = f' <span class="muted">({esc(labels.phone_label(p.label, lang))})</span>' \
            if p.label not in ("general",) else ""
        return f'<span class="phone">{esc(p.number).replace(" ", NBSP)}</span>{extra}'

    def footer(self) -> tuple[str, ...]:
        """A line per language (dataset version, print date), and the draft-translation marks."""
        version = self.store.meta().get("dataset_version", "?")
        lines = [f'Migrant Desk · {label("dataset", lang)}: {version} · {label("printed", lang)}: '
                 f'{format_date(self.o.printed_on, lang)}' for lang in self.o.langs]
        drafts = [label("draft", lang) for lang in self.o.langs
                  if self.p.text(content_language(lang)).translation == "draft"]
        return (*lines, " / ".join(drafts)) if drafts else tuple(lines)


def build_client_sheet(store: Store, procedure_id: str, options: SheetOptions) -> SheetContent:
    """The one-page client sheet (two pages, front and back, when bilingual does not fit side by side)."""
    record = sheets.sheet_procedure(store, procedure_id, options)
    w = _ClientWriter(store, record, options)
    langs = options.langs
    variants: list[Variant] = []
    if len(langs) > 1:
        lv = SIDE_BY_SIDE
        halves = "".join(f'<td width="50%">{w.page(lang, lv, qr=n == 0)}</td>'
                         for n, lang in enumerate(langs))
        variants.append(Variant(_html(lang=langs[0], body=f'<table width="100%" cellspacing="0" cellpadding="6">'
                                                          f'<tr>{halves}</tr></table>'), lv.body_px, 1))
        for lv in LEVELS:
            body = w.page(langs[0], lv, qr=True) + w.page(langs[1], lv, qr=False, break_before=True)
            variants.append(Variant(_html(langs[0], body), lv.body_px, 2))
    else:
        variants = [Variant(_html(langs[0], w.page(langs[0], lv, qr=True)), lv.body_px, 1) for lv in LEVELS]
    return SheetContent(procedure_id=procedure_id, html=variants[0].html, title=title_in(record, langs[0]),
                        footer=w.footer(), qr_url=w.source.url if w.source else None, langs=langs,
                        variants=tuple(variants), full=False)


def _day(day: _dt.date, lang: str) -> str:
    """A date in bold, its spaces unbreakable (the sheet puts it where a line has room for it)."""
    return f'<b>{esc(format_date(day, lang)).replace(" ", NBSP)}</b>'


def _html(lang: str, body: str) -> str:
    return f'<html><body lang="{lang}">{body}</body></html>'
