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
REFERENCE_FILES = ("regions.yaml", "countries.yaml", "topics.yaml")


def make_content_tree(dest: Path) -> Path:
    """A small valid content tree: the test records plus the real regions, countries and topic words."""
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


def make_ctx(dataset: Path, tmp_path: Path):
    """What a panel needs (an AppContext) on `dataset`, in English, with its own settings and user data."""
    from PySide6.QtCore import QSettings

    from desktop.core import i18n
    from desktop.core.search import SearchIndex
    from desktop.core.store import Store
    from desktop.core.userdata import UserData
    from desktop.environment import Settings
    from desktop.ui.context import AppContext

    store = Store(dataset)
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    settings.ui_language = settings.content_language = "en"
    i18n.set_language("en")
    return AppContext(store, SearchIndex.open(store, dataset / "index"), UserData(tmp_path / "u.sqlite"), settings)


def close_ctx(ctx) -> None:
    from desktop.core import i18n

    i18n.set_language("en")
    ctx.index.close()
    ctx.userdata.close()
    ctx.store.close()


@pytest.fixture
def ctx(real_dataset, tmp_path):
    """An AppContext on the real dataset, for tests of one panel."""
    context = make_ctx(real_dataset, tmp_path)
    yield context
    close_ctx(context)


@pytest.fixture(scope="module")
def store(real_dataset):
    """The real dataset's store, shared by one test module."""
    from desktop.core.store import Store

    with Store(real_dataset) as s:
        yield s


@pytest.fixture
def show_panel(qtbot):
    """Shows a panel at 1366x768 (optionally with a scaled font) and deletes it after the test, so no later
    language change reaches a panel whose dataset is closed."""
    import shiboken6

    shown = []

    def show(widget, font_scale: float = 1.0):
        from PySide6.QtGui import QFont

        shown.append(widget)
        if font_scale != 1.0:
            font = QFont(widget.font())
            font.setPointSizeF(font.pointSizeF() * font_scale)
            widget.setFont(font)
        widget.resize(1366, 768)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    yield show
    for widget in shown:
        widget.close()
        shiboken6.delete(widget)


# --------------------------------------------------------------------------- signed data updates

@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Keys, an old and a new dataset and the packs between them (pack_helpers.World), once per module."""
    import pack_helpers

    return pack_helpers.make_world(tmp_path_factory.mktemp("packs"))


@pytest.fixture
def folder(world, tmp_path):
    """A data folder with the old dataset installed (as after an earlier update)."""
    from desktop.core.datasets import DataFolder

    shutil.copytree(world.template, tmp_path / "data-folder")
    return DataFolder(tmp_path / "data-folder")


@pytest.fixture
def userdata(tmp_path) -> Path:
    import pack_helpers

    return pack_helpers.make_userdata(tmp_path / "user")


def active_version(folder) -> str:
    """The version of the dataset a data folder's pointer names."""
    from desktop.core.store import Store

    with Store(folder.locate()) as store:
        return store.meta()["dataset_version"]
