"""The update dialog and the menu entries: real packs installed into a temporary data folder."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from desktop.core import updates
from desktop.ui.update_dialog import UpdateDialog, install_data_update, overall_percent, revert_to_previous_data

import pack_helpers as h
from conftest import active_version


class ModalDriver:
    """Answers modal windows as a user would: each time one named in `answers` is shown, press a button."""

    def __init__(self, answers: dict):
        self.answers, self.seen = answers, []
        self.timer = QTimer()
        self.timer.timeout.connect(self._poll)

    def __enter__(self):
        self.timer.start(20)
        return self

    def __exit__(self, *exc):
        self.timer.stop()

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or widget.objectName() not in self.answers:
            return
        if isinstance(widget, UpdateDialog):
            if widget.state == "running":
                return
            self.seen.append((widget.objectName(), widget.state))
            widget.buttons.button(QDialogButtonBox.Close).click()
            return
        self.seen.append((widget.objectName(), widget.text()))
        widget.button(self.answers[widget.objectName()]).click()


def run_dialog(qtbot, dialog: UpdateDialog) -> UpdateDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.state in ("done", "failed"), timeout=30000)
    return dialog


def test_install_shows_progress_then_whats_new(qtbot, world, folder, userdata):
    user_before = h.snapshot(userdata.parent)
    dialog = UpdateDialog(world.new_pack, folder, None, "ru", world.trusted)
    run_dialog(qtbot, dialog)
    steps = dialog.steps_seen
    assert dialog.state == "done", dialog.error
    assert steps == list(updates.STEPS)
    assert dialog.bar.value() == 100
    assert dialog.pages.currentIndex() == 1
    assert dialog.headline.text() == "Data 2026.11.2 is installed (it replaces 2026.11.1)."
    assert dialog.changelog.toPlainText() == h.CHANGELOG["ru"]
    tree = dialog.changes
    groups = {tree.topLevelItem(i).text(0): [tree.topLevelItem(i).child(j).text(0)
                                             for j in range(tree.topLevelItem(i).childCount())]
              for i in range(tree.topLevelItemCount())}
    assert groups == {"Agreements: 1 added": ["added: Второе тестовое соглашение"],
                      "Procedures: 1 changed": ["changed: Тестовая процедура регистрации"],
                      "Contact points: 1 removed": ["removed: Тестовое консульство"]}
    assert dialog.buttons.isEnabled()
    assert active_version(folder) == h.NEW_VERSION
    assert h.snapshot(userdata.parent) == user_before


def test_a_refused_update_says_why_and_changes_nothing(qtbot, world, folder, userdata, tmp_path):
    pack = tmp_path / "other.mdpack"
    updates.build_pack(world.new_ds, world.other_key, h.CHANGELOG, pack)
    before, user_before = h.snapshot(folder.path), h.snapshot(userdata.parent)
    dialog = run_dialog(qtbot, UpdateDialog(pack, folder, None, "en", world.trusted))
    assert dialog.state == "failed" and dialog.pages.currentIndex() == 2
    assert dialog.error_label.text().startswith("This update is not signed by a trusted key")
    assert dialog.result_value is None
    assert h.snapshot(folder.path) == before and h.snapshot(userdata.parent) == user_before


def test_the_dialog_stays_open_while_installing(qtbot, world, folder):
    dialog = UpdateDialog(world.new_pack, folder, None, "en", world.trusted)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    dialog.reject()                               # Esc or the window's close button
    assert dialog.isVisible() and not dialog.buttons.isEnabled()
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=30000)
    dialog.reject()
    assert not dialog.isVisible()


def test_progress_is_monotonic_over_the_steps():
    values = [overall_percent(step, done, 4) for step in updates.STEPS for done in range(5)]
    assert values == sorted(values) and values[0] == 0 and values[-1] == 100


def test_menu_install_then_revert(qtbot, world, folder, userdata):
    user_before = h.snapshot(userdata.parent)
    with ModalDriver({"updateDialog": None}) as driver:
        result = install_data_update(None, None, folder.path, None, "en", pack_path=world.new_pack,
                                     trusted=world.trusted)
    assert driver.seen == [("updateDialog", "done")]
    assert result.new_dir == folder.locate() and active_version(folder) == h.NEW_VERSION

    with ModalDriver({"revertConfirm": QMessageBox.Yes, "revertDone": QMessageBox.Ok}) as driver:
        back = revert_to_previous_data(None, None, folder.path, None)
    assert [name for name, _ in driver.seen] == ["revertConfirm", "revertDone"]
    assert "Go back from data 2026.11.2 to 2026.11.1?" in driver.seen[0][1]
    assert back.to_version == h.OLD_VERSION and active_version(folder) == h.OLD_VERSION

    with ModalDriver({"revertNothing": QMessageBox.Ok}) as driver:
        assert revert_to_previous_data(None, None, folder.path, None) is None
    assert "no earlier data" in driver.seen[0][1]
    assert h.snapshot(userdata.parent) == user_before


def test_revert_can_be_declined(qtbot, world, folder):
    updates.install(world.new_pack, folder, world.trusted)
    with ModalDriver({"revertConfirm": QMessageBox.No}):
        assert revert_to_previous_data(None, None, folder.path, None) is None
    assert active_version(folder) == h.NEW_VERSION


def test_an_unreachable_shared_folder_is_reported(qtbot, world, tmp_path):
    with ModalDriver({"dataFolderProblem": QMessageBox.Ok}) as driver:
        assert install_data_update(None, tmp_path / "offline-share", tmp_path / "local", None,
                                   pack_path=world.new_pack, trusted=world.trusted) is None
    assert "cannot be reached" in driver.seen[0][1]
    assert not (tmp_path / "local").exists()
