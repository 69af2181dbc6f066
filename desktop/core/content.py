"""Read and validate db/content: YAML files -> model objects, with every problem located.

Every problem is reported as `path:line: record-id: field: message`, and all of them are collected
(not only the first) so a content editor can fix a whole batch in one pass.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import model as m

KIND_DIRS = {"agreement": "agreements", "procedure": "procedures", "contact": "contacts"}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_ID_RE = ID_RE
REGION_RE = re.compile(r"^RU-[A-Z]{2,3}$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
PHONE_STRIP_RE = re.compile(r"[\s\-().\u00a0]")
E164_RE = re.compile(r"^\+[1-9]\d{6,14}$")
SHORT_RE = re.compile(r"^\d{2,6}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
URL_RE = re.compile(r"^(https?://)?[^\s/]+\.[^\s]+$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Uzbek oʻ/gʻ must use U+02BB; these are the look-alikes keyboards produce.
UZ_BAD_APOSTROPHE_RE = re.compile(r"[oOgG]['‘’`]")
KY_FOREIGN_LETTERS_RE = re.compile(r"[қҚғҒұҰіІʏɵ]")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.record}: {self.field}: {self.message}"

    def relative(self) -> "Problem":
        """The same problem with its path relative to the working folder, when it lies below it."""
        try:
            rel = Path(self.path).resolve().relative_to(Path.cwd())
        except ValueError:
            return self
        return Problem(str(rel), self.line, self.record, self.field, self.message)


@dataclass
class Content:
    records: list[m.Record] = field(default_factory=list)
    regions: list[m.Region] = field(default_factory=list)
    countries: list[m.Country] = field(default_factory=list)
    federal_districts: dict[str, dict] = field(default_factory=dict)
    reference_sources: dict[str, list[m.Source]] = field(default_factory=dict)
    dataset_version: str = ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def by_id(self) -> dict[str, m.Record]:
        return {r.id: r for r in self.records}


class ContentError(Exception):
    """Content did not validate; `problems` holds every located problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in content:\n" + "\n".join(map(str, problems)))


# --------------------------------------------------------------------------- YAML with line numbers

class _Loader(yaml.SafeLoader):
    pass


def _to_data(node, loader, path, lines, dupes):
    """Convert a composed YAML node to Python data, remembering each path's line number."""
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in out:
                dupes.append((key_node.start_mark.line + 1, path + (key,)))
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _to_data(value_node, loader, path + (key,), lines, dupes)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(child, loader, path + (i,), lines, dupes) for i, child in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:  # e.g. a timestamp-shaped 2025-02-30: keep the text, the date check reports it
        return node.value


def load_yaml(path: Path):
    """(data, lines, problems) for one file; data is None when the file cannot be parsed."""
    rel = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, {}, [Problem(rel, 1, path.stem, "-", f"not UTF-8 text ({exc.reason})")]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}, [Problem(rel, 1, path.stem, "-", "file is empty")]
        lines, dupes = {}, []
        data = _to_data(node, loader, (), lines, dupes)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(exc, "problem", None) or str(exc)
        return None, {}, [Problem(rel, line, path.stem, "-", f"YAML syntax error: {reason}")]
    finally:
        loader.dispose()
    problems = [Problem(rel, line, path.stem, _fmt(p), "duplicate key") for line, p in dupes]
    return data, lines, problems


def _fmt(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "-"


# --------------------------------------------------------------------------- per-record checker

class _Checker:
    """Validates one record's data and builds its model object, collecting problems."""

    def __init__(self, path: Path, data: dict, lines: dict, problems: list[Problem]):
        self.path, self.data, self.lines, self.problems = path, data, lines, problems
        # the record's file relative to the content root (kind folder/file), for the dataset
        self.rel_path = f"{path.parent.name}/{path.name}"
        rid = data.get("id") if isinstance(data, dict) else None
        self.rid = rid if isinstance(rid, str) else path.stem
        self.source_ids: set[str] = set()
        self.source_refs: list[tuple[tuple, str]] = []  # (path, source id) to check after sources
        self.code_refs: list[tuple[tuple, str, str]] = []  # (path, code, 'region'|'country'|'fd')

    def err(self, path: tuple, message: str) -> None:
        probe = path
        while probe and probe not in self.lines:
            probe = probe[:-1]
        line = self.lines.get(probe, 1)
        self.problems.append(Problem(str(self.path), line, self.rid, _fmt(path), message))

    # -- primitives; each returns a clean value or None after reporting

    def keys(self, path: tuple, value: dict, allowed: set[str], required: set[str] = frozenset()):
        for key in value:
            if key not in allowed:
                self.err(path + (key,), f"unknown key (allowed: {', '.join(sorted(allowed))})")
        for key in sorted(required):
            if key not in value or value[key] in (None, "", [], {}):
                self.err(path + (key,), "missing required field")

    def mapping(self, path, value, what="a mapping"):
        if not isinstance(value, dict):
            self.err(path, f"must be {what}")
            return None
        return value

    def string(self, path, value, required=False):
        if value is None or value == "":
            if required:
                self.err(path, "missing required field")
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.err(path, "must be text")
            return None
        return value.strip()

    def enum(self, path, value, allowed, required=False, default=None):
        if value is None:
            if required:
                self.err(path, "missing required field")
            return default
        if value not in allowed:
            self.err(path, f"'{value}' is not one of: {', '.join(allowed)}")
            return default
        return value

    def boolean(self, path, value, default=False):
        if value is None:
            return default
        if not isinstance(value, bool):
            self.err(path, "must be true or false")
            return default
        return value

    def integer(self, path, value):
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.err(path, "must be a whole number of 0 or more")
            return None
        return value

    def date(self, path, value, required=False):
        if value is None or value == "":
            if required:
                self.err(path, "missing required field")
            return None
        if isinstance(value, _dt.datetime):
            value = value.date()
        if isinstance(value, _dt.date):
            return value.isoformat()
        text = str(value)
        match = DATE_RE.match(text)
        if match:
            year, month, day = match.groups()
            try:
                _dt.date(int(year), int(month or 1), int(day or 1))
                return text
            except ValueError:
                pass
        self.err(path, f"bad date '{text}': use YYYY-MM-DD (or YYYY-MM / YYYY when the day is unknown)")
        return None

    def localtext(self, path, value, required=False):
        """One string, or {lang: string}; returns {lang: str} or None."""
        if value is None or value == "" or value == {}:
            if required:
                self.err(path, "missing required field")
            return None
        if isinstance(value, str):
            return {"ru": value.strip()} if value.strip() else None
        if not isinstance(value, dict):
            self.err(path, "must be text or a map of language to text")
            return None
        out = {}
        for lang, text in value.items():
            if lang not in m.LANGS:
                self.err(path + (lang,), f"unknown language (use {', '.join(m.LANGS)})")
                continue
            clean = self.string(path + (lang,), text)
            if clean:
                self.check_script(path + (lang,), lang, clean)
                out[lang] = clean
        if required and not out:
            self.err(path, "missing required field")
        return out or None

    def check_script(self, path, lang, text):
        if lang == "uz" and UZ_BAD_APOSTROPHE_RE.search(text):
            bad = UZ_BAD_APOSTROPHE_RE.search(text).group(0)
            self.err(path, f"Uzbek '{bad}': write oʻ/gʻ with U+02BB (ʻ)")
        if lang == "ky" and KY_FOREIGN_LETTERS_RE.search(text):
            bad = KY_FOREIGN_LETTERS_RE.search(text).group(0)
            self.err(path, f"Kyrgyz text has '{bad}', not a Kyrgyz letter (use ң ө ү, no Kazakh letters)")

    def codes(self, path, value, default=None, allow_all=True, kind="country"):
        """A list of country or region codes (or [all])."""
        if value is None:
            return list(default) if default is not None else None
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            self.err(path, "must be a non-empty list of codes")
            return list(default) if default is not None else None
        out = []
        for i, code in enumerate(value):
            if code == m.ALL and allow_all:
                out.append(m.ALL)
                continue
            if not isinstance(code, str):
                self.err(path + (i,), "must be a code")
                continue
            self.code_refs.append((path + (i,), code, kind))
            out.append(code)
        if m.ALL in out and len(out) > 1:
            self.err(path, "'all' cannot be combined with other codes")
        return sorted(set(out))  # a set of codes: the order written carries no meaning

    def source_ref(self, path, value):
        ref = self.string(path, value)
        if ref:
            self.source_refs.append((path, ref))
        return ref

    def confidence(self, path, holder):
        conf = self.enum(path + ("confidence",), holder.get("confidence"), m.CONFIDENCE,
                         default="verified")
        note = self.localtext(path + ("note",), holder.get("note"))
        if conf != "verified" and not note:
            self.err(path + ("note",), f"confidence '{conf}' needs a note saying what is unconfirmed")
        return conf, note

    def fact(self, path, value, *, localised: bool):
        value = self.mapping(path, value, "a mapping with a value and its source")
        if value is None:
            return None
        key = "text" if localised else "value"
        self.keys(path, value, {key, "source", "confidence", "note"}, {key, "source"})
        conf, note = self.confidence(path, value)
        fact = m.Fact(source=self.source_ref(path + ("source",), value.get("source")),
                      confidence=conf, note=note)
        if localised:
            fact.text = self.localtext(path + (key,), value.get(key))
        else:
            fact.value = self.string(path + (key,), value.get(key))
        return fact


# --------------------------------------------------------------------------- records

COMMON_KEYS = {"id", "kind", "ref", *m.LANGS, "status", "dates", "applies_to", "regions", "sources",
               "verified_on", "confidence", "confidence_note", "notes", "links"}
EXTRA_KEYS = {
    "agreement": {"agreement_type", "parties"},
    "procedure": {"topic", "steps", "documents", "fees", "legal_basis"},
    "contact": {"type", "serves", "city", "region", "district", "address", "phones", "email",
                "website", "hours", "head"},
}


def _record(c: _Checker, expected_kind: str | None):
    d = c.data
    kind = d.get("kind")
    if kind not in m.KINDS:
        c.err(("kind",), f"'{kind}' is not one of: {', '.join(m.KINDS)}" if kind else "missing required field")
        return None
    if expected_kind and kind != expected_kind:
        c.err(("kind",), f"'{kind}' record in the {KIND_DIRS[expected_kind]}/ folder")
    allowed = COMMON_KEYS | EXTRA_KEYS[kind]
    c.keys((), d, allowed, {"id", "status", "verified_on", "sources"})
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
    for lang in m.LANGS:
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

    sources = _sources(c, d.get("sources"))
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

    notes = []
    for i, note in enumerate(_list(c, ("notes",), d.get("notes"))):
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
    for i, link in enumerate(_list(c, ("links",), d.get("links"))):
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
        verified_on=c.date(("verified_on",), d.get("verified_on")) or "",
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
    for path, ref in c.source_refs:
        if ref not in c.source_ids:
            c.err(path, f"source '{ref}' is not among this record's sources (ids: "
                        f"{', '.join(sorted(c.source_ids)) or 'none'})")
    return record


def _list(c, path, value):
    if value is None:
        return []
    if not isinstance(value, list):
        c.err(path, "must be a list")
        return []
    return value


def _sources(c: _Checker, value) -> list[m.Source]:
    out = []
    if not value:
        c.err(("sources",), "a record needs at least one source")
        return out
    for i, src in enumerate(_list(c, ("sources",), value)):
        p = ("sources", i)
        if c.mapping(p, src) is None:
            continue
        c.keys(p, src, {"id", "url", "title", "publisher", "date", "note"}, {"publisher"})
        url, title = c.string(p + ("url",), src.get("url")), c.string(p + ("title",), src.get("title"))
        if not url and not title:
            c.err(p, "a source needs a url or a document title")
        if url and not URL_RE.match(url):
            c.err(p + ("url",), f"'{url}' is not a web address")
        sid = c.string(p + ("id",), src.get("id"))
        if sid:
            if not SOURCE_ID_RE.match(sid):
                c.err(p + ("id",), f"'{sid}' is not a short key (a-z, 0-9, dashes)")
            elif sid in c.source_ids:
                c.err(p + ("id",), f"source id '{sid}' used twice")
            c.source_ids.add(sid)
        out.append(m.Source(id=sid, url=url, title=title,
                            publisher=c.string(p + ("publisher",), src.get("publisher")),
                            date=c.date(p + ("date",), src.get("date")),
                            note=c.string(p + ("note",), src.get("note"))))
    return out


def _agreement(c: _Checker, d: dict, common: dict) -> m.Agreement:
    parties = []
    for i, party in enumerate(_list(c, ("parties",), d.get("parties"))):
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


def _deadline(c: _Checker, path, value) -> m.Deadline | None:
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


def _items(c: _Checker, key: str, value, fee: bool) -> list[m.Item]:
    out = []
    allowed = {"text", "applies_to", "confidence", "note"} | ({"amount", "currency", "source"} if fee else set())
    for i, item in enumerate(_list(c, (key,), value)):
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


def _procedure(c: _Checker, d: dict, common: dict) -> m.Procedure:
    steps = []
    for i, step in enumerate(_list(c, ("steps",), d.get("steps"))):
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
    for i, item in enumerate(_list(c, ("legal_basis",), raw_basis)):
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


def _contact(c: _Checker, d: dict, common: dict) -> m.Contact:
    phones = []
    for i, phone in enumerate(_list(c, ("phones",), d.get("phones"))):
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
                                               default="general"),
                                  short_in=short_in,
                                  source=c.source_ref(p + ("source",), phone.get("source")),
                                  confidence=conf, note=note))
    district = None
    raw = d.get("district")
    if raw is not None and c.mapping(("district",), raw) is not None:
        p = ("district",)
        c.keys(p, raw, {"regions", "federal_districts", "all", "source", "note"})
        fds = []
        for i, fd in enumerate(_list(c, p + ("federal_districts",), raw.get("federal_districts"))):
            if fd not in m.FEDERAL_DISTRICTS:
                c.err(p + ("federal_districts", i), f"unknown federal district '{fd}' "
                      f"(use {', '.join(m.FEDERAL_DISTRICTS)})")
            else:
                fds.append(fd)
        district = m.District(
            regions=c.codes(p + ("regions",), raw.get("regions"), default=[], allow_all=False, kind="region"),
            federal_districts=fds, all=c.boolean(p + ("all",), raw.get("all")),
            source=c.source_ref(p + ("source",), raw.get("source")),
            note=c.localtext(p + ("note",), raw.get("note")))
        if (district.regions or fds or district.all) and not district.source:
            c.err(p + ("source",), "a district needs the source that gives it")
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
                     address=c.fact(("address",), d["address"], localised=True) if d.get("address") is not None else None,
                     phones=phones, email=email, website=website,
                     hours=c.fact(("hours",), d["hours"], localised=True) if d.get("hours") is not None else None,
                     head=head)


# --------------------------------------------------------------------------- reference files

def _load_regions(path: Path, content: Content) -> None:
    data, lines, problems = load_yaml(path)
    content.problems.extend(problems)
    if not isinstance(data, dict):
        if data is not None:
            content.problems.append(Problem(str(path), 1, "regions", "-", "must be a mapping"))
        return
    c = _Checker(path, {"id": "regions"}, lines, content.problems)
    content.reference_sources["regions"] = _sources(c, data.get("sources"))
    c.keys((), data, {"sources", "verified_on", "federal_districts", "regions"}, {"regions", "verified_on"})
    content.federal_districts = data.get("federal_districts") or {}
    for code in content.federal_districts:
        if code not in m.FEDERAL_DISTRICTS:
            c.err(("federal_districts", code), "unknown federal district code")
    seen = set()
    for i, reg in enumerate(_list(c, ("regions",), data.get("regions"))):
        p = ("regions", i)
        if c.mapping(p, reg) is None:
            continue
        c.keys(p, reg, {"code", "name", "federal_district"}, {"code", "name", "federal_district"})
        code = reg.get("code")
        if not isinstance(code, str) or not REGION_RE.match(code):
            c.err(p + ("code",), f"'{code}' is not an ISO 3166-2:RU code such as RU-TA")
            continue
        if code in seen:
            c.err(p + ("code",), f"region {code} listed twice")
        seen.add(code)
        name = c.localtext(p + ("name",), reg.get("name"), required=True) or {}
        for lang in ("ru", "en"):
            if lang not in name:
                c.err(p + ("name", lang), "missing required field")
        fd = c.enum(p + ("federal_district",), reg.get("federal_district"), m.FEDERAL_DISTRICTS)
        content.regions.append(m.Region(code, name, fd or ""))


def _load_countries(path: Path, content: Content) -> None:
    data, lines, problems = load_yaml(path)
    content.problems.extend(problems)
    if not isinstance(data, dict):
        return
    c = _Checker(path, {"id": "countries"}, lines, content.problems)
    content.reference_sources["countries"] = _sources(c, data.get("sources"))
    c.keys((), data, {"sources", "verified_on", "translation", "countries"}, {"countries"})
    seen = set()
    for i, ctry in enumerate(_list(c, ("countries",), data.get("countries"))):
        p = ("countries", i)
        if c.mapping(p, ctry) is None:
            continue
        c.keys(p, ctry, {"code", "name", "citizenship", "eaeu"}, {"code", "name"})
        code = ctry.get("code")
        if not isinstance(code, str) or not COUNTRY_RE.match(code):
            c.err(p + ("code",), f"'{code}' is not an ISO 3166-1 alpha-2 code such as UZ")
            continue
        if code in seen:
            c.err(p + ("code",), f"country {code} listed twice")
        seen.add(code)
        content.countries.append(m.Country(code, c.localtext(p + ("name",), ctry.get("name"), required=True) or {},
                                           citizenship=c.boolean(p + ("citizenship",), ctry.get("citizenship")),
                                           eaeu=c.boolean(p + ("eaeu",), ctry.get("eaeu"))))


# --------------------------------------------------------------------------- the whole tree

def load_content(root: Path | str) -> Content:
    """Load and validate a content tree; problems are collected in `Content.problems`."""
    root = Path(root)
    content = Content()
    if not root.is_dir():
        content.problems.append(Problem(str(root), 1, "-", "-", "content folder not found"))
        return content
    for name, loader in (("regions.yaml", _load_regions), ("countries.yaml", _load_countries)):
        path = root / name
        if path.exists():
            loader(path, content)
        else:
            content.problems.append(Problem(str(path), 1, name[:-5], "-", "file missing"))
    content.dataset_version = _dataset_version(root, content)

    checkers, unreadable = [], set()
    for kind, folder in KIND_DIRS.items():
        for path in sorted((root / folder).glob("*.y*ml")):
            data, lines, problems = load_yaml(path)
            content.problems.extend(problems)
            if data is None:
                unreadable.add(path.stem)  # already reported; links to it are not errors too
                continue
            if not isinstance(data, dict):
                content.problems.append(Problem(str(path), 1, path.stem, "-", "a record must be a mapping of keys"))
                continue
            checker = _Checker(path, data, lines, content.problems)
            record = _record(checker, kind)
            if record is not None:
                content.records.append(record)
                checkers.append((checker, record))
    _cross_check(content, checkers, unreadable)
    content.records.sort(key=lambda r: r.id)
    content.problems.sort(key=lambda p: (p.path, p.line, p.field))
    return content


def _dataset_version(root: Path, content: Content) -> str:
    path = root / "dataset.yaml"
    if not path.exists():
        content.problems.append(Problem(str(path), 1, "dataset", "-", "file missing"))
        return ""
    data, lines, problems = load_yaml(path)
    content.problems.extend(problems)
    if not isinstance(data, dict):
        return ""
    c = _Checker(path, {"id": "dataset"}, lines, content.problems)
    c.keys((), data, {"version"}, {"version"})
    version = str(data.get("version") or "")
    if version and not re.match(r"^\d{4}\.\d{2}\.\d+$", version):
        c.err(("version",), f"'{version}' is not YYYY.MM.N")
    return version


def _cross_check(content: Content, checkers, unreadable: set[str]) -> None:
    regions = {r.code for r in content.regions}
    countries = {c.code for c in content.countries}
    first_seen: dict[str, _Checker] = {}
    kinds = {}
    for checker, record in checkers:
        if record.id in first_seen:
            other = first_seen[record.id]
            checker.err(("id",), f"duplicate id '{record.id}' (also in {other.path}:{other.lines.get(('id',), 1)})")
        else:
            first_seen[record.id] = checker
            kinds[record.id] = record.kind
    for checker, record in checkers:
        for path, code, what in checker.code_refs:
            if what == "region" and code not in regions:
                checker.err(path, f"unknown region code '{code}' (see regions.yaml)")
            elif what == "country" and code not in countries:
                checker.err(path, f"unknown country code '{code}' (see countries.yaml)")
        for i, link in enumerate(record.links):
            if link.to in unreadable:
                continue
            if link.to not in kinds:
                checker.err(("links", i, "to"), f"link to unknown record '{link.to}'")
            elif link.to == record.id:
                checker.err(("links", i, "to"), "a record cannot link to itself")
            elif link.rel == "contact_for" and kinds[link.to] != "contact":
                checker.err(("links", i, "to"), f"contact_for must point at a contact, '{link.to}' is a {kinds[link.to]}")
        if isinstance(record, m.Procedure):
            for i, basis in enumerate(record.legal_basis):
                if basis.to in unreadable:
                    continue
                if basis.to and basis.to not in kinds:
                    checker.err(("legal_basis", i, "to"), f"legal basis names unknown record '{basis.to}'")
                elif basis.to and kinds[basis.to] != "agreement":
                    checker.err(("legal_basis", i, "to"), f"'{basis.to}' is a {kinds[basis.to]}, not an agreement")


def validate(root: Path | str) -> list[Problem]:
    return load_content(root).problems
