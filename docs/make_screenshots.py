"""Screenshots of the real app (xcb under Xvfb, not offscreen) in its main states: `make screenshots`.

Saves docs/screenshots/<state>-<width>x<height>[-<lang>].png. Usage:
    python docs/make_screenshots.py [--sizes 1366x768 1920x1080] [--langs en]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop import paths
from desktop.core.i18n import set_language
from desktop.core.userdata import UserData
from desktop.dataset import open_dataset
from desktop.environment import Settings
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.qt_translations import install_qt_translations

OUT = Path(__file__).resolve().parent / "screenshots"


def settle(app, ms=400):
    loop_done = []
    QTimer.singleShot(ms, lambda: loop_done.append(1))
    while not loop_done:
        app.processEvents()


def shoot(app, window, name):
    settle(app)
    screen = window.screen()
    pixmap = screen.grabWindow(0, window.x(), window.y(), window.width(), window.height())
    path = OUT / f"{name}.png"
    pixmap.save(str(path))
    print("saved", path)


def states(app, window, suffix):
    search = window.search
    search.citizenship.set_code("UZ")
    search.region.set_code("RU-TA")
    search.field.setText("patent")
    settle(app, 900)
    shoot(app, window, f"search-{suffix}")
    window.open_record("work-patent")
    shoot(app, window, f"procedure-{suffix}")
    window.contacts.set_client("UZ", "RU-TA")
    window.show_panel("contacts")
    shoot(app, window, f"contacts-{suffix}")
    search.citizenship.set_code("KG")
    search.region.set_code("RU-SVE")
    window.deadlines.set_client("KG", "RU-SVE")
    window.show_panel("deadlines")
    shoot(app, window, f"deadlines-{suffix}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", default=["1366x768", "1920x1080"])
    parser.add_argument("--langs", nargs="+", default=["en"])
    parser.add_argument("--only-main", action="store_true", help="one search screenshot per language")
    args = parser.parse_args()
    if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        print("screenshots need the real xcb platform (run under Xvfb)", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    store, index = open_dataset(paths.bundled_dataset_dir())
    home = Path(tempfile.mkdtemp())
    for lang in args.langs:
        settings = Settings(QSettings(str(home / f"{lang}.ini"), QSettings.IniFormat))
        settings.ui_language = settings.content_language = lang
        set_language(lang)
        install_qt_translations(app, lang)
        ctx = AppContext(store, index, UserData(home / "userdata.sqlite"), settings)
        for size in args.sizes:
            width, height = map(int, size.split("x"))
            window = MainWindow(ctx)
            window.move(0, 0)
            window.resize(width, height)
            window.show()
            suffix = f"{size}" + ("" if lang == "en" else f"-{lang}")
            if args.only_main:
                window.search.field.setText("patent")
                settle(app, 900)
                shoot(app, window, f"main-{lang}")
            else:
                states(app, window, suffix)
            window.close()
            window.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # processEvents() leaves these
            settle(app, 100)
        ctx.userdata.close()
    index.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
