"""The record view: a rendered record with back/forward navigation, bookmark and the advisor's note."""
from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import unquote

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ..core.i18n import _, current_language, on_language_changed, pgettext
from ..present.text import esc
from .widgets import named

if TYPE_CHECKING:  # built with the first record; PySide creates each class's Python type on first use
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QPlainTextEdit, QSplitter, QTextBrowser


class RecordView(QWidget):
    record_changed = Signal(str)        # the shown record's id
    message = Signal(str)               # a short status message (e.g. "copied")
    print_requested = Signal(str)       # a procedure's id

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.citizenship = ""
        self.region = ""
        self.history: list[str] = []
        self.position = -1

        self.back_button = named(QToolButton(self), "backButton")
        self.forward_button = named(QToolButton(self), "forwardButton")
        self.bookmark_button = named(QToolButton(self), "bookmarkButton")
        self.bookmark_button.setCheckable(True)
        self.print_button = named(QToolButton(self), "printButton")
        self.back_button.clicked.connect(self.back)
        self.forward_button.clicked.connect(self.forward)
        self.bookmark_button.clicked.connect(self.toggle_bookmark)
        self.print_button.clicked.connect(self._request_print)
        bar = QHBoxLayout()
        for button in self.buttons():
            bar.addWidget(button)
        bar.addStretch(1)

        # Until a record is opened the panel shows only a hint; the record browser and the note editor are
        # built with the first record (after the window has painted).
        self.empty = named(QLabel(self, wordWrap=True), "recordEmpty")
        self.browser: QTextBrowser | None = None
        self.note_label: QLabel | None = None
        self.note_edit: QPlainTextEdit | None = None
        self._splitter: QSplitter | None = None
        self._note_timer = QTimer(self, singleShot=True, interval=400)
        self._note_timer.timeout.connect(self.save_note)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(bar)
        self._layout.addWidget(self.empty)  # its text is centred vertically in the free space
        self.retranslate()
        on_language_changed(self.retranslate)
        self._show_empty(True)

    def _body(self) -> tuple[QTextBrowser, QLabel, QPlainTextEdit]:
        """The record browser, the note's label and the note editor, built with the first record."""
        if self.browser is not None and self.note_label is not None and self.note_edit is not None:
            return self.browser, self.note_label, self.note_edit
        return self._build_body()

    def _build_body(self) -> tuple[QTextBrowser, QLabel, QPlainTextEdit]:
        from PySide6.QtCore import Qt  # PySide creates its Qt namespace (~10 ms) after the first paint
        from PySide6.QtWidgets import QPlainTextEdit, QSplitter, QTextBrowser

        self.browser = browser = named(QTextBrowser(self), "recordBrowser")
        browser.setOpenLinks(False)
        browser.anchorClicked.connect(self._anchor)
        self.note_label = note_label = named(QLabel(self), "noteLabel")
        note_label.setWordWrap(True)  # a long line at a large text size would widen the window past the screen
        self.note_edit = note_edit = named(QPlainTextEdit(self), "noteEdit")
        note_edit.setTabChangesFocus(True)
        note_edit.textChanged.connect(self._note_timer.start)
        note_box = QWidget(self)
        note_layout = QVBoxLayout(note_box)
        note_layout.setContentsMargins(0, 0, 0, 0)
        note_layout.addWidget(note_label)
        note_layout.addWidget(note_edit)
        self._splitter = splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(browser)
        splitter.addWidget(note_box)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 1)
        self._layout.addWidget(splitter, 1)
        self._retranslate_body()
        return browser, note_label, note_edit

    def buttons(self) -> tuple[QToolButton, ...]:
        """The row above the record, left to right."""
        return self.back_button, self.forward_button, self.bookmark_button, self.print_button

    @property
    def current(self) -> str | None:
        return self.history[self.position] if 0 <= self.position < len(self.history) else None

    def retranslate(self) -> None:
        self.back_button.setText("◀ " + _("Back"))
        self.back_button.setToolTip(_("Back (Alt+Left)"))
        self.back_button.setAccessibleName(_("Back"))
        self.forward_button.setText(_("Forward") + " ▶")
        self.forward_button.setToolTip(_("Forward (Alt+Right)"))
        self.forward_button.setAccessibleName(_("Forward"))
        self.print_button.setText(_("Print sheet…"))
        self.print_button.setToolTip(_("Print a sheet for the client (Ctrl+P)"))
        self.print_button.setAccessibleName(_("Print sheet"))
        prompt = _("Choose a result on the left to see it here.")  # outside the f-string, where Babel sees it
        self.empty.setText(f'<p align="center">{esc(prompt)}</p>')
        if self.browser is not None:
            self._retranslate_body()
        self._update_buttons()
        self.refresh()

    def _retranslate_body(self) -> None:
        browser, note_label, note_edit = self._body()
        browser.setAccessibleName(_("Record"))
        note_label.setText(_("My note on this record (kept on this computer, no client personal data):"))
        note_edit.setAccessibleName(_("My note"))
        note_edit.setPlaceholderText(_("Write a note for yourself or your colleagues…"))

    def set_client(self, citizenship: str, region: str) -> None:
        self.citizenship, self.region = citizenship, region
        self.refresh()

    def _show_empty(self, empty: bool) -> None:
        self.empty.setVisible(empty)
        if self._splitter is not None:
            self._splitter.setVisible(not empty)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.back_button.setEnabled(self.position > 0)
        self.forward_button.setEnabled(self.position < len(self.history) - 1)
        record = self.ctx.store.record(self.current) if self.current else None
        self.bookmark_button.setEnabled(record is not None)
        self._show_bookmark_state(record is not None and self.ctx.userdata.is_bookmarked(record.id))
        self.print_button.setVisible(record is not None and record.kind == "procedure")

    def _show_bookmark_state(self, bookmarked: bool) -> None:
        """A filled star and "Bookmarked", or an empty star and "Bookmark": the state in words, not a shade."""
        self.bookmark_button.setChecked(bookmarked)
        word = pgettext("bookmark state", "Bookmarked") if bookmarked else _("Bookmark")
        self.bookmark_button.setText(("★ " if bookmarked else "☆ ") + word)
        self.bookmark_button.setAccessibleName(word)
        self.bookmark_button.setToolTip(_("Remove the bookmark (Ctrl+D)") if bookmarked
                                        else _("Bookmark this record (Ctrl+D)"))

    def open(self, record_id: str) -> bool:
        if self.ctx.store.record(record_id) is None:
            self.message.emit(_("This record is not in the current data."))
            return False
        if record_id != self.current:
            self.save_note()
            del self.history[self.position + 1:]
            self.history.append(record_id)
            self.position = len(self.history) - 1
        self._show()
        return True

    def back(self) -> None:
        if self.position > 0:
            self.save_note()
            self.position -= 1
            self._show()

    def forward(self) -> None:
        if self.position < len(self.history) - 1:
            self.save_note()
            self.position += 1
            self._show()

    def refresh(self) -> None:
        if self.current:
            self._render()

    def _render(self) -> None:
        from ..present.record_html import RecordRenderer  # loaded with the first record, not at start-up

        browser = self._body()[0]
        record = self.ctx.store.record(self.current)
        renderer = RecordRenderer(self.ctx.store, current_language(), self.ctx.lang, self.citizenship, self.region)
        scroll = browser.verticalScrollBar().value()
        browser.setHtml(renderer.render(record))
        browser.verticalScrollBar().setValue(scroll)

    def _show(self) -> None:
        record_id = self.current
        browser, _note_label, note_edit = self._body()
        self._render()
        browser.verticalScrollBar().setValue(0)
        note_edit.blockSignals(True)
        note_edit.setPlainText(self.ctx.userdata.note(record_id))
        note_edit.blockSignals(False)
        self.ctx.userdata.record_view(record_id)
        self._show_empty(False)
        self.record_changed.emit(record_id)

    def save_note(self) -> None:
        self._note_timer.stop()
        if self.current:
            text = self._body()[2].toPlainText()
            if text != self.ctx.userdata.note(self.current):
                self.ctx.userdata.set_note(self.current, text)

    def _request_print(self) -> None:
        if self.current:
            self.print_requested.emit(self.current)

    def toggle_bookmark(self) -> None:
        if self.current:
            on = self.ctx.userdata.toggle_bookmark(self.current)
            self.message.emit(_("Bookmarked") if on else _("Bookmark removed"))
            self._update_buttons()
            self.record_changed.emit(self.current)

    def _anchor(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("record:"):
            self.open(target[len("record:"):])
        elif target.startswith("copy:"):
            value = unquote(target[len("copy:"):])
            from PySide6.QtGui import QGuiApplication

            QGuiApplication.clipboard().setText(value)
            self.message.emit(_("Copied: {value}").format(value=value))
        else:
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)
