"""Under the search field: what the search understood in the question, as removable chips ("Kyrgyzstan ·
Republic of Tatarstan · registration · whom to call"), and one button (or Enter on the row) that sets the
side panel's citizenship and region to them. Nothing understood: the row is hidden."""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtWidgets import QLabel, QPushButton, QToolButton, QWidget

from ..core.i18n import _, current_language
from ..present.understood import part_label, summary
from .flow_layout import FlowLayout
from .widgets import named


class UnderstoodChips(QWidget):
    """Lives in the search panel (`panel`): sets its choosers and searches again when a chip is removed."""

    def __init__(self, ctx, panel):
        super().__init__(panel)
        self.ctx, self.panel = ctx, panel
        self.dismissed: set[tuple[str, str]] = set()   # understood parts the advisor removed
        self.setObjectName("understoodChips")
        self.parts: list = []
        self.labels: list[str] = []
        self._layout = FlowLayout(self, spacing=4)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setVisible(False)

    def _places(self) -> dict:
        store = self.ctx.store
        places = {c.code: c.name for c in store.countries()}
        places.update({r.code: r.name for r in store.regions()})
        return places

    def show_parts(self, understanding) -> None:
        """The chips of `understanding` (None or nothing understood: hidden)."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            gone = item.widget() if item is not None else None
            if gone is not None:
                gone.deleteLater()
        self.parts = understanding.chips() if understanding is not None else []
        if not self.parts:
            self.labels = []
            self.setVisible(False)
            return
        lang = current_language()
        places = self._places()
        self.labels = [part_label(p.kind, p.code, lang, places) for p in self.parts]
        title = named(QLabel(_("Understood:"), self), "understoodTitle")
        self._layout.add(title, 0)
        stops: list[QWidget] = []
        for part, label in zip(self.parts, self.labels, strict=True):
            chip = named(QToolButton(self), f"chip_{part.kind}_{part.code}")
            chip.setText(f"{label}  ✕")
            chip.setToolTip(_("Understood from «{words}». Click to leave it out.").format(words=part.text))
            chip.setAccessibleName(_("{label}, understood from «{words}»; remove").format(label=label,
                                                                                       words=part.text))
            chip.clicked.connect(lambda _checked=False, p=part: self.dismiss(p.kind, p.code))
            self._layout.add(chip, 0)
            stops.append(chip)
        citizenship = next((p.code for p in self.parts if p.kind == "citizenship"), "")
        region = next((p.code for p in self.parts if p.kind == "region"), "")
        if citizenship or region:
            button = named(QPushButton(_("Set as filters"), self), "applyUnderstood")
            button.setToolTip(_("Set the client's citizenship and region to what the question says (Enter)"))
            button.clicked.connect(lambda: self.apply(citizenship, region))
            self._layout.add(button, 0)
            stops.append(button)
        self.setAccessibleName(_("Understood: {parts}").format(parts=summary(self.labels)))
        # Tab goes as the eye reads: from the search field to the chips under it, then on to the choosers
        # (made now, they would otherwise come last, after the record's note)
        previous: QWidget = self.panel.field
        for widget in stops:
            QWidget.setTabOrder(previous, widget)
            previous = widget
        self.setVisible(True)

    def show_for(self, results):
        """Show what `results` understood; returns the results to show (None, the start help, for a query of
        only stop words)."""
        understanding = results.understanding if results is not None else None
        self.show_parts(understanding)
        return None if understanding is not None and understanding.stop_only else results

    def apply(self, citizenship: str, region: str) -> None:
        """The question's citizenship and region become the side panel's (the tabs follow them)."""
        if citizenship:
            self.panel.citizenship.set_code(citizenship)
        if region:
            self.panel.region.set_code(region)
        self.panel._filters_changed()

    def dismiss(self, kind: str, code: str) -> None:
        self.dismissed.add((kind, code))
        self.panel.search_now()

    def text(self) -> str:
        return summary(self.labels)

    def keyPressEvent(self, event) -> None:
        if event.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter):
            button = self.findChild(QPushButton, "applyUnderstood")
            if button is not None:
                button.click()
                return
        super().keyPressEvent(event)
