"""What changed between the last published dataset and a new build, field by field: the facts a draft
"What's new" is written from (its words are desktop/present/changelog.py's).

    changes = dataset_changes(last_published, new_build)   # added, changed (with fields), retired, removed

A record is *retired* when its status became expired or superseded (records are never deleted silently: a
record missing from the new build is *removed*). A baseline may be a dataset folder, its reference.sqlite, or
the .mdpack that published it."""
from __future__ import annotations

import contextlib
import dataclasses
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import languages
from .. import model as m
from ..i18n import _
from ..store import DATASET_FILE, Store
from .diff import DatasetDiff, RecordChange, record_pairs
from .errors import PackError
from .packfile import DATASET_ENTRY, PACK_SUFFIX

RETIRED = ("expired", "superseded")
MAX_DATASET_BYTES = 2 * 1024**3
# the order fields are named in; a field not listed comes after them, by name
FIELD_ORDER = ("status", "title", "summary", "body", "translation", "dates", "applies_to", "regions", "topic",
               "steps", "documents", "fees", "legal_basis", "type", "serves", "city", "region", "district",
               "address", "phones", "email", "website", "hours", "head", "agreement_type", "parties",
               "confidence", "confidence_note", "notes", "links", "sources", "verified_on", "review_by", "ref")
NOT_CONTENT = {"source_file", "id", "kind"}  # bookkeeping: where the file sits, and what never changes


RecordDelta = RecordChange  # one record's change; here with its fields, languages or retired status


@dataclass
class ChangeSet(DatasetDiff):
    """A DatasetDiff with the records retired (status expired or superseded) apart from the changed ones."""
    retired: list[RecordDelta] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.retired or self.removed)

    def ids(self) -> dict[str, list[str]]:
        return {what: [d.id for d in getattr(self, what)] for what in ("added", "changed", "retired", "removed")}


def changed_fields(before: m.Record, after: m.Record) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(fields, languages): the content fields that differ, and the languages whose texts differ."""
    old, new = _fields(before), _fields(after)
    names = {k for k in old.keys() | new.keys() if old.get(k) != new.get(k)}
    langs = sorted({lang for lang in languages.CONTENT if _lang_view(before, lang) != _lang_view(after, lang)},
                   key=languages.CONTENT.index)
    order = {name: i for i, name in enumerate(FIELD_ORDER)}
    return tuple(sorted(names, key=lambda n: (order.get(n, len(order)), n))), tuple(langs)


def _fields(record: m.Record) -> dict[str, Any]:
    out = {f.name: getattr(record, f.name) for f in dataclasses.fields(record) if f.name not in NOT_CONTENT}
    texts = out.pop("texts")
    for key in ("title", "summary", "body", "translation"):
        out[key] = {lang: getattr(t, key) for lang, t in texts.items()}
    return out


def _lang_view(record: m.Record, lang: str) -> Any:
    """Everything of the record written in `lang` (its text block and its language maps)."""
    def pick(value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return pick(dataclasses.asdict(value))
        if isinstance(value, dict):
            if value and set(value) <= set(languages.CONTENT) and all(isinstance(v, str) for v in value.values()):
                return value.get(lang)
            return {k: pick(v) for k, v in value.items()}
        if isinstance(value, list):
            return [pick(v) for v in value]
        return None
    text = record.texts.get(lang)
    return (dataclasses.astuple(text) if text else None,
            pick({k: v for k, v in _fields(record).items() if k not in ("title", "summary", "body", "translation")}))


@contextlib.contextmanager
def _dataset_db(path: Path) -> Iterator[Path]:
    """The reference.sqlite of a dataset folder, of a database file, or extracted from a pack."""
    path = Path(path)
    if path.is_dir():
        yield path / DATASET_FILE
        return
    if path.suffix != PACK_SUFFIX:
        yield path
        return
    tmp = tempfile.TemporaryDirectory(prefix="md-baseline-")
    out = Path(tmp.name) / DATASET_FILE
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(DATASET_ENTRY)
            if info.file_size > MAX_DATASET_BYTES:
                raise PackError("baseline", _("The pack {path} holds a dataset far too large.").format(path=path))
            with zf.open(info) as src, out.open("wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
    except PackError:
        tmp.cleanup()
        raise
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        tmp.cleanup()
        raise PackError("baseline", _("The last published pack {path} cannot be read: {reason}").format(
            path=path, reason=exc)) from exc
    try:
        yield out
    finally:
        tmp.cleanup()


def dataset_changes(old: Path | None, new: Path) -> ChangeSet:
    """Records added, changed (field by field), retired and removed from dataset `old` to dataset `new`
    (`old` None: everything is added)."""
    with contextlib.ExitStack() as stack:
        after = stack.enter_context(Store(stack.enter_context(_dataset_db(new))))
        before = stack.enter_context(Store(stack.enter_context(_dataset_db(old)))) if old is not None else None
        changes = ChangeSet(before.meta().get("dataset_version") if before is not None else None,
                            after.meta().get("dataset_version", "?"))
        for pair in record_pairs(before, after):
            was, now = pair.before, pair.after
            if now is None:
                changes.removed.append(RecordDelta(pair.id, pair.kind, pair.titles))
            elif was is None:
                changes.added.append(RecordDelta(pair.id, pair.kind, pair.titles))
            else:
                fields, langs = changed_fields(was, now)
                if now.status in RETIRED and was.status not in RETIRED:
                    changes.retired.append(RecordDelta(pair.id, now.kind, pair.titles, fields, now.status))
                elif fields:
                    changes.changed.append(RecordDelta(pair.id, now.kind, pair.titles, fields, None, langs))
    return changes
