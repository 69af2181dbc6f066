"""The content folder as the editor holds it (no Qt here): every record's summary for the list, its problems,
the live check, saving through RecordFile (only the changed lines of a file are written), and the editor's own
dataset and search index (core/live_dataset), which the preview and the list's search read and every save
updates record by record."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...core import freshness, languages
from ...core import model as m
from ...core.content import Content, load_content
from ...core.content.checker import Checker
from ...core.content.live_check import LiveCheck, Problems
from ...core.content.records import KIND_DIRS, check_record
from ...core.content.roundtrip import RecordFile
from ...core.live_dataset import LiveDataset

KIND_OF_FOLDER = {folder: kind for kind, folder in KIND_DIRS.items()}


@dataclass
class Summary:
    """One record in the list."""
    id: str
    kind: str
    path: Path
    status: str = ""
    confidence: str = "verified"
    translations: dict[str, str] = field(default_factory=dict)   # lang -> original / reviewed / draft
    titles: dict[str, str] = field(default_factory=dict)
    needs_review: bool = False
    problems: int = 0
    draft: bool = False
    words: str = ""   # every title, summary and the id, folded, for the search
    keys: set[str] = field(default_factory=set)  # the app search's keys of the titles and summaries

    def title(self, lang: str) -> str:
        for candidate in (lang, "ru", "en"):
            if self.titles.get(candidate):
                return self.titles[candidate]
        return self.id


def fold(text: str) -> str:
    """Text for matching: lower case, ё as е, Uzbek apostrophes dropped."""
    return (text.casefold().replace("ё", "е").replace("\u02bb", "").replace("\u02bc", "")
            .replace("'", "").replace("’", ""))


def search_keys(text: str, langs: tuple[str, ...] = languages.CONTENT) -> set[str]:
    """The app search's keys of a text (its analysers: folding, Uzbek Cyrillic to Latin, stemming)."""
    from ...core.search.analysis import analyzer
    return {token.text for lang in langs for token in analyzer(lang)(text)}


def matches(summary: Summary, query: str) -> bool:
    """Every word of the query is a word of the record's titles or summaries as the app's search reads it (any
    ending, any script of Uzbek), or a part of them or of the id as typed."""
    for word in query.split():
        if fold(word) in summary.words:
            continue
        if not search_keys(word) & summary.keys:
            return False
    return True


def summary_of(record: m.Record, path: Path, problems: int, draft: bool, today: _dt.date) -> Summary:
    words = " ".join([record.id, *(t.title + " " + t.summary for t in record.texts.values())])
    keys = set().union(*(search_keys(t.title + " " + t.summary, (lang,)) for lang, t in record.texts.items()))
    return Summary(
        id=record.id, kind=record.kind, path=path, status=record.status, confidence=record.confidence,
        translations={lang: t.translation for lang, t in record.texts.items()},
        titles={lang: t.title for lang, t in record.texts.items()},
        needs_review=freshness.needs_review(record, today), problems=problems, draft=draft, words=fold(words),
        keys=keys)


class Session:
    """One content folder opened in the editor."""

    def __init__(self, content_dir: Path | str, today: _dt.date | None = None) -> None:
        self.root = Path(content_dir).resolve()
        self.today = today or _dt.date.today()
        self.content = Content()
        self.live: LiveCheck | None = None
        self.summaries: dict[str, Summary] = {}
        self.records: dict[str, m.Record] = {}
        self.dataset = LiveDataset()          # in a temporary folder, removed by close()
        self.changed: set[str] = set()        # records saved since the dataset last took them in

    # -- loading (slow: seconds for the real content; the window runs it in the background)

    def load(self) -> Session:
        self.content = load_content(self.root)
        self.live = LiveCheck(self.content, self.root)
        by_record: dict[str, list[str]] = {}
        for problem in self.content.problems:
            by_record.setdefault(problem.record, []).append(problem.field)
        self.summaries, self.records = {}, {}
        for record in self.content.records:
            path = self.root / (record.source_file or f"{KIND_DIRS[record.kind]}/{record.id}.yaml")
            fields = by_record.get(record.id, [])
            self.records[record.id] = record
            self.summaries[record.id] = summary_of(record, path, len(fields), "draft" in fields, self.today)
        return self

    def unreadable(self) -> list[str]:
        """The content's problems that no record in the list carries (a file that is not YAML, a record
        without an id, a problem of the reference lists), as `folder/file:line: message` for the person."""
        out = []
        for problem in self.content.problems:
            if problem.record in self.summaries:
                continue
            path = Path(problem.path)
            where = f"{path.parent.name}/{path.name}" if path.parent != self.root else path.name
            out.append(f"{where}:{problem.line}: {problem.message}")
        return out

    # -- one record

    def open(self, record_id: str) -> RecordFile:
        return RecordFile.open(self.summaries[record_id].path)

    def check(self, rf: RecordFile) -> Problems:
        assert self.live is not None
        return self.live.check(rf.plain(), rf.path)

    def save(self, rf: RecordFile) -> Problems:
        """Write the record (a draft while it has problems) and take it into the list and the preview."""
        assert self.live is not None
        found = self.live.save(rf)
        self.take(rf, found)
        return found

    def take(self, rf: RecordFile, found: Problems | None = None) -> Summary | None:
        """The record as now on disk into the session's records and summaries (after a save, a new record)."""
        assert self.live is not None
        if found is None:
            found = self.check(rf)
        self.live.remember(rf)
        data = rf.plain()
        kind = KIND_OF_FOLDER.get(rf.path.parent.name)
        record = check_record(Checker(rf.path, data, rf.lines(), []), kind)
        if record is None:
            return None
        record.source_file = f"{rf.path.parent.name}/{rf.path.name}"
        for old_id, summary in list(self.summaries.items()):
            if summary.path == rf.path and old_id != record.id:
                del self.summaries[old_id]
                self.records.pop(old_id, None)
                self.changed.add(old_id)
        self.records[record.id] = record
        self.changed.add(record.id)
        # a new list (not changed in place): a dataset update running meanwhile reads the one it was given
        self.content.records = sorted(self.records.values(), key=lambda r: r.id)
        summary = summary_of(record, rf.path, sum(len(v) for v in found.values()), bool(data.get("draft")),
                             self.today)
        self.summaries[record.id] = summary
        return summary

    def reopen(self, path: Path) -> Summary | None:
        return self.take(RecordFile.open(path))

    # -- choices the form offers

    def record_choices(self, lang: str, kind: str | None = None) -> list[tuple[str, str]]:
        return [(s.id, s.title(lang)) for s in sorted(self.summaries.values(), key=lambda s: s.id)
                if kind is None or s.kind == kind]

    # -- the editor's dataset and search (slow parts run in the background)

    def build_dataset(self) -> Session:
        """The dataset and index of the content as held now, written whole (after loading)."""
        self.changed.clear()
        self.dataset.build(self.content)
        return self

    def take_changes(self) -> set[str]:
        """The records saved since the last call (on the UI thread; handed to `update_dataset`)."""
        ids, self.changed = self.changed, set()
        return ids

    def update_dataset(self, ids: set[str]) -> set[str]:
        """The records `ids` rewritten in the dataset and the index (a fraction of a second). Before the first
        whole build they are kept for later."""
        if not self.dataset.update(self.content, ids):
            self.changed.update(ids)
        return ids

    def search(self, query: str, lang: str) -> list[str] | None:
        """The ids the app's search finds, best first; None while the index is being made or changed."""
        return self.dataset.search(query, lang, blocking=False)

    def close(self) -> None:
        self.dataset.close()


def plain_value(value: Any) -> Any:
    """A widget's value as stored: empty text and empty lists as None (the key is removed)."""
    if value in ("", [], {}):
        return None
    return value
