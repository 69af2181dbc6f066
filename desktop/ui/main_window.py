"""The main window. For now it shows what the dataset holds; the search desk replaces its centre."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHeaderView, QLabel, QMainWindow, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from ..core import model as m
from ..core.store import Store

KIND_LABELS = {"agreement": "Agreements", "procedure": "Procedures", "contact": "Contact points"}
STATUS_LABELS = {"in_force": "in force", "signed": "signed", "announced": "announced", "expired": "expired",
                 "superseded": "superseded"}


class MainWindow(QMainWindow):
    def __init__(self, store: Store, lang: str = "ru"):
        super().__init__()
        self.store = store
        self.setWindowTitle("Migrant Desk")
        self.resize(1000, 700)
        meta, counts = store.meta(), store.counts()

        self.summary = QLabel(self)
        self.summary.setObjectName("datasetSummary")
        self.summary.setTextFormat(Qt.PlainText)
        self.summary.setText(
            f"Dataset {meta.get('dataset_version', '?')} (built {meta.get('built_at', '?')[:10]}): "
            + ", ".join(f"{counts[k]} {KIND_LABELS[k].lower()}" for k in m.KINDS))
        self.summary.setAccessibleName("Dataset summary")

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("recordTree")
        self.tree.setHeaderLabels(["Title", "Status", "Verified on"])
        self.tree.setAccessibleName("Records in the dataset")
        for kind in m.KINDS:
            ids = store.ids(kind)
            group = QTreeWidgetItem(self.tree, [f"{KIND_LABELS[kind]} ({len(ids)})"])
            for rid in ids:
                record = store.record(rid)
                QTreeWidgetItem(group, [record.title(lang), STATUS_LABELS[record.status], record.verified_on])
            group.setExpanded(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self.setCentralWidget(central)
