"""YAML with line numbers: a file's data, the line of every key and item, and its duplicate keys."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

# Where a value sits in a file: its keys and list indexes from the top, e.g. ("steps", 0, "text").
FieldPath = tuple[Any, ...]
Lines = dict[FieldPath, int]    # the line of every key and item


class _Loader(yaml.SafeLoader):
    pass


def _to_data(node: yaml.Node, loader: _Loader, path: FieldPath, lines: Lines,
             dupes: list[tuple[int, FieldPath]]) -> Any:
    """Convert a composed YAML node to Python data, remembering each path's line number."""
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in out:
                dupes.append((key_node.start_mark.line + 1, path + (key,)))
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _to_data(value_node, loader, path + (key,), lines, dupes)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(child, loader, path + (i,), lines, dupes) for i, child in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:  # e.g. a timestamp-shaped 2025-02-30: keep the text, the date check reports it
        return node.value


def load_yaml(path: Path) -> tuple[Any, Lines, list[Problem]]:
    """(data, lines, problems) for one file; data is None when the file cannot be parsed."""
    rel = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, {}, [Problem(rel, 1, path.stem, "-", f"not UTF-8 text ({exc.reason})")]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}, [Problem(rel, 1, path.stem, "-", "file is empty")]
        lines: Lines = {}
        dupes: list[tuple[int, FieldPath]] = []
        data = _to_data(node, loader, (), lines, dupes)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(exc, "problem", None) or str(exc)
        return None, {}, [Problem(rel, line, path.stem, "-", f"YAML syntax error: {reason}")]
    finally:
        loader.dispose()
    problems = [Problem(rel, line, path.stem, format_path(p), "duplicate key") for line, p in dupes]
    return data, lines, problems


def format_path(path: FieldPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "-"
