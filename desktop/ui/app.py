"""GUI start: QApplication, language, logging and the crash dialog, the dataset and its index, the window."""
from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from .. import environment

log = logging.getLogger("migrant_desk")


def setup_logging(folder: Path) -> Path:
    import logging.handlers

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "migrant-desk.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def install_excepthook(log_path: Path) -> None:
    """An unexpected exception in a slot: log it, show a short dialog with the log's path, keep running."""
    from .error_dialog import show_error

    def hook(exc_type, exc, tb):
        setup_logging(log_path.parent)  # in case this comes before the first paint opened the log
        log.error("unexpected error\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        show_error(exc, log_path)

    sys.excepthook = hook


def open_index_with_progress(store):
    """The search index; a missing or stale one is rebuilt behind a progress dialog."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from ..core.i18n import _
    from ..dataset import open_index

    dialog = None

    def progress(done: int, total: int) -> None:
        nonlocal dialog
        if dialog is None:
            dialog = QProgressDialog(_("Preparing the search index…"), "", 0, total)
            dialog.setWindowTitle("Migrant Desk")
            dialog.setCancelButton(None)
            dialog.setWindowModality(Qt.ApplicationModal)
            dialog.setMinimumDuration(0)
        dialog.setValue(done)
        QApplication.processEvents()

    try:
        return open_index(store, progress=progress)
    finally:
        if dialog is not None:
            dialog.close()


def _after_first_paint(app, store) -> None:
    from .. import __version__

    setup_logging(environment.log_dir())
    app.setApplicationVersion(__version__)
    log.info("started %s with dataset %s", __version__, store.meta().get("dataset_version"))


def run(dataset: Path | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ..core.i18n import set_language
    from ..core.store import DatasetError, Store
    from ..core.userdata import UserData
    from .context import AppContext
    from .font_scale import apply_font_scale
    from .main_window import MainWindow
    from .qt_translations import install_qt_translations

    app = QApplication.instance() or QApplication(sys.argv)
    environment.name_the_app()
    QApplication.setApplicationDisplayName(environment.DISPLAY_NAME)
    install_excepthook(environment.log_file())  # the log itself is opened after the first paint
    settings = environment.Settings()
    set_language(settings.ui_language)
    install_qt_translations(app, settings.ui_language)
    apply_font_scale(settings.font_scale)
    try:
        store = Store(dataset or environment.data_places(settings).active().path)
    except DatasetError as exc:
        QMessageBox.critical(None, environment.DISPLAY_NAME, str(exc))
        return 2
    ctx = AppContext(store=store, index=None, userdata=UserData(environment.userdata_file()),
                     settings=settings)
    window = MainWindow(ctx)
    # The window paints first; the search index (a heavier import and open) follows at once.
    window.first_painted.connect(lambda: window.attach_index(open_index_with_progress(store)))
    window.first_painted.connect(lambda: _after_first_paint(app, store))
    window.show()
    code = app.exec()
    if ctx.index is not None:
        ctx.index.close()
    store.close()
    ctx.userdata.close()
    return code
