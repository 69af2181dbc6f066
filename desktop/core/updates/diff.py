"""What changed between two datasets, record by record: the "What's new" list after an update."""
from __future__ import annotations

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
    with Store(new_dir) as new:
        if old_dir is None:
            diff = DatasetDiff(None, new.meta().get("dataset_version", "?"))
            diff.added = [RecordChange(rid, _listed(new, rid).kind, new.titles(rid)) for rid in new.ids()]
            return diff
        with Store(old_dir) as old:
            diff = DatasetDiff(old.meta().get("dataset_version"), new.meta().get("dataset_version", "?"))
            old_ids, new_ids = set(old.ids()), set(new.ids())
            for rid in sorted(old_ids | new_ids):
                if rid not in old_ids:
                    diff.added.append(RecordChange(rid, _listed(new, rid).kind, new.titles(rid)))
                elif rid not in new_ids:
                    diff.removed.append(RecordChange(rid, _listed(old, rid).kind, old.titles(rid)))
                else:
                    before, after = _listed(old, rid), _listed(new, rid)
                    if _comparable(before) != _comparable(after):
                        diff.changed.append(RecordChange(rid, after.kind, new.titles(rid)))
    return diff


def _listed(store: Store, record_id: str) -> m.Record:
    record = store.record(record_id)
    assert record is not None  # an id the same store listed
    return record


def _comparable(record: m.Record) -> tuple[type, dict[str, Any]]:
    # where the record's YAML file sits is bookkeeping, not content an advisor sees
    return record.__class__, {k: v for k, v in vars(record).items() if k != "source_file"}
