"""The record texts as gettext catalogs, so translators work in their own tools (Poedit, Weblate, Lokalize).

    export_catalog(content_dir, "uz", out)   one entry per record text: msgctxt "record-id|field path", msgid the
                                             original language's text, msgstr the current Uzbek text, `fuzzy` while
                                             the record's Uzbek is a draft; translator comments: the record's title
                                             and the glossary's terms found in the text
    import_catalog(content_dir, po)          writes back only the texts that changed (through RecordFile, so each
                                             YAML file keeps its form), marks a record's language `reviewed` when
                                             all its entries are translated and none is fuzzy, and reports entries
                                             whose original changed since the export (msgid is the original then)

Texts are the title, summary and body of each language block and every map of language -> text in the record
(steps, documents, notes, confidence notes, addresses, hours, …). Trailing line breaks (YAML blocks) are left out
of the catalog and kept in the file, so `msgfmt --check` accepts it whatever the translator types."""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import yaml
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from . import languages
from .content.records import KIND_DIRS
from .content.roundtrip import RecordFile, RecordFileError
from .content.yaml_lines import FieldPath, format_path, load_yaml

BLOCK_FIELDS = ("title", "summary", "body")
SEPARATOR = "|"
HEADER = """# The record texts of Migrant Desk's reference ({lang}), from `migrant-desk translations export`.
# msgctxt: record id|field; msgid: the text in the record's original language; fuzzy: a draft translation.
# Translate msgstr, clear `fuzzy` when a translation is checked, and give the file back for
# `migrant-desk translations import`: only changed texts are written, and a record whose entries are all
# translated and none fuzzy becomes `reviewed`."""
_PART_RE = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass(frozen=True)
class Text:
    """One text of one record: where it is (`path`, with the language as its last part for a map, or
    ("<lang>", field) for a language block) and its value in every language."""
    record: str
    key: str                 # the field path without the language: "title", "steps[0].text"
    block: bool              # a language block's title/summary/body (else a map of language -> text)
    values: dict[str, str]

    def path(self, lang: str) -> FieldPath:
        parts = parse_path(self.key)
        return (lang, *parts) if self.block else (*parts, lang)


@dataclass
class RecordTexts:
    id: str
    file: Path
    original: str                       # the language marked `original` (ru when none is)
    states: dict[str, str]              # language -> original / reviewed / draft
    texts: list[Text] = field(default_factory=list)

    def title(self, lang: str) -> str:
        for text in self.texts:
            if text.block and text.key == "title":
                return text.values.get(lang) or ""
        return ""


@dataclass
class ImportReport:
    written: list[Path] = field(default_factory=list)            # files saved
    changed: list[str] = field(default_factory=list)             # msgctxt of texts written
    reviewed: list[str] = field(default_factory=list)            # records whose language became reviewed
    original_changed: list[tuple[str, str, str]] = field(default_factory=list)  # (msgctxt, then, now)
    unknown: list[str] = field(default_factory=list)             # msgctxt naming no record text


def parse_path(key: str) -> FieldPath:
    return tuple(int(index) if index else name for name, index in _PART_RE.findall(key))


def _clean(value: Any) -> str | None:
    return value.rstrip("\n") if isinstance(value, str) and value.strip() else None


def _localised_maps(node: Any, path: FieldPath) -> Iterator[tuple[FieldPath, dict[str, str]]]:
    """Every mapping of language -> text below `node` (not the language blocks themselves)."""
    if isinstance(node, dict):
        keys = set(node)
        if keys and keys <= set(languages.CONTENT) and all(isinstance(v, str) for v in node.values()):
            yield path, {k: v for k, v in node.items() if _clean(v)}
            return
        for key, value in node.items():
            if not path and key in languages.CONTENT:
                continue
            yield from _localised_maps(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _localised_maps(value, (*path, i))


def record_texts(path: Path, data: dict[str, Any]) -> RecordTexts:
    rid = str(data.get("id") or path.stem)
    states = {lang: str(block.get("translation")) for lang in languages.CONTENT
              if isinstance(block := data.get(lang), dict) and block.get("translation")}
    original = next((lang for lang in languages.CONTENT if states.get(lang) == "original"), "ru")
    out = RecordTexts(rid, path, original, states)
    for name in BLOCK_FIELDS:
        values = {lang: str(data[lang][name]) for lang in languages.CONTENT
                  if isinstance(data.get(lang), dict) and _clean(data[lang].get(name))}
        if values:
            out.texts.append(Text(rid, name, True, values))
    for map_path, values in _localised_maps(data, ()):
        if values:
            out.texts.append(Text(rid, format_path(map_path), False, values))
    return out


def read_records(content_dir: Path | str) -> list[RecordTexts]:
    out = []
    for folder in KIND_DIRS.values():
        for path in sorted((Path(content_dir) / folder).glob("*.y*ml")):
            data, _lines, _problems = load_yaml(path)
            if isinstance(data, dict):
                out.append(record_texts(path, data))
    return out


# --------------------------------------------------------------------------- glossary

@dataclass(frozen=True)
class Term:
    words: dict[str, str]     # language -> the glossary's words
    patterns: dict[str, re.Pattern[str]]


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


def _pattern(term: str) -> re.Pattern[str] | None:
    """A term's words, each by its stem (Russian, Uzbek and Kyrgyz words change their endings)."""
    words = re.findall(r"\w[\w\u02bb\u02bc'-]*", _fold(term.split(";")[0].split("(")[0]))
    if not words:
        return None
    stems = [re.escape(w[:max(4, len(w) - 3)] if len(w) > 5 else w) for w in words]
    return re.compile(r"(?<!\w)" + r"\w*\s+".join(stems) + r"(?!\w{6,})", re.IGNORECASE)


def load_glossary(path: Path | None) -> list[Term]:
    """The glossary's domain terms (translations/glossary.yaml); none when the file is absent."""
    if path is None or not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return []
    terms = []
    for entry in data.get("domain") or []:
        if not isinstance(entry, dict):
            continue
        words = {lang: str(entry[lang]) for lang in languages.CONTENT if entry.get(lang)}
        patterns = {lang: p for lang, w in words.items() if (p := _pattern(w))}
        if words and patterns:
            terms.append(Term(words, patterns))
    return terms


def terms_in(text: str, lang: str, glossary: list[Term]) -> list[Term]:
    folded = _fold(text)
    return [t for t in glossary if lang in t.patterns and t.patterns[lang].search(folded)]


# --------------------------------------------------------------------------- export

def _source_text(text: Text, original: str, lang: str) -> tuple[str, str] | None:
    """(language, text) the translation is made from: the original language, else ru, else en."""
    for source in (original, "ru", "en"):
        if source != lang and source in text.values:
            return source, text.values[source].rstrip("\n")
    return None


def build_catalog(records: list[RecordTexts], lang: str, glossary: list[Term],
                  now: _dt.datetime | None = None) -> Catalog:
    now = now or _dt.datetime.now(_dt.UTC).replace(microsecond=0)
    catalog = Catalog(locale=lang, project="Migrant Desk content", version="1", header_comment=HEADER.format(
                          lang=lang), creation_date=now, revision_date=now, fuzzy=False,
                      language_team=f"Migrant Desk {lang}", last_translator="Migrant Desk editor")
    for record in records:
        if record.original == lang:
            continue  # written in this language: nothing to translate
        draft = record.states.get(lang, "draft") == "draft"
        title = record.title(record.original) or record.title("en") or record.id
        for text in record.texts:
            source = _source_text(text, record.original, lang)
            if source is None:
                continue
            source_lang, msgid = source
            msgstr = (text.values.get(lang) or "").rstrip("\n")
            comments = [f"{record.id}: {title}"]
            if source_lang != record.original:
                comments.append(f"translated from {source_lang} (no {record.original} text here)")
            for term in terms_in(msgid, source_lang, glossary):
                comments.append("glossary: " + " = ".join(
                    term.words[k] for k in (source_lang, lang) if k in term.words))
            message = catalog.add(msgid, msgstr, context=f"{record.id}{SEPARATOR}{text.key}",
                                  flags=("fuzzy",) if draft and msgstr else (), auto_comments=comments,
                                  locations=[(f"{record.file.parent.name}/{record.file.name}", 0)])
            if message is not None:
                message.flags.discard("python-format")  # a '%' in a text is no format string
    return catalog


def export_catalog(content_dir: Path | str, lang: str, out: Path | BinaryIO,
                   glossary_file: Path | None = None) -> int:
    """Write the catalog of `lang` to `out`; returns the number of entries."""
    catalog = build_catalog(read_records(content_dir), lang, load_glossary(glossary_file))
    if isinstance(out, Path):
        with out.open("wb") as stream:
            write_po(stream, catalog, width=0, include_lineno=False)
    else:
        write_po(out, catalog, width=0, include_lineno=False)
    return len(catalog)


# --------------------------------------------------------------------------- import

def import_catalog(content_dir: Path | str, po: Path | BinaryIO, lang: str | None = None) -> ImportReport:
    """Write the catalog's translations back into the records (see the module's docstring)."""
    if isinstance(po, Path):
        with po.open("rb") as stream:
            catalog = read_po(stream)
    else:
        catalog = read_po(po)
    lang = lang or (str(catalog.locale) if catalog.locale else None)
    if lang not in languages.CONTENT:
        raise RecordFileError(f"the catalog's language '{lang}' is not one of {', '.join(languages.CONTENT)}")
    records = {r.id: r for r in read_records(content_dir)}
    report = ImportReport()
    entries: dict[str, list[tuple[Text, Message]]] = {}
    for message in catalog:
        if not message.id or not message.context:
            continue
        rid, _sep, key = str(message.context).partition(SEPARATOR)
        record = records.get(rid)
        text = next((t for t in record.texts if t.key == key), None) if record else None
        if record is None or text is None:
            report.unknown.append(str(message.context))
            continue
        entries.setdefault(rid, []).append((text, message))
    for rid, pairs in entries.items():
        _import_record(records[rid], pairs, lang, report)
    return report


def _import_record(record: RecordTexts, pairs: list[tuple[Text, Message]], lang: str,
                   report: ImportReport) -> None:
    rf: RecordFile | None = None
    complete = True
    for text, message in pairs:
        msgid, msgstr = str(message.id), str(message.string or "")
        source = _source_text(text, record.original, lang)
        now = source[1] if source else ""
        if now != msgid:
            report.original_changed.append((str(message.context), msgid, now))
            complete = False
        if not msgstr.strip() or message.fuzzy:
            complete = False
        if not msgstr.strip() or msgstr == (text.values.get(lang) or "").rstrip("\n"):
            continue
        if rf is None:
            rf = RecordFile.open(record.file)
        old = text.values.get(lang) or ""
        rf.set(text.path(lang), msgstr + "\n" if old.endswith("\n") and "\n" in msgstr else msgstr)
        report.changed.append(str(message.context))
    state = record.states.get(lang)
    if complete and state == "draft" and record.original != lang:
        rf = rf or RecordFile.open(record.file)
        rf.set((lang, "translation"), "reviewed")
        report.reviewed.append(record.id)
    if rf is not None and rf.save():
        report.written.append(record.file)
