"""About: app version, dataset version and date, record counts."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout

from .. import __version__
from ..core.i18n import _, format_date, on_language_changed
from ..present.text import esc
from .transient_dialog import TransientDialog
from .widgets import named


class AboutDialog(TransientDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("aboutDialog")
        self.text = named(QLabel(self, wordWrap=True), "aboutText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.retranslate()
        on_language_changed(self.retranslate)

    def retranslate(self) -> None:
        meta, counts = self.ctx.store.meta(), self.ctx.store.counts()
        self.setWindowTitle(_("About Migrant Desk"))
        rows = [
            (_("App version"), __version__),
            (_("Data version"), meta.get("dataset_version", "")),
            (_("Data built on"), format_date(meta.get("built_at", "")[:10])),
            (_("Procedures"), str(counts["procedure"])),
            (_("Agreements"), str(counts["agreement"])),
            (_("Contact points"), str(counts["contact"])),
            (_("Data file"), str(self.ctx.store.path)),
        ]
        intro = _("An offline reference for advisors of labour migrants: procedures, agreements and whom to call.")
        caveat = _("Every fact carries its source and the date it was checked. Not legal advice.")
        table = "".join(f"<tr><td><b>{esc(k)}</b></td><td>{esc(v)}</td></tr>" for k, v in rows)
        self.text.setText(
            f"<h2>Migrant Desk</h2><p>{esc(intro)}</p>"
            f"<table cellspacing='4'>{table}</table>"
            f"<p>{esc(caveat)}</p>")
