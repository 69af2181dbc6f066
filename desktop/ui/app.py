"""GUI start: QApplication, the dataset, the main window."""
from __future__ import annotations

import sys
from pathlib import Path

from .. import paths


def run(dataset: Path | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ..core.store import DatasetError, Store
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Migrant Desk")
    app.setOrganizationName("Migrant Desk")
    try:
        store = Store(dataset or paths.bundled_dataset_dir())
    except DatasetError as exc:
        QMessageBox.critical(None, "Migrant Desk", str(exc))
        return 2
    window = MainWindow(store)
    window.show()
    return app.exec()
