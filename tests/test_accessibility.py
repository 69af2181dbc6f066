"""The window as a screen reader reads it: the real window (xcb under Xvfb, Qt's AT-SPI bridge on) walked over
the AT-SPI bus by tests/atspi_walk.py, as Orca would. Every control has a name and a role in every interface
language, the results say title, kind and status, the record's text is readable, Tab goes in the order the eye
does, and every menu action is reachable by keyboard.

Needs Xvfb, dbus-daemon, at-spi2-core and the system python3 with gir1.2-atspi-2.0 (the Makefile's TEST_DEBS);
skipped only where the AT-SPI bus cannot start.
"""
from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
APP_NAME = "migrant-desk-a11y-test"
LANGS = ("en", "ru", "uz", "uz_Cyrl", "ky")
TABS = 5
# Roles a person acts on: each needs a name a screen reader can say.
INTERACTIVE = {"push button", "toggle button", "check box", "radio button", "combo box", "text", "entry",
               "password text", "list", "list item", "page tab", "menu item", "check menu item",
               "radio menu item", "spin button", "slider", "table", "tree", "tree table", "link", "date editor"}
# Names that are the same in every language: proper names, formats, the languages' own names.
PROPER_NAMES = {"WhatsApp", "Telegram", "PDF", "E-mail", "English", "Migrant Desk"}


def _bus_launcher() -> str | None:
    return next((path for path in BUS_LAUNCHERS if os.access(path, os.X_OK)), None)


def _why_no_bus() -> str | None:
    """Why the AT-SPI bus cannot start here, or None when it can."""
    for tool in ("Xvfb", "dbus-daemon"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if _bus_launcher() is None:
        return "at-spi2-core is not installed"
    check = subprocess.run([SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0')"],
                           capture_output=True) if os.access(SYSTEM_PYTHON, os.X_OK) else None
    if check is None or check.returncode:
        return "the system python3 has no gi Atspi (python3-gi, gir1.2-atspi-2.0)"
    return None


class Desktop:
    """An X server, a D-Bus session bus and the AT-SPI bus of our own, and the app on them."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.processes: list[subprocess.Popen] = []
        self.env = dict(os.environ)
        self.app: subprocess.Popen | None = None

    def start(self, dataset: Path) -> None:
        read, write = os.pipe()
        self._spawn(["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                    pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as f:
            self.env["DISPLAY"] = ":" + f.readline().strip()
        bus = self._spawn(["dbus-daemon", "--session", "--nofork", "--print-address"], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL)
        self.env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().decode().strip()
        self._spawn([_bus_launcher(), "--launch-immediately"], stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL)
        self.env.update(QT_QPA_PLATFORM="xcb", QT_ACCESSIBILITY="1", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                        QT_LOGGING_RULES="qt.accessibility.atspi.warning=false", PYTHONPATH=str(REPO))
        home = self.tmp / "home"
        home.mkdir()
        self.app = self._spawn([sys.executable, str(HERE / "a11y_app.py"), str(dataset), str(home), "en"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self._wait_for("ready")

    def _spawn(self, argv: list, **kwargs) -> subprocess.Popen:
        # each in its own process group: at-spi-bus-launcher starts its bus and registry daemon, ended with it
        process = subprocess.Popen(argv, env=self.env, start_new_session=True, **kwargs)
        self.processes.append(process)
        return process

    def _wait_for(self, word: str) -> None:
        assert self.app is not None and self.app.stdout is not None
        line = self.app.stdout.readline().strip()
        assert line == word, f"the app answered {line!r}, not {word!r}"

    def tell(self, command: str) -> None:
        assert self.app is not None and self.app.stdin is not None
        self.app.stdin.write(command + "\n")
        self.app.stdin.flush()
        self._wait_for("ok")

    def walk(self, *args: str):
        out = subprocess.run([SYSTEM_PYTHON, str(HERE / "atspi_walk.py"), args[0], APP_NAME, *args[1:]],
                             env=self.env, capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    def stop(self) -> None:
        if self.app is not None and self.app.poll() is None:
            self.app.stdin.write("quit\n")
            self.app.stdin.flush()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.app.wait(10)
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(10)


@pytest.fixture(scope="module")
def desktop(real_dataset, tmp_path_factory) -> Iterator[Desktop]:
    why = _why_no_bus()
    if why and os.environ.get("MIGRANT_DESK_REQUIRE_ATSPI"):   # CI (.ci/run) installs all it needs
        pytest.fail(f"the AT-SPI bus cannot start: {why}")
    if why:
        pytest.skip(f"the AT-SPI bus cannot start here: {why}")
    session = Desktop(tmp_path_factory.mktemp("a11y"))
    try:
        session.start(real_dataset)
        yield session
    finally:
        session.stop()


def nodes(tree: dict) -> Iterator[dict]:
    yield tree
    for child in tree["children"]:
        yield from nodes(child)


@pytest.fixture(scope="module")
def trees(desktop) -> dict[tuple[str, int], dict]:
    """The shown tree of every tab in every language (all tabs built first, in English, then the language
    switched live as the Language menu does)."""
    out = {}
    for lang in LANGS:
        if lang != "en":
            desktop.tell(f"lang {lang}")
        for tab in range(TABS):
            desktop.tell(f"tab {tab}")
            out[lang, tab] = desktop.walk("dump")
    desktop.tell("tab 0")
    return out


def interactive(tree: dict) -> Iterator[dict]:
    """The controls a person acts on: shown ones, and the menu bar's actions (reached through the bar)."""
    for node in nodes(tree):
        acted_on = node["role"] in INTERACTIVE and (node["showing"] or node["role"].endswith("menu item"))
        focus_stop = node["showing"] and node["focusable"] and node["role"] not in ("filler", "label", "page tab list")
        if acted_on or focus_stop:
            yield node


def what_it_says(node: dict) -> str:
    """What Orca says for a control: its name, its label and its description (a combo box's name is its value)."""
    return " ".join([node["name"], *node["labelled_by"], node["description"]]).strip()


def test_every_control_has_a_name_and_a_role_in_every_language(trees):
    nameless = set()
    for (lang, tab), tree in trees.items():
        for node in interactive(tree):
            unnamed = not node["name"].strip() or (node["role"] == "combo box" and not
                                                  (node["labelled_by"] or node["description"]))
            if unnamed or node["role"] == "unknown":
                nameless.add(f"{lang} tab {tab}: [{node['role']}] {what_it_says(node)!r} at {node['box']}")
    assert not nameless, "controls a screen reader cannot name:\n" + "\n".join(sorted(nameless))


def _english_words(text: str) -> bool:
    from desktop.core.languages import NAMES

    if text in PROPER_NAMES or text in NAMES.values():
        return False
    if all("." in word or word == ";" for word in text.split()):
        return False  # a web or e-mail address: written as it is typed
    return bool(re.search(r"[A-Za-z]{3,}", text))


def test_no_english_names_in_ru_uz_ky(trees):
    english = {text for (lang, _tab), tree in trees.items() if lang == "en"
               for node in interactive(tree) for text in (node["name"], node["description"], *node["labelled_by"])}
    left = set()
    for (lang, tab), tree in trees.items():
        if lang == "en":
            continue
        for node in interactive(tree):
            for text in (node["name"], node["description"], *node["labelled_by"]):
                if node["role"] != "table cell" and text in english and _english_words(text):
                    left.add(f"{lang} tab {tab}: [{node['role']}] {text!r}")
    assert not left, "English left in another interface language:\n" + "\n".join(sorted(left))


def _hits(dataset: Path, lang: str):
    from desktop.core.languages import content_language
    from desktop.core.search import Filters, SearchIndex
    from desktop.core.store import Store

    store = Store(dataset)
    index = SearchIndex.open(store, dataset / "index")
    try:
        return index.search("patent", Filters(), lang=content_language(lang), limit=50).hits
    finally:
        index.close()
        store.close()


@pytest.mark.parametrize("lang", LANGS)
def test_each_result_says_its_title_kind_and_status(trees, real_dataset, lang):
    from desktop.core.languages import derive
    from desktop.present import labels

    results = next(node for node in nodes(trees[lang, 0]) if node["role"] == "list" and node["children"])
    items = [node for node in results["children"] if node["role"] == "list item"]
    hits = _hits(real_dataset, lang)
    assert items and len(items) <= len(hits)
    for item, hit in zip(items, hits[:len(items)], strict=True):
        said = what_it_says(item)
        for part in (derive(hit.title, lang), labels.kind(hit.kind, lang), labels.status(hit.status, lang)):
            assert part in said, f"{lang}: the result {hit.id} says {said!r}, not {part!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_record_text_is_readable_through_the_tree(trees, real_dataset, lang):
    from desktop.core.store import Store
    from desktop.present.text import record_text

    store = Store(real_dataset)
    title = record_text(store.record("work-patent"), "title", lang)
    store.close()
    readers = [node for node in nodes(trees[lang, 0])
               if node["role"] != "list item" and node["text"] and title in node["text"]]
    assert readers, f"{lang}: no object in the tree reads out the record's title {title!r}"


def test_tab_goes_in_the_order_the_eye_does(desktop, trees):
    desktop.tell("lang en")
    desktop.tell("tab 0")
    desktop.tell("focus")
    stops: list[dict] = []
    for step in desktop.walk("keys", *["Tab"] * 80):  # (the record's links count as stops too)
        if step["focus"] and (not stops or step["focus"] != stops[-1]):  # (Tab walks the record's links too)
            stops.append(step["focus"])
    names = [f"{stop['role']} {stop['name']!r}" for stop in stops]
    back = next((i for i, stop in enumerate(stops) if stop["role"] == "text" and stop["box"][1] < 60), None)
    assert back, f"Tab never came back to the search field: {names}"
    stops = stops[back:back + 1] + stops[:back]  # from the search field, where the window starts, round once
    panels_x = next(node for node in nodes(trees["en", 0]) if node["role"] == "page tab list")["box"][0]
    side = [stop for stop in stops if stop["box"][0] < panels_x]
    assert stops[:len(side)] == side, f"Tab leaves the side panel and comes back: {names}"
    for part in (side, stops[len(side):]):
        for before, after in itertools.pairwise(part):
            (x0, y0, *_), (x1, y1, *_) = before["box"], after["box"]
            same_row = abs(y1 - y0) <= 8
            assert (same_row and x1 >= x0) or (not same_row and y1 > y0), \
                f"Tab goes from {before} to {after}, against the reading order: {names}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_menu_action_is_reached_by_keyboard(desktop, trees, lang):
    bar = next(node for node in nodes(trees[lang, 0]) if node["role"] == "menu bar")
    menus = bar["children"]
    keys = [menu["key"].split(",")[0].strip() for menu in menus]
    assert all(re.fullmatch(r"Alt\+\w", key) for key in keys), f"{lang}: a menu without a mnemonic: {keys}"
    assert len(set(keys)) == len(keys), f"{lang}: two menus on one mnemonic: {keys}"
    for menu in menus:
        actions = [item for popup in menu["children"] for item in popup["children"] if item["role"] != "separator"]
        assert actions and all(item["name"].strip() for item in actions), f"{lang}: {menu['name']}: {actions}"
    # and the keyboard opens each menu: Alt takes the menu bar, Down opens the first menu, Right the next
    desktop.tell(f"lang {lang}")
    desktop.tell("focus")
    opened = []
    for keys in (["Alt_L", "Down"], *[["Right"]] * (len(menus) - 1)):
        desktop.walk("keys", *keys)
        bar = next(node for node in nodes(desktop.walk("dump")) if node["role"] == "menu bar")
        opened += [menu["name"] for menu in bar["children"] if any(popup["showing"] for popup in menu["children"])]
    desktop.walk("keys", "Escape", "Escape")
    assert opened == [menu["name"] for menu in menus], f"{lang}: the keyboard opened {opened}"
