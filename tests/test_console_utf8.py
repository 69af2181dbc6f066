"""The command line writes UTF-8 into a pipe or a file whatever the system's encoding says (issue 15, defect 1).

On Windows, `migrant-desk-cli --self-check | more` or `> check.txt` stopped with UnicodeEncodeError: a pipe or a
file gets the ANSI code page (cp1252). Here the same situation is made on Linux with PYTHONIOENCODING=cp1252 (or
ascii with LC_ALL=C): each command runs as `migrant-desk` runs it, in its own process, on the real dataset, and
its output is read back as bytes. The commands open the dataset the app opens (the checkout's dataset/, which
`make test` builds), with a home folder of their own. `make windows-test` does the same with the installed
Windows exe under Wine.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_cli(args: list[str], home: Path, encoding: str, stdout=subprocess.PIPE, **env: str):
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C",
                   "LC_ALL": "C", "PYTHONIOENCODING": encoding, "QT_QPA_PLATFORM": "offscreen",
                   "XDG_CACHE_HOME": str(home / "cache"), **env}
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=environment, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=120)


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_search_into_a_pipe_is_utf8(tmp_path, encoding):
    out = run_cli(["search", "регистрация", "--limit", "3"], tmp_path, encoding)
    assert out.returncode == 0, out.stderr.decode("utf-8", "replace")
    text = out.stdout.decode("utf-8")  # fails on cp1252 bytes
    assert "регистрация" in text.lower()
    assert "?????" not in text


def test_uzbek_okina_into_a_file_is_utf8(tmp_path):
    """Redirected to a file (`> results.txt`): the Uzbek ʻ (U+02BB) arrives as itself."""
    target = tmp_path / "results.txt"
    with target.open("wb") as f:
        out = run_cli(["search", "patent olish", "--lang", "uz", "--limit", "5"],
                      tmp_path, "cp1252", stdout=f)
    assert out.returncode == 0, out.stderr.decode("utf-8", "replace")
    text = target.read_bytes().decode("utf-8")
    assert "\u02bb" in text, text[:500]


def test_self_check_into_a_file_passes(tmp_path):
    target = tmp_path / "check.txt"
    with target.open("wb") as f:
        out = run_cli(["--self-check"], tmp_path, "cp1252", stdout=f)
    text = target.read_bytes().decode("utf-8")
    assert out.returncode == 0, text + out.stderr.decode("utf-8", "replace")
    assert "self-check passed" in text
    assert "патент" in text and "патент олиш" in text   # the Russian and Uzbek Cyrillic queries it ran


def test_a_refused_cyrillic_argument_is_named_in_utf8(tmp_path):
    """argparse's own message (stderr) names the argument as typed, in UTF-8 too."""
    out = run_cli(["search", "x", "--kind", "договор"], tmp_path, "cp1252")
    assert out.returncode == 2
    assert "договор" in out.stderr.decode("utf-8")
