"""YAML with line numbers: a file's data, the line of every key and item, and its duplicate keys.

Reading is bounded, so a bad file is a located problem, never a hang or a traceback: a file is at most
MAX_FILE_BYTES; aliases are refused before anything is expanded (no content file uses anchors, and an alias bomb
repeats one list into billions of items); collections nest at most MAX_DEPTH deep, checked while composing,
before PyYAML's composer recurses any deeper; a key is plain text (a list as a key cannot be hashed); a text is
at most MAX_TEXT_CHARS long."""
from __future__ import annotations

import hashlib
import stat
from collections import OrderedDict
from copy import deepcopy
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

# Where a value sits in a file: its keys and list indexes from the top, e.g. ("steps", 0, "text").
FieldPath = tuple[Any, ...]
Lines = dict[FieldPath, int]    # the line of every key and item

# Each cap stands far above the real content (db/content: the largest file 39 KB, the deepest nesting 6 levels,
# the longest text 2,078 characters). The file cap bounds the time: the app's bundle parses with PyYAML's
# pure-Python reader (libyaml is left out of it): under 3 s for 256 KB of the densest YAML, while an alias bomb or
# deep nesting stops at the first alias or the 21st level, in milliseconds.
MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 20
MAX_TEXT_CHARS = 20_000


class _Refused(Exception):
    """A file the reader will not go on with: where it stopped and why."""

    def __init__(self, line: int, path: FieldPath, message: str) -> None:
        super().__init__(message)
        self.line, self.path, self.message = line, path, message


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, composing under the limits; `_path` is where in the file composing is."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._path: list[Any] = []

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        # PyYAML passes a mapping value's key node as `index`, a list item's position, or None for a key
        event: yaml.Event = self.peek_event()  # type: ignore[no-untyped-call]  # untyped in types-PyYAML
        line = event.start_mark.line + 1 if event.start_mark else 1
        if index is None and isinstance(parent, yaml.MappingNode) and not isinstance(event, yaml.ScalarEvent):
            raise _Refused(line, tuple(self._path), "a key must be plain text, not a list or a mapping")
        part = index.value if isinstance(index, yaml.ScalarNode) else index
        if part is not None:
            self._path.append(part)
        try:
            if isinstance(event, yaml.AliasEvent):
                raise _Refused(line, tuple(self._path),
                               f"alias *{event.anchor} is not allowed in content: write the value out")
            # the root collection is level 1; a collection at path p is level len(p) + 1
            if isinstance(event, yaml.CollectionStartEvent) and len(self._path) >= MAX_DEPTH:
                raise _Refused(line, tuple(self._path), f"nested deeper than {MAX_DEPTH} levels")
            return super().compose_node(parent, index)
        finally:
            if part is not None:
                self._path.pop()


class _Reading:
    """Python data from a composed file, the line of each path, and the problems found on the way."""

    def __init__(self, loader: _Loader) -> None:
        self.loader = loader
        self.lines: Lines = {}
        self.dupes: list[tuple[int, FieldPath]] = []
        self.long_texts: list[tuple[int, FieldPath, int]] = []
        self.result: Any = None

    def data(self, node: yaml.Node, path: FieldPath) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self._scalar(key_node, path)
                if key in out:
                    self.dupes.append((key_node.start_mark.line + 1, path + (key,)))
                self.lines[path + (key,)] = key_node.start_mark.line + 1
                out[key] = self.data(value_node, path + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.data(child, path + (i,)) for i, child in enumerate(node.value)]
        return self._scalar(node, path)

    def _scalar(self, node: yaml.Node, path: FieldPath) -> Any:
        if len(node.value) > MAX_TEXT_CHARS:
            self.long_texts.append((node.start_mark.line + 1, path, len(node.value)))
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, KeyError, AttributeError):
            # a timestamp-shaped 2025-02-30 or a wrongly tagged `!!bool maybe`: keep the text, the checks report it
            return node.value


def load_yaml(path: Path) -> tuple[Any, Lines, list[Problem]]:
    """(data, lines, problems) for one file; data is None when the file cannot be read or parsed."""
    rel = str(path)
    try:
        reading = _compose_cached(_read_text(path))
    except _Refused as refused:
        return None, {}, [Problem(rel, refused.line, path.stem, format_path(refused.path), refused.message)]
    if reading is None:
        return None, {}, [Problem(rel, 1, path.stem, "-", "file is empty")]
    data, lines = reading.result, reading.lines
    rid = data.get("id") if isinstance(data, dict) else None
    record = rid if isinstance(rid, str) and rid else path.stem
    problems = [Problem(rel, line, record, format_path(p), "duplicate key") for line, p in reading.dupes]
    problems += [Problem(rel, line, record, format_path(p), f"text is {n:,} characters long "
                         f"(at most {MAX_TEXT_CHARS:,})") for line, p, n in reading.long_texts]
    return data, lines, problems


# Parsed files by the hash of their text: the content editor re-validates and rebuilds after each save, and
# parsing is nearly all of that time (PyYAML's pure-Python reader); an unchanged file is not parsed again. Each
# caller gets its own copy of the data.
_PARSED: OrderedDict[bytes, _Reading] = OrderedDict()
PARSED_CACHE_FILES = 4096


def _compose_cached(text: str) -> _Reading | None:
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    reading = _PARSED.get(key)
    if reading is None:
        reading = _compose(text)
        if reading is None:
            return None
        _PARSED[key] = reading
        if len(_PARSED) > PARSED_CACHE_FILES:
            _PARSED.popitem(last=False)
    else:
        _PARSED.move_to_end(key)
    copy = _Reading.__new__(_Reading)
    copy.result, copy.lines = deepcopy(reading.result), dict(reading.lines)
    copy.dupes, copy.long_texts = list(reading.dupes), list(reading.long_texts)
    return copy


def _read_text(path: Path) -> str:
    """The file's text, read only when it is a regular file of at most MAX_FILE_BYTES in UTF-8."""
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise _Refused(1, (), "is a folder, not a file")
        if not stat.S_ISREG(status.st_mode):  # a pipe or a device would block or never end
            raise _Refused(1, (), "is not a regular file")
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _Refused(1, (), f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        size = max(status.st_size, len(data))
        raise _Refused(1, (), f"file is larger than {MAX_FILE_BYTES // 1024} KB ({size / 1024:,.0f} KB): "
                              "split it or shorten its texts")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise _Refused(line, (), f"not UTF-8 text: byte 0x{data[exc.start]:02x} ({exc.reason}); "
                                 "save the file as UTF-8") from None


def _compose(text: str) -> _Reading | None:
    """The file's data under the limits, or None for a file without a document (empty or only comments)."""
    try:
        loader = _Loader(text)  # PyYAML checks the whole text for control characters here
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            reading = _Reading(loader)
            reading.result = reading.data(node, ())
            return reading
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as exc:  # a control character such as NUL; its position counts characters
        line = text[:exc.position].count("\n") + 1
        raise _Refused(line, (), f"character U+{exc.character:04X} is not allowed in YAML text") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "not valid YAML"
        raise _Refused(mark.line + 1 if mark else 1, (), f"YAML syntax error: {reason}") from None


def format_path(path: FieldPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "-"
