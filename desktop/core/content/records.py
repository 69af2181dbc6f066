"""Records: a record file's data checked key by key and turned into its model object (agreement,
procedure or contact)."""
from __future__ import annotations

import re
from typing import Any

from .. import freshness, languages
from .. import model as m
from .checker import ID_RE, URL_RE, Checker, as_list, parse_sources
from .editor_wording import check_wording
from .yaml_lines import FieldPath

KIND_DIRS = {"agreement": "agreements", "procedure": "procedures", "contact": "contacts"}
PHONE_STRIP_RE = re.compile(r"[\s\-().\u00a0]")
E164_RE = re.compile(r"^\+[1-9]\d{6,14}$")
SHORT_RE = re.compile(r"^\d{2,6}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

COMMON_KEYS = {"id", "kind", "ref", *languages.CONTENT, "status", "dates", "applies_to", "regions", "sources",
               "verified_on", "review_by", "confidence", "confidence_note", "notes", "links", "draft"}
# `draft: true`: saved in the editor with problems (core/content/live_check.py); the build refuses it
DRAFT_MESSAGE = ("a draft (saved in the editor with problems): fix its problems and remove draft: true; "
                 "the build refuses drafts")
EXTRA_KEYS = {
    "agreement": {"agreement_type", "parties"},
    "procedure": {"topic", "steps", "documents", "fees", "legal_basis"},
    "contact": {"type", "serves", "city", "region", "district", "address", "phones", "email",
                "website", "hours", "head"},
}


def check_record(c: Checker, expected_kind: str | None) -> m.Record | None:
    d = c.data
    kind = d.get("kind")
    if kind not in m.KINDS:
        c.err(("kind",), f"'{kind}' is not one of: {', '.join(m.KINDS)}" if kind else "missing required field")
        return None
    if expected_kind and kind != expected_kind:
        c.err(("kind",), f"'{kind}' record in the {KIND_DIRS[expected_kind]}/ folder")
    allowed = COMMON_KEYS | EXTRA_KEYS[kind]
    c.keys((), d, allowed, {"id", "status", "verified_on", "sources"})
    if c.boolean(("draft",), d.get("draft")):
        c.err(("draft",), DRAFT_MESSAGE)
    if "applies_to" in d and kind == "contact":
        c.err(("applies_to",), "contacts use 'serves' for the citizenships they serve")

    rid = d.get("id")
    if isinstance(rid, str) and not ID_RE.match(rid):
        c.err(("id",), f"'{rid}' is not a slug (lower-case letters, digits and single dashes)")
    elif isinstance(rid, str) and rid != c.path.stem:
        c.err(("id",), f"'{rid}' does not match the file name '{c.path.name}'")
    elif rid is not None and not isinstance(rid, str):
        c.err(("id",), "must be text")

    texts = {}
    for lang in languages.CONTENT:
        block = d.get(lang)
        if block is None:
            c.err((lang,), "missing language block (title, summary, body, translation)")
            continue
        if c.mapping((lang,), block) is None:
            continue
        c.keys((lang,), block, {"title", "summary", "body", "translation"},
               {"title", "summary", "body", "translation"})
        vals = {}
        for key in ("title", "summary", "body"):
            vals[key] = c.string((lang, key), block.get(key)) or ""
            if vals[key]:
                c.check_script((lang, key), lang, vals[key])
        if "\n" in vals["title"]:
            c.err((lang, "title"), "must be one line")
        translation = c.enum((lang, "translation"), block.get("translation"), m.TRANSLATION_STATES)
        texts[lang] = m.Text(vals["title"], vals["summary"], vals["body"], translation or "draft")

    sources = parse_sources(c, d.get("sources"))
    dates = {}
    raw_dates = d.get("dates")
    if raw_dates is not None and c.mapping(("dates",), raw_dates) is not None:
        c.keys(("dates",), raw_dates, set(m.DATE_KEYS))
        for key in m.DATE_KEYS:
            value = c.date(("dates", key), raw_dates.get(key))
            if value:
                dates[key] = value

    conf = c.enum(("confidence",), d.get("confidence"), m.CONFIDENCE, default="verified")
    conf_note = c.localtext(("confidence_note",), d.get("confidence_note"))
    if conf != "verified" and not conf_note:
        c.err(("confidence_note",), f"confidence '{conf}' needs a confidence_note saying what is unconfirmed")

    if conf == "verified" and sources and not any(s.date for s in sources):
        c.err(("confidence",) if "confidence" in d else ("sources",),
              "'verified' needs at least one source with its date (sources[].date), so the app can say how "
              "current the facts are; otherwise use partial with a note")
    verified_on = c.date(("verified_on",), d.get("verified_on")) or ""
    review_by = _review_by(c, d.get("review_by"), verified_on)

    notes = []
    for i, note in enumerate(as_list(c, ("notes",), d.get("notes"))):
        if c.mapping(("notes", i), note) is None:
            continue
        c.keys(("notes", i), note, {"type", "text"}, {"type", "text"})
        text = c.localtext(("notes", i, "text"), note.get("text"))
        if text and not ({"en", "ru"} & text.keys()):
            c.err(("notes", i, "text"), "needs at least an en or ru text")
        ntype = c.enum(("notes", i, "type"), note.get("type"), m.NOTE_TYPES)
        if ntype and text:
            notes.append(m.Note(ntype, text))

    links = []
    for i, link in enumerate(as_list(c, ("links",), d.get("links"))):
        if c.mapping(("links", i), link) is None:
            continue
        c.keys(("links", i), link, {"rel", "to"}, {"rel", "to"})
        rel = c.enum(("links", i, "rel"), link.get("rel"), m.LINK_RELS)
        to = c.string(("links", i, "to"), link.get("to"))
        if rel and to:
            links.append(m.Link(rel, to))

    common = dict(
        id=rid if isinstance(rid, str) else c.path.stem, kind=kind, texts=texts,
        status=c.enum(("status",), d.get("status"), m.STATUSES) or "in_force",
        verified_on=verified_on, review_by=review_by,
        sources=sources,
        regions=c.codes(("regions",), d.get("regions"), default=[m.ALL], kind="region"),
        dates=dates, confidence=conf, confidence_note=conf_note, notes=notes, links=links,
        ref=c.string(("ref",), d.get("ref")), source_file=c.rel_path,
    )
    if kind != "contact":
        if d.get("applies_to") is None:
            c.err(("applies_to",), "missing required field (citizenship codes or [all])")
        common["applies_to"] = c.codes(("applies_to",), d.get("applies_to"), default=[m.ALL])
    builder = {"agreement": _agreement, "procedure": _procedure, "contact": _contact}[kind]
    record = builder(c, d, common)
    check_wording(c, record)
    for path, ref in c.source_refs:
        if ref not in c.source_ids:
            c.err(path, f"source '{ref}' is not among this record's sources (ids: "
                        f"{', '.join(sorted(c.source_ids)) or 'none'})")
    return record


def _review_by(c: Checker, value: Any, verified_on: str) -> str | None:
    """The record's review date: as written (a full date, not before verified_on), else verified_on + 12 months."""
    written = c.date(("review_by",), value)
    if written is None:
        return freshness.default_review_by(verified_on)
    if freshness.parse_day(written) is None:
        c.err(("review_by",), f"'{written}' needs the day: YYYY-MM-DD")
        return freshness.default_review_by(verified_on)
    if verified_on and written < verified_on:
        c.err(("review_by",), f"review_by {written} is before verified_on {verified_on}")
    return written


def _agreement(c: Checker, d: dict[str, Any], common: dict[str, Any]) -> m.Agreement:
    parties: list[str | dict[str, str]] = []
    for i, party in enumerate(as_list(c, ("parties",), d.get("parties"))):
        if isinstance(party, str):
            c.code_refs.append((("parties", i), party, "region" if party.startswith("RU-") else "country"))
            parties.append(party)
        elif isinstance(party, dict):
            c.keys(("parties", i), party, {"name"}, {"name"})
            name = c.localtext(("parties", i, "name"), party.get("name"), required=True)
            if name:
                parties.append(name)
        else:
            c.err(("parties", i), "must be a country or region code, or {name: …}")
    return m.Agreement(**common,
                       agreement_type=c.enum(("agreement_type",), d.get("agreement_type"),
                                             m.AGREEMENT_TYPES, required=True),
                       parties=parties)


def _deadline(c: Checker, path: FieldPath, value: Any) -> m.Deadline | None:
    if c.mapping(path, value) is None:
        return None
    c.keys(path, value, {"days", "months", "counted_from", "working_days", "before", "applies_to",
                         "note"}, {"counted_from"})
    days, months = c.integer(path + ("days",), value.get("days")), c.integer(path + ("months",), value.get("months"))
    if (days is None) == (months is None):
        c.err(path, "a deadline needs exactly one of days or months")
    if months is not None and value.get("working_days"):
        c.err(path + ("working_days",), "working days apply to a number of days, not months")
    return m.Deadline(days=days, months=months,
                      counted_from=c.enum(path + ("counted_from",), value.get("counted_from"),
                                          m.COUNTED_FROM) or "entry",
                      working_days=c.boolean(path + ("working_days",), value.get("working_days")),
                      before=c.boolean(path + ("before",), value.get("before")),
                      applies_to=c.codes(path + ("applies_to",), value.get("applies_to"), default=[m.ALL]),
                      note=c.localtext(path + ("note",), value.get("note")))


def _items(c: Checker, key: str, value: Any, fee: bool) -> list[m.Item]:
    out = []
    allowed = {"text", "applies_to", "confidence", "note"} | ({"amount", "currency", "source"} if fee else set())
    for i, item in enumerate(as_list(c, (key,), value)):
        p = (key, i)
        if c.mapping(p, item) is None:
            continue
        c.keys(p, item, allowed, {"text"})
        conf, note = c.confidence(p, item)
        amount = item.get("amount")
        if amount is not None and (isinstance(amount, bool) or not isinstance(amount, (int, float))):
            c.err(p + ("amount",), "must be a number")
            amount = None
        if fee and amount is not None and not item.get("currency"):
            c.err(p + ("currency",), "an amount needs its currency (e.g. RUB)")
        out.append(m.Item(text=c.localtext(p + ("text",), item.get("text"), required=True) or {},
                          applies_to=c.codes(p + ("applies_to",), item.get("applies_to"), default=[m.ALL]),
                          amount=amount, currency=c.string(p + ("currency",), item.get("currency")),
                          source=c.source_ref(p + ("source",), item.get("source")) if fee else None,
                          confidence=conf, note=note))
    return out


def _procedure(c: Checker, d: dict[str, Any], common: dict[str, Any]) -> m.Procedure:
    steps = []
    for i, step in enumerate(as_list(c, ("steps",), d.get("steps"))):
        p = ("steps", i)
        if c.mapping(p, step) is None:
            continue
        c.keys(p, step, {"text", "deadline", "where", "applies_to", "confidence", "note"}, {"text"})
        raw = step.get("deadline")
        raw_list = raw if isinstance(raw, list) else ([] if raw is None else [raw])
        deadlines = [dl for j, r in enumerate(raw_list)
                     if (dl := _deadline(c, p + ("deadline",) + ((j,) if isinstance(raw, list) else ()), r))]
        conf, note = c.confidence(p, step)
        steps.append(m.Step(text=c.localtext(p + ("text",), step.get("text"), required=True) or {},
                            deadlines=deadlines, where=c.localtext(p + ("where",), step.get("where")),
                            applies_to=c.codes(p + ("applies_to",), step.get("applies_to"), default=[m.ALL]),
                            confidence=conf, note=note))
    basis = []
    raw_basis = d.get("legal_basis")
    if not raw_basis:
        c.err(("legal_basis",), "a procedure needs at least one legal_basis (an agreement id or a law)")
    for i, item in enumerate(as_list(c, ("legal_basis",), raw_basis)):
        p = ("legal_basis", i)
        if c.mapping(p, item) is None:
            continue
        c.keys(p, item, {"to", "law"})
        if ("to" in item) == ("law" in item):
            c.err(p, "give either 'to' (an agreement id) or 'law' (its name), not both or neither")
        basis.append(m.LegalBasis(to=c.string(p + ("to",), item.get("to")),
                                  law=c.localtext(p + ("law",), item.get("law"))))
    return m.Procedure(**common,
                       topic=c.enum(("topic",), d.get("topic"), m.TOPICS, required=True),
                       steps=steps, documents=_items(c, "documents", d.get("documents"), fee=False),
                       fees=_items(c, "fees", d.get("fees"), fee=True), legal_basis=basis)


def _contact(c: Checker, d: dict[str, Any], common: dict[str, Any]) -> m.Contact:
    phones = []
    for i, phone in enumerate(as_list(c, ("phones",), d.get("phones"))):
        p = ("phones", i)
        if c.mapping(p, phone) is None:
            continue
        c.keys(p, phone, {"number", "label", "source", "confidence", "note", "short_in"},
               {"number", "source"})
        number = c.string(p + ("number",), phone.get("number"))
        short_in = phone.get("short_in")
        if number:
            digits = PHONE_STRIP_RE.sub("", number)
            if short_in is not None:
                c.code_refs.append((p + ("short_in",), short_in, "country"))
                if not SHORT_RE.match(digits):
                    c.err(p + ("number",), f"'{number}' is not a short number (2–6 digits)")
            elif not E164_RE.match(digits):
                c.err(p + ("number",), f"malformed phone number '{number}': use the international "
                      "form +<country code> <number> (E.164), e.g. +7 499 230-00-76; a short number "
                      "dialled inside one country needs short_in: <country code>")
        conf, note = c.confidence(p, phone)
        if number:
            phones.append(m.Phone(number=number,
                                  label=c.enum(p + ("label",), phone.get("label"), m.PHONE_LABELS,
                                               default="general") or "general",
                                  short_in=short_in,
                                  source=c.source_ref(p + ("source",), phone.get("source")),
                                  confidence=conf, note=note))
    district = None
    raw = d.get("district")
    if raw is not None and c.mapping(("district",), raw) is not None:
        dp: FieldPath = ("district",)
        c.keys(dp, raw, {"regions", "federal_districts", "all", "source", "note"})
        fds = []
        for i, fd in enumerate(as_list(c, dp + ("federal_districts",), raw.get("federal_districts"))):
            if fd not in m.FEDERAL_DISTRICTS:
                c.err(dp + ("federal_districts", i), f"unknown federal district '{fd}' "
                      f"(use {', '.join(m.FEDERAL_DISTRICTS)})")
            else:
                fds.append(fd)
        district = m.District(
            regions=c.codes(dp + ("regions",), raw.get("regions"), default=[], allow_all=False, kind="region"),
            federal_districts=fds, all=c.boolean(dp + ("all",), raw.get("all")),
            source=c.source_ref(dp + ("source",), raw.get("source")),
            note=c.localtext(dp + ("note",), raw.get("note")))
        if (district.regions or fds or district.all) and not district.source:
            c.err(dp + ("source",), "a district needs the source that gives it")
    email = c.fact(("email",), d["email"], localised=False) if d.get("email") is not None else None
    if email and email.value and not EMAIL_RE.match(email.value):
        c.err(("email", "value"), f"'{email.value}' is not an e-mail address")
    website = c.fact(("website",), d["website"], localised=False) if d.get("website") is not None else None
    if website and website.value and not URL_RE.match(website.value):
        c.err(("website", "value"), f"'{website.value}' is not a web address")
    region = c.string(("region",), d.get("region"))
    if region:
        c.code_refs.append((("region",), region, "region"))
    head = None
    if d.get("head") is not None and c.mapping(("head",), d["head"]) is not None:
        h = d["head"]
        c.keys(("head",), h, {"name", "since", "source", "confidence", "note"}, {"name", "source"})
        conf, note = c.confidence(("head",), h)
        head = m.Fact(text=c.localtext(("head", "name"), h.get("name")),
                      value=c.date(("head", "since"), h.get("since")),
                      source=c.source_ref(("head", "source"), h.get("source")), confidence=conf, note=note)
    return m.Contact(**common,
                     type=c.enum(("type",), d.get("type"), m.CONTACT_TYPES, required=True),
                     serves=c.codes(("serves",), d.get("serves"), default=[m.ALL]),
                     city=c.localtext(("city",), d.get("city")), region=region, district=district,
                     address=(c.fact(("address",), d["address"], localised=True)
                              if d.get("address") is not None else None),
                     phones=phones, email=email, website=website,
                     hours=c.fact(("hours",), d["hours"], localised=True) if d.get("hours") is not None else None,
                     head=head)
