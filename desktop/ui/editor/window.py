"""The editor's main window: the record list on the left; on the right the record's form and its preview; the
actions Save, Checked today, New, Duplicate, Retire and Publish."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QStackedWidget, QTabWidget, QToolBar

from ...core.content.record_templates import new_from_template, retire
from ...core.content.roundtrip import RecordFile, RecordFileError, write_atomic
from ...core.i18n import _
from ..background import BackgroundOp
from .choice_words import word
from .dialogs import CheckedTodayDialog, NewRecordDialog, RetireDialog
from .form import RecordForm
from .preview import PreviewPanel
from .record_list import RecordList
from .session import Session


class EditorWindow(QMainWindow):
    def __init__(self, session: Session, lang: str = "ru") -> None:
        super().__init__()
        self.setObjectName("editorWindow")
        self.session, self.lang = session, lang
        self.rf: RecordFile | None = None
        self.form: RecordForm | None = None
        self.loaded = False
        self.search_ready = False     # the editor's dataset and index made (the preview and the list's search)
        self.updating = False         # a dataset update is running
        self.dataset_updates = 0      # finished updates (the tests wait for them)
        self.setWindowTitle(_("Migrant Desk — content editor — {folder}").format(folder=session.root))
        self.list = RecordList(session, lang, self)
        self.list.chosen.connect(self.open_record)
        self.empty = QLabel(_("Loading the content…"), self)
        self.empty.setObjectName("editorEmpty")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("editorTabs")
        self.form_stack = QStackedWidget(self)  # the record's form, or the hint before one is chosen
        self.form_stack.addWidget(self.empty)
        self.tabs.addTab(self.form_stack, _("Form"))
        self.preview = PreviewPanel(session, self)
        self.tabs.addTab(self.preview, _("Preview"))
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 3)
        split.setSizes([480, 1020])
        self.setCentralWidget(split)
        self.actions_by_name: dict[str, QAction] = {}
        bar = QToolBar(_("Actions"), self)
        bar.setObjectName("editorActions")
        self.addToolBar(bar)
        for name, text, slot, keys in (
                ("save", _("Save"), self.save, QKeySequence.StandardKey.Save),
                ("checked", _("Checked today"), self.checked_today, None),
                ("new", _("New record"), self.new_record, QKeySequence.StandardKey.New),
                ("duplicate", _("Duplicate"), self.duplicate, None),
                ("retire", _("Retire"), self.retire, None),
                ("export_po", _("Export for translators…"), self.export_translations, None),
                ("import_po", _("Import translations…"), self.import_translations, None),
                ("publish", _("Publish…"), self.publish, None)):
            action = QAction(text, self)
            action.setObjectName("action:" + name)
            if keys is not None:
                action.setShortcut(keys)
            action.triggered.connect(slot)
            bar.addAction(action)
            self.actions_by_name[name] = action
        self.resize(1500, 950)
        self._enable()

    # -- loading

    def load(self) -> None:
        self.statusBar().showMessage(_("Reading and checking every record…"))
        BackgroundOp(self, lambda _report: self.session.load(), name="editor-load") \
            .on_success(self._loaded).on_failure(self._failed).run()

    def _loaded(self, _session: Session) -> None:
        self.loaded = True
        self.list.fill()
        problems = sum(s.problems for s in self.session.summaries.values())
        self.empty.setText(_("Choose a record in the list, or make a new one."))
        self.statusBar().showMessage(_("{n} records; {p} problem(s) in the content").format(
            n=len(self.session.summaries), p=problems))
        self._enable()
        self.search_ready = False
        BackgroundOp(self, lambda _report: self.session.build_dataset(), name="editor-dataset") \
            .on_success(self._dataset_built).on_failure(self._dataset_failed).run()

    def _dataset_built(self, _session: Session) -> None:
        self.search_ready = True
        self.list.apply()
        self.preview.refresh()
        self.update_dataset()   # what was saved while it was being made

    def _dataset_failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(_("The preview and the app's search could not be prepared: {reason}").format(
            reason=exc))

    def update_dataset(self) -> None:
        """The records saved since the last update into the preview and the app's search (in the background,
        one update at a time: the next one starts when this one is done)."""
        if not self.search_ready or self.updating:
            return
        ids = self.session.take_changes()
        if not ids:
            return
        self.updating = True
        BackgroundOp(self, lambda _report: self.session.update_dataset(ids), name="editor-dataset-update") \
            .on_success(self._dataset_updated).on_failure(self._dataset_update_failed).run()

    def _dataset_updated(self, _ids: set[str]) -> None:
        self.updating = False
        self.list.apply()
        self.preview.refresh()
        self.dataset_updates += 1
        self.update_dataset()

    def _dataset_update_failed(self, exc: BaseException) -> None:
        self.updating = False
        self._dataset_failed(exc)

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, _("Content editor"), str(exc))

    def _enable(self) -> None:
        have = self.rf is not None
        for name in ("save", "checked", "duplicate", "retire"):
            self.actions_by_name[name].setEnabled(have)
        self.actions_by_name["new"].setEnabled(self.loaded)
        for name in ("publish", "export_po", "import_po"):
            self.actions_by_name[name].setEnabled(self.loaded)

    # -- one record

    def open_record(self, record_id: str) -> bool:
        if self.rf is not None and self.rf.record_id == record_id and self.form is not None:
            return True
        if not self.leave_record():
            if self.rf is not None:
                self.list.select(self.rf.record_id)
            return False
        try:
            self.rf = self.session.open(record_id)
        except RecordFileError as exc:
            QMessageBox.warning(self, _("Content editor"), str(exc))
            return False
        self._show_form()
        self.preview.show_record(record_id)
        self.list.select(record_id)
        return True

    def _show_form(self) -> None:
        assert self.rf is not None
        old = self.form
        self.form = RecordForm(self.session, self.rf, self.lang)
        self.form.edited.connect(self._edited)
        self.form_stack.addWidget(self.form)
        self.form_stack.setCurrentWidget(self.form)
        if old is not None:
            self.form_stack.removeWidget(old)
            old.deleteLater()
        self._edited()
        self._enable()

    def _edited(self) -> None:
        if self.rf is not None:
            mark = " *" if self.rf.modified else ""
            self.tabs.setTabText(0, _("Form") + mark)

    def leave_record(self) -> bool:
        """True when the open record may be left: no unsaved change, or the person saved or dropped it."""
        if self.rf is None or not self.rf.modified:
            return True
        answer = QMessageBox.question(
            self, _("Unsaved changes"), _("“{id}” has changes that are not saved. Save them?").format(
                id=self.rf.record_id),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def save(self) -> bool:
        if self.rf is None:
            return False
        if self.form is not None:
            self.form.finish()
        try:
            found = self.session.save(self.rf)
        except RecordFileError as exc:  # changed on disk by someone else, or cannot be written
            QMessageBox.warning(self, _("Not saved"), str(exc))
            return False
        count = sum(len(v) for v in found.values())
        self.statusBar().showMessage(
            _("Saved as a draft with {n} problem(s): the build leaves it out until they are fixed.").format(n=count)
            if count else _("Saved {name}.").format(name=self.rf.path.name))
        self.list.fill(keep=self.rf.record_id)
        if self.form is not None:
            self.form.rebuild()
        self._edited()
        self.update_dataset()
        return True

    def checked_today(self) -> None:
        if self.rf is None or self.form is None:
            return
        today = self.session.today.isoformat()
        sources = list(self.rf.get(("sources",)) or [])
        dialog = CheckedTodayDialog(today, sources, self)
        if dialog.exec() != CheckedTodayDialog.DialogCode.Accepted:
            return
        self.form.write(("verified_on",), today)
        for i, day in enumerate(dialog.source_dates()):
            old = self.rf.get(("sources", i, "date"))
            if (day or None) != (str(old)[:10] if old else None):
                self.form.write(("sources", i, "date"), day)
        self.form.rebuild()
        self._edited()

    # -- records made and retired

    def new_record(self, duplicate_of: str = "") -> None:
        if not self.leave_record():
            return
        kind = self.rf.get(("kind",)) if self.rf is not None else "procedure"
        dialog = NewRecordDialog(set(self.session.summaries), self, duplicate_of=duplicate_of, kind=str(kind))
        if dialog.exec() != NewRecordDialog.DialogCode.Accepted:
            return
        kind, rid = dialog.values()
        try:
            path = (self._copy(duplicate_of, rid) if duplicate_of
                    else new_from_template(kind, rid, self.session.root, self.session.today))
        except (RecordFileError, OSError) as exc:
            QMessageBox.warning(self, _("Content editor"), str(exc))
            return
        self.session.reopen(path)
        self.update_dataset()
        self.list.fill(keep=rid)
        self.rf = None
        self.open_record(rid)
        self.statusBar().showMessage(_("Made {path}: a draft until its texts and sources are filled in.").format(
            path=path.name))

    def _copy(self, source_id: str, rid: str) -> Path:
        source = self.session.summaries[source_id].path
        text = source.read_text(encoding="utf-8")
        text = re.sub(rf"^id: {re.escape(source_id)}\s*$", f"id: {rid}", text, count=1, flags=re.MULTILINE)
        text = re.sub(r"^(kind: \w+\n)", r"\1draft: true\n", text, count=1, flags=re.MULTILINE)
        path = source.parent / f"{rid}.yaml"
        if path.exists():
            raise RecordFileError(_("a record '{id}' already exists").format(id=rid))
        write_atomic(path, text.encode("utf-8"))
        return path

    def duplicate(self) -> None:
        if self.rf is not None:
            self.new_record(duplicate_of=self.rf.record_id)

    def retire(self) -> None:
        if self.rf is None or not self.leave_record():
            return
        dialog = RetireDialog(self.rf.record_id, self.session.record_choices(self.lang), self)
        if dialog.exec() != RetireDialog.DialogCode.Accepted:
            return
        status, successor = dialog.values()
        try:
            written = retire(self.rf, status, successor or None)
        except RecordFileError as exc:
            QMessageBox.warning(self, _("Not retired"), str(exc))
            return
        for path in written:
            self.session.reopen(path)
        self.update_dataset()
        self.list.fill(keep=self.rf.record_id)
        self._show_form()
        self.statusBar().showMessage(_("“{id}” is now {status}.").format(id=self.rf.record_id,
                                                                     status=word("status", status)))

    def export_translations(self) -> None:
        from .translation_actions import export_for_translators
        export_for_translators(self)

    def import_translations(self) -> None:
        from .translation_actions import import_from_translators
        import_from_translators(self)

    def publish(self) -> None:
        if not self.leave_record():
            return
        try:
            from .publish_dialog import PublishDialog
        except ImportError:
            QMessageBox.information(self, _("Publish"), _("Publishing is not available in this version."))
            return
        PublishDialog(self.session, self).exec()

    # -- closing

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.leave_record():
            self.session.close()     # its temporary dataset
            event.accept()
        else:
            event.ignore()

