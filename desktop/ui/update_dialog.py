"""File → Install data update… and Help → Revert to previous data.

UpdateDialog installs one pack in the background (ui.background) and shows its progress, then "What's
new": the central office's changelog in the advisor's language and the records added, changed and removed per
kind (computed by comparing the two datasets). A refused update shows the plain reason and changes
nothing. The menu functions return what happened, so the main window can reopen the data.

The main window calls, from its menus, with the places from desktop/environment.py:

    places = environment.data_places(settings)
    result = install_data_update(self, places.shared, places.installed, places.bundled,
                                 lang)                     # InstallResult or None
    result = revert_to_previous_data(self, places.shared, places.installed,
                                     places.bundled)       # RollbackResult or None
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import updates
from ..core.datasets import DataFolder, DataFolderError, install_folder
from ..core.i18n import N_, _
from ..core.store import DatasetError
from .background import BackgroundOp, Report
from .transient_dialog import TransientDialog
from .widgets import named

log = logging.getLogger(__name__)

STEP_LABELS = {"verify": N_("Checking the signature…"), "extract": N_("Unpacking the data…"),
               "check": N_("Checking the data…"), "index": N_("Preparing the search index…"),
               "stage": N_("Getting ready to switch…"), "switch": N_("Switching to the new data…"),
               "cleanup": N_("Tidying up…"), "done": N_("Done")}
# share of the progress bar per step (unpacking and indexing take the time)
STEP_WEIGHTS = {"verify": 5, "extract": 35, "check": 5, "index": 45, "stage": 3, "switch": 4, "cleanup": 2,
                "done": 1}
KIND_GROUPS = {"agreement": N_("Agreements"), "procedure": N_("Procedures"), "contact": N_("Contact points")}
CHANGE_LABELS = {"added": N_("added"), "changed": N_("changed"), "removed": N_("removed")}


def overall_percent(step: str, done: int, total: int) -> int:
    before = sum(STEP_WEIGHTS[s] for s in updates.STEPS[:updates.STEPS.index(step)])
    part = STEP_WEIGHTS[step] * (done / total if total else 1)
    return min(100, round(100 * (before + part) / sum(STEP_WEIGHTS.values())))


@dataclass(frozen=True)
class _Outcome:
    """How an install ended: installed (with the changes, when the old data could be read), or refused."""
    result: updates.InstallResult | None = None
    diff: updates.DatasetDiff | None = None
    refusal: str = ""


def _install(pack: Path, folder: DataFolder, baseline: Path | None, trusted: dict | None,
             report: Report) -> _Outcome:
    """The install and the comparison, run in the background. A refusal is an answer, not a fault."""
    try:
        result = updates.install(pack, folder, trusted, baseline=baseline, progress=report)
    except updates.PackError as exc:
        log.info("data update %s refused: %s", pack, exc.code)
        return _Outcome(refusal=exc.message)
    try:
        diff = updates.diff_datasets(result.old_dir, result.new_dir)
    except DatasetError:
        diff = None          # the old data could not be read for comparison; the install stands
    log.info("installed data %s into %s", result.manifest.dataset_version, result.folder)
    return _Outcome(result, diff)


class UpdateDialog(TransientDialog):
    """Installs `pack` into `folder`; `state` goes 'running' → 'done' or 'failed'."""

    def __init__(self, pack: Path, folder: DataFolder, baseline: Path | None = None, lang: str = "ru",
                 trusted: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("updateDialog")
        self.setWindowTitle(_("Install data update"))
        self.setMinimumSize(560, 420)
        self.pack, self.lang = Path(pack), lang
        self.state = "idle"
        self.result_value: updates.InstallResult | None = None
        self.diff: updates.DatasetDiff | None = None
        self.error = ""

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._progress_page())
        self.pages.addWidget(self._whats_new_page())
        self.pages.addWidget(self._error_page())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)

        self.folder, self.baseline, self.trusted = folder, baseline, trusted
        self.steps_seen: list[str] = []

    # ------------------------------------------------------------------ pages

    def _progress_page(self) -> QWidget:
        page = QWidget(self)
        self.step_label = named(QLabel(_("Checking the signature…"), page), "updateStep")
        self.bar = named(QProgressBar(page), "updateProgress")
        self.bar.setRange(0, 100)
        self.bar.setAccessibleName(_("Installation progress"))
        note = QLabel(_("Your current data stays in use until the new data is complete. Your bookmarks "
                        "and notes are not touched."), page, wordWrap=True)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(_("Installing {file}").format(file=self.pack.name), page, wordWrap=True))
        layout.addWidget(self.step_label)
        layout.addWidget(self.bar)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    def _whats_new_page(self) -> QWidget:
        page = QWidget(self)
        self.headline = named(QLabel(page, wordWrap=True), "updateHeadline")
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.changelog = named(QTextBrowser(page), "updateChangelog")
        self.changelog.setAccessibleName(_("What the central office says has changed"))
        self.changes = named(QTreeWidget(page), "updateChanges")
        self.changes.setHeaderHidden(True)
        self.changes.setAccessibleName(_("Records added, changed and removed"))
        layout = QVBoxLayout(page)
        layout.addWidget(self.headline)
        layout.addWidget(QLabel(_("What's new"), page))
        layout.addWidget(self.changelog, 1)
        layout.addWidget(self.changes, 2)
        return page

    def _error_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(_("The update was not installed"), page)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.error_label = named(QLabel(page, wordWrap=True), "updateError")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(self.error_label)
        layout.addWidget(QLabel(_("Your current data, bookmarks and notes are unchanged."), page, wordWrap=True))
        layout.addStretch(1)
        return page

    # ------------------------------------------------------------------ behaviour

    def start(self) -> None:
        self.state = "running"
        self.buttons.setEnabled(False)
        pack, folder, baseline, trusted = self.pack, self.folder, self.baseline, self.trusted
        # every report, not only the latest: the dialog lists each step it has seen
        BackgroundOp(self, lambda report: _install(pack, folder, baseline, trusted, report), name="data-update") \
            .on_progress(self._on_progress, coalesce=False) \
            .on_success(self._on_outcome) \
            .on_failure(self._on_fault) \
            .run()

    def _on_outcome(self, outcome: _Outcome) -> None:
        if outcome.result is None:
            self._on_failure(outcome.refusal)
        else:
            self._on_success(outcome.result, outcome.diff)

    def _on_fault(self, exc: BaseException) -> None:
        """Anything unexpected (logged by the background helper): said in the dialog; the old data stays."""
        self._on_failure(_("The update could not be installed ({reason}). Your current data is "
                           "unchanged.").format(reason=exc))

    def reject(self) -> None:
        if self.state == "running":
            return          # an install is not interrupted half-way; it finishes or is refused
        super().reject()

    def closeEvent(self, event) -> None:
        if self.state == "running":
            event.ignore()
            return
        super().closeEvent(event)

    def _on_progress(self, step: str, done: int, total: int) -> None:
        if not self.steps_seen or self.steps_seen[-1] != step:
            self.steps_seen.append(step)
        self.step_label.setText(_(STEP_LABELS.get(step, step)))
        self.bar.setValue(overall_percent(step, done, total))

    def _on_success(self, result: updates.InstallResult, diff: updates.DatasetDiff | None) -> None:
        self.state, self.result_value, self.diff = "done", result, diff
        manifest = result.manifest
        if result.old_version:
            self.headline.setText(_("Data {new} is installed (it replaces {old}).").format(
                new=manifest.dataset_version, old=result.old_version))
        else:
            self.headline.setText(_("Data {new} is installed.").format(new=manifest.dataset_version))
        self.changelog.setPlainText(manifest.changelog_for(self.lang))
        self._fill_changes(diff)
        self.bar.setValue(100)
        self.pages.setCurrentIndex(1)
        self.buttons.setEnabled(True)

    def _fill_changes(self, diff: updates.DatasetDiff | None) -> None:
        self.changes.clear()
        if diff is None:
            QTreeWidgetItem(self.changes, [_("The earlier data could not be read, so the changes cannot be "
                                             "listed.")])
            return
        if diff.empty:
            QTreeWidgetItem(self.changes, [_("No record was added, changed or removed.")])
            return
        for kind, groups in diff.by_kind().items():
            counts = [f"{len(items)} {_(CHANGE_LABELS[what])}" for what, items in groups.items() if items]
            if not counts:
                continue
            top = QTreeWidgetItem(self.changes, [f"{_(KIND_GROUPS[kind])}: {', '.join(counts)}"])
            top.setData(0, Qt.ItemDataRole.UserRole, kind)
            for what, items in groups.items():
                for change in items:
                    child = QTreeWidgetItem(top, [f"{_(CHANGE_LABELS[what])}: {change.title(self.lang)}"])
                    child.setData(0, Qt.ItemDataRole.UserRole, change.id)
            top.setExpanded(True)

    def _on_failure(self, message: str) -> None:
        self.state, self.error = "failed", message
        self.error_label.setText(message)
        self.pages.setCurrentIndex(2)
        self.buttons.setEnabled(True)


# =========================================================================== menu entries

def choose_pack_file(parent: QWidget | None) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _("Install data update"), "", _("Migrant Desk data updates (*{suffix})").format(
            suffix=updates.PACK_SUFFIX))
    return Path(path) if path else None


def _target_folder(parent, shared_folder, data_folder) -> DataFolder | None:
    try:
        return install_folder(shared_folder or None, data_folder)
    except DataFolderError as exc:
        _message(parent, QMessageBox.Icon.Warning, _("Data folder"), exc.message, "dataFolderProblem")
        return None


def install_data_update(parent: QWidget | None, shared_folder: Path | str | None, data_folder: Path,
                        baseline: Path | None, lang: str = "ru", pack_path: Path | None = None,
                        trusted: dict | None = None) -> updates.InstallResult | None:
    """File → Install data update…: pick a pack, install it with progress, show what's new.

    Returns the InstallResult (reopen the data from `result.new_dir`), or None when nothing changed."""
    pack_path = pack_path or choose_pack_file(parent)
    if pack_path is None:
        return None
    folder = _target_folder(parent, shared_folder, data_folder)
    if folder is None:
        return None
    dialog = UpdateDialog(pack_path, folder, baseline, lang, trusted, parent)
    dialog.start()
    dialog.exec()
    return dialog.result_value  # a Python attribute: still there after Qt has deleted the closed dialog


def revert_to_previous_data(parent: QWidget | None, shared_folder: Path | str | None, data_folder: Path,
                            baseline: Path | None) -> updates.RollbackResult | None:
    """Help → Revert to previous data: confirm, switch back, say what is in use now."""
    title = _("Revert to previous data")
    folder = _target_folder(parent, shared_folder, data_folder)
    if folder is None:
        return None
    target = updates.rollback_target(folder, baseline)
    if target is None:
        _message(parent, QMessageBox.Icon.Information, title, _(
            "There is no earlier data to go back to: only the data from before the last update can be "
            "restored, and only once."), "revertNothing")
        return None
    current, previous = target
    question = _message(parent, QMessageBox.Icon.Question, title, _(
        "Go back from data {current} to {previous}? The update can be installed again later. Your "
        "bookmarks and notes are not touched.").format(
            current=current, previous=previous or _("the data shipped with the app")),
        "revertConfirm", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if question != QMessageBox.StandardButton.Yes:
        return None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = updates.rollback(folder, baseline)
    except updates.PackError as exc:
        QGuiApplication.restoreOverrideCursor()
        _message(parent, QMessageBox.Icon.Warning, title, exc.message, "revertFailed")
        return None
    QGuiApplication.restoreOverrideCursor()
    _message(parent, QMessageBox.Icon.Information, title, _("Data {version} is in use again.").format(
        version=result.to_version or "?"), "revertDone")
    return result


def _message(parent, icon, title: str, text: str, name: str,
             buttons=QMessageBox.StandardButton.Ok) -> QMessageBox.StandardButton:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setObjectName(name)
    box.exec()
    return box.standardButton(box.clickedButton())


