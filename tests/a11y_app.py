"""The real main window (xcb, Qt's AT-SPI bridge on) for tests/test_accessibility.py, steered line by line.

    python tests/a11y_app.py DATASET HOME LANG

opens the window at 1366x768 in LANG, searches "patent" and opens a procedure, then prints "ready". Each
command read on stdin is answered with "ok" once the window has settled (and its accessibility events have
gone out over the bus):
    lang CODE    switch the interface language, as the Language menu does
    tab N        show the N-th tab
    focus        the search field takes the focus, as at start
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.i18n import set_language
from desktop.core.search import SearchIndex
from desktop.core.store import Store
from desktop.core.userdata import UserData
from desktop.environment import Settings
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.qt_translations import install_qt_translations

APP_NAME = "migrant-desk-a11y-test"   # what the walker finds the app by on the bus
SETTLE_MS = 400


def main() -> int:
    dataset, home, lang = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    settings = Settings(QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat))
    settings.ui_language = settings.content_language = lang
    set_language(lang)
    install_qt_translations(app, lang)
    store = Store(dataset)
    ctx = AppContext(store, SearchIndex.open(store, dataset / "index"), UserData(home / "userdata.sqlite"), settings)
    window = MainWindow(ctx)
    window.move(0, 0)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    window.search.field.setText("patent")
    window.open_record("work-patent")

    def answer(text: str) -> None:
        QTimer.singleShot(SETTLE_MS, lambda: (print(text, flush=True)))

    def wait_for_results() -> None:
        results = window.search.list
        if results is None or not results.count():
            QTimer.singleShot(50, wait_for_results)
            return
        window.search.focus_search()
        answer("ready")

    def command() -> None:
        line = sys.stdin.readline().split()
        if not line or line[0] == "quit":
            app.quit()
            return
        if line[0] == "lang":
            window.switch_language(line[1])
        elif line[0] == "tab":
            window.tabs.setCurrentIndex(int(line[1]))
        elif line[0] == "focus":
            window.activateWindow()
            window.search.focus_search()
        answer("ok")

    stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, app)
    stdin.activated.connect(command)
    wait_for_results()
    code = app.exec()
    window.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
