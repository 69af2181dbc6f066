"""Where the app's own files are (content, schema, bundled dataset, resources), in a checkout or an
installed bundle. The user's folders, the settings and which dataset is in use: desktop/environment.py."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def app_root() -> Path:
    """The checkout root, or the folder of a frozen (PyInstaller) bundle."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def content_dir() -> Path:
    return app_root() / "db" / "content"


def schema_file() -> Path:
    return app_root() / "db" / "schema.sql"


def bundled_dataset_dir() -> Path:
    override = os.environ.get("MIGRANT_DESK_DATASET")
    return Path(override) if override else app_root() / "dataset"


def resources_dir() -> Path:
    return app_root() / "resources"
