"""A copy of the real db/content in a temporary folder, in a git repository of its own, so a test can edit it
and assert what `git diff` shows (the checkout's content is never touched)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "db" / "content"


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, text=True).stdout


def git_content_copy(dest: Path) -> Path:
    """dest/content: the real content, committed; returns the content folder."""
    content = dest / "content"
    shutil.copytree(CONTENT, content, ignore=shutil.ignore_patterns("*.md"))
    git(dest, "init", "-q")
    git(dest, "-c", "user.name=t", "-c", "user.email=t@t", "add", "content")
    git(dest, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "content")
    return content


def diff_lines(folder: Path) -> list[str]:
    """The changed lines of `git diff` (without the +++/--- headers), '-old' and '+new'."""
    out = git(folder, "diff", "--unified=0", "--no-color")
    return [line for line in out.splitlines()
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]
