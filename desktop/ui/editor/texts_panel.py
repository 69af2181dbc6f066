"""The record's texts in the four languages side by side (title, summary, body), each language with its
translation state (original / reviewed / draft, "Mark reviewed" in one click) and the glossary's terms found in
its text, so a translator sees the original beside the translation and the words to use."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core import languages
from ...core.i18n import _
from .choice_words import choice
from .fields import BlockField, ChoiceField, LineField
from .glossary import glossary_file, line, terms_in

if TYPE_CHECKING:
    from .binding import Form as RecordForm

LANGUAGE_NAMES = {"ru": "Русский", "uz": "Oʻzbekcha", "ky": "Кыргызча", "en": "English"}
STATE_COLOURS = {"original": "#1b5e20", "reviewed": "#0d47a1", "draft": "#8a5a00"}


class TextsPanel(QGroupBox):
    def __init__(self, form: RecordForm, parent: QWidget | None = None) -> None:
        super().__init__(_("Texts in four languages"), parent)
        self.setObjectName("textsPanel")
        self.form = form
        self.glossary = glossary_file(form.session.root)
        self.states: dict[str, ChoiceField] = {}
        self.terms: dict[str, QLabel] = {}
        self.review_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        for c, lang in enumerate(languages.CONTENT):
            grid.setColumnStretch(c + 1, 1)
            head = QLabel(f"<b>{LANGUAGE_NAMES.get(lang, lang)}</b> ({lang})", self)
            grid.addWidget(head, 0, c + 1)
            state = choice("translation")
            self.states[lang] = state
            reviewed = QPushButton(_("Mark reviewed"), self)
            reviewed.setObjectName(f"markReviewed:{lang}")
            reviewed.setToolTip(_("Mark this translation reviewed: a fluent reviewer has read it"))
            reviewed.setMinimumWidth(40)  # four columns of it fit a laptop's width in every language
            reviewed.clicked.connect(lambda _checked=False, lang=lang: self.mark_reviewed(lang))
            self.review_buttons[lang] = reviewed
            row = QWidget(self)
            line = QVBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(form.field((lang, "translation"), state))
            line.addWidget(reviewed)
            grid.addWidget(row, 1, c + 1)
            state.edited.connect(lambda _value, lang=lang: self.show_state(lang))
        labels = {"title": _("Title"), "summary": _("Summary"), "body": _("Text (Markdown)")}
        for r, key in enumerate(("title", "summary", "body"), start=2):
            grid.addWidget(QLabel(labels[key], self), r, 0, Qt.AlignmentFlag.AlignTop)
            for c, lang in enumerate(languages.CONTENT):
                widget: LineField | BlockField = LineField() if key == "title" else BlockField()
                if isinstance(widget, BlockField):
                    widget.setMinimumHeight(60 if key == "summary" else 160)
                widget.setAccessibleName(f"{labels[key]} ({lang})")
                widget.edited.connect(lambda _value, lang=lang: self.show_terms(lang))
                grid.addWidget(form.field((lang, key), widget), r, c + 1)
        grid.addWidget(QLabel(_("Glossary"), self), 5, 0, Qt.AlignmentFlag.AlignTop)
        for c, lang in enumerate(languages.CONTENT):
            terms = QLabel(self)
            terms.setObjectName(f"glossaryTerms:{lang}")
            terms.setWordWrap(True)
            terms.setTextFormat(Qt.TextFormat.PlainText)
            terms.setStyleSheet("color: #444")
            self.terms[lang] = terms
            grid.addWidget(terms, 5, c + 1, Qt.AlignmentFlag.AlignTop)
            self.show_terms(lang)
            self.show_state(lang)

    def text_of(self, lang: str) -> str:
        rf = self.form.rf
        return " ".join(str(rf.get((lang, key)) or "") for key in ("title", "summary", "body"))

    def show_terms(self, lang: str) -> None:
        found = terms_in(self.text_of(lang), lang, self.glossary)
        self.terms[lang].setText("\n".join(line(t) for t in found[:8]) or _("no glossary term found"))

    def show_state(self, lang: str) -> None:
        state = str(self.form.rf.get((lang, "translation")) or "")
        self.states[lang].setStyleSheet(f"color: {STATE_COLOURS.get(state, '#000')}; font-weight: bold")
        self.review_buttons[lang].setEnabled(state == "draft")

    def mark_reviewed(self, lang: str) -> None:
        """The translation in `lang` was read by a fluent reviewer: `translation: reviewed`."""
        self.states[lang].set_value("reviewed")
        self.form.write((lang, "translation"), "reviewed")
        self.show_state(lang)
