"""The form a value set into a round-trip document is written in (used by record_file.RecordFile.set), so an
edit reads as if the person who wrote the file had made it:

- a value replacing a node takes that node's form: a list replacing a flow list `[UZ, KG]` stays flow, a mapping
  replacing a flow mapping `{ru: …, en: …}` stays flow, a quoted or block text stays quoted or block (a `|` block
  keeps its final line break, a folded `>-` text keeps its line breaks around the part that changed), a date stays
  a date;
- a new node takes the form of the nodes in the same role where they agree: the other items of its list (a new
  link `- {rel: …, to: …}` among flow links, a new phone's number double-quoted like the others), else the nodes
  under the same key elsewhere in the file (a step's `applies_to` like the other steps'), else, for a list of
  codes, the file's other lists of plain values;
- where nothing in the file says, a list of plain values is flow (the content's form, `applies_to: [all]`) and a
  mapping is a block; a text of several lines is a `|` block."""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    ScalarString,
    SingleQuotedScalarString,
)

from .yaml_lines import FieldPath

FULL_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_QUOTED = (DoubleQuotedScalarString, SingleQuotedScalarString)


def styled(root: Any, path: FieldPath, old: Any, new: Any) -> Any:
    """`new` as ruamel nodes in the form of `old` (the node it replaces, or None) or of the nodes of `root` in the
    same role as `path`. A value that already is a ruamel node (a CommentedSeq, a ScalarString) is kept as it is."""
    if isinstance(new, str) and not isinstance(new, ScalarString):
        return _text(root, path, old, new)
    if isinstance(new, dict) and not isinstance(new, CommentedMap):
        out = CommentedMap()
        for key, value in new.items():
            out[key] = styled(root, path + (key,), old.get(key) if isinstance(old, dict) else None, value)
        _set_flow(out, _flow(root, path, old, CommentedMap, default=False))
        return out
    if isinstance(new, list) and not isinstance(new, CommentedSeq):
        seq = CommentedSeq()
        for i, value in enumerate(new):
            before = old[i] if isinstance(old, list) and i < len(old) else None
            seq.append(styled(root, path + (i,), before, value))
        plain = all(not isinstance(v, (dict, list)) for v in new)
        _set_flow(seq, _flow(root, path, old, CommentedSeq, default=plain, plain_list=plain))
        return seq
    return new


def _set_flow(node: CommentedMap | CommentedSeq, flow: bool) -> None:
    if flow:
        node.fa.set_flow_style()
    else:
        node.fa.set_block_style()


def _flow(root: Any, path: FieldPath, old: Any, kind: type[CommentedMap] | type[CommentedSeq], default: bool,
          plain_list: bool = False) -> bool:
    """Whether a new collection of `kind` at `path` is written in flow form."""
    if isinstance(old, kind):
        return bool(old.fa.flow_style(False))
    for peers in (_same_role(root, path), _same_key(root, path)):
        found = {bool(node.fa.flow_style(False)) for node in peers if isinstance(node, kind) and node}
        if len(found) == 1:
            return found.pop()
        if found:  # the file is of two minds here: ruamel's form
            return default
    if plain_list:
        found = {bool(node.fa.flow_style(False)) for node in _plain_lists(root)}
        if len(found) == 1:
            return found.pop()
    return default


def _text(root: Any, path: FieldPath, old: Any, new: str) -> Any:
    if isinstance(old, LiteralScalarString) or "\n" in new:
        # a `|` block stays one (ruamel would keep it too), and keeps its last line break (`|`, not `|-`): it
        # means nothing in a text, and a new text of several lines is written the content's way, `|`
        if new and not new.endswith("\n") and not (isinstance(old, LiteralScalarString) and old
                                                   and not str(old).endswith("\n")):
            new += "\n"
        return LiteralScalarString(new)
    if isinstance(old, ScalarString):
        out = type(old)(new)
        if isinstance(old, FoldedScalarString):
            _keep_folds(old, out)
        return out
    if FULL_DATE_RE.match(new) and (old is None or isinstance(old, _dt.date)):
        try:
            return _dt.date.fromisoformat(new)
        except ValueError:
            return new
    if old is None or old == "":  # a new text (or one emptied while typing): quoted as its peers are
        for peers in (_same_role(root, path), _same_key(root, path)):
            kinds = {type(node) for node in peers if isinstance(node, str) and node != ""}
            if len(kinds) == 1 and (quoted := kinds.pop()) in _QUOTED:
                return quoted(new)
            if kinds:
                break
    return new


def _keep_folds(old: FoldedScalarString, new: FoldedScalarString) -> None:
    """The line breaks of a folded text (`>-`) before and after the part that changed stay where they were."""
    folds = getattr(old, "fold_pos", None)
    if not folds:
        return
    a, b = str(old), str(new)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    kept = [p for p in folds if p < head] + [p + len(b) - len(a) for p in folds if p >= len(a) - tail]
    kept = [p for p in kept if 0 < p < len(b) - 1 and b[p] == " "]
    if kept:
        new.fold_pos = kept  # type: ignore[attr-defined]  # ruamel's slot, read by its representer


def _same_role(root: Any, path: FieldPath) -> list[Any]:
    """The nodes at `path` with every list index free (the other items of the same list, the same key in the
    other items), without the node at `path` itself."""
    if not any(isinstance(part, int) for part in path):
        return []
    return [node for where, node in _walk_pattern(root, path, ()) if where != path]


def _walk_pattern(node: Any, pattern: FieldPath, at: FieldPath) -> Iterator[tuple[FieldPath, Any]]:
    if not pattern:
        yield at, node
        return
    part, rest = pattern[0], pattern[1:]
    if isinstance(part, int):
        if isinstance(node, list):
            for i, item in enumerate(node):
                yield from _walk_pattern(item, rest, at + (i,))
    elif isinstance(node, dict) and part in node:
        yield from _walk_pattern(node[part], rest, at + (part,))


def _same_key(root: Any, path: FieldPath) -> list[Any]:
    """The values of the other keys named as the last key of `path`, anywhere in the file."""
    if not path or isinstance(path[-1], int):
        return []
    name = path[-1]
    found: list[Any] = []

    def walk(node: Any, at: FieldPath) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == name and at + (key,) != path:
                    found.append(value)
                walk(value, at + (key,))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, at + (i,))

    walk(root, ())
    return found


def _plain_lists(node: Any) -> Iterator[CommentedSeq]:
    """Every non-empty list of plain values (codes, names) in the file."""
    if isinstance(node, dict):
        for value in node.values():
            yield from _plain_lists(value)
    elif isinstance(node, list):
        if node and isinstance(node, CommentedSeq) and all(not isinstance(v, (dict, list)) for v in node):
            yield node
        for value in node:
            yield from _plain_lists(value)
