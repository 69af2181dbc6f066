"""The starting text of a new record of each kind (the editor's "New record"): every required key present, the
texts empty, so the record is saved as a draft (`draft: true`, refused by the build) until it is filled in."""
from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from ..i18n import _
from .checker import ID_RE
from .record_file import RecordFile, RecordFileError, to_plain
from .records import KIND_DIRS

_LANGS = """ru:
  translation: original
  title: ""
  summary: ""
  body: ""
uz:
  translation: draft
  title: ""
  summary: ""
  body: ""
ky:
  translation: draft
  title: ""
  summary: ""
  body: ""
en:
  translation: draft
  title: ""
  summary: ""
  body: ""
"""

_SOURCES = """sources:
  - id: source-1
    url: ""
    publisher: ""
    type: official
    date: ""
    note: ""
"""

TEMPLATES = {
    "agreement": """id: {id}
kind: agreement
draft: true
agreement_type: intergovernmental_agreement
status: announced
dates: {{}}
parties: [RU]
applies_to: [all]
regions: [all]
verified_on: {today}
""" + _SOURCES + _LANGS,
    "procedure": """id: {id}
kind: procedure
draft: true
topic: registration
status: in_force
applies_to: [all]
regions: [all]
verified_on: {today}
""" + _SOURCES + """steps:
  - text: {{ru: ""}}
documents: []
legal_basis:
  - law: {{ru: ""}}
""" + _LANGS,
    "contact": """id: {id}
kind: contact
draft: true
type: consulate
serves: [all]
status: in_force
city: {{ru: ""}}
verified_on: {today}
""" + _SOURCES + """phones: []
""" + _LANGS,
}




def find_record(content_dir: Path | str, record_id: str) -> Path | None:
    """The file of the record `record_id` in any kind's folder, or None."""
    for folder in KIND_DIRS.values():
        for suffix in (".yaml", ".yml"):
            path = Path(content_dir) / folder / f"{record_id}{suffix}"
            if path.exists():
                return path
    return None


def new_from_template(kind: str, id: str, content_dir: Path | str,
                      today: _dt.date | None = None) -> Path:
    """A new record file of `kind` named `id` from the kind's template (a draft: the build refuses it until it
    is filled in and `draft` removed). Refuses an id that is not a slug or already used."""
    if kind not in TEMPLATES:
        raise RecordFileError(_("unknown kind '{kind}' (use {kinds})").format(kind=kind, kinds=", ".join(TEMPLATES)))
    if not ID_RE.match(id):
        raise RecordFileError(_("'{id}' is not a record id: lower-case letters, digits and single dashes")
                              .format(id=id))
    if find_record(content_dir, id) is not None:
        raise RecordFileError(_("a record '{id}' already exists").format(id=id))
    folder = Path(content_dir) / KIND_DIRS[kind]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{id}.yaml"
    text = TEMPLATES[kind].format(id=id, today=(today or _dt.date.today()).isoformat())
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise RecordFileError(_("a record '{id}' already exists").format(id=id)) from None
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        stream.write(text)
    return path


RETIRED_STATUSES = ("superseded", "expired")


def _flow(mapping: dict[str, str]) -> CommentedMap:
    out = CommentedMap(mapping)
    out.fa.set_flow_style()
    return out


def retire(record_file: RecordFile, status: str, successor_id: str | None = None) -> list[Path]:
    """Retire a record (never delete it): its status becomes `superseded` or `expired`; with a successor, the
    successor gains the link `{rel: supersedes, to: <this record>}` (links are shown both ways). Both files are
    saved; returns the paths written. `superseded` needs a successor."""
    if status not in RETIRED_STATUSES:
        raise RecordFileError(_("a retired record is superseded or expired, not '{status}'").format(status=status))
    if status == "superseded" and not successor_id:
        raise RecordFileError(_("a superseded record needs the record that replaces it"))
    successor = None
    if successor_id:
        if successor_id == record_file.record_id:
            raise RecordFileError(_("a record cannot replace itself"))
        found = find_record(record_file.path.parent.parent, successor_id)
        if found is None:
            raise RecordFileError(_("no record '{id}' to link as the successor").format(id=successor_id))
        successor = RecordFile.open(found)
    record_file.set(("status",), status)
    written = [record_file.path] if record_file.save() else []
    if successor is not None:
        links = successor.get(("links",)) or []
        link = {"rel": "supersedes", "to": record_file.record_id}
        if not any(to_plain(item) == link for item in links):
            # a new link is written as its siblings are; the first one in the content's form `- {rel: …, to: …}`
            successor.set(("links", len(links)), link if links else _flow(link))
            successor.save()
            written.append(successor.path)
    return written
