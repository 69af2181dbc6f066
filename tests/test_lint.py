"""`make lint` (which `make test` runs first) fails on a ruff error and on a mypy error, and passes clean code.

The real Makefile target runs on small files written here; the project's own files are checked by `make test`
itself, so this test only proves that a problem would stop it.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLEAN = '"""A clean module."""\n\n\ndef double(n: int) -> int:\n    return 2 * n\n'

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make_lint(tmp_path: Path, ruff_file: str, mypy_file: str) -> subprocess.CompletedProcess[str]:
    # the project's rules apply to the probe files: ruff reads the pyproject.toml nearest to a file
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return subprocess.run(["make", "--no-print-directory", "lint", f"RUFF_PATHS={tmp_path / ruff_file}",
                           f"MYPY_PATHS={tmp_path / mypy_file}"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_lint_passes_clean_code(tmp_path):
    (tmp_path / "clean.py").write_text(CLEAN)
    result = make_lint(tmp_path, "clean.py", "clean.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_lint_fails_on_a_ruff_error(tmp_path):
    (tmp_path / "clean.py").write_text(CLEAN)
    (tmp_path / "unused.py").write_text('"""An unused import."""\nimport os\n')
    result = make_lint(tmp_path, "unused.py", "clean.py")
    assert result.returncode != 0
    assert "F401" in result.stdout and "unused.py" in result.stdout


def test_lint_fails_on_a_mypy_error(tmp_path):
    (tmp_path / "clean.py").write_text(CLEAN)
    (tmp_path / "wrong_type.py").write_text('"""A wrong type."""\n\ncount: int = "three"\n')
    result = make_lint(tmp_path, "clean.py", "wrong_type.py")
    assert result.returncode != 0
    assert "wrong_type.py:3" in result.stdout and "[assignment]" in result.stdout
