"""Translations to and from the translators' own tools, from the editor's window (the same as `migrant-desk
translations export/import`): every record text of one language as a gettext catalog for Poedit, Weblate or
Lokalize, and the translated catalog written back (only changed texts; a record whose texts all came back
translated and not fuzzy becomes `reviewed`; originals changed since the export are named)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol, cast

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QMessageBox, QWidget

from ... import environment
from ...core import languages
from ...core.content.roundtrip import RecordFileError
from ...core.i18n import _
from ...core.translation_exchange import ImportReport, export_catalog, import_catalog
from .glossary import glossary_file
from .session import Session


class EditorWindow(Protocol):
    """What these actions use of the editor's window (ui/editor/window.py; a QMainWindow, see `widget`)."""
    session: Session
    list: Any
    rf: Any

    def statusBar(self) -> Any: ...
    def leave_record(self) -> bool: ...
    def update_dataset(self) -> None: ...
    def open_record(self, record_id: str) -> bool: ...


def widget(window: EditorWindow) -> QWidget:
    """The window as the parent of a dialog."""
    return cast(QWidget, window)

FILE_FILTER = "Gettext catalog (*.po)"


def language_name(code: str) -> str:
    return languages.NAMES.get(code, code)     # each language in its own words, as the app's language menu


class LanguageDialog(QDialog):
    """Which language the catalog is for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportLanguageDialog")
        self.setWindowTitle(_("Export for translators"))
        self.lang = QComboBox(self)
        self.lang.setObjectName("exportLanguage")
        for code in languages.CONTENT:
            self.lang.addItem(language_name(code), code)
        self.lang.setCurrentIndex(self.lang.findData("uz"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Language of the translation"), self.lang)
        form.addRow(buttons)


def export_for_translators(window: EditorWindow) -> None:
    dialog = LanguageDialog(widget(window))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    lang = str(dialog.lang.currentData())
    suggested = environment.documents_dir() / f"migrant-desk-{lang}.po"
    name, _filter = QFileDialog.getSaveFileName(widget(window), _("Export for translators"), str(suggested),
                                                FILE_FILTER)
    if name:
        export_to(window, lang, Path(name))


def export_to(window: EditorWindow, lang: str, path: Path) -> int:
    """Write the catalog of `lang`; says how many texts in the status bar (or why not, in a message)."""
    try:
        n = export_catalog(window.session.root, lang, path, glossary_file(window.session.root))
    except (OSError, RecordFileError, ValueError) as exc:
        QMessageBox.warning(widget(window), _("Export for translators"),
                            _("The catalog was not written: {reason}").format(reason=exc))
        return 0
    window.statusBar().showMessage(_("Wrote {file}: {n} texts for the translator into {language}.").format(
        file=path.name, n=n, language=language_name(lang)))
    return n


def import_from_translators(window: EditorWindow) -> None:
    name, _filter = QFileDialog.getOpenFileName(widget(window), _("Import translations"),
                                              str(environment.documents_dir()), FILE_FILTER)
    if name:
        import_from(window, Path(name))


def import_from(window: EditorWindow, path: Path) -> ImportReport | None:
    """Write the catalog's translations back into the records, take the records written into the list, the
    preview and the search, and say what happened (originals changed since the export named one by one)."""
    if not window.leave_record():
        return None
    try:
        report = import_catalog(window.session.root, path)
    except Exception as exc:  # a damaged or foreign file: babel raises many kinds; never a traceback
        QMessageBox.warning(widget(window), _("Import translations"), _("{file} was not imported: {reason}").format(
            file=path.name, reason=exc))
        return None
    for written in report.written:
        window.session.reopen(written)
    window.update_dataset()
    open_id = window.rf.record_id if window.rf is not None else None
    window.list.fill(keep=open_id)
    if open_id is not None:
        window.rf = None
        window.open_record(open_id)     # the form shows the texts as written now
    QMessageBox.information(widget(window), _("Import translations"), summary(report))
    return report


def summary(report: ImportReport) -> str:
    lines = [_("{texts} text(s) written in {files} file(s); {reviewed} record(s) marked reviewed.").format(
        texts=len(report.changed), files=len(report.written), reviewed=len(report.reviewed))]
    if report.original_changed:
        lines.append(_("The original of these texts changed after the export: check their translations."))
        lines += [f"• {context}" for context, _then, _now in report.original_changed[:20]]
    if report.unknown:
        lines.append(_("Not in the content (left out): {texts}").format(texts=", ".join(report.unknown[:10])))
    return "\n".join(lines)
