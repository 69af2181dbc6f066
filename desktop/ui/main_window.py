"""The main window: assembles the panels, the menus and the shortcuts. Panels do the work."""
from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QScrollArea, QSizePolicy, QSplitter, QTabWidget, QVBoxLayout, QWidget

from .. import environment, paths
from ..core import languages
from ..core.i18n import _, current_language, on_language_changed, set_language
from . import labels
from .record_view import RecordView
from .search_panel import SearchPanel
from .tab_strip import with_tab_strip
from .widgets import ClientPanel, named, no_tab_stop

if TYPE_CHECKING:  # the panels (and the data watch) are imported when first needed
    from .agreements_view import AgreementsView
    from .contacts_view import ContactFinder
    from .data_watch import DataWatch
    from .deadline_view import DeadlineHelper
    from .mydata_view import MyDataView

    Panel = ContactFinder | DeadlineHelper | AgreementsView | MyDataView

PANELS = ("contacts", "deadlines", "agreements", "mydata")  # the tabs after the record, in order


class MainWindow(QMainWindow):
    first_painted = Signal()   # the window is on screen: start-up work can follow without delaying it

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self._painted = False
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.resize(1280, 760)

        self.search = SearchPanel(ctx, self)
        self.record = RecordView(ctx, self)
        # The other tabs are built the first time they are needed (start-up paints sooner).
        self._panels: dict[str, Panel] = {}
        self._client: tuple[str, str] | None = None  # the search panel's citizenship and region, once set
        self.tabs = named(QTabWidget(self), "mainTabs")
        self.tabs.addTab(self.record, "")
        self._slots: dict[str, QWidget] = {}
        self._slot_layouts: dict[str, QVBoxLayout] = {}
        for name in PANELS:
            slot = QWidget(self.tabs)
            slot.setObjectName(f"{name}Slot")
            self._slot_layouts[name] = slot_layout = QVBoxLayout(slot)
            slot_layout.setContentsMargins(0, 0, 0, 0)
            self._slots[name] = slot
            self.tabs.addTab(slot, "")
        self.tabs.currentChanged.connect(self._tab_shown)
        splitter = QSplitter(parent=self)  # horizontal
        # At a large text size the side panel's rows are wider than its share of a small screen: it scrolls
        # sideways rather than widening the window past the screen or cutting its words
        side = named(QScrollArea(splitter), "sidePanel")
        side.setWidget(self.search)
        side.setWidgetResizable(True)
        side.setFrameShape(QScrollArea.Shape.NoFrame)
        # the frame itself is no Tab stop; set after the first paint, since the first use of Qt's enums builds
        # them all (~15 ms the first paint must not pay)
        self.first_painted.connect(lambda: no_tab_stop(side))
        splitter.addWidget(side)
        splitter.addWidget(with_tab_strip(self.tabs, splitter))  # (titles wrap when the bar is too narrow)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 800])
        self.setCentralWidget(splitter)
        # Tab goes as the eye reads: the tab titles, then the record's buttons under them (by creation order
        # the tab bar came after them; the record's text and note, made later, follow the buttons)
        previous: QWidget = self.tabs.tabBar()
        for button in self.record.buttons():
            QWidget.setTabOrder(previous, button)
            previous = button
        self.dataset_label = QLabel(self)
        # never widens the window
        self.dataset_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.statusBar().addPermanentWidget(self.dataset_label, 1)

        self.search.open_record.connect(self.open_record)
        self.search.client_changed.connect(self.set_client)
        self.record.message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.record.record_changed.connect(self._record_changed)
        self.record.print_requested.connect(self.print_sheet)

        self._data_watch: DataWatch | None = None
        self._build_actions()
        self.set_client(self.search.citizenship.code(), self.search.region.code())
        self.retranslate()
        on_language_changed(self.retranslate)
        self.search.focus_search()

    # ------------------------------------------------------------------ actions and menus

    def _action(self, handler, shortcut=None, name="") -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        action.triggered.connect(handler)
        self.addAction(action)  # shortcuts work wherever the focus is
        return action

    def _build_actions(self) -> None:
        self.act_find = self._action(self.search.focus_search, [QKeySequence("Ctrl+F"), QKeySequence("Ctrl+L")],
                                     "actionFind")
        self.act_back = self._action(self.record.back, QKeySequence("Alt+Left"), "actionBack")
        self.act_forward = self._action(self.record.forward, QKeySequence("Alt+Right"), "actionForward")
        self.act_bookmark = self._action(self.record.toggle_bookmark, QKeySequence("Ctrl+D"), "actionBookmark")
        self.act_note = self._action(self.edit_note, QKeySequence("Ctrl+E"), "actionEditNote")
        self.act_print = self._action(lambda: self.print_sheet(self.record.current), QKeySequence("Ctrl+P"),
                                      "actionPrint")
        self.act_settings = self._action(self.open_settings, QKeySequence("Ctrl+,"), "actionSettings")
        self.act_quit = self._action(self.close, QKeySequence("Ctrl+Q"), "actionQuit")
        self.act_bigger = self._action(lambda: self.change_font(+10), QKeySequence("Ctrl++"), "actionBigger")
        self.act_smaller = self._action(lambda: self.change_font(-10), QKeySequence("Ctrl+-"), "actionSmaller")
        self.act_about = self._action(self.open_about, None, "actionAbout")
        self.act_update = self._action(self.install_update, None, "actionInstallUpdate")
        self.act_revert = self._action(self.revert_data, None, "actionRevertData")
        self.act_logs = self._action(self.open_logs, None, "actionLogs")

        self.menu_file = self.menuBar().addMenu("")
        self.menu_file.addActions([self.act_print, self.act_update, self.act_settings])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_view = self.menuBar().addMenu("")
        self.menu_view.addActions([self.act_find, self.act_back, self.act_forward, self.act_bookmark, self.act_note])
        self.menu_view.addSeparator()
        self.menu_view.addActions([self.act_bigger, self.act_smaller])
        self.menu_language = self.menuBar().addMenu("")
        self.menu_language.setObjectName("menuLanguage")
        group = QActionGroup(self)
        self.language_actions = {}
        for code, name in languages.NAMES.items():
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.triggered.connect(lambda checked, c=code: self.switch_language(c))
            group.addAction(action)
            self.menu_language.addAction(action)
            self.language_actions[code] = action
        self.menu_help = self.menuBar().addMenu("")
        self.menu_help.addActions([self.act_revert, self.act_logs, self.act_about])

    def retranslate(self) -> None:
        self._show_title()
        # the tagline the title once carried: read out with the window, and the menu entry's GenericName
        # (packaging/build.py takes its translations from this message)
        self.setAccessibleDescription(_("Migrant Desk — reference for migrant advisors"))
        names = [_("Record"), _("Whom to call"), _("Deadlines"), _("Agreements"), _("My bookmarks and notes")]
        for i, name in enumerate(names):
            self.tabs.setTabText(i, name)
        self.tabs.setAccessibleName(_("Panels"))
        texts = {self.act_find: _("Find"), self.act_back: _("Back"), self.act_forward: _("Forward"),
                 self.act_bookmark: _("Bookmark"), self.act_note: _("Edit note"), self.act_print: _("Print sheet…"),
                 self.act_settings: _("Settings…"), self.act_quit: _("Quit"),
                 self.act_bigger: _("Larger text"), self.act_smaller: _("Smaller text"),
                 self.act_about: _("About Migrant Desk"), self.act_logs: _("Open the log folder"),
                 self.act_update: _("Install data update…"), self.act_revert: _("Revert to previous data")}
        for action, text in texts.items():
            action.setText(text)
        self.menu_file.setTitle(_("&File"))
        self.menu_view.setTitle(_("&View"))
        self.menu_language.setTitle(_("&Language"))
        self.menu_help.setTitle(_("&Help"))
        self.language_actions[current_language()].setChecked(True)
        meta, counts = self.ctx.store.meta(), self.ctx.store.counts()
        self.dataset_label.setText(_("Data {version} · {procedures} procedures · {agreements} agreements · "
                                     "{contacts} contacts").format(
            version=meta.get("dataset_version", "?"), procedures=counts["procedure"],
            agreements=counts["agreement"], contacts=counts["contact"]))

    def event(self, event) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            window = weakref.ref(self)  # the pending call must not keep a closed window alive

            def done() -> None:
                alive = window()
                if alive is not None and shiboken6.isValid(alive):
                    alive._first_paint_done()

            QTimer.singleShot(0, done)
        return super().event(event)

    def _first_paint_done(self) -> None:
        # Icons are SVG: loading Qt's SVG plugin is left until the window is on screen.
        from PySide6.QtGui import QIcon

        self.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "app.svg")))
        self.search.load_icons()
        self.data_watch.start()
        self.first_painted.emit()

    @property
    def data_watch(self) -> DataWatch:
        """Damaged data, newer data in the shared folder: started after the first paint (and imported
        then: its Qt classes cost the first paint some 15 ms)."""
        if self._data_watch is None:
            from .data_watch import DataWatch

            self._data_watch = DataWatch(self)
        return self._data_watch

    # ------------------------------------------------------------------ behaviour

    def open_record(self, record_id: str) -> None:
        if self.record.open(record_id):
            self.tabs.setCurrentWidget(self.record)

    def attach_index(self, index) -> None:
        self.ctx.index = index
        self.search.attach_index(index)
        self.data_watch.dataset_ready()

    def set_client(self, citizenship: str, region: str) -> None:
        """The search panel's citizenship and region changed: every tab with its own choosers follows them.
        The search panel also reports when nothing changed (its region field losing focus, say, to the
        language menu): that must not undo a choice made inside a tab."""
        if self._client == (citizenship, region):
            return
        self._client = (citizenship, region)
        self.record.set_client(citizenship, region)
        for panel in self._panels.values():
            if isinstance(panel, ClientPanel):
                panel.set_client(citizenship, region)

    # ------------------------------------------------------------------ tabs built on first use

    def _panel(self, name: str) -> Panel:
        panel = self._panels.get(name)
        if panel is None:
            panel = self._panels[name] = self._new_panel(name, self._slots[name])
            self._slot_layouts[name].addWidget(panel)
            panel.open_record.connect(self.open_record)
            if isinstance(panel, ClientPanel) and self._client is not None:
                panel.set_client(*self._client)
        return panel

    def _new_panel(self, name: str, slot: QWidget) -> Panel:
        if name == "contacts":
            from .contacts_view import ContactFinder

            return ContactFinder(self.ctx, slot)
        if name == "deadlines":
            from .deadline_view import DeadlineHelper

            return DeadlineHelper(self.ctx, slot)
        if name == "agreements":
            from .agreements_view import AgreementsView

            return AgreementsView(self.ctx, slot)
        from .mydata_view import MyDataView

        return MyDataView(self.ctx, slot)

    def _tab_shown(self, index: int) -> None:
        slot = self.tabs.widget(index)
        for name, candidate in self._slots.items():
            if candidate is slot:
                self._panel(name)

    def _show_title(self) -> None:
        """The shown record's title, or none: Qt adds the application's display name ("… — Migrant Desk")
        to whatever is set here, so naming the app again would show it twice."""
        record_id = self.record.current
        record = self.ctx.store.record(record_id) if record_id else None
        self.setWindowTitle(labels.record_text(record, "title", self.ctx.lang) if record is not None else "")

    def _record_changed(self, _record_id: str) -> None:
        self._show_title()
        if "mydata" in self._panels:
            self._panels["mydata"].refresh()

    @property
    def contacts(self):
        return self._panel("contacts")

    @property
    def deadlines(self):
        return self._panel("deadlines")

    @property
    def agreements(self):
        return self._panel("agreements")

    @property
    def mydata(self):
        return self._panel("mydata")

    def show_panel(self, name: str) -> None:
        self.tabs.setCurrentWidget(self._slots[name])

    def switch_language(self, code: str) -> None:
        self.ctx.settings.ui_language = code
        self.ctx.settings.content_language = code
        set_language(code)

    def change_font(self, delta: int) -> None:
        from .font_scale import apply_font_scale

        self.ctx.settings.font_scale = self.ctx.settings.font_scale + delta
        apply_font_scale(self.ctx.settings.font_scale)

    def edit_note(self) -> None:
        """The keys into the shown record's note (the note field is built and shown with a record)."""
        note = self.record.note_edit
        if not self.record.current or note is None or not note.isVisibleTo(self.record):
            self.statusBar().showMessage(_("Open a record to write a note on it."), 5000)
            return
        self.tabs.setCurrentWidget(self.record)
        note.setFocus()

    def print_sheet(self, record_id: str | None) -> None:
        """The sheet dialog for the shown procedure, in the content language, for the chosen client."""
        from .sheet_dialog import SheetDialog

        record = self.ctx.store.record(record_id) if record_id else None
        if not record_id or record is None or record.kind != "procedure":
            self.statusBar().showMessage(_("Open a procedure to print its sheet."), 5000)
            return
        dialog = SheetDialog(self.ctx.store, [record_id], self, lang=self.ctx.lang,
                             citizenship=self.search.citizenship.code() or None,
                             region=self.search.region.code() or None)
        dialog.exec()

    # ------------------------------------------------------------------ data updates

    def install_update(self) -> None:
        from .update_dialog import install_data_update

        places = environment.data_places(self.ctx.settings)
        if install_data_update(self, places.shared, places.installed, places.bundled, self.ctx.lang):
            self.reload_data()

    def revert_data(self) -> None:
        from .update_dialog import revert_to_previous_data

        places = environment.data_places(self.ctx.settings)
        if revert_to_previous_data(self, places.shared, places.installed, places.bundled):
            self.reload_data()

    def reload_data(self) -> None:
        """Open the dataset now active (after an update, a revert, newer data in the shared folder, or damage
        found in the one in use); user data stays as it is."""
        from ..dataset import open_dataset

        self.record.save_note()
        store, index = open_dataset(self.data_watch.active_dataset().path)
        old_store, old_index = self.ctx.store, self.ctx.index
        self.ctx.replace_data(store, index)
        self.search.attach_index(index)
        if old_index is not None:
            old_index.close()
        old_store.close()
        self.set_language_dependent_views()
        self.data_watch.dataset_ready()

    def set_language_dependent_views(self) -> None:
        """Re-render every panel from the current data (the language machinery does exactly that)."""
        from ..core.i18n import current_language

        set_language(current_language())
        if self.record.current and self.ctx.store.record(self.record.current) is None:
            self.record.history.clear()
            self.record.position = -1
            self.record._show_empty(True)
            self._show_title()

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def open_about(self) -> None:
        from .about_dialog import AboutDialog

        AboutDialog(self.ctx, self).exec()

    def open_logs(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(environment.log_dir())))

    def closeEvent(self, event) -> None:
        self.record.save_note()
        self.search.shutdown()
        self.ctx.settings.sync()
        super().closeEvent(event)
