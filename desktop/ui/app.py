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
    """An unexpected exception: log it and show a short dialog with the log's path. In a slot the app keeps
    running; one that nothing caught stops it, and the dialog says so."""
    from .error_dialog import show_error, stops_the_app

    def hook(exc_type, exc, tb):
        setup_logging(log_path.parent)  # in case this comes before the first paint opened the log
        log.error("unexpected error\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        show_error(exc, log_path, closing=stops_the_app(tb))

    sys.excepthook = hook


def open_index_with_progress(window, store) -> None:
    """Open the search index in the background and hand it to `window.attach_index` on the UI thread; a
    missing or stale index is rebuilt behind a small modal progress window while the main window stays
    painted. A failure takes the app's error path: logged, and a short dialog."""
    from PySide6.QtWidgets import QDialog, QProgressBar

    from ..dataset import open_index
    from .background import BackgroundOp

    dialog: QDialog | None = None
    bar: QProgressBar | None = None

    def progress(done: int, total: int) -> None:
        nonlocal dialog, bar
        if dialog is None or bar is None:
            dialog, bar = _index_progress_window(window, total)
        bar.setValue(done)

    def close_dialog() -> None:
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()

    BackgroundOp(window, lambda report: open_index(store, progress=report), name="search-index") \
        .on_progress(progress).on_finished(close_dialog).on_success(window.attach_index).run()


def _index_progress_window(window, total: int):
    """A small window saying "Preparing the search index…" above a bar, shown at once. (Not a
    QProgressDialog: a modal one runs a nested event loop in every setValue.)"""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout

    from ..core.i18n import _

    dialog = QDialog(window)
    dialog.setObjectName("indexProgress")
    dialog.setWindowTitle("Migrant Desk")
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    bar = QProgressBar(dialog)
    bar.setRange(0, total)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(_("Preparing the search index…"), dialog))
    layout.addWidget(bar)
    dialog.show()
    return dialog, bar


def show_passed_over(window, lines: list[str]) -> None:
    """Say what start-up passed over (the data in use is another than expected) in a message box that
    does not block the window; logged too."""
    if not lines:
        return
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    for line in lines:
        log.warning("%s", line)
    box = QMessageBox(QMessageBox.Icon.Warning, environment.DISPLAY_NAME, "\n\n".join(lines),
                      QMessageBox.StandardButton.Ok, window)
    box.setObjectName("dataPassedOver")
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()


def _after_first_paint(app, store) -> None:
    from .. import __version__

    setup_logging(environment.log_dir())
    app.setApplicationVersion(__version__)
    log.info("started %s with dataset %s", __version__, store.meta().get("dataset_version"))


def run(dataset: Path | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ..core.i18n import set_language
    from ..core.store import DatasetError, Store
    from ..present.startup_notices import no_data, notices
    from .context import AppContext
    from .font_scale import apply_font_scale
    from .main_window import MainWindow
    from .qt_translations import install_qt_translations
    from .userdata_start import after_first_paint, open_checked

    app = QApplication.instance() or QApplication(sys.argv)
    environment.name_the_app()
    QApplication.setApplicationDisplayName(environment.DISPLAY_NAME)
    install_excepthook(environment.log_file())  # the log itself is opened after the first paint
    settings = environment.Settings()
    set_language(settings.ui_language)
    install_qt_translations(app, settings.ui_language)
    apply_font_scale(settings.font_scale)
    passed_over: list[str] = []    # a shared folder that cannot be read, a damaged dataset: said after the paint
    try:
        if dataset is None:
            active = environment.data_places(settings).active()
            dataset, passed_over = active.path, notices(active, settings.ui_language)
        store = Store(dataset)
    except DatasetError as exc:
        QMessageBox.critical(None, environment.DISPLAY_NAME, no_data(exc, settings.ui_language))
        return 2
    userdata = open_checked()    # damaged: put aside and restored from a backup; said after the paint
    ctx = AppContext(store=store, index=None, userdata=userdata.userdata, settings=settings)
    window = MainWindow(ctx)
    # The window paints first; the search index (a heavier import and open) follows at once.
    window.first_painted.connect(lambda: open_index_with_progress(window, store))
    window.first_painted.connect(lambda: _after_first_paint(app, store))
    window.first_painted.connect(lambda: show_passed_over(window, passed_over))
    window.first_painted.connect(lambda: after_first_paint(window, userdata))
    window.show()
    code = app.exec()
    if ctx.index is not None:
        ctx.index.close()
    store.close()
    ctx.userdata.close()
    return code
