"""Small widgets shared by several panels: citizenship and region choosers, a copy button."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter, QToolButton, QWidget

from .. import paths
from ..core.i18n import _
from ..core.languages import localized
from . import lifetime  # noqa: F401  (language listeners of deleted widgets are dropped)
from .labels import place_name

CITIZENSHIPS = ("UZ", "KG", "TJ")
# Qt.ItemDataRole.UserRole, the role in which QComboBox keeps an item's data. Spelled as its number because
# these widgets are built before the first paint, and PySide creates its whole Qt namespace (every enum
# in it, ~10 ms) the first time anything reads QtCore.Qt.
USER_ROLE = 0x0100
NAMES_ROLE = USER_ROLE + 1  # every spelling a region is found by while typing

AnyWidget = TypeVar("AnyWidget", bound=QWidget)


def named(widget: AnyWidget, name: str) -> AnyWidget:
    """The widget with its object name set (what tests and style sheets find it by). PySide accepts
    `objectName=` in the constructor too, but its type stubs list only a class's own properties."""
    widget.setObjectName(name)
    return widget


class CitizenshipCombo(QComboBox):
    """Uzbekistan / Kyrgyzstan / Tajikistan / any; `code()` is '' for any."""

    def __init__(self, ctx, parent=None, allow_any: bool = True):
        super().__init__(parent)
        self.ctx, self.allow_any = ctx, allow_any
        self.setObjectName("citizenshipCombo")
        self.retranslate()

    def retranslate(self) -> None:
        current = self.code()
        self.blockSignals(True)
        self.clear()
        if self.allow_any:
            self.addItem(_("Any citizenship"), "")
        countries = self.ctx.countries()
        for code in CITIZENSHIPS:
            country = countries.get(code)
            self.addItem(place_name(country.name, self.ctx.lang) if country else code, code)
        self.set_code(current)
        self.blockSignals(False)
        self.setAccessibleName(_("Client's citizenship"))
        self.setToolTip(_("Client's citizenship"))

    def code(self) -> str:
        return self.currentData() or ""

    def set_code(self, code: str) -> None:
        index = self.findData(code or "")
        self.setCurrentIndex(max(index, 0))


class RegionCombo(QComboBox):
    """All Russian regions; type to filter. `code()` is '' for all regions."""

    def __init__(self, ctx, parent=None, *, hint_whole_name: bool = False):
        super().__init__(parent)
        self.ctx = ctx
        self._hint_whole_name = hint_whole_name
        self.setObjectName("regionCombo")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._typing_ready = False
        self.setMinimumContentsLength(10)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.retranslate()
        field = self.lineEdit()
        if field is not None:  # (editable: it always has one)
            field.editingFinished.connect(self._commit_typed)
        if hint_whole_name:
            self.currentIndexChanged.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:
        """With `hint_whole_name`: room for the chosen region's whole name (a layout that wraps its row gives
        it that room, rather than showing "ердловская облас"); the minimum stays ten characters."""
        hint = super().sizeHint()
        if not self._hint_whole_name:
            return hint
        metrics = self.fontMetrics()
        chrome = hint.width() - metrics.horizontalAdvance("X" * self.minimumContentsLength())
        return QSize(max(hint.width(), chrome + metrics.horizontalAdvance(self.currentText()) + 4), hint.height())

    def retranslate(self) -> None:
        current = self.code()
        model = region_model(self.ctx)
        if self.model() is not model:
            self.blockSignals(True)
            self.setModel(model)
            completer = self.completer()
            if self._typing_ready and completer is not None:
                completer.setModel(typable(model, self.ctx))
            self.set_code(current)
            self.blockSignals(False)
        self.setAccessibleName(_("Russian region"))
        self.setToolTip(_("Russian region (type to search)"))
        field = self.lineEdit()
        if field is not None:  # the field inside is what the Tab key and a screen reader land on
            field.setAccessibleName(_("Russian region"))

    def _commit_typed(self) -> None:
        """Enter or leaving the field: a region's name typed becomes the choice; text that names no region
        gives way to the region chosen. So the field never says one region while the panel shows another,
        and a language switch (which re-chooses by code) keeps what the advisor sees."""
        typed, chosen = self.code(), self.itemData(self.currentIndex()) or ""
        if typed != chosen and (typed or not self.currentText().strip()):  # a name, or the field cleared
            self.set_code(typed)
        elif self.currentText() != self.itemText(self.currentIndex()):
            self.setEditText(self.itemText(self.currentIndex()))

    def focusInEvent(self, event) -> None:
        # The completer that finds a region by any part of its name is set up when the advisor first comes
        # here to type (it needs Qt's enums, which start-up leaves until after the first paint).
        if not self._typing_ready:
            self._typing_ready = True
            from PySide6.QtCore import Qt

            model = cast(QStandardItemModel, self.model())  # always a region_model: see retranslate
            completer = NameCompleter(typable(model, self.ctx), self)
            completer.setCompletionRole(NAMES_ROLE)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            self.setCompleter(completer)
        super().focusInEvent(event)

    def code(self) -> str:
        text, index = self.currentText(), self.currentIndex()
        if index >= 0 and text == self.itemText(index):
            return self.itemData(index) or ""
        if not text:
            return ""
        from PySide6.QtCore import Qt  # typed rather than chosen: the region whose name is the text typed

        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        return (self.itemData(index) or "") if index >= 0 else ""

    def set_code(self, code: str) -> None:
        index = self.findData(code or "")
        self.setCurrentIndex(max(index, 0))


class NameCompleter(QCompleter):
    """Matches on every spelling of a name (NAMES_ROLE), but puts the name as shown into the field."""

    def pathFromIndex(self, index) -> str:
        return index.data()


def typable(model: QStandardItemModel, ctx) -> QStandardItemModel:
    """The region model with every spelling of each name under NAMES_ROLE: as shown, Russian, English and
    the Russian name in Latin letters (an Uzbek advisor types "Xabarovsk" or "sverdlov"). Added on first
    typing, not at start-up."""
    if model.property("typable"):
        return model
    from ..core.textnorm import uz_cyrillic_to_latin

    names = {region.code: region.name for region in ctx.regions()}
    for row in range(model.rowCount()):
        item = model.item(row)
        name = names.get(item.data(USER_ROLE)) or {}
        spellings = [item.text(), name.get("ru", ""), name.get("en", ""), uz_cyrillic_to_latin(name.get("ru", ""))]
        item.setData(" · ".join(dict.fromkeys(filter(None, spellings))), NAMES_ROLE)
    model.setProperty("typable", True)
    return model


def region_model(ctx) -> QStandardItemModel:
    """All regions in the current languages, built once and shared by every region chooser."""
    from ..core.i18n import current_language

    key = (current_language(), ctx.lang)
    cache = ctx.region_models
    if key not in cache:
        model = QStandardItemModel(QApplication.instance())  # owned by the app: combos may share it
        everywhere = QStandardItem(_("All regions"))
        everywhere.setData("", USER_ROLE)
        model.appendRow(everywhere)
        for region in sorted(ctx.regions(), key=lambda r: localized(r.name, ctx.lang)):
            item = QStandardItem(localized(region.name, ctx.lang))
            item.setData(region.code, USER_ROLE)
            model.appendRow(item)
        cache[key] = model
    return cache[key]


class CopyButton(QToolButton):
    """Puts its value on the clipboard. A copy icon only, the size of a line of text: a table has one beside
    every phone, address and e-mail, and a worded button in each would take the width the values need.
    Its name and tooltip say what it copies."""

    copied = Signal(str)

    def __init__(self, value: str, what: str, parent=None):
        super().__init__(parent)
        self.value = value
        self.setText(_("Copy"))
        # an SVG, whose plugin start-up leaves for later: copy buttons live only in tabs built after it
        self.setIcon(QIcon(str(paths.resources_dir() / "icons" / "copy.svg")))
        self._fit_icon()
        self.setAccessibleName(_("Copy {what}").format(what=what))
        self.setToolTip(_("Copy {what}").format(what=what) + f": {value}")
        self.clicked.connect(self._copy)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:  # the icon follows the text size (200 % font)
            self._fit_icon()

    def _fit_icon(self) -> None:
        line = self.fontMetrics().height()
        self.setIconSize(QSize(line, line))

    def _copy(self) -> None:
        QApplication.clipboard().setText(self.value)
        self.copied.emit(self.value)


class RefreshWhenShown(QWidget):
    """For panels behind a tab: `refresh()` while hidden only marks the panel stale, and the work is
    done when it is first shown (`refresh_now`, which a subclass defines), so start-up does not fill
    tables nobody is looking at."""

    _stale = True
    refresh_now: Callable[[], None]

    def refresh(self) -> None:
        if self.isVisible():
            self._stale = False
            self.refresh_now()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh_now()


class ClientPanel(RefreshWhenShown):
    """A panel with its own citizenship and region choosers (`self.citizenship`, `self.region`). Every
    such tab follows the search panel's citizenship and region: the main window calls `set_client` when
    those change (and when the tab is built); a choice made inside the tab holds until they change again."""

    citizenship: CitizenshipCombo
    region: RegionCombo

    def set_client(self, citizenship: str, region: str) -> None:
        for combo in (self.citizenship, self.region):
            combo.blockSignals(True)
        self.citizenship.set_code(citizenship)
        self.region.set_code(region)
        for combo in (self.citizenship, self.region):
            combo.blockSignals(False)
        self.refresh()


def no_tab_stop(widget: QWidget) -> None:
    """Take `widget` out of the Tab order. Qt's enum namespace is touched here, not at import: the main window
    calls this after its first paint, which must not pay for building Qt's enums."""
    from PySide6.QtCore import Qt

    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
