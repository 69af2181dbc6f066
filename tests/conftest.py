"""Shared fixtures: content trees and built datasets in temporary folders (never the checkout's)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from desktop import paths
from desktop.core.build import build

# Tests never need a screen; pytest-qt reads this before the QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REFERENCE_FILES = ("regions.yaml", "countries.yaml")


def make_content_tree(dest: Path) -> Path:
    """A small valid content tree: the test records plus the real regions and countries."""
    shutil.copytree(FIXTURES / "content", dest)
    for name in REFERENCE_FILES:
        shutil.copy(paths.content_dir() / name, dest / name)
    return dest


@pytest.fixture
def content_tree(tmp_path) -> Path:
    return make_content_tree(tmp_path / "content")


@pytest.fixture(scope="session")
def real_dataset(tmp_path_factory) -> Path:
    """The real db/content built into a temporary dataset folder, once per test session."""
    out = tmp_path_factory.mktemp("dataset")
    build(paths.content_dir(), out, paths.schema_file())
    return out
