"""A procedure sheet as HTML for QTextDocument (Qt's rich-text subset: tables and simple CSS, no floats).

What goes on the sheet is chosen by `core.sheets`; this module says it in the sheet's languages. Every
section is a sequence of keep-together tables that `core.sheet_pdf` lays out on paper, one cell per
sheet language (the client's, and Russian beside it in bilingual mode).
"""
from __future__ import annotations

from collections.abc import Callable

from ..core import model as m
from ..core import sheets
from ..core.deadlines import pick_deadline
from ..core.languages import content_language, localized
from ..core.sheets import SheetContent, SheetError, SheetOptions
from ..core.store import Store
from . import labels
from .deadlines import deadline_phrase
from .sheet_words import CHECKBOX, label
from .text import cap, esc, first_sentence, numeric_date, title_in


class _SheetWriter:
    """Writes one procedure's sheet; every section is a sequence of keep-together tables."""

    def __init__(self, store: Store, procedure: m.Procedure, options: SheetOptions):
        self.store, self.p, self.o = store, procedure, options
        self.langs = options.langs
        self.countries = {c.code: c.name for c in store.countries()}
        self.regions = {r.code: r.name for r in store.regions()}
        self.meta = store.meta()
        self.client_steps = sheets.client_steps(procedure, options.citizenship)

    # ---- building blocks

    def _cells(self, render: Callable[[str], str], check: bool = False, cls: str = "unit", last: str = "",
               last_share: int = 0) -> str:
        """A one-row table: an optional tick box, one cell per sheet language, an optional last cell."""
        width = (100 - (6 if check else 0) - last_share) // len(self.langs)
        box = f'<td width="6%" class="box">{CHECKBOX}</td>' if check else ""
        cells = "".join(f'<td width="{width}%" class="cell">{render(lang)}</td>' for lang in self.langs)
        end = f'<td width="{last_share}%" class="last" align="center">{last}</td>' if last else ""
        return (f'<table width="100%" class="{cls}" cellspacing="0" cellpadding="4">'
                f'<tr>{box}{cells}{end}</tr></table>')

    def _heading(self, key: str) -> str:
        return f'<h2>{" / ".join(esc(label(key, lang)) for lang in self.langs)}</h2>'

    def _missing(self, lang: str) -> str:
        return f'<span class="missing">{esc(labels.not_confirmed(lang))}</span>'

    def _flag(self, confidence: str, lang: str) -> str:
        if confidence == "verified":
            return ""
        return f' <span class="flag">({esc(labels.unverified(lang))})</span>'

    def _field(self, key: str, value_html: str, lang: str) -> str:
        return f'<b>{esc(label(key, lang))}:</b> {value_html or self._missing(lang)}'

    def _country(self, code: str, lang: str) -> str:
        return localized(self.countries.get(code), lang) or code

    # ---- sections

    def header(self) -> str:
        c, region = self.o.citizenship, self.o.region

        def titles(lang: str) -> str:
            title = title_in(self.p, lang)
            summary = localized({k: t.summary for k, t in self.p.texts.items()}, lang)
            region_name = localized(self.regions.get(region), lang) if region else label("not_chosen", lang)
            lines = [f'<p class="title">{esc(title)}</p>', f'<p class="summary">{esc(summary)}</p>',
                     f'<p class="whom"><b>{esc(label("citizenship", lang))}:</b> {esc(self._country(c, lang))}'
                     f'<br><b>{esc(label("region", lang))}:</b> {esc(region_name or region)}</p>']
            if not sheets.applies(self.p.applies_to, c):
                names = ", ".join(self._country(code, lang) for code in self.p.applies_to)
                lines.append(f'<p class="warning">{esc(label("for_others", lang, countries=names))}</p>')
            return "".join(lines)

        return self._cells(titles, cls="head")

    def key_deadlines(self) -> str:
        """Each deadline once, in bold, with the steps it applies to (their first sentences)."""
        groups = sheets.key_deadlines(self.client_steps, self.o.citizenship)
        out = [self._heading("key_deadlines")]
        if not groups:
            return "".join(out) + self._cells(self._missing)
        for d, steps in groups:
            def render(lang: str, d: m.Deadline = d, steps: list[tuple[int, m.Step]] = steps) -> str:
                lines = "<br>".join(f"{i}. {esc(first_sentence(localized(step.text, lang)))}" for i, step in steps)
                return f'<b>{esc(cap(deadline_phrase(d, lang)))}</b><br><span class="muted">{lines}</span>'
            out.append(self._cells(render, cls="key"))
        return "".join(out)

    def steps(self) -> str:
        out = [self._heading("steps")]
        if not self.client_steps:
            return "".join(out) + self._cells(self._missing)
        for i, step in enumerate(self.client_steps, 1):
            d = pick_deadline(step.deadlines, self.o.citizenship)

            def render(lang: str, i: int = i, step: m.Step = step, d: m.Deadline | None = d) -> str:
                text = f'<p class="step"><b>{i}.</b> {esc(localized(step.text, lang))}' \
                       f'{self._flag(step.confidence, lang)}</p>'
                deadline = f'<b>{esc(deadline_phrase(d, lang))}</b>' if d else ""
                note = f'<br><span class="note">{esc(localized(d.note, lang))}</span>' if d and d.note else ""
                where = esc(localized(step.where, lang))
                # Two unknowns share one line, so a step with no data does not take three.
                gap = " · " if not (deadline or where) else "<br>"
                return (text + f'<p class="detail">{self._field("deadline", deadline, lang)}{note}{gap}'
                        f'{self._field("where", where, lang)}</p>')
            out.append(self._cells(render, check=True))
        return "".join(out)

    def documents(self) -> str:
        out = [self._heading("documents")]
        docs = sheets.client_items(self.p.documents, self.o.citizenship)
        if not docs:
            return "".join(out) + self._cells(self._missing)
        # One shared warning when the whole list is unconfirmed, instead of a flag on every line.
        shared = all(d.confidence != "verified" for d in docs)
        if shared:
            notes = list({repr(sorted(d.note.items())): d.note for d in docs if d.note}.values())
            note = notes[0] if len(notes) == 1 else None

            def warning(lang: str) -> str:
                text = cap(labels.not_confirmed(lang)) + (f": {localized(note, lang)}" if note else "")
                return f'<span class="warning">{esc(text)}</span>'
            out.append(self._cells(warning))
        for doc in docs:
            def render(lang: str, doc: m.Item = doc) -> str:
                return esc(localized(doc.text, lang)) + ("" if shared else self._flag(doc.confidence, lang))
            out.append(self._cells(render, check=True, cls="item"))
        return "".join(out)

    def fees(self) -> str:
        out = [self._heading("fees")]
        fees = sheets.client_items(self.p.fees, self.o.citizenship)
        if not fees:
            return "".join(out) + self._cells(self._missing)
        for fee in fees:
            amount = ""
            if fee.amount is not None:
                number = f"{fee.amount:,.2f}".rstrip("0").rstrip(".").replace(",", "\u00a0")
                amount = f": <b>{esc(number)}\u00a0{esc(fee.currency or '')}</b>"

            def render(lang: str, fee: m.Item = fee, amount: str = amount) -> str:
                return esc(localized(fee.text, lang)) + amount + self._flag(fee.confidence, lang)
            out.append(self._cells(render, cls="item"))
        return "".join(out)

    def legal_basis(self) -> str:
        out = [self._heading("legal_basis")]
        if not self.p.legal_basis:
            return "".join(out) + self._cells(self._missing)
        names: list[m.LocalText] = []
        for basis in self.p.legal_basis:
            if basis.to:
                target = self.store.record(basis.to)
                names.append({lang: t.title for lang, t in target.texts.items()} if target else {"en": basis.to})
            else:
                assert basis.law is not None  # the content check gives every basis a record or a law
                names.append(basis.law)
        out.append(self._cells(lambda lang: "<br>".join(f"• {esc(localized(n, lang))}" for n in names),
                               cls="item"))
        return "".join(out)

    def contacts(self) -> str:
        out = [self._heading("contacts")]
        contacts = sheets.region_contacts(self.store, self.o.region, self.o.citizenship)
        if not contacts:
            return "".join(out) + self._cells(self._missing)
        for contact in contacts:
            def render(lang: str, contact: m.Contact = contact) -> str:
                return self._contact(contact, lang)
            out.append(self._cells(render, cls="contact"))
        return "".join(out)

    def _contact(self, c: m.Contact, lang: str) -> str:
        lines = [f'<b>{esc(title_in(c, lang))}</b>']
        lines.append(self._field("address", self._fact(c.address, lang), lang))
        lines.append(self._field("phone", "; ".join(self._phone(p, lang) for p in c.phones), lang))
        if hours := self._fact(c.hours, lang):
            lines.append(self._field("hours", hours, lang))
        for key, fact in (("email", c.email), ("website", c.website)):
            if fact and fact.value:
                lines.append(self._field(key, esc(fact.value) + self._flag(fact.confidence, lang), lang))
        return "<br>".join(lines)

    def _fact(self, fact: m.Fact | None, lang: str) -> str:
        """A sourced address or opening hours with its confidence flag; '' when there is none."""
        if not fact or not (fact.text or fact.value):
            return ""
        return esc(localized(fact.text, lang) or fact.value or "") + self._flag(fact.confidence, lang)

    def _phone(self, p: m.Phone, lang: str) -> str:
        extras = [labels.phone_label(p.label, lang)] if p.label != "general" else []  # a plain number needs none
        if p.short_in:
            extras.append(label("short_in", lang, country=self._country(p.short_in, lang)))
        extra = f" ({esc(', '.join(extras))})" if extras else ""
        return f'<span class="phone">{esc(p.number)}</span>{extra}{self._flag(p.confidence, lang)}'

    def sources(self, qr_url: str | None) -> str:
        out = [self._heading("sources")]
        items = []
        for s in self.p.sources:
            where = sheets.source_host(s.url) if s.url else (s.title or "")
            publisher = s.publisher or ""
            text = publisher if not where or where.lower() in publisher.lower() else f"{publisher} ({where})"
            items.append(text + (f", {numeric_date(s.date)}" if s.date else ""))

        def render(lang: str) -> str:
            draft = ""
            if self.p.text(content_language(lang)).translation == "draft":
                draft = f'<br><span class="flag">{esc(label("draft", lang))}</span>'
            return (f'<span class="small">{esc("; ".join(items))}</span><br>'
                    f'<b>{esc(label("verified_on", lang))}:</b> {esc(numeric_date(self.p.verified_on))}{draft}')
        qr = ""
        if qr_url:
            caption = "<br>".join(esc(label("qr", lang)) for lang in self.langs)
            size = sheets.qr_points(qr_url)
            qr = (f'<img src="{sheets.QR_RESOURCE}" width="{size}" height="{size}">'
                  f'<br><span class="small">{caption}</span>')
        out.append(self._cells(render, cls="sources", last=qr, last_share=24 if qr else 0))
        return "".join(out)

    def footer(self) -> tuple[str, ...]:
        version = self.meta.get("dataset_version", "?")
        return (f'Migrant Desk · {" / ".join(label("dataset", lang) for lang in self.langs)}: {version}',
                f'{" / ".join(label("printed", lang) for lang in self.langs)}: {numeric_date(self.o.printed_on)}')


def build_sheet(store: Store, procedure_id: str, options: SheetOptions) -> SheetContent:
    """The sheet for one procedure; raises SheetError with a plain message when it cannot be made."""
    record = sheets.sheet_procedure(store, procedure_id, options)
    writer = _SheetWriter(store, record, options)
    qr_url = sheets.qr_source_url(record)
    body = "".join((writer.header(), writer.key_deadlines(), writer.steps(), writer.documents(),
                    writer.fees(), writer.legal_basis(), writer.contacts(), writer.sources(qr_url)))
    lang = options.langs[0]
    return SheetContent(
        procedure_id=procedure_id,
        html=f'<html><body lang="{lang}">{body}</body></html>',
        title=title_in(record, lang),
        footer=writer.footer(), qr_url=qr_url, langs=options.langs)


def sheet_contents(store: Store, procedure_ids: list[str], options: SheetOptions) -> list[SheetContent]:
    """What the sheets for several procedures say, as HTML: client sheets, or full sheets (`options.full`).
    No Qt object is made here, so the sheet
    dialog runs this off the UI thread; laying the sheets out (core.sheet_pdf) makes QTextDocuments, which
    stay on the UI thread."""
    from .client_sheet import build_client_sheet

    if not procedure_ids:
        raise SheetError("No procedure chosen: give at least one procedure id.")
    build = build_sheet if options.full else build_client_sheet
    return [build(store, pid, options) for pid in procedure_ids]
