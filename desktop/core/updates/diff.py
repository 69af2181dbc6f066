"""What changed between two datasets, record by record: the "What's new" list after an update. The walk over
both datasets' records and the change of one record are shared with changelog.py (the publisher's field-by-field
comparison)."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import languages
from .. import model as m
from ..store import Store


@dataclass(frozen=True)
class RecordChange:
    id: str
    kind: str
    titles: dict[str, str]
    fields: tuple[str, ...] = ()      # changed (changelog.py): the fields that differ
    status: str | None = None         # retired (changelog.py): the status it took
    languages: tuple[str, ...] = ()   # changed texts (changelog.py): the languages whose texts differ

    def title(self, lang: str) -> str:
        return languages.localized(self.titles, lang) or self.id


@dataclass
class DatasetDiff:
    old_version: str | None
    new_version: str
    added: list[RecordChange] = field(default_factory=list)
    changed: list[RecordChange] = field(default_factory=list)
    removed: list[RecordChange] = field(default_factory=list)

    def by_kind(self) -> dict[str, dict[str, list[RecordChange]]]:
        """kind -> {'added': […], 'changed': […], 'removed': […]}, every kind present."""
        out: dict[str, dict[str, list[RecordChange]]] = {
            kind: {"added": [], "changed": [], "removed": []} for kind in m.KINDS}
        for change_type in ("added", "changed", "removed"):
            for change in getattr(self, change_type):
                out[change.kind][change_type].append(change)
        return out

    def counts(self) -> dict[str, tuple[int, int, int]]:
        return {kind: (len(v["added"]), len(v["changed"]), len(v["removed"]))
                for kind, v in self.by_kind().items()}

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def diff_datasets(old_dir: Path | None, new_dir: Path) -> DatasetDiff:
    """Records added, changed and removed between two datasets, compared record by record."""
    with Store(new_dir) as new, (Store(old_dir) if old_dir is not None else contextlib.nullcontext()) as old:
        diff = DatasetDiff(old.meta().get("dataset_version") if old is not None else None,
                           new.meta().get("dataset_version", "?"))
        for pair in record_pairs(old, new):
            change = RecordChange(pair.id, pair.kind, pair.titles)
            if pair.after is None:
                diff.removed.append(change)
            elif pair.before is None:
                diff.added.append(change)
            elif _comparable(pair.before) != _comparable(pair.after):
                diff.changed.append(change)
    return diff


@dataclass(frozen=True)
class RecordPair:
    """One record in two datasets: None on the side that does not hold it (never both)."""
    id: str
    before: m.Record | None
    after: m.Record | None
    titles: dict[str, str]  # of the newer side that holds it

    @property
    def kind(self) -> str:
        record = self.after if self.after is not None else self.before
        assert record is not None  # (never both None: see record_pairs)
        return record.kind


def record_pairs(old: Store | None, new: Store) -> Iterator[RecordPair]:
    """Every record of either dataset, in the order of the ids (of `new`'s ids alone without `old`)."""
    if old is None:
        for rid in new.ids():
            if (record := new.record(rid)) is not None:
                yield RecordPair(rid, None, record, new.titles(rid))
        return
    old_ids, new_ids = set(old.ids()), set(new.ids())
    for rid in sorted(old_ids | new_ids):
        before = old.record(rid) if rid in old_ids else None
        after = new.record(rid) if rid in new_ids else None
        if after is not None:
            yield RecordPair(rid, before, after, new.titles(rid))
        elif before is not None:
            yield RecordPair(rid, before, None, old.titles(rid))


def _comparable(record: m.Record) -> tuple[type, dict[str, Any]]:
    # where the record's YAML file sits is bookkeeping, not content an advisor sees
    return record.__class__, {k: v for k, v in vars(record).items() if k != "source_file"}
