"""Printable procedure sheets: what the client takes away, in the client's language.

A sheet holds what to do, by when, with which documents, and whom to call in the client's region, for one
procedure, one citizenship and one Russian region. It is written here as HTML for QTextDocument (Qt's
rich-text subset: tables and simple CSS, no floats); `sheet_pdf` lays it out on paper, numbers the pages and
writes the PDF, and the sheet dialog prints the same documents. Nothing about the client as a person goes
on a sheet: only the citizenship and the region that select the deadlines and contacts.

Languages are chosen per sheet, independent of the interface language: ru, uz (Latin), uz_Cyrl (derived
from the Uzbek Latin text by transliteration), ky, en. In bilingual mode every section shows the client's
language beside Russian, so the same sheet works at a Russian office.
"""
from __future__ import annotations

import datetime as _dt
import html
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

import segno

from . import model as m
from .contacts import contacts_for
from .deadlines import pick_deadline
from .store import Store
from .textnorm import uz_latin_to_cyrillic

SHEET_LANGS = ("ru", "uz", "uz_Cyrl", "ky", "en")
LANG_NAMES = {"ru": "Русский", "uz": "Oʻzbekcha", "uz_Cyrl": "Ўзбекча", "ky": "Кыргызча", "en": "English"}
PARTNER_LANG = "ru"  # the second language of a bilingual sheet: what a Russian official reads
CHECKBOX = "\u2610"  # ☐, in the bundled font

# Sheet labels per language. DRAFT TRANSLATIONS (uz, ky and the wording of ru/en): written by the developer
# from the terms of shared/domain/glossary.md; a fluent reviewer has not checked them yet. uz_Cyrl is derived
# from uz unless an entry gives it (Latin names such as "QR" stay Latin). Uzbek uses U+02BB in oʻ gʻ and U+02BC
# for the tutuq belgisi.
LABELS: dict[str, dict[str, str]] = {
    "citizenship": {"ru": "Гражданство", "uz": "Fuqarolik", "ky": "Жарандык", "en": "Citizenship"},
    "region": {"ru": "Регион", "uz": "Hudud", "ky": "Аймак", "en": "Region"},
    "not_chosen": {"ru": "не выбран", "uz": "tanlanmagan", "ky": "тандалган жок", "en": "not chosen"},
    "for_others": {"ru": "Эта процедура — для граждан: {countries}",
                   "uz": "Bu tartib-taomil quyidagi davlatlar fuqarolari uchun: {countries}",
                   "ky": "Бул жол-жобо төмөнкү өлкөлөрдүн жарандары үчүн: {countries}",
                   "en": "This procedure is for citizens of: {countries}"},
    "key_deadlines": {"ru": "Главные сроки", "uz": "Asosiy muddatlar", "ky": "Негизги мөөнөттөр",
                      "en": "Key deadlines"},
    "steps": {"ru": "Шаги", "uz": "Qadamlar", "ky": "Кадамдар", "en": "Steps"},
    "deadline": {"ru": "Срок", "uz": "Muddat", "ky": "Мөөнөт", "en": "Deadline"},
    "where": {"ru": "Где", "uz": "Qayerda", "ky": "Кайда", "en": "Where"},
    "documents": {"ru": "Необходимые документы", "uz": "Zarur hujjatlar", "ky": "Керектүү документтер",
                  "en": "Required documents"},
    "fees": {"ru": "Плата и сборы", "uz": "Toʻlovlar", "ky": "Төлөмдөр", "en": "Fees"},
    "legal_basis": {"ru": "Правовое основание", "uz": "Huquqiy asos", "ky": "Укуктук негиз",
                    "en": "Legal basis"},
    "contacts": {"ru": "Контакты", "uz": "Kontaktlar", "ky": "Байланыштар", "en": "Contacts"},
    "address": {"ru": "Адрес", "uz": "Manzil", "ky": "Дарек", "en": "Address"},
    "phone": {"ru": "Телефон", "uz": "Telefon", "ky": "Телефон", "en": "Phone"},
    "email": {"ru": "Эл. почта", "uz": "Elektron pochta", "ky": "Электрондук почта", "en": "E-mail"},
    "website": {"ru": "Сайт", "uz": "Veb-sayt", "ky": "Веб-сайт", "en": "Website"},
    "hours": {"ru": "Часы работы", "uz": "Ish vaqti", "ky": "Иштөө убактысы", "en": "Working hours"},
    "not_confirmed": {"ru": "не подтверждено", "uz": "tasdiqlanmagan", "ky": "ырастала элек",
                      "en": "not confirmed"},
    "unverified": {"ru": "не проверено", "uz": "tekshirilmagan", "ky": "текшерилген эмес",
                   "en": "unverified"},
    "sources": {"ru": "Источники", "uz": "Manbalar", "ky": "Булактар", "en": "Sources"},
    "verified_on": {"ru": "Дата проверки", "uz": "Tekshirilgan sana", "ky": "Текшерилген күнү",
                    "en": "Verified on"},
    "dataset": {"ru": "Версия данных", "uz": "Maʼlumotlar versiyasi", "ky": "Маалыматтар версиясы",
                "en": "Dataset version"},
    "printed": {"ru": "Дата печати", "uz": "Chop etilgan sana", "ky": "Басылган күнү", "en": "Printed on"},
    "qr": {"ru": "Источник (QR-код)", "uz": "Manba (QR kod)", "uz_Cyrl": "Манба (QR код)", "ky": "Булак (QR код)",
           "en": "Source (QR code)"},
    "draft": {"ru": "Черновой перевод", "uz": "Tarjima qoralamasi", "ky": "Котормонун долбоору",
              "en": "Draft translation"},
    "short_in": {"ru": "звонок только внутри страны: {country}",
                 "uz": "faqat {country} ichidan qoʻngʻiroq qilinadi",
                 "ky": "{country} ичинен гана чалынат", "en": "dial only inside {country}"},
}

PHONE_LABELS: dict[str, dict[str, str]] = {  # DRAFT TRANSLATIONS, as LABELS; "general" prints no label
    "hotline": {"ru": "горячая линия", "uz": "ishonch telefoni", "ky": "ысык линия", "en": "hotline"},
    "consular": {"ru": "консульский отдел", "uz": "konsullik boʻlimi", "ky": "консулдук бөлүм",
                 "en": "consular section"},
    "duty": {"ru": "дежурный", "uz": "navbatchi", "ky": "кезметчи", "en": "duty officer"},
    "reception": {"ru": "приёмная", "uz": "qabulxona", "ky": "кабыл алуу бөлмөсү", "en": "reception"},
    "fax": {"ru": "факс", "uz": "faks", "ky": "факс", "en": "fax"},
    "mobile": {"ru": "мобильный", "uz": "mobil", "ky": "мобилдик", "en": "mobile"},
    "whatsapp": {"ru": "WhatsApp", "uz": "WhatsApp", "uz_Cyrl": "WhatsApp", "ky": "WhatsApp", "en": "WhatsApp"},
    "telegram": {"ru": "Telegram", "uz": "Telegram", "uz_Cyrl": "Telegram", "ky": "Telegram", "en": "Telegram"},
}

# What a deadline is counted from. DRAFT TRANSLATIONS, as LABELS. "from" follows a forward deadline
# ("within 30 days from the date of entry"); "before" names the event of a deadline that falls before it.
COUNTED_FROM: dict[str, dict[str, tuple[str, str]]] = {
    "entry": {"ru": ("со дня въезда", "дня въезда"),
              "uz": ("kirgan kundan boshlab", "kirgan kundan"),
              "ky": ("кирген күндөн тартып", "кирген күнгө чейин"),
              "en": ("from the date of entry", "the date of entry")},
    "arrival": {"ru": ("со дня прибытия в место пребывания", "дня прибытия в место пребывания"),
                "uz": ("boʻlib turgan joyga kelgan kundan boshlab", "boʻlib turgan joyga kelgan kundan"),
                "ky": ("болгон жерине келген күндөн тартып", "болгон жерине келген күнгө чейин"),
                "en": ("from arrival at the place of stay", "arrival at the place of stay")},
    "issue": {"ru": ("со дня выдачи", "дня выдачи"),
              "uz": ("berilgan kundan boshlab", "berilgan kundan"),
              "ky": ("берилген күндөн тартып", "берилген күнгө чейин"),
              "en": ("from the date of issue", "the date of issue")},
    "contract": {"ru": ("со дня заключения договора", "дня заключения договора"),
                 "uz": ("shartnoma tuzilgan kundan boshlab", "shartnoma tuzilgan kundan"),
                 "ky": ("келишим түзүлгөн күндөн тартып", "келишим түзүлгөнгө чейин"),
                 "en": ("from the date the contract is signed", "the date the contract is signed")},
    "contract_end": {"ru": ("со дня окончания договора", "окончания договора"),
                     "uz": ("shartnoma tugagan kundan boshlab", "shartnoma tugashidan"),
                     "ky": ("келишим бүткөн күндөн тартып", "келишим бүткөнгө чейин"),
                     "en": ("from the end of the contract", "the end of the contract")},
    "application": {"ru": ("со дня подачи заявления", "дня подачи заявления"),
                    "uz": ("ariza topshirilgan kundan boshlab", "ariza topshirilgan kundan"),
                    "ky": ("арыз тапшырылган күндөн тартып", "арыз тапшырылганга чейин"),
                    "en": ("from the date of application", "the date of application")},
    "expiry": {"ru": ("со дня окончания срока действия", "окончания срока действия"),
               "uz": ("amal qilish muddati tugagan kundan boshlab", "amal qilish muddati tugashidan"),
               "ky": ("жарактуулук мөөнөтү бүткөн күндөн тартып", "жарактуулук мөөнөтү бүткөнгө чейин"),
               "en": ("from the expiry date", "the expiry date")},
    "payment": {"ru": ("со дня оплаты", "дня оплаты"),
                "uz": ("toʻlov qilingan kundan boshlab", "toʻlov qilingan kundan"),
                "ky": ("төлөм жүргүзүлгөн күндөн тартып", "төлөм жүргүзүлгөнгө чейин"),
                "en": ("from the date of payment", "the date of payment")},
    "year_start": {"ru": ("с начала календарного года", "начала календарного года"),
                   "uz": ("kalendar yil boshidan boshlab", "kalendar yil boshidan"),
                   "ky": ("календардык жылдын башынан тартып", "календардык жылдын башына чейин"),
                   "en": ("from the start of the calendar year", "the start of the calendar year")},
}

# Units after a number. uz and ky keep the noun singular after a numeral (glossary); ky's forward form is
# the genitive before "ичинде". ru needs one/few/many forms, genitive after "в течение", accusative after "за".
_UNITS = {
    "uz": {"days": "kalendar kun", "working": "ish kuni", "months": "oy"},
    "ky": {"days": ("календардык күндүн", "календардык күн"), "working": ("жумушчу күндүн", "жумушчу күн"),
           "months": ("айдын", "ай")},
    "en": {"days": ("calendar day", "calendar days"), "working": ("working day", "working days"),
           "months": ("month", "months")},
    "ru_gen": {"days": ("календарного дня", "календарных дней"), "working": ("рабочего дня", "рабочих дней"),
               "months": ("месяца", "месяцев")},
    "ru_acc": {"days": ("календарный день", "календарных дня", "календарных дней"),
               "working": ("рабочий день", "рабочих дня", "рабочих дней"),
               "months": ("месяц", "месяца", "месяцев")},
}

# Hosts of governments and treaty bodies: a source there is preferred for the QR code.
OFFICIAL_HOST_SUFFIXES = ("gov.ru", "gov.uz", "gov.kg", "gov.tj", "kremlin.ru", "government.ru",
                          "xn--b1aew.xn--p1ai", "мвд.рф", "mid.ru", "mfa.uz", "lex.uz", "eaeunion.org")


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


# --------------------------------------------------------------------------- language helpers

def content_lang(lang: str) -> str:
    """The dataset language behind a sheet language (uz_Cyrl is derived from uz)."""
    return "uz" if lang == "uz_Cyrl" else lang


def text_in(text: m.LocalText | None, lang: str) -> str:
    """Localised text for a sheet language with the app's fallback (lang -> ru -> en).

    Uzbek Cyrillic is transliterated from the Uzbek text only; a Russian or English fallback stays as it is.
    """
    if not text:
        return ""
    if lang in text:  # a label written for uz_Cyrl itself, where transliteration would change a name
        return text[lang]
    for candidate in (content_lang(lang), *m.FALLBACK):
        value = text.get(candidate)
        if value:
            return uz_latin_to_cyrillic(value) if lang == "uz_Cyrl" and candidate == "uz" else value
    return next((v for v in text.values() if v), "")


def label(key: str, lang: str, **fields) -> str:
    value = text_in(LABELS[key], lang)
    return value.format(**fields) if fields else value


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def format_date(value: str | _dt.date | None) -> str:
    """dd.mm.yyyy; a partial date (yyyy-mm, yyyy) keeps only what is known."""
    if not value:
        return ""
    parts = str(value).split("-")
    return ".".join(reversed(parts))


# --------------------------------------------------------------------------- deadlines

def applies(codes: list[str], citizenship: str) -> bool:
    return m.ALL in codes or citizenship in codes


def _ru_form(n: int, forms: tuple[str, ...]) -> str:
    """Russian plural: forms (one, many) for the genitive, (one, few, many) for the accusative."""
    one = n % 10 == 1 and n % 100 != 11
    if len(forms) == 2:
        return forms[0] if one else forms[1]
    if one:
        return forms[0]
    return forms[1] if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else forms[2]


def deadline_phrase(d: m.Deadline, lang: str) -> str:
    """'within 30 calendar days from the date of entry', 'at least 10 working days before the expiry date'."""
    n = d.months if d.months is not None else d.days
    unit = "months" if d.months is not None else ("working" if d.working_days else "days")
    base = content_lang(lang)
    counted = COUNTED_FROM[d.counted_from][base if base in ("ru", "uz", "ky") else "en"]
    if base == "ru":
        if d.before:
            return f"не позднее чем за {n} {_ru_form(n, _UNITS['ru_acc'][unit])} до {counted[1]}"
        return f"в течение {n} {_ru_form(n, _UNITS['ru_gen'][unit])} {counted[0]}"
    if base == "uz":
        phrase = (f"{counted[1]} kamida {n} {_UNITS['uz'][unit]} oldin" if d.before
                  else f"{counted[0]} {n} {_UNITS['uz'][unit]} ichida")
        return uz_latin_to_cyrillic(phrase) if lang == "uz_Cyrl" else phrase
    if base == "ky":
        genitive, nominative = _UNITS["ky"][unit]
        return (f"{counted[1]} эң кечинде {n} {nominative} мурун" if d.before
                else f"{counted[0]} {n} {genitive} ичинде")
    noun = _UNITS["en"][unit][0 if n == 1 else 1]
    return f"at least {n} {noun} before {counted[1]}" if d.before else f"within {n} {noun} {counted[0]}"


# --------------------------------------------------------------------------- selecting from the store

def region_contacts(store: Store, region: str | None, citizenship: str) -> list[m.Contact]:
    """Operating contacts for the client, most useful first (the app's one order, core.contacts): the
    consulate whose district covers the region, the embassy, the home country's agencies and hotlines,
    the region's ombudsman, migration centres, Russian federal bodies, NGOs. Without a region: only
    those serving all of Russia, and the embassy."""
    found = contacts_for(store, citizenship, region)
    if region is None:
        found = [f for f in found if f.everywhere or (f.contact.type == "embassy" and f.contact.region == "RU-MOW")]
    return [f.contact for f in found]


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


def _titles(record: m.Record) -> m.LocalText:
    return {lang: t.title for lang, t in record.texts.items()}


def title_in(record: m.Record, lang: str) -> str:
    return text_in(_titles(record), lang)


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]


# --------------------------------------------------------------------------- HTML

def esc(text: str) -> str:
    return html.escape(text, quote=True)


class _SheetWriter:
    """Writes one procedure's sheet; every section is a sequence of keep-together tables."""

    def __init__(self, store: Store, procedure: m.Procedure, options: SheetOptions):
        self.store, self.p, self.o = store, procedure, options
        self.langs = options.langs
        self.countries = {c.code: c.name for c in store.countries()}
        self.regions = {r.code: r.name for r in store.regions()}
        self.meta = store.meta()

    # ---- building blocks

    def _cells(self, render, check: bool = False, cls: str = "unit", last: str = "", last_share: int = 0) -> str:
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
        return f'<span class="missing">{esc(label("not_confirmed", lang))}</span>'

    def _flag(self, confidence: str, lang: str) -> str:
        if confidence == "verified":
            return ""
        return f' <span class="flag">({esc(label("unverified", lang))})</span>'

    def _field(self, key: str, value_html: str, lang: str) -> str:
        return f'<b>{esc(label(key, lang))}:</b> {value_html or self._missing(lang)}'

    def _country(self, code: str, lang: str) -> str:
        return text_in(self.countries.get(code), lang) or code

    # ---- sections

    def header(self) -> str:
        c, region = self.o.citizenship, self.o.region

        def titles(lang: str) -> str:
            title = title_in(self.p, lang)
            summary = text_in({k: t.summary for k, t in self.p.texts.items()}, lang)
            region_name = text_in(self.regions.get(region), lang) if region else label("not_chosen", lang)
            lines = [f'<p class="title">{esc(title)}</p>', f'<p class="summary">{esc(summary)}</p>',
                     f'<p class="whom"><b>{esc(label("citizenship", lang))}:</b> {esc(self._country(c, lang))}'
                     f'<br><b>{esc(label("region", lang))}:</b> {esc(region_name or region)}</p>']
            if not applies(self.p.applies_to, c):
                names = ", ".join(self._country(code, lang) for code in self.p.applies_to)
                lines.append(f'<p class="warning">{esc(label("for_others", lang, countries=names))}</p>')
            return "".join(lines)

        return self._cells(titles, cls="head")

    def _steps(self) -> list[m.Step]:
        return [s for s in self.p.steps if applies(s.applies_to, self.o.citizenship)]

    def key_deadlines(self) -> str:
        """Each deadline once, in bold, with the steps it applies to (their first sentences)."""
        groups: dict[tuple, tuple[m.Deadline, list[tuple[int, m.Step]]]] = {}
        for i, step in enumerate(self._steps(), 1):
            d = pick_deadline(step.deadlines, self.o.citizenship)
            if d:
                key = (d.days, d.months, d.counted_from, d.working_days, d.before)
                groups.setdefault(key, (d, []))[1].append((i, step))
        out = [self._heading("key_deadlines")]
        if not groups:
            return "".join(out) + self._cells(self._missing)
        for d, steps in groups.values():
            def render(lang: str, d=d, steps=steps) -> str:
                lines = "<br>".join(f"{i}. {esc(_first_sentence(text_in(step.text, lang)))}" for i, step in steps)
                return f'<b>{esc(_cap(deadline_phrase(d, lang)))}</b><br><span class="muted">{lines}</span>'
            out.append(self._cells(render, cls="key"))
        return "".join(out)

    def steps(self) -> str:
        out = [self._heading("steps")]
        steps = self._steps()
        if not steps:
            return "".join(out) + self._cells(self._missing)
        for i, step in enumerate(steps, 1):
            d = pick_deadline(step.deadlines, self.o.citizenship)

            def render(lang: str, i=i, step=step, d=d) -> str:
                text = f'<p class="step"><b>{i}.</b> {esc(text_in(step.text, lang))}' \
                       f'{self._flag(step.confidence, lang)}</p>'
                deadline = f'<b>{esc(deadline_phrase(d, lang))}</b>' if d else ""
                note = f'<br><span class="note">{esc(text_in(d.note, lang))}</span>' if d and d.note else ""
                where = esc(text_in(step.where, lang))
                # Two unknowns share one line, so a step with no data does not take three.
                gap = " · " if not (deadline or where) else "<br>"
                return (text + f'<p class="detail">{self._field("deadline", deadline, lang)}{note}{gap}'
                        f'{self._field("where", where, lang)}</p>')
            out.append(self._cells(render, check=True))
        return "".join(out)

    def documents(self) -> str:
        out = [self._heading("documents")]
        docs = [d for d in self.p.documents if applies(d.applies_to, self.o.citizenship)]
        if not docs:
            return "".join(out) + self._cells(self._missing)
        # One shared warning when the whole list is unconfirmed, instead of a flag on every line.
        shared = all(d.confidence != "verified" for d in docs)
        if shared:
            notes = list({repr(sorted(d.note.items())): d.note for d in docs if d.note}.values())
            note = notes[0] if len(notes) == 1 else None

            def warning(lang: str) -> str:
                text = _cap(label("not_confirmed", lang)) + (f": {text_in(note, lang)}" if note else "")
                return f'<span class="warning">{esc(text)}</span>'
            out.append(self._cells(warning))
        for doc in docs:
            out.append(self._cells(lambda lang, doc=doc: esc(text_in(doc.text, lang))
                                   + ("" if shared else self._flag(doc.confidence, lang)), check=True,
                                   cls="item"))
        return "".join(out)

    def fees(self) -> str:
        out = [self._heading("fees")]
        fees = [f for f in self.p.fees if applies(f.applies_to, self.o.citizenship)]
        if not fees:
            return "".join(out) + self._cells(self._missing)
        for fee in fees:
            amount = ""
            if fee.amount is not None:
                number = f"{fee.amount:,.2f}".rstrip("0").rstrip(".").replace(",", "\u00a0")
                amount = f": <b>{esc(number)}\u00a0{esc(fee.currency or '')}</b>"
            out.append(self._cells(lambda lang, fee=fee, amount=amount: esc(text_in(fee.text, lang)) + amount
                                   + self._flag(fee.confidence, lang), cls="item"))
        return "".join(out)

    def legal_basis(self) -> str:
        out = [self._heading("legal_basis")]
        if not self.p.legal_basis:
            return "".join(out) + self._cells(self._missing)
        names = []
        for basis in self.p.legal_basis:
            if basis.to:
                target = self.store.record(basis.to)
                names.append(_titles(target) if target else {"en": basis.to})
            else:
                names.append(basis.law)
        out.append(self._cells(lambda lang: "<br>".join(f"• {esc(text_in(n, lang))}" for n in names), cls="item"))
        return "".join(out)

    def contacts(self) -> str:
        out = [self._heading("contacts")]
        contacts = region_contacts(self.store, self.o.region, self.o.citizenship)
        if not contacts:
            return "".join(out) + self._cells(self._missing)
        out += [self._cells(lambda lang, c=c: self._contact(c, lang), cls="contact") for c in contacts]
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
        return esc(text_in(fact.text, lang) or fact.value or "") + self._flag(fact.confidence, lang)

    def _phone(self, p: m.Phone, lang: str) -> str:
        extras = [text_in(PHONE_LABELS[p.label], lang)] if p.label in PHONE_LABELS else []
        if p.short_in:
            extras.append(label("short_in", lang, country=self._country(p.short_in, lang)))
        extra = f" ({esc(', '.join(extras))})" if extras else ""
        return f'<span class="phone">{esc(p.number)}</span>{extra}{self._flag(p.confidence, lang)}'

    def sources(self, qr_url: str | None) -> str:
        out = [self._heading("sources")]
        items = []
        for s in self.p.sources:
            where = source_host(s.url) if s.url else (s.title or "")
            publisher = s.publisher or ""
            text = publisher if not where or where.lower() in publisher.lower() else f"{publisher} ({where})"
            items.append(text + (f", {format_date(s.date)}" if s.date else ""))

        def render(lang: str) -> str:
            draft = ""
            if self.p.text(content_lang(lang)).translation == "draft":
                draft = f'<br><span class="flag">{esc(label("draft", lang))}</span>'
            return (f'<span class="small">{esc("; ".join(items))}</span><br>'
                    f'<b>{esc(label("verified_on", lang))}:</b> {esc(format_date(self.p.verified_on))}{draft}')
        qr = ""
        if qr_url:
            caption = "<br>".join(esc(label("qr", lang)) for lang in self.langs)
            size = qr_points(qr_url)
            qr = (f'<img src="{QR_RESOURCE}" width="{size}" height="{size}">'
                  f'<br><span class="small">{caption}</span>')
        out.append(self._cells(render, cls="sources", last=qr, last_share=24 if qr else 0))
        return "".join(out)

    def footer(self) -> tuple[str, ...]:
        version = self.meta.get("dataset_version", "?")
        return (f'Migrant Desk · {" / ".join(label("dataset", lang) for lang in self.langs)}: {version}',
                f'{" / ".join(label("printed", lang) for lang in self.langs)}: {format_date(self.o.printed_on)}')


QR_RESOURCE = "sheet-qr:source"  # the QR image's name inside the QTextDocument
QR_MIN_PT = 96     # about 34 mm
QR_MODULE_PT = 1.6  # about 0.56 mm a module: a phone camera reads that off an office print


def make_qr(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False)


def qr_points(url: str) -> int:
    """Printed size of the QR code: long addresses need more modules, so a bigger code."""
    modules = make_qr(url).symbol_size(border=4)[0]
    return max(QR_MIN_PT, round(modules * QR_MODULE_PT))


def build_sheet(store: Store, procedure_id: str, options: SheetOptions) -> SheetContent:
    """The sheet for one procedure; raises SheetError with a plain message when it cannot be made."""
    check_options(store, options)
    record = store.record(procedure_id)
    if record is None:
        raise SheetError(f"There is no record '{procedure_id}' in this dataset.")
    if not isinstance(record, m.Procedure):
        raise SheetError(f"'{procedure_id}' is a {record.kind}, not a procedure: sheets are made for procedures.")
    writer = _SheetWriter(store, record, options)
    qr_url = qr_source_url(record)
    body = "".join((writer.header(), writer.key_deadlines(), writer.steps(), writer.documents(),
                    writer.fees(), writer.legal_basis(), writer.contacts(), writer.sources(qr_url)))
    lang = options.langs[0]
    return SheetContent(
        procedure_id=procedure_id,
        html=f'<html><body lang="{lang}">{body}</body></html>',
        title=title_in(record, lang),
        footer=writer.footer(), qr_url=qr_url, langs=options.langs)


def check_options(store: Store, options: SheetOptions) -> None:
    if options.lang not in SHEET_LANGS:
        raise SheetError(f"Unknown sheet language '{options.lang}'; choose one of {', '.join(SHEET_LANGS)}.")
    countries = {c.code for c in store.countries()}
    if options.citizenship not in countries:
        raise SheetError(f"Unknown citizenship '{options.citizenship}'; use a country code such as "
                         f"{', '.join(sorted(c.code for c in store.countries() if c.citizenship))}.")
    if options.region and options.region not in {r.code for r in store.regions()}:
        raise SheetError(f"Unknown region '{options.region}'; use a code such as RU-TA or RU-MOW.")
