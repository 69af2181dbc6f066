"""The app window opens on a dataset and shows what it holds."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTreeWidget

from desktop import paths
from desktop.core.build import build
from desktop.core.store import Store
from desktop.ui.main_window import MainWindow


def test_window_shows_dataset_counts_and_titles(qtbot, content_tree, tmp_path):
    path, _ = build(content_tree, tmp_path / "ds", paths.schema_file())
    store = Store(path.parent)
    window = MainWindow(store, lang="uz")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    summary = window.findChild(QLabel, "datasetSummary").text()
    assert "1 agreements, 1 procedures, 1 contact points" in summary
    assert "2026.11.1" in summary
    tree = window.findChild(QTreeWidget, "recordTree")
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [g.text(0) for g in groups] == ["Agreements (1)", "Procedures (1)", "Contact points (1)"]
    assert groups[1].child(0).text(0) == "Roʻyxatdan oʻtish tartibi"
    store.close()


def test_window_on_the_real_dataset(qtbot, real_dataset):
    store = Store(real_dataset)
    window = MainWindow(store)
    qtbot.addWidget(window)
    tree = window.findChild(QTreeWidget, "recordTree")
    counts = store.counts()
    assert tree.topLevelItem(2).childCount() == counts["contact"] > 0
    store.close()
