"""Bad YAML is refused in bounded time, each refusal a located problem and never a traceback: alias bombs,
deep nesting, keys that are lists, huge files and texts, bytes that are not UTF-8 text, empty files, folders."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.content import load_content
from desktop.core.content.yaml_lines import MAX_DEPTH, MAX_FILE_BYTES, MAX_TEXT_CHARS

# a hang or an 80-second MemoryError trips this; a refusal takes well under a second
TIMEOUT = 20


def _billion_laughs() -> bytes:
    lines = ["id: bomb", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


def _nested_block_mappings(levels: int) -> bytes:
    return ("id: nest\n" + "".join(" " * i + "n:\n" for i in range(levels)) + " " * levels + "x\n").encode()


# file name (its record id), its bytes, expected "line: record: field" prefix, a fragment of the message
CASES = [
    ("bomb", _billion_laughs(), "3: bomb: a1[0]", "alias *a0 is not allowed"),
    ("brackets", b"id: brackets\nitems: " + b"[" * 20_000 + b"]" * 20_000 + b"\n",
     "2: brackets: items" + "[0]" * (MAX_DEPTH - 1), f"nested deeper than {MAX_DEPTH} levels"),
    ("braces", b"id: braces\nitems: " + b"{a: " * 20_000 + b"x" + b"}" * 20_000 + b"\n",
     "2: braces: items" + ".a" * (MAX_DEPTH - 1), f"nested deeper than {MAX_DEPTH} levels"),
    ("nest", _nested_block_mappings(500), f"{MAX_DEPTH + 2}: nest: " + ".".join(["n"] * MAX_DEPTH),
     f"nested deeper than {MAX_DEPTH} levels"),
    ("listkey", b"id: listkey\ntitle: x\n? [a, b]\n: value\n", "3: listkey: -", "a key must be plain text"),
    ("mapkey", b"id: mapkey\n{a: b}: value\n", "2: mapkey: -", "a key must be plain text"),
    ("tenmb", b"id: tenmb\ntitle: " + b"x" * 10_000_000 + b"\n", "1: tenmb: -", "file is larger than"),
    ("huge", b"id: huge\nnotes:\n" + b"  - a line of notes\n" * 20_000, "1: huge: -", "file is larger than"),
    ("longtext", b"id: longtext\nen:\n  title: " + b"x" * (MAX_TEXT_CHARS + 1) + b"\n",
     "3: longtext: en.title", f"text is {MAX_TEXT_CHARS + 1:,} characters long"),
    ("badutf8", b"id: badutf8\ntitle: caf\xe9\n", "2: badutf8: -", "not UTF-8 text: byte 0xe9"),
    ("nul", b"id: nul\ntitle: a\x00b\n", "2: nul: -", "character U+0000 is not allowed"),
    ("empty", b"", "1: empty: -", "file is empty"),
    ("comments", b"# nothing but a comment\n", "1: comments: -", "file is empty"),
    ("unclosed", b"id: unclosed\ntitle: [a, b\n", "3: unclosed: -", "YAML syntax error"),
    ("twodocs", b"id: twodocs\n---\nid: again\n", "2: twodocs: -", "YAML syntax error"),
]


def _validate(content: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", "validate", str(content)],
                          capture_output=True, text=True, cwd=content, timeout=TIMEOUT)


@pytest.mark.parametrize("name,data,located,fragment", CASES, ids=[c[0] for c in CASES])
def test_bad_yaml_is_a_located_problem_in_bounded_time(content_tree, name, data, located, fragment):
    (content_tree / "agreements" / f"{name}.yaml").write_bytes(data)
    result = _validate(content_tree)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    expected = f"agreements/{name}.yaml:{located}: "
    assert any(line.startswith(expected) and fragment in line for line in result.stdout.splitlines()), (
        f"no '{expected}…{fragment}' in:\n{result.stdout[:3000]}")


def test_the_limits_stand_well_above_the_real_content():
    """The deepest real nesting, the largest real file and the longest real text, against their caps."""
    root = Path(__file__).resolve().parent.parent / "db" / "content"
    files = sorted(root.rglob("*.yaml"))
    assert max(f.stat().st_size for f in files) * 4 < MAX_FILE_BYTES
    assert load_content(root).problems == []


def test_a_folder_in_place_of_a_file_is_a_located_problem(content_tree):
    (content_tree / "agreements" / "folder.yaml").mkdir()
    (content_tree / "topics.yaml").unlink()
    (content_tree / "topics.yaml").mkdir()
    result = _validate(content_tree)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stdout.splitlines()
    assert "agreements/folder.yaml:1: folder: -: is a folder, not a file" in lines
    assert "topics.yaml:1: topics: -: is a folder, not a file" in lines


def test_an_unreadable_file_is_a_located_problem(content_tree, monkeypatch):
    path = content_tree / "agreements" / "test-agreement.yaml"
    real_open = Path.open

    def refusing_open(self: Path, *args: object, **kwargs: object):  # as on a share that went away
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    problems = load_content(content_tree).problems
    assert [str(p) for p in problems] == [f"{path}:1: test-agreement: -: cannot be read: Permission denied"]


def test_build_refuses_the_bomb_with_the_located_problem(content_tree, tmp_path):
    (content_tree / "agreements" / "bomb.yaml").write_bytes(_billion_laughs())
    result = subprocess.run([sys.executable, "-m", "desktop", "build", "--content", str(content_tree),
                             "--out", str(tmp_path / "dataset")],
                            capture_output=True, text=True, cwd=content_tree, timeout=TIMEOUT)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert "agreements/bomb.yaml:3: bomb: a1[0]: alias *a0 is not allowed" in result.stdout
    assert "build refused" in result.stderr
    assert not (tmp_path / "dataset" / "reference.sqlite").exists()
