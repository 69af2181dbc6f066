"""The checker of one record (or reference file): typed readers that report each problem at its line."""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

from .. import languages
from .. import model as m
from .problems import Problem
from .yaml_lines import FieldPath, Lines, format_path

DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_ID_RE = ID_RE
URL_RE = re.compile(r"^(https?://)?[^\s/]+\.[^\s]+$")
# Uzbek oʻ/gʻ must use U+02BB; these are the look-alikes keyboards produce.
UZ_BAD_APOSTROPHE_RE = re.compile(r"[oOgG]['‘’`]")
KY_FOREIGN_LETTERS_RE = re.compile(r"[қҚғҒұҰіІʏɵ]")


class Checker:
    """Validates one record's data and builds its model object, collecting problems."""

    def __init__(self, path: Path, data: dict[str, Any], lines: Lines, problems: list[Problem]) -> None:
        self.path, self.data, self.lines, self.problems = path, data, lines, problems
        # the record's file relative to the content root (kind folder/file), for the dataset
        self.rel_path = f"{path.parent.name}/{path.name}"
        rid = data.get("id") if isinstance(data, dict) else None
        self.rid = rid if isinstance(rid, str) else path.stem
        self.source_ids: set[str] = set()
        self.source_refs: list[tuple[FieldPath, str]] = []  # (path, source id) to check after sources
        self.code_refs: list[tuple[FieldPath, str, str]] = []  # (path, code, 'region'|'country'|'fd')

    def err(self, path: FieldPath, message: str) -> None:
        probe = path
        while probe and probe not in self.lines:
            probe = probe[:-1]
        line = self.lines.get(probe, 1)
        self.problems.append(Problem(str(self.path), line, self.rid, format_path(path), message))

    # -- primitives; each returns a clean value or None after reporting

    def keys(self, path: FieldPath, value: dict[Any, Any], allowed: set[str],
             required: Collection[str] = frozenset()) -> None:
        for key in value:
            if key not in allowed:
                self.err(path + (key,), f"unknown key (allowed: {', '.join(sorted(allowed))})")
        for key in sorted(required):
            if key not in value or value[key] in (None, "", [], {}):
                self.err(path + (key,), "missing required field")

    def mapping(self, path: FieldPath, value: Any, what: str = "a mapping") -> dict[Any, Any] | None:
        if not isinstance(value, dict):
            self.err(path, f"must be {what}")
            return None
        return value

    def string(self, path: FieldPath, value: Any, required: bool = False) -> str | None:
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

    def enum(self, path: FieldPath, value: Any, allowed: Collection[str], required: bool = False,
             default: str | None = None) -> str | None:
        if value is None:
            if required:
                self.err(path, "missing required field")
            return default
        if value not in allowed:
            self.err(path, f"'{value}' is not one of: {', '.join(allowed)}")
            return default
        return str(value)

    def boolean(self, path: FieldPath, value: Any, default: bool = False) -> bool:
        if value is None:
            return default
        if not isinstance(value, bool):
            self.err(path, "must be true or false")
            return default
        return value

    def integer(self, path: FieldPath, value: Any) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.err(path, "must be a whole number of 0 or more")
            return None
        return value

    def date(self, path: FieldPath, value: Any, required: bool = False) -> str | None:
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

    def localtext(self, path: FieldPath, value: Any, required: bool = False) -> dict[str, str] | None:
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
            if lang not in languages.CONTENT:
                self.err(path + (lang,), f"unknown language (use {', '.join(languages.CONTENT)})")
                continue
            clean = self.string(path + (lang,), text)
            if clean:
                self.check_script(path + (lang,), lang, clean)
                out[lang] = clean
        if required and not out:
            self.err(path, "missing required field")
        return out or None

    def check_script(self, path: FieldPath, lang: str, text: str) -> None:
        if lang == "uz" and (bad := UZ_BAD_APOSTROPHE_RE.search(text)):
            self.err(path, f"Uzbek '{bad.group(0)}': write oʻ/gʻ with U+02BB (ʻ)")
        if lang == "ky" and (bad := KY_FOREIGN_LETTERS_RE.search(text)):
            self.err(path, f"Kyrgyz text has '{bad.group(0)}', not a Kyrgyz letter (use ң ө ү, no Kazakh letters)")

    def codes(self, path: FieldPath, value: Any, *, default: list[str], allow_all: bool = True,
              kind: str = "country") -> list[str]:
        """A list of country or region codes (or [all])."""
        if value is None:
            return list(default)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            self.err(path, "must be a non-empty list of codes")
            return list(default)
        out: list[str] = []
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

    def source_ref(self, path: FieldPath, value: Any) -> str | None:
        ref = self.string(path, value)
        if ref:
            self.source_refs.append((path, ref))
        return ref

    def confidence(self, path: FieldPath, holder: dict[Any, Any]) -> tuple[str, dict[str, str] | None]:
        conf = self.enum(path + ("confidence",), holder.get("confidence"), m.CONFIDENCE,
                         default="verified") or "verified"
        note = self.localtext(path + ("note",), holder.get("note"))
        if conf != "verified" and not note:
            self.err(path + ("note",), f"confidence '{conf}' needs a note saying what is unconfirmed")
        return conf, note

    def fact(self, path: FieldPath, value: Any, *, localised: bool) -> m.Fact | None:
        holder = self.mapping(path, value, "a mapping with a value and its source")
        if holder is None:
            return None
        key = "text" if localised else "value"
        self.keys(path, holder, {key, "source", "confidence", "note"}, {key, "source"})
        conf, note = self.confidence(path, holder)
        fact = m.Fact(source=self.source_ref(path + ("source",), holder.get("source")),
                      confidence=conf, note=note)
        if localised:
            fact.text = self.localtext(path + (key,), holder.get(key))
        else:
            fact.value = self.string(path + (key,), holder.get(key))
        return fact


def as_list(c: Checker, path: FieldPath, value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        c.err(path, "must be a list")
        return []
    return value


def parse_sources(c: Checker, value: Any) -> list[m.Source]:
    out: list[m.Source] = []
    if not value:
        c.err(("sources",), "a record needs at least one source")
        return out
    for i, src in enumerate(as_list(c, ("sources",), value)):
        p = ("sources", i)
        if c.mapping(p, src) is None:
            continue
        c.keys(p, src, {"id", "url", "title", "publisher", "date", "note", "type"}, {"publisher"})
        stype = c.enum(p + ("type",), src.get("type"), m.SOURCE_TYPES, required=True)
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
                            note=c.string(p + ("note",), src.get("note")), type=stype))
    return out
