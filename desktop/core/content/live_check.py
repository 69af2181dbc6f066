"""The editor's live check: one record's data (as being edited) validated in the context of the whole content
(ids, kinds, region and country codes, topic words), fast enough to run as the person types (a few ms a
record), with the checker's own messages keyed by the field path they concern.

    live = LiveCheck.load(content_dir)          # or LiveCheck(content, content_dir) with content already loaded
    problems = live.check(rf.plain(), rf.path) # {("phones", 0, "number"): ["malformed phone number …"], …}
    live.save(rf)                              # saves; with problems the record is marked draft: true

A record saved with problems carries `draft: true`: `validate` reports it and the build refuses it, so nothing
unchecked is published; saving it again without problems removes the mark."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .checker import Checker
from .problems import Content, Problem
from .records import KIND_DIRS, check_record
from .roundtrip import RecordFile
from .tree import check_references, load_content
from .yaml_lines import FieldPath, Lines

Problems = dict[FieldPath, list[str]]

_KIND_OF_FOLDER = {folder: kind for kind, folder in KIND_DIRS.items()}


class _FieldChecker(Checker):
    """The content checker, keeping each problem's field path as a tuple."""

    def __init__(self, path: Path, data: dict[str, Any], lines: Lines) -> None:
        super().__init__(path, data, lines, [])
        self.found: Problems = {}

    def err(self, path: FieldPath, message: str) -> None:
        super().err(path, message)
        self.found.setdefault(tuple(path), []).append(message)


class LiveCheck:
    """What one record is checked against: every other record's id and kind, the region and country codes and
    the topics with words."""

    def __init__(self, content: Content, content_dir: Path | str) -> None:
        self.content_dir = Path(content_dir)
        self.regions = {r.code for r in content.regions}
        self.countries = {c.code for c in content.countries}
        self.topic_words = dict(content.topic_words)
        self.kinds: dict[str, str] = {}
        self.files: dict[str, str] = {}  # record id -> its file, "kind folder/name"
        for record in content.records:
            self.kinds[record.id] = record.kind
            self.files[record.id] = record.source_file or ""

    @classmethod
    def load(cls, content_dir: Path | str) -> LiveCheck:
        return cls(load_content(content_dir), content_dir)

    def check(self, data: dict[str, Any], path: Path | str, lines: Lines | None = None) -> Problems:
        """The problems of the record `data` that lives (or will live) at `path`, by field path. The draft mark
        itself is not a problem here."""
        path = Path(path)
        if not isinstance(data, dict):
            return {(): ["a record must be a mapping of keys"]}
        checker = _FieldChecker(path, data, lines or {})
        record = check_record(checker, _KIND_OF_FOLDER.get(path.parent.name))
        if record is not None:
            here = f"{path.parent.name}/{path.name}"
            other = self.files.get(record.id)
            if other is not None and other != here:
                checker.err(("id",), f"duplicate id '{record.id}' (also in {other})")
            kinds = dict(self.kinds)
            kinds[record.id] = record.kind
            check_references(checker, record, kinds, self.regions, self.countries, self.topic_words, set())
        checker.found.pop(("draft",), None)
        return checker.found

    def check_file(self, rf: RecordFile) -> Problems:
        return self.check(rf.plain(), rf.path, rf.lines())

    def problems(self, found: Problems, rf: RecordFile) -> list[Problem]:
        """The problems as the validator prints them (file:line: record: field: message)."""
        from .yaml_lines import format_path
        return [Problem(str(rf.path), rf.line(p), rf.record_id, format_path(p), msg)
                for p, msgs in sorted(found.items(), key=lambda item: rf.line(item[0])) for msg in msgs]

    def remember(self, rf: RecordFile) -> None:
        """Take a saved record's id and kind into the context (a new or renamed record)."""
        rid, kind = rf.get(("id",)), rf.get(("kind",))
        if isinstance(rid, str) and isinstance(kind, str):
            for old, file in list(self.files.items()):
                if file == f"{rf.path.parent.name}/{rf.path.name}" and old != rid:
                    del self.files[old]
                    self.kinds.pop(old, None)
            self.kinds[str(rid)] = str(kind)
            self.files[str(rid)] = f"{rf.path.parent.name}/{rf.path.name}"

    def save(self, rf: RecordFile) -> Problems:
        """Check and save: a record with problems is saved with `draft: true` (the build refuses it), a record
        without loses the mark. Returns the problems (empty: saved as a finished record)."""
        found = self.check_file(rf)
        mark_draft(rf, bool(found))
        rf.save()
        self.remember(rf)
        return found


def mark_draft(rf: RecordFile, draft: bool) -> None:
    """Set `draft: true` (after `kind`) or remove the key."""
    if draft:
        rf.set(("draft",), True, after="kind")
    elif rf.get(("draft",)) is not None:
        rf.delete(("draft",))
