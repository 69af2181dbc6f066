"""Publish: validate every record → build → compare with the last published data, shown as the draft "What's
new" in the four languages for the editor to correct → sign with the office key (passphrase asked here, never
stored) → the .mdpack written where they choose. The same steps as `migrant-desk pack publish`
(core/publish.py), run in the background with their progress."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import languages
from ...core.content import ContentError
from ...core.content.roundtrip import RecordFile, RecordFileError
from ...core.i18n import N_, _
from ...core.publish import STEPS, Prepared, finish, next_version, prepare
from ...core.updates import Manifest, PackError
from ...present.changelog import draft_changelog
from ..background import BackgroundOp
from ..date_field import ERROR_COLOUR
from .session import Session

STEP_WORDS = {"validate": N_("Checking every record"), "build": N_("Building the dataset"),
              "diff": N_("Comparing with the last published data"), "sign": N_("Signing"),
              "write": N_("Writing the pack")}


@dataclass
class Refusal:
    message: str
    code: str = ""


def _path_row(parent: QWidget, edit: QLineEdit, choose) -> QWidget:
    row = QWidget(parent)
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(edit, 1)
    button = QPushButton(_("Choose…"), row)
    button.clicked.connect(choose)
    line.addWidget(button)
    return row


def key_is_trusted(key_id: str) -> bool:
    from ...core.updates import load_trusted_keys
    try:
        return key_id in load_trusted_keys()
    except (OSError, ValueError):   # an unreadable key folder: say it is not trusted rather than stop here
        return False


class PublishDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishDialog")
        self.setWindowTitle(_("Publish a data update"))
        self.session = session
        self.prepared: Prepared | None = None
        self.manifest: Manifest | None = None
        self.work = Path(tempfile.mkdtemp(prefix="migrant-desk-publish-"))
        self.baseline = QLineEdit(self)
        self.baseline.setObjectName("publishBaseline")
        self.baseline.setPlaceholderText(_("the last published .mdpack or dataset folder (none: every record new)"))
        self.key = QLineEdit(self)
        self.key.setObjectName("publishKey")
        self.key.setPlaceholderText(_("the office's private key file (….p12)"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("publishPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.out = QLineEdit(self)
        self.out.setObjectName("publishOut")
        self.out.setPlaceholderText(_("where to write the pack (….mdpack)"))
        form = QFormLayout()
        form.addRow(_("Last published data"), _path_row(self, self.baseline, self._choose_baseline))
        self.compare = QPushButton(_("Check and compare"), self)
        self.compare.setObjectName("publishCompare")
        self.compare.clicked.connect(self.start)
        self.raise_version = QPushButton(_("Raise the data version and compare again"), self)
        self.raise_version.setObjectName("publishRaiseVersion")
        self.raise_version.setVisible(False)
        self.raise_version.clicked.connect(self.next_version)
        buttons = QWidget(self)
        line = QHBoxLayout(buttons)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.compare)
        line.addWidget(self.raise_version)
        line.addStretch(1)
        form.addRow("", buttons)
        self.summary = QLabel(self)
        self.summary.setObjectName("publishSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.texts: dict[str, QPlainTextEdit] = {}
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("publishWhatsNew")
        for lang in languages.CONTENT:
            edit = QPlainTextEdit(self)
            edit.setObjectName(f"whatsNew:{lang}")
            self.texts[lang] = edit
            self.tabs.addTab(edit, lang)
        self.tabs.setEnabled(False)
        sign = QFormLayout()
        sign.addRow(_("Office key"), _path_row(self, self.key, self._choose_key))
        sign.addRow(_("Passphrase"), self.passphrase)
        sign.addRow(_("Save the pack as"), _path_row(self, self.out, self._choose_out))
        self.sign_button = QPushButton(_("Sign and write the pack"), self)
        self.sign_button.setObjectName("publishSign")
        self.sign_button.setEnabled(False)
        self.sign_button.clicked.connect(self.sign)
        sign.addRow("", self.sign_button)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("publishProgress")
        self.progress.setRange(0, len(STEPS))
        self.progress.setValue(0)
        self.step = QLabel(self)
        self.step.setObjectName("publishStep")
        self.problem = QLabel(self)
        self.problem.setObjectName("publishProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.summary)
        column.addWidget(QLabel(_("What's new (a draft made from the difference: correct it in each language)")))
        column.addWidget(self.tabs, 1)
        column.addLayout(sign)
        column.addWidget(self.progress)
        column.addWidget(self.step)
        column.addWidget(self.problem)
        self.resize(1000, 720)

    # -- choosing files

    def _choose_baseline(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Last published data"), "", "Migrant Desk (*.mdpack)")
        if path:
            self.baseline.setText(path)

    def _choose_key(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Office key"), "", "Key (*.p12 *.pem *.key);;* (*)")
        if path:
            self.key.setText(path)

    def _choose_out(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Save the pack as"), "", "Migrant Desk (*.mdpack)")
        if path:
            self.out.setText(path if path.endswith(".mdpack") else path + ".mdpack")

    # -- validate, build, compare

    def stage_done(self, stage: str) -> bool:
        return self.prepared is not None if stage == "diff" else self.manifest is not None

    def _progress(self, step: str, done: int, _total: int) -> None:
        self.progress.setValue(STEPS.index(step) + done)
        self.step.setText(_(STEP_WORDS.get(step, step)) + ("…" if not done else " ✓"))

    def start(self) -> None:
        self.prepared = None
        self.problem.setText("")
        self.raise_version.setVisible(False)
        self.compare.setEnabled(False)
        self.sign_button.setEnabled(False)
        text = self.baseline.text().strip()
        baseline = Path(text) if text else None
        if baseline is not None and not baseline.exists():
            self._refused(_("{path} does not exist.").format(path=baseline))
            return
        root, work = self.session.root, self.work / "prepare"
        BackgroundOp(self, lambda report: self._prepare(root, work, baseline, report), name="editor-publish") \
            .on_progress(self._progress, coalesce=False).on_success(self._prepared).on_failure(self._failed).run()

    @staticmethod
    def _prepare(root: Path, work: Path, baseline: Path | None, report) -> Prepared | Refusal:
        try:
            return prepare(root, work, baseline, progress=report)
        except ContentError as exc:
            lines = [str(p.relative()) for p in exc.problems[:30]]
            more = len(exc.problems) - len(lines)
            return Refusal("\n".join([_("{n} problem(s) in the content: fix them (or leave the drafts out) before "
                                        "publishing.").format(n=len(exc.problems)), *lines,
                                      *([_("… and {n} more").format(n=more)] if more > 0 else [])]))
        except PackError as exc:
            return Refusal(exc.message, exc.code)

    def _prepared(self, result: Prepared | Refusal) -> None:
        self.compare.setEnabled(True)
        if isinstance(result, Refusal):
            self._refused(result.message)
            self.raise_version.setVisible(result.code == "version")
            return
        self.prepared = result
        changes = result.changes
        counts = {what: len(ids) for what, ids in changes.ids().items()}
        self.summary.setText(_("Data {new} (last published: {old}): {added} added, {changed} changed, {retired} "
                               "no longer in force, {removed} removed.").format(
            new=changes.new_version, old=changes.old_version or _("none"), **counts))
        for lang, text in draft_changelog(changes).items():
            if lang in self.texts:
                self.texts[lang].setPlainText(text)
        self.tabs.setEnabled(True)
        self.sign_button.setEnabled(True)

    # -- sign and write

    def changelog(self) -> dict[str, str]:
        return {lang: edit.toPlainText() for lang, edit in self.texts.items()}

    def sign(self) -> None:
        if self.prepared is None:
            return
        key, out = Path(self.key.text().strip()), self.out.text().strip()
        if not self.key.text().strip() or not key.is_file():
            self._refused(_("Choose the office's key file."))
            return
        if not out:
            self._refused(_("Choose where to save the pack."))
            return
        passphrase = self.passphrase.text()
        self.passphrase.clear()  # used once for this signature, never kept
        prepared, changelog = self.prepared, self.changelog()
        self.problem.setText("")
        self.sign_button.setEnabled(False)

        def work(report) -> Manifest | str:
            try:
                return finish(prepared, key, passphrase, changelog, Path(out), progress=report)
            except PackError as exc:
                return exc.message
        BackgroundOp(self, work, name="editor-sign").on_progress(self._progress, coalesce=False) \
            .on_success(self._written).on_failure(self._failed).run()

    def _written(self, result: Manifest | str) -> None:
        self.sign_button.setEnabled(True)
        if isinstance(result, str):
            self._refused(result)
            return
        self.manifest = result
        self.step.setText(_("Written: {path} (data {version}, key {key}). Send it to the desks, or put it in "
                            "the shared folder.").format(path=self.out.text(), version=result.dataset_version,
                                                         key=result.key_id))
        if not key_is_trusted(result.key_id):
            # signed well, but no installed app knows the key: every desk would refuse the pack
            self.problem.setText(_("This app does not trust key {key}: the desks will refuse this pack until an "
                                   "app release carries the key's .pub file (docs/updates.md, “Rotating keys”). "
                                   "Sign with the office's key in use.").format(key=result.key_id))

    def _refused(self, message: str) -> None:
        self.compare.setEnabled(True)
        self.problem.setText(message)

    def _failed(self, exc: BaseException) -> None:
        self._refused(_("Publishing stopped: {reason}").format(reason=exc))

    def next_version(self) -> None:
        """The version in dataset.yaml raised past the last published one (this month's next number), then
        the comparison again."""
        from ...core.updates.changelog import dataset_changes
        baseline = Path(self.baseline.text().strip())
        try:
            old = dataset_changes(baseline, baseline).new_version if baseline.exists() else None
            rf = RecordFile.open(self.session.root / "dataset.yaml")
            rf.set(("version",), next_version(old, self.session.today.strftime("%Y.%m")))
            rf.save()
        except (RecordFileError, PackError, OSError) as exc:
            self._refused(str(exc))
            return
        self.raise_version.setVisible(False)
        self.start()
