"""Publishing a data update from the content folder, the steps the editor's Publish dialog and the command line
run: validate all → build → diff with the last published dataset → sign (the passphrase handed in, never
stored) → write the .mdpack. In two halves, so the editor can show the difference as a draft "What's new" and
let it be corrected before signing:

    prepared = prepare(content_dir, work_dir, baseline, progress)   # validate, build, diff
    manifest = finish(prepared, key_file, passphrase, changelog, out, progress)   # sign, write, read back

`publish()` runs both, the changelog given or made from the difference by a function (the words live in
desktop/present/changelog.py, above the core). `progress(step, done, total)` is called as each step starts and
ends; STEPS lists them."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from .build import write_dataset
from .content import Content, ContentError, load_content
from .i18n import _
from .updates import Manifest, PackError, build_pack, load_signing_key
from .updates.changelog import ChangeSet, dataset_changes

STEPS = ("validate", "build", "diff", "sign", "write")
Progress = Callable[[str, int, int], None]
Changelog = dict[str, str] | Callable[[ChangeSet], dict[str, str]]
VERSION_RE = re.compile(r"^(\d{4})\.(\d{2})\.(\d+)$")


@dataclass
class Prepared:
    content: Content
    dataset_dir: Path         # the new build (work_dir/dataset)
    changes: ChangeSet
    baseline: Path | None


def _tell(progress: Progress | None, step: str, done: int) -> None:
    if progress is not None:
        progress(step, done, 1)


def version_key(version: str | None) -> tuple[int, int, int]:
    match = VERSION_RE.match(version or "")
    return (int(match[1]), int(match[2]), int(match[3])) if match else (0, 0, 0)


def prepare(content_dir: Path | str, work_dir: Path | str, baseline: Path | None = None,
            progress: Progress | None = None) -> Prepared:
    """Validate every record (ContentError with all problems), build the dataset into work_dir/dataset and
    compare it with `baseline` (the last published dataset folder, database or .mdpack; None: all new).
    A version not newer than the baseline's is refused (an installed app would refuse the pack)."""
    _tell(progress, "validate", 0)
    content = load_content(content_dir)
    if content.problems:
        raise ContentError(content.problems)
    _tell(progress, "validate", 1)
    _tell(progress, "build", 0)
    dataset_dir = Path(work_dir) / "dataset"
    write_dataset(content, dataset_dir, paths.schema_file().read_text(encoding="utf-8"))
    _tell(progress, "build", 1)
    _tell(progress, "diff", 0)
    changes = dataset_changes(baseline, dataset_dir)
    if baseline is not None and version_key(changes.new_version) <= version_key(changes.old_version):
        raise PackError("version", _("The data version {new} is not newer than the last published {old}: raise "
                                     "the version in dataset.yaml (for example {next}).").format(
            new=changes.new_version, old=changes.old_version, next=next_version(changes.old_version)))
    _tell(progress, "diff", 1)
    return Prepared(content, dataset_dir, changes, baseline)


def next_version(version: str | None, month: str | None = None) -> str:
    """The version after `version` (YYYY.MM.N): N + 1 in the same month, else .1 of `month` (YYYY.MM)."""
    year, mon, n = version_key(version)
    if month and month != f"{year:04d}.{mon:02d}":
        return f"{month}.1"
    return f"{year:04d}.{mon:02d}.{n + 1}"


def finish(prepared: Prepared, key_file: Path, passphrase: str, changelog: dict[str, str], out: Path,
           progress: Progress | None = None) -> Manifest:
    """Sign the prepared build with the key (its passphrase used here and not kept) and write the pack to
    `out`; the pack is read back with the public key before this returns."""
    empty = [lang for lang, text in changelog.items() if not text.strip()]
    if not changelog or empty:
        raise PackError("changelog", _("The What's new text is empty for: {langs}.").format(
            langs=", ".join(empty) or "ru, uz, ky, en"))
    _tell(progress, "sign", 0)
    key = load_signing_key(Path(key_file), passphrase)
    _tell(progress, "sign", 1)
    _tell(progress, "write", 0)
    manifest = build_pack(prepared.dataset_dir, key, {k: v.strip() for k, v in changelog.items()}, Path(out))
    _tell(progress, "write", 1)
    return manifest


def publish(content_dir: Path | str, key_file: Path, passphrase: str, out: Path, changelog: Changelog,
            work_dir: Path | str, baseline: Path | None = None,
            progress: Progress | None = None) -> tuple[Manifest, ChangeSet]:
    """All the steps at once; `changelog` is the text per language or a function making it from the changes."""
    prepared = prepare(content_dir, work_dir, baseline, progress)
    text = changelog(prepared.changes) if callable(changelog) else changelog
    return finish(prepared, key_file, passphrase, text, out, progress), prepared.changes
