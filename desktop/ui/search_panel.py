"""The search panel: a search field that searches while the advisor types, filters, and the results."""
from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

# PySide creates its `Qt` namespace (every enum of it, ~10 ms) on first use; this module reads QtCore.Qt
# only in code that runs after the window's first paint.
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QKeyCombination, QSize, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from .. import paths
from ..core import freshness
from ..core import model as m
from ..core.i18n import _, format_date, on_language_changed
from ..core.languages import content_language, derive
from ..present.text import esc
from . import labels
from .flow_layout import FlowLayout
from .understood_chips import UnderstoodChips
from .widgets import CitizenshipCombo, RegionCombo, named

if TYPE_CHECKING:  # the search engine loads after the first paint (see attach_index)
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QListWidget

    from ..core.search import Filters, Results, SearchIndex
    from .background import Lane

DEBOUNCE_MS = 150
STATUS_COLOURS = {"in_force": "#1e7b43", "signed": "#1f5f9e", "announced": "#8a5a12", "held": "#1f5f9e",
                  "expired": "#777777", "superseded": "#777777"}


def kind_icon(kind: str) -> QIcon:
    from PySide6.QtGui import QIcon  # icons are SVG, loaded after the first paint

    return QIcon(str(paths.resources_dir() / "icons" / f"{kind}.svg"))


class ResultRow(QWidget):
    """One result: icon, title, status badge and verified-on date, highlighted snippet."""

    def __init__(self, hit, ui_lang: str, parent=None, overdue: bool = False):
        super().__init__(parent)
        self.hit, self.overdue = hit, overdue
        icon = QLabel(self)
        icon.setPixmap(kind_icon(hit.kind).pixmap(QSize(24, 24)))
        icon.setAccessibleName(labels.kind(hit.kind))
        icon.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop)
        title, snippet = derive(hit.title, ui_lang), derive(hit.snippet, ui_lang)
        colour = STATUS_COLOURS.get(hit.status, "#555")
        text = QLabel(self)
        text.setObjectName("resultText")
        text.setTextFormat(QtCore.Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setText(
            f"<b>{esc(title)}</b><br/>"
            f"<span style='color:{colour}'>● {esc(labels.status(hit.status))}</span>"
            f"<span style='color:#666'> · {esc(labels.kind(hit.kind))} · "
            f"{esc(self.verified(hit, overdue))}</span><br/>"
            f"<span style='color:#333'>{snippet}</span>")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(icon)
        layout.addWidget(text, 1)
        self.setAccessibleName(title)

    @staticmethod
    def verified(hit, overdue: bool = False) -> str:
        """When it was checked, and "needs review" once its review date has passed."""
        checked = _("verified {date}").format(date=format_date(hit.verified_on))
        return f"{checked} · {_('needs review')}" if overdue else checked

    @staticmethod
    def summary(hit, overdue: bool = False) -> str:
        """The row's second line in words: kind, status and when it was checked."""
        return " · ".join((labels.kind(hit.kind), labels.status(hit.status), ResultRow.verified(hit, overdue)))


class SearchPanel(QWidget):
    open_record = Signal(str)
    client_changed = Signal(str, str)   # citizenship, region

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.results: Results | None = None
        self._index: SearchIndex | None = None
        self.searches: Lane | None = None  # one thread; a newer query supersedes an older one
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)

        self.field = named(QLineEdit(self), "searchField")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(lambda: self._timer.start())
        self.field.returnPressed.connect(self.open_selected)
        self.field.installEventFilter(self)
        self.understood = UnderstoodChips(ctx, self)   # what the question says, as chips under the field

        self.citizenship = CitizenshipCombo(ctx, self)
        self.region = RegionCombo(ctx, self, hint_whole_name=True)  # (its row wraps: see row1)
        self.citizenship.set_code(ctx.settings.citizenship)
        self.region.set_code(ctx.settings.region)
        self.citizenship.currentIndexChanged.connect(self._filters_changed)
        self.region.currentIndexChanged.connect(self._filters_changed)
        region_field = self.region.lineEdit()
        if region_field is not None:  # (the region chooser is editable: it always has one)
            region_field.editingFinished.connect(self._filters_changed)

        self.kind_buttons = {}
        for kind in ("procedure", "agreement", "contact"):
            button = named(QToolButton(self), f"kind_{kind}")
            button.setCheckable(True)
            button.toggled.connect(self._filters_changed)
            self.kind_buttons[kind] = button
        self.status = named(QComboBox(self), "statusCombo")
        self.status.currentIndexChanged.connect(self._filters_changed)

        self.suggestion = named(QLabel(self), "didYouMean")
        self.suggestion.linkActivated.connect(self.field.setText)
        self.count = named(QLabel(self), "resultCount")
        self.list: QListWidget | None = None  # the results: built with the index (see attach_index)
        self.empty = named(QLabel(self), "emptyState")  # its texts are rich text, starting with <p>
        self.empty.setWordWrap(True)

        # the choosers and the kind buttons wrap to a second line when the panel is narrow for them (a large
        # text size on a small screen) instead of scrolling sideways or cutting their words
        row1 = FlowLayout(fill=True)
        row1.add(self.citizenship, 1)
        row1.add(self.region, 2)
        row2 = FlowLayout()
        for button in self.kind_buttons.values():
            row2.addWidget(button)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.understood)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.status)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.count)
        layout.addWidget(self.empty)
        layout.addStretch(0)  # takes the free space while the list is hidden: the empty state stays at the top
        self.retranslate()
        on_language_changed(self.retranslate)
        self._render()
        if ctx.index is not None:
            self.attach_index(ctx.index)

    def load_icons(self) -> None:
        for kind, button in self.kind_buttons.items():
            button.setIcon(kind_icon(kind))
            button.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def _build_list(self) -> None:
        # No results can come before the index is attached, so the list (a Qt class with many enums for
        # PySide to create) is left out of the first paint.
        from PySide6.QtWidgets import QListWidget

        from .focus_mark import FocusMarkDelegate

        self.list = named(QListWidget(self), "resultList")
        self.list.setItemDelegate(FocusMarkDelegate(self.list))  # the current result framed while Tab is here
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setVisible(False)
        self.list.setAccessibleName(_("Results"))
        self.list.itemActivated.connect(lambda item: self.open_record.emit(item.data(QtCore.Qt.ItemDataRole.UserRole)))
        self.list.itemClicked.connect(lambda item: self.open_record.emit(item.data(QtCore.Qt.ItemDataRole.UserRole)))
        self.list.installEventFilter(self)
        self._layout.insertWidget(self._layout.indexOf(self.empty) + 1, self.list, 1)

    def attach_index(self, index) -> None:
        """Searching starts when the index is open (just after the window first paints)."""
        from .background import Lane

        if self.list is None:
            self._build_list()
        if self.searches is None:
            self.searches = Lane("search")
        self.searches.supersede_all()  # (after a change of data) no answer from the previous index
        self._index = index
        if self.field.text().strip():
            self.search_now()

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.field.setPlaceholderText(_("Search agreements, procedures and contacts…"))
        self.field.setAccessibleName(_("Search"))
        self.field.setToolTip(_("Type in any language: Russian, Uzbek (Latin or Cyrillic), Kyrgyz, English (Ctrl+F)"))
        self.citizenship.retranslate()
        self.region.retranslate()
        names = {"procedure": _("Procedures"), "agreement": _("Agreements"), "contact": _("Contacts")}
        for kind, button in self.kind_buttons.items():
            button.setText(names[kind])
            button.setToolTip(_("Show only: {kind}").format(kind=names[kind]))
            button.setAccessibleName(names[kind])
        current = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem(_("Any status"), "")
        for code in m.STATUSES:
            self.status.addItem(labels.status(code), code)
        self.status.setCurrentIndex(max(0, self.status.findData(current or "")))
        self.status.blockSignals(False)
        self.status.setAccessibleName(_("Status"))
        self.status.setToolTip(_("Status"))
        if self.list is not None:
            self.list.setAccessibleName(_("Results"))
        self.count.setAccessibleDescription(_("Number of results"))  # (a name would hide the count it shows)
        for clear in self.field.findChildren(QToolButton):  # Qt's own ✕ in the field, which clears it
            clear.setAccessibleName(_("Clear the search"))
        if self.field.text().strip():
            self.search_now()  # titles and snippets in the new language
        else:
            self._render()

    # ------------------------------------------------------------------ searching

    def filters(self) -> Filters:
        from ..core.search import Filters

        kinds = tuple(k for k, b in self.kind_buttons.items() if b.isChecked())
        status = self.status.currentData()
        return Filters(kinds=kinds, citizenship=self.citizenship.code() or None,
                       region=self.region.code() or None, statuses=(status,) if status else ())

    def _filters_changed(self) -> None:
        self.client_changed.emit(self.citizenship.code(), self.region.code())
        if self.field.text().strip():
            self._timer.start()

    def search_now(self) -> None:
        from .background import BackgroundOp

        self._timer.stop()
        index = self._index
        if self.searches is None or index is None:
            return  # the index is still opening; attach_index() searches then
        query = self.field.text()
        if not query.strip():
            self.results = None
            self.searches.supersede_all()  # a search still running must not show its results
            self._render()
            return
        filters = self.filters()
        lang = content_language(self.ctx.lang)
        dismissed = frozenset(self.understood.dismissed)
        BackgroundOp(self, lambda _report: index.search(query, filters, lang=lang, limit=50, dismissed=dismissed),
                     name="search") \
            .on_success(self._show_results).on_failure(self._show_failure).run(self.searches)

    def _show_results(self, results: Results) -> None:
        if results.query != self.field.text():
            return  # the text changed since: its own search is on its way
        self.results = results
        self._render()

    def _show_failure(self, exc: BaseException) -> None:
        self.count.setText(_("Search failed: {message}").format(message=f"{type(exc).__name__}: {exc}"))

    def _render(self) -> None:
        results = self.understood.show_for(self.results)   # (a query of only stop words: the start help)
        hits = bool(results and results.hits)
        if self.list is not None:   # (the list exists once the index is attached; before, no results come)
            self.list.clear()
            self.list.setVisible(hits)
        self.empty.setVisible(not hits)
        if results is None:
            self.count.setText("")
            self.suggestion.setVisible(False)
            self.empty.setText(
                "<p>" + esc(_("Type what the client asks, in any language and script.")) + "</p><p>"
                + esc(_("For example:")) + " <i>патент</i>, <i>patent olish</i>, <i>каттоо</i>, "
                "<i>РКЛ</i>, <i>Amina</i>, <i>консульство Казань</i></p><p>"
                + esc(_("Set the client's citizenship and region to see what applies to them.")) + "</p>")
            return
        self.count.setText(labels.results_count(results.total))
        if results.suggestion:
            self.suggestion.setTextFormat(QtCore.Qt.TextFormat.RichText)
            self.suggestion.setText(esc(_("Did you mean")) +
                                    f' <a href="{esc(results.suggestion)}">{esc(results.suggestion)}</a>?')
        self.suggestion.setVisible(bool(results.suggestion))
        if not hits:
            self.empty.setText("<p><b>" + esc(_("No results")) + "</b></p><p>" +
                               esc(_("Check the spelling, try fewer words or another language, "
                                   "or clear the filters.")) + "</p>")
            return
        if self.list is None:  # (results come only once the index is attached, and with it the list)
            return
        from PySide6.QtWidgets import QListWidgetItem

        review = self.ctx.store.review_dates()
        today = _dt.date.today()
        for hit in results.hits:
            overdue = freshness.is_past(review.get(hit.id), today)
            item = QListWidgetItem(self.list)
            item.setData(QtCore.Qt.ItemDataRole.UserRole, hit.id)
            # what a screen reader says for the row (its widget is only painted): title, then kind and status
            item.setData(QtCore.Qt.ItemDataRole.AccessibleTextRole, derive(hit.title, self.ctx.lang))
            item.setData(QtCore.Qt.ItemDataRole.AccessibleDescriptionRole, ResultRow.summary(hit, overdue))
            row = ResultRow(hit, self.ctx.lang, overdue=overdue)
            item.setSizeHint(row.sizeHint())
            self.list.setItemWidget(item, row)
        self.list.setCurrentRow(0)
        self._fit_rows()

    def _fit_rows(self) -> None:
        if self.list is None or not self.list.count():
            return
        width = max(200, self.list.viewport().width() - 4)
        for i in range(self.list.count()):
            item = self.list.item(i)
            row = self.list.itemWidget(item)
            row.setFixedWidth(width)
            item.setSizeHint(QSize(width, row.heightForWidth(width) if row.hasHeightForWidth()
                                   else row.sizeHint().height()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    # ------------------------------------------------------------------ keyboard

    def focus_search(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def clear(self) -> None:
        self.understood.dismissed.clear()
        self.field.clear()
        self.field.setFocus()

    def open_selected(self) -> None:
        self._timer.stop()
        if self.ctx.index is None:
            return
        if not self.field.text().strip():  # Enter on an empty field (after Esc, say): the start help stays
            self.results = None
            self._render()
            return
        if self.results is None or self.results.query != self.field.text():
            # Enter pressed before the debounced search ran: search now, synchronously
            lang = content_language(self.ctx.lang)
            self.results = self.ctx.index.search(self.field.text(), self.filters(), lang=lang, limit=50,
                                                 dismissed=frozenset(self.understood.dismissed))
            self._render()
        item = (self.list.currentItem() or self.list.item(0)) if self.list is not None else None
        if item is not None:
            self.open_record.emit(item.data(QtCore.Qt.ItemDataRole.UserRole))

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return super().eventFilter(obj, event)
        Qt = QtCore.Qt  # read here, not at import: see the top of the module
        if kind == QEvent.Type.ShortcutOverride and obj is self.field and \
                event.keyCombination() == QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_D):
            return True  # QLineEdit would take Ctrl+D as "delete"; here it is the window's Bookmark
        if kind == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.clear()
                return True
            if obj is self.field and key == Qt.Key.Key_Down and self.list is not None and self.list.count():
                # Into the results on the highlighted row (the first after a search), not the one after it
                self.list.setCurrentRow(max(0, self.list.currentRow()))
                self.list.setFocus()
                return True
            if obj is self.list and self._back_to_field(event):
                return True
        return super().eventFilter(obj, event)

    def _back_to_field(self, event) -> bool:
        """Up on the first result returns to the search field; typing in the results goes on in the field."""
        Qt = QtCore.Qt
        if self.list is None:
            return False
        if event.key() == Qt.Key.Key_Up and self.list.currentRow() <= 0:
            self.field.setFocus()
            return True
        text = event.text()
        modifiers = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if text and text.isprintable() and modifiers == Qt.KeyboardModifier.NoModifier:
            self.field.setFocus()
            self.field.insert(text)
            return True
        return False

    def shutdown(self) -> None:
        if self.searches is not None:
            self.searches.stop()
