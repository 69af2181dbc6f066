"""The content editor's window on a content folder, opened as a person opens it, for the editor's tests."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.core import i18n
from desktop.ui.editor.session import Session
from desktop.ui.editor.window import EditorWindow

TODAY = dt.date(2026, 12, 3)


def open_editor(qtbot, content: Path) -> EditorWindow:
    """The window in English on `content`, once its records are listed and its own search index is made."""
    i18n.set_language("en")
    window = EditorWindow(Session(content, today=TODAY), "en")
    qtbot.addWidget(window)
    window.show()
    window.load()
    qtbot.waitUntil(lambda: window.search_ready, timeout=90_000)
    return window
