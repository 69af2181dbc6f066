"""Qt's own strings (standard buttons, file and print dialogs) in the interface language."""
from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from ..core.i18n import translations_dir
from ..core.languages import QT_LOCALES

_installed: list[QTranslator] = []


def install_qt_translations(app, lang: str) -> None:
    """Qt ships qtbase_ru; for uz, uz_Cyrl and ky the app carries its own catalog of the strings that show.

    The app's catalog is installed after Qt's, so it is asked first: for ru it adds the strings Qt's lacks."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for folder in (qt_dir, str(translations_dir() / "qt")):
        translator = QTranslator(app)
        if translator.load(f"qtbase_{lang}", folder):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(QT_LOCALES.get(lang, QT_LOCALES["en"])))
