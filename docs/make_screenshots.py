"""Screenshots of the real app (xcb under Xvfb, not offscreen): every tab, in each language and text size asked for.

`make screenshots` runs it. Saves docs/screenshots/<state>-<width>x<height>[-<lang>][-<scale>pct].png, where the
states are search (English only: the README's picture of the side panel before a record is open), procedure (the
Record tab), contacts, deadlines, agreements and mydata. English at 100 % is what the README shows; the other
languages and sizes are saved with a 256-colour palette to keep the folder small. Usage:
    python docs/make_screenshots.py [--sizes 1366x768] [--langs en ru uz ky] [--scales 100 200]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from desktop import paths
from desktop.core.i18n import set_language
from desktop.core.userdata import UserData
from desktop.dataset import open_dataset
from desktop.environment import Settings
from desktop.ui.context import AppContext
from desktop.ui.font_scale import apply_font_scale
from desktop.ui.main_window import MainWindow
from desktop.ui.qt_translations import install_qt_translations

OUT = Path(__file__).resolve().parent / "screenshots"


def settle(app, ms=400):
    loop_done = []
    QTimer.singleShot(ms, lambda: loop_done.append(1))
    while not loop_done:
        app.processEvents()


def shoot(app, window, name, palette):
    settle(app)
    screen = window.screen()
    image = screen.grabWindow(0, window.x(), window.y(), window.width(), window.height()).toImage()
    if palette:
        # a palette without dithering: flat UI colours stay flat, and the file is a third of the size
        image = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
                                      | Qt.ImageConversionFlag.AvoidDither)
    path = OUT / f"{name}.png"
    image.save(str(path))
    print("saved", path)


def states(app, window, suffix, lang, palette):
    search = window.search
    search.citizenship.set_code("UZ")
    search.region.set_code("RU-TA")
    search.field.setText("patent")
    settle(app, 900)
    if lang == "en":
        shoot(app, window, f"search-{suffix}", palette)
    window.open_record("work-patent")
    shoot(app, window, f"procedure-{suffix}", palette)
    window.contacts.set_client("UZ", "RU-TA")
    window.show_panel("contacts")
    shoot(app, window, f"contacts-{suffix}", palette)
    search.citizenship.set_code("KG")
    search.region.set_code("RU-SVE")
    window.deadlines.set_client("KG", "RU-SVE")
    window.show_panel("deadlines")
    shoot(app, window, f"deadlines-{suffix}", palette)
    window.show_panel("agreements")
    shoot(app, window, f"agreements-{suffix}", palette)
    window.show_panel("mydata")
    shoot(app, window, f"mydata-{suffix}", palette)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", default=["1366x768"])
    parser.add_argument("--langs", nargs="+", default=["en", "ru", "uz", "ky"])
    parser.add_argument("--scales", nargs="+", type=int, default=[100, 200], help="text size, percent")
    args = parser.parse_args()
    if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        print("screenshots need the real xcb platform (run under Xvfb)", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    store, index = open_dataset(paths.bundled_dataset_dir())
    home = Path(tempfile.mkdtemp())
    userdata = UserData(home / "userdata.sqlite")
    userdata.set_bookmark("work-patent", True)    # the My bookmarks tab shows one of each
    userdata.set_note("work-patent", "Check the patent receipt for the last month.")
    for lang in args.langs:
        settings = Settings(QSettings(str(home / f"{lang}.ini"), QSettings.Format.IniFormat))
        settings.ui_language = settings.content_language = lang
        set_language(lang)
        install_qt_translations(app, lang)
        ctx = AppContext(store, index, userdata, settings)
        for scale in args.scales:
            if lang == "en" and scale != 100:
                continue  # the other languages' longer words are what a larger text size can cut
            apply_font_scale(scale)
            for size in args.sizes:
                width, height = map(int, size.split("x"))
                window = MainWindow(ctx)
                window.move(0, 0)
                window.resize(width, height)
                window.show()
                suffix = size + ("" if lang == "en" else f"-{lang}") + ("" if scale == 100 else f"-{scale}pct")
                states(app, window, suffix, lang, palette=(lang, scale) != ("en", 100))
                window.close()
                window.deleteLater()
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # processEvents() leaves these
                settle(app, 100)
        apply_font_scale(100)
    userdata.close()
    index.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
