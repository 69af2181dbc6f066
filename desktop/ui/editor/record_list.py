"""The list of records with its filters (kind, status, confidence, translation state in a language, needs
review, has problems) and a search: the app's own (every language and script, any ending, typos, questions
as spoken; best first) over the editor's dataset, which every save updates, and a record's id as typed. Until
that index is made (seconds after opening) titles, summaries and ids are matched word by word."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import languages
from ...core.i18n import _
from .choice_words import options, word
from .session import Session, Summary, fold, matches

LANGS = languages.CONTENT
COLUMNS = ("title", "id", "kind", "status", "confidence", *LANGS, "problems")


def _combo(name: str, everything: str, what: str) -> QComboBox:
    """A filter among the codes of `what` (choice_words), shown as words."""
    box = QComboBox()
    box.setObjectName(name)
    box.addItem(everything, None)
    for code, text in options(what):
        box.addItem(text, code)
    return box


class RecordList(QWidget):
    """`chosen(record_id)` when a record is opened."""

    chosen = Signal(str)

    def __init__(self, session: Session, lang: str = "ru", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordList")
        self.session, self.lang = session, lang
        self.search = QLineEdit(self)
        self.search.setObjectName("recordSearch")
        self.search.setPlaceholderText(_("Search as the app does, in any language, or type an id"))
        self.search.setClearButtonEnabled(True)
        self.kind = _combo("filterKind", _("every kind"), "kind")
        self.status = _combo("filterStatus", _("every status"), "status")
        self.confidence = _combo("filterConfidence", _("any confidence"), "confidence")
        self.translation_lang = QComboBox()
        self.translation_lang.setObjectName("filterTranslationLang")
        self.translation_lang.addItem(_("any language"), None)
        for lang in LANGS:
            self.translation_lang.addItem(lang, lang)
        self.translation = _combo("filterTranslation", _("any translation state"), "translation")
        self.needs_review = QCheckBox(_("Needs review"), self)
        self.needs_review.setObjectName("filterNeedsReview")
        self.has_problems = QCheckBox(_("Has problems"), self)
        self.has_problems.setObjectName("filterProblems")
        self.count = QLabel(self)
        self.count.setObjectName("recordCount")
        self.unreadable = QLabel(self)      # files the editor cannot show: fixed in a text editor, line named
        self.unreadable.setObjectName("unreadableFiles")
        self.unreadable.setWordWrap(True)
        self.unreadable.setTextFormat(Qt.TextFormat.PlainText)
        self.unreadable.setStyleSheet("color: #b00020")
        self.unreadable.hide()
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("recordTable")
        self.table.setHorizontalHeaderLabels([_("Title"), _("Id"), _("Kind"), _("Status"), _("Confidence"), *LANGS,
                                              _("Problems")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for c in range(2, len(COLUMNS)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, 250)
        header.resizeSection(1, 170)
        self.table.itemSelectionChanged.connect(self._selected)

        filters = QGridLayout()
        filters.addWidget(self.kind, 0, 0)
        filters.addWidget(self.status, 0, 1)
        filters.addWidget(self.confidence, 0, 2)
        filters.addWidget(self.translation_lang, 1, 0)
        filters.addWidget(self.translation, 1, 1)
        filters.addWidget(self.needs_review, 1, 2)
        filters.addWidget(self.has_problems, 2, 2)
        filters.addWidget(self.count, 2, 0, 1, 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.unreadable)
        column.addWidget(self.search)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        self.search.textChanged.connect(self.apply)
        for box in (self.kind, self.status, self.confidence, self.translation_lang, self.translation):
            box.currentIndexChanged.connect(self.apply)
        for check in (self.needs_review, self.has_problems):
            check.toggled.connect(self.apply)

    # -- filling

    def fill(self, keep: str | None = None) -> None:
        """The table from the session's summaries (after loading, a save, a new record)."""
        lines = self.session.unreadable()
        self.unreadable.setText(_("Not in the list: these files cannot be read as records. Correct them in a "
                                  "text editor at the line named, then open the editor again.") + "\n"
                                + "\n".join(lines[:8]) + ("\n…" if len(lines) > 8 else ""))
        self.unreadable.setVisible(bool(lines))
        self.apply()
        if keep:
            self.select(keep)

    def _rows(self, summaries: list[Summary]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(summaries))
        for row, s in enumerate(summaries):
            values = [s.title(self.lang), s.id, word("kind", s.kind), word("status", s.status),
                      word("confidence", s.confidence),
                      *(word("translation", s.translations[lang]) if s.translations.get(lang) else ""
                        for lang in LANGS),
                      str(s.problems) if s.problems else ""]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                if c == 0 and s.draft:
                    item.setText(_("{title} (draft)").format(title=value))
                if s.problems:
                    item.setForeground(QColor("#b00020"))
                elif s.needs_review and c == 0:
                    item.setForeground(QColor("#8a5a00"))
                self.table.setItem(row, c, item)
        self.table.blockSignals(False)

    def accepts(self, s: Summary, found: set[str] | None) -> bool:
        """`found`: what the app's search found for the query (None: not ready, match word by word)."""
        wanted = {"kind": self.kind.currentData(), "status": self.status.currentData(),
                  "confidence": self.confidence.currentData()}
        if any(value and getattr(s, key) != value for key, value in wanted.items()):
            return False
        state, lang = self.translation.currentData(), self.translation_lang.currentData()
        if state and not any(s.translations.get(code) == state for code in ([lang] if lang else LANGS)):
            return False
        if self.needs_review.isChecked() and not s.needs_review:
            return False
        if self.has_problems.isChecked() and not s.problems:
            return False
        query = self.search.text().strip()
        if not query:
            return True
        if found is None:
            return matches(s, query)
        return s.id in found or fold(query) in s.id

    def apply(self) -> None:
        """Show the records the filters and the search accept: best first while searching, else by kind and
        title."""
        query = self.search.text().strip()
        ranked = self.session.search(query, self.lang) if query else None
        self.searched_with_app = ranked is not None
        found = set(ranked) if ranked is not None else None
        shown = [s for s in self.session.summaries.values() if self.accepts(s, found)]
        if ranked is not None:
            # an id typed (or its start) puts those records first: the editor knows which one they mean
            typed = fold(query)
            rank = {record_id: n for n, record_id in enumerate(ranked)}
            shown.sort(key=lambda s: (s.id != typed, typed not in s.id, rank.get(s.id, len(rank)), s.id))
        else:
            shown.sort(key=lambda s: (s.kind, s.title(self.lang).casefold()))
        chosen = self.selected_id()
        self._rows(shown)
        if chosen:
            self.select(chosen)
        self.count.setText(_("{shown} of {total} records").format(shown=len(shown),
                                                                  total=len(self.session.summaries)))

    def selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def visible_ids(self) -> list[str]:
        items = [self.table.item(r, 0) for r in range(self.table.rowCount())]
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in items if item is not None]

    def select(self, record_id: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item and item.data(Qt.ItemDataRole.UserRole) == record_id:
                self.table.blockSignals(True)
                self.table.selectRow(row)
                self.table.blockSignals(False)
                self.table.scrollToItem(item)
                return

    def _selected(self) -> None:
        items = self.table.selectedItems()
        if items:
            self.chosen.emit(str(items[0].data(Qt.ItemDataRole.UserRole)))
