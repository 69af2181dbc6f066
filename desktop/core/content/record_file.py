"""One record file edited in place (re-exported by roundtrip.py): a round-trip YAML document (ruamel.yaml)
that changes only the nodes set and keeps the order, comments, quoting and line breaks of everything else.

    rf = RecordFile.open(path)
    rf.get(("phones", 0, "number"))
    rf.set(("phones", 0, "number"), "+7 495 000-00-00")
    rf.changed_paths()            # [("phones", 0, "number")]
    rf.save()                     # atomic; refuses when the file changed on disk since open

The content files are written with mappings indented by 2 and list items by 4 with the dash at 2, which ruamel
writes back byte for byte. A file in another form still saves faithfully: only the lines around a change take
ruamel's form (`_merge`), the rest of the file is kept as it was."""
from __future__ import annotations

import contextlib
import copy
import datetime as _dt
import difflib
import hashlib
import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import ScalarString

from ..i18n import _
from .yaml_lines import MAX_FILE_BYTES, FieldPath, format_path
from .yaml_style import styled


class RecordFileError(Exception):
    """A record file that cannot be opened or saved; the message is for the person editing."""


class ChangedOnDisk(RecordFileError):
    """The file was changed by someone else since it was opened: saving would lose their change."""


def _yaml() -> YAML:
    y = YAML()  # round trip
    y.preserve_quotes = True
    y.width = 4096  # never fold a long line that was one line
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _dump(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def to_plain(value: Any) -> Any:
    """The value as plain Python data, as the content reader gives it (dicts, lists, str, int, date, bool)."""
    if isinstance(value, dict):
        return {str(k) if isinstance(k, ScalarString) else k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, ScalarString):
        return str(value)
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, _dt.date):
        return _dt.date(value.year, value.month, value.day)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


class RecordFile:
    """A record file opened for editing. `data` is the ruamel document (a CommentedMap)."""

    def __init__(self, path: Path, text: str, digest: str, data: CommentedMap) -> None:
        self.path = path
        self._text = text          # the file as read (or last saved)
        self._digest = digest      # of its bytes, to notice a change on disk
        self.data = data
        self._original = to_plain(data)
        self._touched: list[FieldPath] = []
        self._before: str | None = None  # ruamel's dump of the file as read

    @classmethod
    def open(cls, path: Path | str) -> RecordFile:
        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise RecordFileError(_("{path} cannot be read: {reason}").format(
                path=path, reason=exc.strerror or exc)) from None
        if len(raw) > MAX_FILE_BYTES:
            raise RecordFileError(_("{path} is larger than {kb} KB").format(path=path, kb=MAX_FILE_BYTES // 1024))
        try:
            text = raw.decode("utf-8")
            data = _yaml().load(text)
        except UnicodeDecodeError:
            raise RecordFileError(_("{path} is not UTF-8 text").format(path=path)) from None
        except YAMLError as exc:
            raise RecordFileError(_("{path} is not valid YAML: {reason}").format(
                path=path, reason=str(exc).splitlines()[0] if str(exc) else "")) from None
        if not isinstance(data, CommentedMap):
            raise RecordFileError(_("{path} is not a record (a mapping of keys)").format(path=path))
        return cls(path, text, _digest(raw), data)

    # -- reading

    @property
    def record_id(self) -> str:
        rid = self.data.get("id")
        return str(rid) if rid else self.path.stem

    def get(self, path: FieldPath, default: Any = None) -> Any:
        """The value at `path` (ruamel types: dict/list/str subclasses), or `default` when it is absent."""
        node: Any = self.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    def plain(self) -> dict[str, Any]:
        """The whole record as plain data, as the content reader would read the file once saved."""
        result: dict[str, Any] = to_plain(self.data)
        return result

    def line(self, path: FieldPath) -> int:
        """The 1-based line of the key or item at `path` (or of its nearest written parent)."""
        while path:
            parent = self.get(path[:-1])
            last = path[-1]
            try:
                if isinstance(parent, CommentedMap) and last in parent:
                    return int(parent.lc.key(last)[0]) + 1
                if isinstance(parent, CommentedSeq) and isinstance(last, int) and 0 <= last < len(parent):
                    return int(parent.lc.item(last)[0]) + 1
            except (KeyError, TypeError, AttributeError, IndexError):  # a node added since open has no line
                pass
            path = path[:-1]
        return 1

    def lines(self) -> dict[FieldPath, int]:
        """The line of every key and item, as the content reader gives them."""
        out: dict[FieldPath, int] = {(): 1}

        def walk(node: Any, path: FieldPath) -> None:
            items: Iterable[tuple[Any, Any]] = ()
            if isinstance(node, dict):
                items = node.items()
            elif isinstance(node, list):
                items = enumerate(node)
            for key, value in items:
                out[path + (key,)] = self.line(path + (key,))
                walk(value, path + (key,))

        walk(self.data, ())
        return out

    # -- editing

    def set(self, path: FieldPath, value: Any, after: str | None = None) -> None:
        """Set the node at `path`; missing mappings on the way are created, a list index may be its length (to
        append). A new key goes at the end of its mapping, or right after the key `after` when that is there.
        The rest of the file is untouched."""
        if not path:
            raise ValueError("set needs a path")
        parent = self._container(path)
        last = path[-1]
        if isinstance(parent, list):
            if not isinstance(last, int) or not 0 <= last <= len(parent):
                raise KeyError(format_path(path))
            if last == len(parent):
                parent.append(styled(self.data, path, None, value))
            elif to_plain(parent[last]) != to_plain(value):
                parent[last] = styled(self.data, path, parent[last], value)
        else:
            old = parent.get(last)
            if last in parent and to_plain(old) == to_plain(value):
                return
            if last not in parent and after is not None and after in parent:
                parent.insert(list(parent).index(after) + 1, last, styled(self.data, path, None, value))
            else:
                parent[last] = styled(self.data, path, old, value)
        self._touched.append(tuple(path))

    def delete(self, path: FieldPath) -> None:
        """Remove the key or list item at `path` (nothing when it is absent)."""
        parent = self.get(path[:-1])
        last = path[-1]
        present = (isinstance(parent, dict) and last in parent) or (
            isinstance(parent, list) and isinstance(last, int) and 0 <= last < len(parent))
        if not present:
            return
        del parent[last]
        self._touched.append(tuple(path))

    def _container(self, path: FieldPath) -> Any:
        """The mapping or list that holds the node at `path`, created on the way where missing (a list where the
        next part is an index)."""
        node: Any = self.data
        for i, part in enumerate(path[:-1]):
            if isinstance(node, dict):
                if part not in node or node[part] is None:
                    node[part] = CommentedSeq() if isinstance(path[i + 1], int) else CommentedMap()
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
            else:
                raise KeyError(format_path(path[: i + 1]))
        if not isinstance(node, (dict, list)):
            raise KeyError(format_path(path[:-1]) + " is not a mapping or a list")
        return node

    def changed_paths(self) -> list[FieldPath]:
        """The paths set or deleted since open (or the last save) whose value differs from the file's."""
        out: list[FieldPath] = []
        current = self.plain()
        for path in self._touched:
            if path in out:
                continue
            if _lookup(current, path) != _lookup(self._original, path):
                out.append(path)
        return out

    @property
    def modified(self) -> bool:
        return self.text() != self._text

    def text(self) -> str:
        """The file's text with the changes: the original text, changed only where the document changed."""
        if not self._touched:
            return self._text
        if self._before is None:
            self._before = _dump(_yaml().load(self._text))
        before = self._before
        return _merge(self._text, before, _dump(self.data))

    # -- saving

    def changed_on_disk(self) -> bool:
        try:
            return _digest(self.path.read_bytes()) != self._digest
        except OSError:
            return True

    def save(self) -> bool:
        """Write the changes atomically (a temporary file in the same folder, then os.replace). False when
        there was nothing to write. Raises ChangedOnDisk when the file changed since it was opened."""
        text = self.text()
        if text == self._text and self.path.exists():
            self._touched.clear()
            return False
        if self.changed_on_disk() and self.path.exists():
            raise ChangedOnDisk(_("{name} was changed by someone else since you opened it; your changes were not "
                                  "saved. Reopen the record to see the other change, then make yours again.")
                                .format(name=self.path.name))
        raw = text.encode("utf-8")
        write_atomic(self.path, raw)
        self._text, self._digest, self._before = text, _digest(raw), None
        self._original = copy.deepcopy(self.plain())
        self._touched.clear()
        return True


def write_atomic(path: Path, raw: bytes) -> None:
    """`raw` as the file at `path`: written to a temporary file beside it, synced, then renamed over it."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(raw)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _lookup(data: Any, path: FieldPath) -> Any:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return node


_MISSING = object()


def _merge(original: str, before: str, after: str) -> str:
    """`original` with the changes from `before` to `after` (two dumps by ruamel): lines that ruamel writes
    the same as the original (or in another form, line for line) map one to one; a change replaces the original
    lines between its neighbours. Full-line comments a change would drop after the lines it removes are kept:
    ruamel files a comment under the key before it, but a comment is about what follows it."""
    orig, old, new = original.splitlines(True), before.splitlines(True), after.splitlines(True)
    to_orig: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, orig, autojunk=False).get_opcodes():
        # equal lines, and lines written in another form one for one ("- all" for "  - all")
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(i2 - i1):
                to_orig[i1 + k] = j1 + k
    out: list[str] = []
    pos = 0  # next original line not yet copied
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        # the original lines of old[i1:i2]: from after the mapped line before i1 to before the mapped line at i2
        start = next((to_orig[k] + 1 for k in range(i1 - 1, -1, -1) if k in to_orig), 0)
        end = next((to_orig[k] for k in range(i2, len(old)) if k in to_orig), len(orig))
        start = max(start, pos)
        out.extend(orig[pos:start])
        out.extend(new[j1:j2])
        out.extend(orig[to_orig[k]] if k in to_orig else old[k] for k in _dropped_comments(old, i1, i2, new[j1:j2]))
        pos = max(end, start)
    out.extend(orig[pos:])
    return "".join(out)


def _dropped_comments(old: list[str], i1: int, i2: int, added: list[str]) -> list[int]:
    """The indexes of the comment lines (and blank lines among them) that end old[i1:i2] and are not written
    again in `added`: the comments above the next key, dropped with the key before them."""
    k = i2
    while k > i1 and (not old[k - 1].strip() or old[k - 1].lstrip().startswith("#")):
        k -= 1
    tail = [i for i in range(k, i2) if old[i] not in added]
    if not any(old[i].strip() for i in tail):
        return []
    if _block_text_lines("".join(old)) & set(tail):
        return []  # a line of a `|` text that starts with "#" (a Markdown heading) is text, not a comment
    return tail


def _block_text_lines(text: str) -> set[int]:
    """The 0-based lines inside the block texts (`|`, `>`) of a YAML text."""
    out: set[int] = set()
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            start, end = event.start_mark, event.end_mark
            if isinstance(event, yaml.ScalarEvent) and event.style in ("|", ">") and start and end:
                # (a text ends where the line that is no longer part of it begins, at its column 0)
                out.update(range(start.line + 1, end.line + (1 if end.column else 0)))
    except yaml.YAMLError:
        return set(range(text.count("\n") + 1))  # (never: ruamel wrote it) keep no line as a comment
    return out
