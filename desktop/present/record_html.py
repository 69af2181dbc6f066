"""A record as HTML for the record view (QTextBrowser's rich-text subset). Pure Python, no Qt.

Links: `record:ID` opens another record, `copy:TEXT` (URL-quoted) copies a phone or an address.
Every empty field reads "not confirmed"; draft translations and unverified facts are marked.
The page's own words are in the interface language, the record's texts in the content language.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from urllib.parse import quote

from ..core import freshness
from ..core import model as m
from ..core.contacts import contacts_for
from ..core.deadlines import pick_deadline
from ..core.i18n import N_, format_month, translator
from ..core.languages import CONTENT, FALLBACK, content_language, localized
from ..core.store import Store
from . import labels, whom
from .deadlines import deadline_phrase
from .markdown import markdown
from .text import esc, record_text

CSS = """
h1 { font-size: 150%; margin: 0 0 4px 0; }
h2 { font-size: 118%; margin: 16px 0 4px 0; color: #1f3f66; }
.meta { color: #555; }
.badge { font-weight: bold; }
.in_force { color: #1e7b43; } .signed { color: #1f5f9e; } .announced { color: #8a5a12; } .held { color: #1f5f9e; }
.expired, .superseded { color: #888; }
.warn { background: #fff4d6; color: #5a4100; }
.conflict { background: #fde8e6; color: #7a1d12; }
.nc { color: #8a5a12; font-style: italic; }
.client { font-weight: bold; }
.whom { color: #1f3f66; }
.hidden { color: #555; font-style: italic; }
td { padding: 2px 8px 2px 0; vertical-align: top; }
"""


# One whole sentence per original language, so each catalog can decline the language's name as it needs.
DRAFT_NOTICES = {
    "ru": N_("Draft translation: not yet reviewed. The original is in Russian: check important details against it."),
    "en": N_("Draft translation: not yet reviewed. The original is in English: check important details against it."),
    "uz": N_("Draft translation: not yet reviewed. The original is in Uzbek: check important details against it."),
    "ky": N_("Draft translation: not yet reviewed. The original is in Kyrgyz: check important details against it."),
}
NO_ORIGINAL_NOTICE = N_("Draft translation: not yet reviewed. Check important details against the sources below.")


def heading(text: str) -> str:
    return f"<h2>{esc(text)}</h2>"


class RecordRenderer:
    """Writes record pages: words in `ui_lang`, the dataset's texts in `lang` (both may be uz_Cyrl)."""

    def __init__(self, store: Store, ui_lang: str, lang: str, citizenship: str = "", region: str = "",
                 today: _dt.date | None = None):
        self.store, self.ui_lang, self.lang = store, ui_lang, lang
        self.today = today or _dt.date.today()  # records past their review date are marked "needs review"
        self._ = translator(ui_lang).gettext  # the page's own words
        self.citizenship, self.region = citizenship, region
        self.countries = {c.code: c for c in store.countries()}
        self.regions = {r.code: r for r in store.regions()}

    def t(self, text: m.LocalText | None) -> str:
        return localized(text, self.lang)

    def date(self, value: str | None) -> str:
        """A date in the interface language; a month without its day as "March 2026" ("март 2026 г.")."""
        return format_month(value, self.ui_lang) if value else ""

    def nc(self) -> str:
        return f'<span class="nc">{esc(labels.not_confirmed(self.ui_lang))}</span>'

    def copy_link(self, value: str) -> str:
        label = esc(self._("copy"))
        return f' <a href="copy:{quote(value, safe="")}">{label}</a>'

    def unverified_mark(self, confidence: str, note: m.LocalText | None) -> str:
        if confidence == "verified":
            return ""
        text = self.t(note)
        label = esc(labels.unverified(self.ui_lang))
        return f' <span class="warn">⚠ {label}{": " + esc(text) if text else ""}</span>'

    def country(self, code: str) -> str:
        if code == m.ALL:
            return self._("all citizenships")
        country = self.countries.get(code)
        return self.t(country.name) if country else code

    def region_name(self, code: str) -> str:
        if code == m.ALL:
            return self._("all regions")
        region = self.regions.get(code)
        return self.t(region.name) if region else code

    def title_of(self, record_id: str) -> str:
        return self.t(self.store.titles(record_id)) or record_id

    def link(self, record_id: str) -> str:
        return f'<a href="record:{esc(record_id)}">{esc(self.title_of(record_id))}</a>'

    # ------------------------------------------------------------------ the page

    def render(self, record: m.Record) -> str:
        lang = content_language(self.lang)
        texts = record.texts
        shown = lang if lang in texts else next(c for c in (*FALLBACK, *texts) if c in texts)
        parts = [f"<style>{CSS}</style>",
                 f"<h1>{esc(record_text(record, 'title', self.lang))}</h1>",
                 self.meta_line(record)]
        if texts[shown].translation == "draft":
            parts.append(f'<p class="warn">✎ {esc(self.draft_notice(record))}</p>')
        if shown != lang:
            other = self._("Not available in your language; shown in another language.")
            parts.append(f'<p class="warn">{esc(other)}</p>')
        if record.confidence != "verified":
            partly = self._("Partly unconfirmed")
            parts.append(f'<p class="warn">⚠ {esc(partly)}: '
                         f'{esc(self.t(record.confidence_note))}</p>')
        parts.append(f"<p><b>{esc(record_text(record, 'summary', self.lang))}</b></p>")
        parts.append(markdown(record_text(record, "body", self.lang)))
        if isinstance(record, m.Procedure):
            parts += self.procedure(record)
        elif isinstance(record, m.Contact):
            parts += self.contact(record)
        elif isinstance(record, m.Agreement):
            parts += self.agreement(record)
        parts += self.notes(record)
        parts += self.related(record)
        parts += self.sources(record)
        return "\n".join(p for p in parts if p)

    def draft_notice(self, record: m.Record) -> str:
        """The draft warning, naming the language the record was written in (its original)."""
        original = next((code for code in (*FALLBACK, *CONTENT) if code in record.texts
                         and record.texts[code].translation == "original"), None)
        return self._(DRAFT_NOTICES.get(original or "", NO_ORIGINAL_NOTICE))

    def meta_line(self, record: m.Record) -> str:
        bits = [f'<span class="badge {record.status}">{esc(labels.status(record.status, self.ui_lang))}</span>',
                esc(labels.kind(record.kind, self.ui_lang))]
        date_labels = {"signed": self._("signed"), "valid_from": self._("in force from"),
                       "valid_to": self._("valid until"), "event": self._("date")}
        for key in m.DATE_KEYS:
            if record.dates.get(key):
                bits.append(f"{esc(date_labels[key])} {esc(self.date(record.dates[key]))}")
        codes = record.serves if isinstance(record, m.Contact) else record.applies_to
        who = ", ".join(self.country(c) for c in codes)
        bits.append(esc(self._("for: {who}").format(who=who)))
        if record.regions != [m.ALL]:
            regions = ", ".join(self.region_name(c) for c in record.regions)
            applies = not self.region or self.region in record.regions
            elsewhere = self._("does not apply in the chosen region")
            mark = "" if applies else f' <span class="warn">{esc(elsewhere)}</span>'
            bits.append(esc(self._("only in: {regions}").format(regions=regions)) + mark)
        bits.append(esc(self._("verified on {date}").format(date=self.date(record.verified_on))))
        newest = freshness.newest_source_date(record)
        # what the facts can be true "as of": the newest source, beside the check date (audit finding 6)
        bits.append(esc(self._("newest source: {date}").format(date=self.date(newest))) if newest
                    else esc(self._("newest source: {date}").format(date=labels.not_confirmed(self.ui_lang))))
        if freshness.needs_review(record, self.today):
            due = freshness.review_by(record)
            title = self._("review was due on {date}").format(date=self.date(due.isoformat() if due else ""))
            bits.append(f'<span class="warn" title="{esc(title)}">{esc(labels.needs_review(self.ui_lang))}</span>')
        return f'<p class="meta">{" · ".join(bits)}</p>'

    # ------------------------------------------------------------------ per kind

    def procedure(self, p: m.Procedure) -> list[str]:
        out = [heading(self._("Steps"))]
        steps, hidden = whom.split(p.steps, self.citizenship)
        if steps:
            out.append("<ol>")  # numbered from 1 among the steps shown, as on the client sheet
            for step in steps:
                line = self.for_whom(step) + esc(self.t(step.text)) + self.unverified_mark(step.confidence, step.note)
                deadlines = self.step_deadlines(step)
                if deadlines:  # a word, not a clock glyph: fonts (the bundled DejaVu too) lack U+23F1
                    line += "<br/>" + esc(self._("Deadline")) + f": {deadlines}"
                if step.where:
                    line += "<br/>" + esc(self._("Where")) + f": {esc(self.t(step.where))}"
                out.append(f"<li>{line}</li>")
            out.append("</ol>")
        else:
            out.append(f"<p>{self.nc()}</p>")
        out.append(self.hidden_line("steps", hidden))
        out.append(heading(self._("Required documents")))
        out.append(self.items(p.documents))
        out.append(heading(self._("Fees")))
        out.append(self.items(p.fees, fees=True))
        out.append(heading(self._("Legal basis")) + "<ul>")
        for basis in p.legal_basis:
            out.append(f"<li>{self.link(basis.to) if basis.to else esc(self.t(basis.law))}</li>")
        out.append("</ul>")
        out += self.helpers(p)
        return out

    def step_deadlines(self, step: m.Step) -> str:
        chosen = pick_deadline(step.deadlines, self.citizenship) if self.citizenship else None
        shown = []
        for d in step.deadlines:
            who = ", ".join(self.country(c) for c in d.applies_to)
            text = f"{esc(deadline_phrase(d, self.ui_lang))} ({esc(who)})"
            if d is chosen:
                text = f'<span class="client">▶ {text}</span>'
            note = self.t(d.note)
            shown.append(text + (f" — {esc(note)}" if note else ""))
        return "<br/>".join(shown)

    def for_whom(self, part: whom.ForSomeone) -> str:
        """With no citizenship chosen, "For citizens of Uzbekistan: " before a part that is not for everyone."""
        if self.citizenship or whom.for_everyone(part.applies_to):
            return ""
        return f'<b class="whom">{esc(whom.for_label(part.applies_to, self.country, self.ui_lang))}</b> '

    def hidden_line(self, part: whom.Part, hidden: Sequence[whom.ForSomeone]) -> str:
        """The line after a list that says how many of its parts the chosen citizenship leaves out, for whom."""
        line = whom.hidden_line(part, hidden, self.country, self.ui_lang)
        return f'<p class="hidden">{esc(line)}</p>' if line else ""

    def items(self, items: list[m.Item], fees: bool = False) -> str:
        shown, hidden = whom.split(items, self.citizenship)
        after = self.hidden_line("fees" if fees else "documents", hidden)
        if not shown:
            return f"<p>{self.nc()}</p>" + after
        rows = []
        for item in shown:
            text = self.for_whom(item) + esc(self.t(item.text))
            if fees and item.amount is not None:
                text += f" — <b>{esc(f'{item.amount:,.0f}'.replace(',', ' '))} {esc(item.currency)}</b>"
            rows.append(f"<li>☐ {text}{self.unverified_mark(item.confidence, item.note)}</li>")
        return "<ul>" + "".join(rows) + "</ul>" + after

    def helpers(self, p: m.Procedure) -> list[str]:
        """The procedure's contacts: those serving the chosen citizenship and region first."""
        linked = [link.to for link in p.links if link.rel == "contact_for"]
        if not linked:
            return []
        preferred = [f.contact.id for f in contacts_for(self.store, self.citizenship or None, self.region or None)] \
            if (self.citizenship or self.region) else []
        order = [cid for cid in preferred if cid in linked] + [cid for cid in linked if cid not in preferred]
        contacts = []
        for cid in order:
            contact = self.store.record(cid)
            assert isinstance(contact, m.Contact)  # the content check makes contact_for point at contacts
            contacts.append(whom.Serving.of(contact))
        # a Kyrgyz client is not sent to the consulate of Uzbekistan: with a citizenship chosen, only the contacts
        # that serve it (or everyone); with none, each labelled with whom it serves
        shown, hidden = whom.split(contacts, self.citizenship)
        out = [heading(self._("Who helps")) + "<ul>"]
        for serving in shown:
            contact = serving.contact
            phones = ", ".join(esc(ph.number) + self.copy_link(ph.number) for ph in contact.phones) or self.nc()
            out.append(f"<li>{self.for_whom(serving)}{self.link(contact.id)} — {phones}</li>")
        out.append("</ul>" + self.hidden_line("contacts", hidden))
        return out

    def contact(self, c: m.Contact) -> list[str]:
        rows = [(self._("Type"), esc(labels.contact_type(c.type, self.ui_lang))),
                (self._("City"), esc(self.t(c.city)) or self.nc()),
                (self._("Region"), esc(self.region_name(c.region)) if c.region else self.nc())]
        if c.district:
            if c.district.all:
                served = self._("the whole of Russia")
            else:
                names = [self.region_name(code) for code in c.district.regions]
                fds = self.store.federal_districts()
                names += [self.t(fds.get(fd)) or fd for fd in c.district.federal_districts]
                served = ", ".join(names)
            note = self.t(c.district.note)
            rows.append((self._("Serves"), esc(served) + (f"<br/><i>{esc(note)}</i>" if note else "")))
        else:
            rows.append((self._("Serves"), self.nc()))
        if c.address and c.address.text:
            address = self.t(c.address.text)
            rows.append((self._("Address"), esc(address) + self.copy_link(address)
                         + self.unverified_mark(c.address.confidence, c.address.note)))
        else:
            rows.append((self._("Address"), self.nc()))
        if c.phones:
            phones = []
            for ph in c.phones:
                where = f" ({esc(self.country(ph.short_in))})" if ph.short_in else ""
                phones.append(f"{esc(ph.number)}{where} — {esc(labels.phone_label(ph.label, self.ui_lang))}"
                              f"{self.copy_link(ph.number)}{self.unverified_mark(ph.confidence, ph.note)}")
            rows.append((self._("Phone"), "<br/>".join(phones)))
        else:
            rows.append((self._("Phone"), self.nc()))
        for label, fact, is_url in ((self._("E-mail"), c.email, False), (self._("Website"), c.website, True)):
            if fact and fact.value:
                value = esc(fact.value)
                href = fact.value if fact.value.startswith("http") else f"https://{fact.value}"
                shown = f'<a href="{esc(href)}">{value}</a>' if is_url else value
                rows.append((label, shown + self.copy_link(fact.value)
                             + self.unverified_mark(fact.confidence, fact.note)))
            else:
                rows.append((label, self.nc()))
        rows.append((self._("Working hours"), esc(self.t(c.hours.text)) if c.hours and c.hours.text else self.nc()))
        if c.head and c.head.text:
            rows.append((self._("Head"),
                         esc(self.t(c.head.text)) + self.unverified_mark(c.head.confidence, c.head.note)))
        table = "".join(f"<tr><td><b>{esc(k)}</b></td><td>{v}</td></tr>" for k, v in rows)
        return [heading(self._("Contact details")) + f"<table>{table}</table>"]

    def agreement(self, a: m.Agreement) -> list[str]:
        parties = [self.country(p) if isinstance(p, str) and not p.startswith("RU-")
                   else self.region_name(p) if isinstance(p, str) else self.t(p) for p in a.parties]
        return [heading(self._("Parties")) + f"<p>{esc(', '.join(parties)) or self.nc()}</p>"]

    def notes(self, record: m.Record) -> list[str]:
        if not record.notes:
            return []
        titles = {"conflict": self._("Sources disagree"), "unverified": self._("Not verified"),
                  "gap": self._("Not found"), "outdated": self._("May be outdated"), "info": self._("Note")}
        # "record" context: remarks on the record, not the advisor's own notes (the glossary's "Notes")
        out = [heading(translator(self.ui_lang).pgettext("record", "Notes"))]
        for note in record.notes:
            css = "conflict" if note.type == "conflict" else "warn"
            out.append(f'<p class="{css}"><b>{esc(titles.get(note.type, note.type))}:</b> {esc(self.t(note.text))}</p>')
        return out

    def related(self, record: m.Record) -> list[str]:
        links = self.store.linked(record.id)
        if isinstance(record, m.Procedure):
            links = [link for link in links if not (link[0] == "out" and link[1] == "contact_for")]
        if not links:
            return []
        seen, items = set(), []
        for _direction, _rel, other in links:
            if other in seen:
                continue
            seen.add(other)
            linked = self.store.record(other)
            assert linked is not None  # the content check makes every link resolve
            kind = labels.kind(linked.kind, self.ui_lang)
            items.append(f"<li>{self.link(other)} <span class='meta'>({esc(kind)})</span></li>")
        return [heading(self._("Related")) + f"<ul>{''.join(items)}</ul>"]

    def sources(self, record: m.Record) -> list[str]:
        out = [heading(self._("Sources")) + "<ol>"]
        for s in record.sources:
            name = esc(s.title or s.url or "")
            if s.url:
                name = f'<a href="{esc(s.url)}">{esc(s.title or s.url)}</a>'
            date = f", {esc(self.date(s.date))}" if s.date else ""
            out.append(f"<li>{name} — {esc(s.publisher)}{date}</li>")
        checked = self._("Checked against these sources on {date}.").format(date=self.date(record.verified_on))
        out.append(f"</ol><p class='meta'>{esc(checked)}</p>")
        return out
