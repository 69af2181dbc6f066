"""Qt's own strings (standard buttons, file and print dialogs) in the interface language."""
from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from ..core.i18n import translations_dir
from ..core.languages import QT_LOCALES

_installed: list[QTranslator] = []


def install_qt_translations(app, lang: str) -> None:
    """Qt ships qtbase_ru; for uz, uz_Cyrl and ky the app carries its own catalog of the strings that show."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{lang}", qt_dir), (f"qtbase_{lang}", str(translations_dir() / "qt"))]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            break
    QLocale.setDefault(QLocale(QT_LOCALES.get(lang, QT_LOCALES["en"])))
