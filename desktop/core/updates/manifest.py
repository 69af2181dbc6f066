"""What a pack says about itself: the manifest (signed) and the changelog file it is built from."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import languages
from ..i18n import _
from .errors import PackError

PACK_FORMAT = 1
VERSION_RE = re.compile(r"^\d{4}\.\d{2}\.\d+$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class FileEntry:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    key_id: str
    dataset_version: str
    schema_version: int
    content_hash: str
    created_at: str
    min_app_version: str
    changelog: dict[str, str]
    files: tuple[FileEntry, ...]
    format: int = PACK_FORMAT

    def to_bytes(self) -> bytes:
        data = {"format": self.format, "key_id": self.key_id, "dataset_version": self.dataset_version,
                "schema_version": self.schema_version, "content_hash": self.content_hash,
                "created_at": self.created_at, "min_app_version": self.min_app_version,
                "changelog": dict(sorted(self.changelog.items())),
                "files": [{"path": f.path, "sha256": f.sha256, "size": f.size} for f in self.files]}
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Manifest:
        """Check every field's shape (after the signature is verified); ValueError names the field."""
        def need(key: str, kind: type) -> Any:
            value = data.get(key)
            if not isinstance(value, kind) or isinstance(value, bool):
                raise ValueError(key)
            return value

        if need("format", int) != PACK_FORMAT:
            raise ValueError("format")
        version = need("dataset_version", str)
        if not VERSION_RE.match(version):
            raise ValueError("dataset_version")
        content = need("content_hash", str)
        if not SHA256_RE.match(content):
            raise ValueError("content_hash")
        changelog = need("changelog", dict)
        if not changelog or any(k not in languages.CONTENT or not isinstance(v, str) for k, v in changelog.items()):
            raise ValueError("changelog")
        files = []
        for item in need("files", list):
            if not isinstance(item, dict):
                raise ValueError("files")
            path, sha256, size = item.get("path"), item.get("sha256"), item.get("size")
            if (not isinstance(path, str) or not isinstance(sha256, str) or not SHA256_RE.match(sha256)
                    or not isinstance(size, int) or isinstance(size, bool) or size < 0):
                raise ValueError("files")
            files.append(FileEntry(path, sha256, size))
        return cls(key_id=need("key_id", str), dataset_version=version,
                   schema_version=need("schema_version", int), content_hash=content,
                   created_at=need("created_at", str), min_app_version=need("min_app_version", str),
                   changelog=dict(changelog), files=tuple(files))

    def changelog_for(self, lang: str) -> str:
        return languages.localized(self.changelog, lang)

    @property
    def total_size(self) -> int:
        return sum(f.size for f in self.files)


def read_changelog(path: Path) -> dict[str, str]:
    """A YAML (or JSON) file mapping languages (ru, uz, ky, en) to what changed, in plain words."""
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise PackError("changelog", _("The changelog {path} cannot be read: {reason}").format(
            path=path, reason=exc)) from exc
    if not isinstance(data, dict) or not data:
        raise PackError("changelog", _("The changelog {path} must map languages (ru, uz, ky, en) to "
                                       "text.").format(path=path))
    unknown = sorted(str(k) for k in data if k not in languages.CONTENT)
    if unknown:
        raise PackError("changelog", _("The changelog {path} has unknown languages: {langs} (use ru, "
                                       "uz, ky, en).").format(path=path, langs=", ".join(unknown)))
    empty = sorted(k for k, v in data.items() if not isinstance(v, str) or not v.strip())
    if empty:
        raise PackError("changelog", _("The changelog {path} has no text for: {langs}.").format(
            path=path, langs=", ".join(empty)))
    return {k: v.strip() for k, v in data.items()}
