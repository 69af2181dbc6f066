"""Watching the data while the window runs: damage at rest, and newer data in the shared folder.

After the window's first paint (and again after every change of data) the dataset in use and its search
index are verified in the background against the checksums written when they were made
(core/integrity.py). A damaged database is left for the next good dataset in line (shared -> installed
-> bundled) through the window's own reload, which keeps the advisor's bookmarks, notes and open record;
a damaged index is rebuilt in the user's cache, the data stays. Either way the advisor is told which
file of which data.

Every minute the shared folder from the settings is looked at in the background: a newer dataset there
(installed by another PC of the centre) is offered in a bar at the top of the window, switched to only
when the advisor says so. A poll, not a QFileSystemWatcher: the shared folder is usually a network share
(SMB, NFS), where change notifications are not delivered for changes made by other computers, are lost
when the share reconnects and are silently absent when the folder was unreachable as the watch began;
one small read a minute (the pointer file, a stat, and the database's `meta` only when the file changed)
costs nothing and always works. It runs in the background because a share that is gone can hang a read.
"""
from __future__ import annotations

import logging
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QStatusBar, QToolBar, QWidget

from .. import environment
from ..core.dataset_faults import Unusable, folder_problem, inspect_dataset
from ..core.datasets import ActiveDataset, DataFolder, version_key
from ..core.i18n import _, on_language_changed
from ..core.integrity import Verdict, next_good_dataset, verify_dataset
from ..core.store import DATASET_FILE, DatasetError, Store
from .background import BackgroundOp

if TYPE_CHECKING:
    from ..core.search import SearchIndex
    from .context import AppContext

log = logging.getLogger(__name__)

POLL_INTERVAL_MS = 60_000     # how often the shared folder is looked at


class WatchedWindow(Protocol):
    """What the watch needs of the main window (main_window.MainWindow)."""
    ctx: AppContext

    def reload_data(self) -> None: ...
    def attach_index(self, index: SearchIndex) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def addToolBar(self, area: Qt.ToolBarArea, toolbar: QToolBar) -> None: ...


@dataclass(frozen=True)
class SharedData:
    """The dataset the shared folder offers, as last seen."""
    path: Path                 # its folder, resolved (links and a mapped drive followed)
    version: str
    stamp: tuple[int, int]     # its database file's modification time and size


def look_at_shared(folder: Path, last: SharedData | None) -> SharedData | None:
    """What `folder` offers now (None: nothing usable, or the folder cannot be read). The database is
    opened only when the pointer names another dataset or the file changed since `last`. Runs on a
    worker thread (a share that is gone can hang any of these reads)."""
    if folder_problem(folder) is not None:
        return None
    try:
        path = DataFolder(folder).locate()
        if path is None:
            return None
        path = path.resolve()
        status = (path / DATASET_FILE).stat()
        stamp = (status.st_mtime_ns, status.st_size)
        if last is not None and last.path == path and last.stamp == stamp:
            return last
        return SharedData(path, inspect_dataset(path), stamp)
    except (OSError, Unusable):
        return None


def _verify(dataset_dir: Path, index_dir: Path) -> tuple[Verdict, Path]:
    """The verdict and the dataset folder resolved (on the worker thread: it may be on a share)."""
    return verify_dataset(dataset_dir, index_dir), dataset_dir.resolve()


class DataWatch(QObject):
    """Owned by the main window: `start()` after its first paint, `dataset_ready()` whenever its store or
    index changes, `active_dataset()` for the dataset a reload opens."""

    def __init__(self, window: WatchedWindow) -> None:
        super().__init__(cast(QWidget, window))
        # weakly: the window holds this watch, and a cycle would keep a closed window's wrapper alive
        self._window_ref = weakref.ref(window)
        # dataset folders (resolved) found damaged: never switched to again in this session
        self.damaged: set[Path] = set()
        self._declined: set[Path] = set()        # newer datasets (resolved) the advisor said "not now" to
        self._started = False
        self._verified: Store | None = None      # the store verified (or being verified) last
        self._in_use: Path | None = None         # its folder, resolved
        self._polling = False
        self._seen: SharedData | None = None
        self.offer: OfferBar | None = None       # built the first time something is offered
        self._box: QMessageBox | None = None      # the message about damage, while it is open
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self.poll)

    @property
    def _window(self) -> WatchedWindow:
        window = self._window_ref()
        assert window is not None  # the watch is the window's child: it lives no longer than the window
        return window

    @property
    def _widget(self) -> QWidget:
        """The main window as the parent of the messages and background work."""
        return cast(QWidget, self._window)

    # ------------------------------------------------------------------ which dataset

    def active_dataset(self) -> ActiveDataset:
        """The newest dataset of the places in the settings, leaving out those found damaged."""
        places = environment.data_places(self._window.ctx.settings)
        return next_good_dataset(places.shared, places.installed, places.bundled, self.damaged)

    # ------------------------------------------------------------------ damage at rest

    def start(self) -> None:
        self._started = True
        self._timer.start()
        self.dataset_ready()

    def dataset_ready(self) -> None:
        """Verify the data in use, once per dataset, when the window is painted and its index open."""
        ctx = self._window.ctx
        store, index = ctx.store, ctx.index
        if not self._started or index is None or store is self._verified:
            return
        self._verified = store
        dataset_dir, index_dir = store.path.parent, index.index_dir
        BackgroundOp(self._widget, lambda _report: _verify(dataset_dir, index_dir), name="verify-data") \
            .on_success(lambda answer: self._verified_data(store, *answer)) \
            .on_failure(lambda exc: log.warning("the data could not be verified: %s", exc)).run()

    def _verified_data(self, store: Store, verdict: Verdict, resolved: Path) -> None:
        if self._window.ctx.store is not store:
            return      # the data changed meanwhile; its own verification follows
        self._in_use = resolved
        if verdict.ok:
            log.info("data %s verified: %d file(s)%s", verdict.dataset_dir, verdict.files_checked,
                     f", not checked: {', '.join(verdict.not_checked)}" if verdict.not_checked else "")
        elif verdict.database_damaged:
            self._leave_damaged(store, verdict, resolved)
        else:
            self._rebuild_index(store, verdict)

    def _leave_damaged(self, store: Store, verdict: Verdict, resolved: Path) -> None:
        damaged = next(d for d in verdict.damage if d.part == "database")
        version = store.meta().get("dataset_version", "?")
        log.warning("damaged data file %s (%s); switching away", damaged.file, damaged.reason)
        self.damaged.add(resolved)
        try:
            self._window.reload_data()
        except DatasetError as exc:
            log.warning("no other data to switch to: %s", exc)
            self._tell(_("Part of the data is damaged: the file {file} (data {version}) is not what was written "
                         "when the data was made, and there is no other data to switch to. The app carries on "
                         "with it, but some answers may be missing or wrong. Ask the person who looks after "
                         "your computers to reinstall the app or the data update.").format(
                             file=damaged.file, version=version))
            return
        now = self._window.ctx.store
        self._tell(_("Part of the data is damaged: the file {file} (data {version}) is not what was written "
                     "when the data was made. The app has switched to data {new_version} from {folder}. Ask "
                     "the person who looks after your computers to reinstall the damaged data.").format(
                         file=damaged.file, version=version,
                         new_version=now.meta().get("dataset_version", "?"), folder=now.path.parent))

    def _rebuild_index(self, store: Store, verdict: Verdict) -> None:
        """Rebuild the index in the user's cache (never in the dataset's folder: it may be a share other
        PCs read right now, and this app has the damaged index open) and search on with it."""
        from ..dataset import cache_index_dir

        damaged = next(d for d in verdict.damage if d.part == "index")
        version = store.meta().get("dataset_version", "?")
        target = cache_index_dir(store)
        log.warning("damaged index file %s (%s); rebuilding it in %s", damaged.file, damaged.reason, target)
        self._window.statusBar().showMessage(_("The search index is damaged; rebuilding it…"))

        def rebuilt(index: SearchIndex) -> None:
            self._window.statusBar().clearMessage()
            ctx = self._window.ctx
            if ctx.store is not store:
                index.close()
                return
            old = ctx.index
            self._window.attach_index(index)
            if old is not None:
                old.close()
            self._tell(_("The search index of data {version} was damaged (the file {file}). It has been "
                         "rebuilt in {folder}; search works as before.").format(
                             version=version, file=damaged.file, folder=target))

        def failed(exc: BaseException) -> None:
            self._window.statusBar().clearMessage()
            self._tell(_("The search index of data {version} is damaged (the file {file}) and could not be "
                         "rebuilt ({reason}). Search carries on with it but may miss records.").format(
                             version=version, file=damaged.file, reason=exc))

        BackgroundOp(self._widget, lambda report: _build_index(store, target), name="rebuild-index") \
            .on_success(rebuilt).on_failure(failed).run()

    def _tell(self, text: str) -> None:
        """A message that does not block the window (the advisor may be with a client); what follows while
        it is open (the data switched to is damaged too) is added to it."""
        box = self._box
        if box is not None and shiboken6.isValid(box) and box.isVisible():
            box.setText(f"{box.text()}\n\n{text}")
            return
        self._box = box = QMessageBox(QMessageBox.Icon.Warning, environment.DISPLAY_NAME, text,
                          QMessageBox.StandardButton.Ok, self._widget)
        box.setObjectName("dataDamaged")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    # ------------------------------------------------------------------ newer data in the shared folder

    def poll(self) -> None:
        shared = environment.data_places(self._window.ctx.settings).shared
        if shared is None or self._polling:
            return      # (a share that hangs: one look at a time)
        self._polling = True
        last = self._seen
        BackgroundOp(self._widget, lambda _report: look_at_shared(shared, last), name="watch-shared") \
            .on_success(self._looked).on_finished(self._poll_done).run()

    def _poll_done(self) -> None:
        self._polling = False

    def _looked(self, seen: SharedData | None) -> None:
        self._seen = seen
        current = self._window.ctx.store
        version = current.meta().get("dataset_version", "")
        if (seen is None or seen.path in self.damaged or seen.path in self._declined
                or seen.path == self._in_use or version_key(seen.version) <= version_key(version)):
            if self.offer is not None:
                self.offer.hide()
            return
        if self.offer is None:
            self.offer = OfferBar(self._widget)
            self.offer.accepted.connect(self._switch)
            self.offer.declined.connect(self._decline)
            self._window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.offer)
        self.offer.propose(seen.version, version)

    def _switch(self) -> None:
        if self.offer is not None:
            self.offer.hide()
        try:
            self._window.reload_data()
        except DatasetError as exc:
            self._tell(str(exc))
            return
        self._window.statusBar().showMessage(_("Now using data {version}.").format(
            version=self._window.ctx.store.meta().get("dataset_version", "?")), 8000)

    def _decline(self) -> None:
        if self._seen is not None:
            self._declined.add(self._seen.path)
        if self.offer is not None:
            self.offer.hide()


def _build_index(store: Store, target: Path) -> SearchIndex:
    from ..core.search import SearchIndex, build_index

    return SearchIndex(build_index(store, target), store.path)


class OfferBar(QToolBar):
    """"Newer data is available … Switch now?" at the top of the window, out of the way of the work."""

    accepted = Signal()
    declined = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("newerDataOffer")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)      # not a toolbar the advisor can switch off for good
        self.label = QLabel(self)
        self.switch_button = QPushButton(self)
        self.switch_button.setObjectName("switchToNewerData")
        self.later_button = QPushButton(self)
        self.later_button.setObjectName("notNow")
        self.addWidget(self.label)
        self.addWidget(self.switch_button)
        self.addWidget(self.later_button)
        self.switch_button.clicked.connect(self.accepted)
        self.later_button.clicked.connect(self.declined)
        self._versions = ("", "")
        on_language_changed(self.retranslate)

    def propose(self, new: str, current: str) -> None:
        self._versions = (new, current)
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        new, current = self._versions
        self.label.setText(_("Newer data is available in the shared folder: version {new} (you use "
                             "{current}). Switch now?").format(new=new, current=current))
        self.switch_button.setText(_("Switch now"))
        self.later_button.setText(_("Not now"))
