"""Start the content editor: `migrant-desk editor [CONTENT_DIR]` (default: the checkout's db/content)."""
from __future__ import annotations

import sys
from pathlib import Path

from ... import environment, paths

LOCK_REFRESH_MS = 30 * 60 * 1000


def run_editor(content_dir: Path | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ...core.content.editor_lock import EditorLock
    from ...core.i18n import _, set_language
    from ..app import install_excepthook
    from ..qt_translations import install_qt_translations
    from .lock_question import may_edit
    from .session import Session
    from .window import EditorWindow

    app = QApplication.instance() or QApplication(sys.argv)
    environment.name_the_app()
    install_excepthook(environment.log_file())
    settings = environment.Settings()
    set_language(settings.ui_language)
    install_qt_translations(app, settings.ui_language)
    root = Path(content_dir or paths.content_dir())
    if not (root / "dataset.yaml").exists() and not any((root / d).is_dir() for d in ("procedures", "contacts")):
        message = _("{folder} is not a content folder (no procedures/, contacts/ or dataset.yaml).").format(
            folder=root)
        print(message, file=sys.stderr)  # started from a terminal: said there too
        QMessageBox.critical(None, _("Content editor"), message)
        return 2
    lock = EditorLock(root)
    if not may_edit(lock):  # another editor holds the folder and the person chose not to take it over
        return 1
    window = EditorWindow(Session(root), settings.ui_language)
    refresh = QTimer(window)
    refresh.timeout.connect(lock.refresh)
    refresh.start(LOCK_REFRESH_MS)
    window.show()
    window.load()
    try:
        return app.exec()
    finally:
        lock.release()
