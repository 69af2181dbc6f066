"""`make windows-test`: the Windows installer that `make windows` built, installed and used as a consulate would,
under Wine on Debian (packaging/INSTALL.md says what this proves and what still needs a real Windows PC).

In a fresh 64-bit Wine prefix (build/windows/test-prefix) whose Windows user is named in Cyrillic
(C:\\users\\Фарход Юсупов), in order:
  1. the installer's texts: the Uzbek and Kyrgyz strings of the .nsi are in the compiled setup.exe;
  2. `setup.exe /S` -> C:\\Program Files\\Migrant Desk, the Start-menu shortcut, the uninstall registry entry;
  3. the installed `migrant-desk-cli.exe --self-check` passes with its output piped, and redirected to a file
     by cmd.exe (`> file`): both read back as UTF-8;
  4. the real window (Qt's Windows platform plugin) on Xvfb: `patent olish` and `регистрация` typed with
     xdotool, each answered with results; the first result opened with the keyboard puts its title in the
     window title (checked against the installed CLI's own search), bookmarked (Ctrl+D) and given a note
     (Ctrl+E); screenshots build/windows/window-uz.png and window-ru.png;
  5. sheets written by the installed CLI as PDF, read back with pdftotext: Uzbek ʻ and Kyrgyz ң ө ү intact;
  6. a signed update pack: a test key and a pack (the bundled data with a newer data version) made by the
     installed CLI, installed with that key as the trusted one into the user's data folder (%APPDATA%); the app
     then reports the new data version;
  6b. the central office's tools: a copy of the content (in a Cyrillic folder) validated, its Uzbek texts
     exported as a PO catalog and imported back unchanged, the content editor's window opened on it;
  7. a portable copy of the program folder (a `portable` file beside the exe) keeps its data beside the exe;
  8. `uninstall.exe /S`: nothing left under Program Files, no shortcut, no registry entry, while the user's
     bookmarks, note and installed update stay.
Each step is timed; exits non-zero when a check fails.
"""
from __future__ import annotations

import json
import lzma
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from desktop.core.datasets import DATASET_PREFIX

import build
import wine
from build_windows import STUBS, WORK

ROOT = build.ROOT
HERE = Path(__file__).resolve().parent
PREFIX = WORK / "test-prefix"
USER = "Фарход Юсупов"     # the Windows user's name: the profile path holds Cyrillic letters and a space
SCREEN = "1366x768x24"
UNINSTALL_KEY = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\MigrantDesk"
QUERIES = {"uz": "patent olish", "ru": "регистрация"}
NOTE = "позвонить клиенту в среду"
GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
image = app.primaryScreen().grabWindow(0).toImage()
image.save(sys.argv[1])
print(len({image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}))
"""


class Failed(Exception):
    pass


def say(text: str) -> None:
    print(text, flush=True)


# --------------------------------------------------------------------------- the Windows side

def drive_c() -> Path:
    return PREFIX / "drive_c"


def program_dir() -> Path:
    return drive_c() / "Program Files" / "Migrant Desk"


def profile() -> Path:
    return drive_c() / "users" / USER


def appdata() -> Path:
    """%APPDATA%\\Migrant Desk\\migrant-desk: the user's data folder (QStandardPaths' AppDataLocation)."""
    return profile() / "AppData" / "Roaming" / "Migrant Desk" / "migrant-desk"


def win(path: Path) -> str:
    """A path inside the prefix's C: drive as Windows names it."""
    rel = path.relative_to(drive_c())
    return "C:\\" + "\\".join(rel.parts)


def wrun(args: list[str], timeout: float = 300, check: bool = True, **env: str) -> subprocess.CompletedProcess:
    return wine.run(PREFIX, args, timeout=timeout, check=check, USER=USER, **env)


def cli(*args: str, timeout: float = 300, check: bool = True) -> str:
    out = wrun([win(program_dir() / "migrant-desk-cli.exe"), *args], timeout=timeout, check=False)
    if check and out.returncode != 0:
        raise Failed(f"migrant-desk-cli {' '.join(args)} failed (exit {out.returncode}):\n{out.stdout}")
    return out.stdout


def reg_query(key: str) -> str:
    return wrun(["reg", "query", key, "/reg:64"], check=False).stdout


# --------------------------------------------------------------------------- the steps

def installer_header(setup: Path) -> bytes:
    """The compiled installer's script header (its pages, strings and language tables), unpacked.

    An NSIS installer is the stub exe, then the 28-byte "first header" (flags, 0xDEADBEEF, "NullsoftInst", the
    header's length, the data's length), then, with `SetCompressor /SOLID lzma`, one raw LZMA stream (5 bytes of
    properties, then the data) that begins with the header's length and the header itself."""
    blob = setup.read_bytes()
    mark = blob.find(b"\xef\xbe\xad\xdeNullsoftInst")
    if mark < 4:
        raise Failed(f"{setup.name} is no NSIS installer")
    header_length = struct.unpack_from("<i", blob, mark + 16)[0]
    data = blob[mark + 24:]
    props, dict_size = data[0], struct.unpack_from("<I", data, 1)[0]
    lzma1 = {"id": lzma.FILTER_LZMA1, "lc": props % 9, "lp": props // 9 % 5, "pb": props // 45,
             "dict_size": dict_size}
    out = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[lzma1]).decompress(data[5:], max_length=4 + header_length)
    if struct.unpack_from("<I", out, 0)[0] != header_length:
        raise Failed(f"{setup.name}: its header does not unpack as LZMA (is it still /SOLID lzma?)")
    return out[4:]


def installer_texts(setup: Path) -> str:
    """The installer's own Uzbek and Kyrgyz texts (the .nsi's LangStrings, Kyrgyz.nsh's pages) are in the
    compiled installer's language tables (UTF-16LE, as a Unicode installer keeps them)."""
    header = installer_header(setup)
    nsi = (HERE / "migrant-desk.nsi").read_text(encoding="utf-8")
    nsh = (HERE / "Kyrgyz.nsh").read_text(encoding="utf-8-sig")
    wanted = {lang: re.findall(rf'LangString \w+ \${{LANG_{lang.upper()}}} "([^"$]+)"', nsi)
              for lang in ("Uzbek", "Kyrgyz", "Russian", "English")}
    wanted["Kyrgyz"] += re.findall(r'MUI_TEXT_FINISH_TITLE "([^"$]+)"', nsh)
    for lang, texts in wanted.items():
        if not texts:
            raise Failed(f"the .nsi has no {lang} strings")
    missing = [text for texts in wanted.values() for text in texts if text.encode("utf-16-le") not in header]
    if missing:
        raise Failed("texts missing from the compiled installer: " + "; ".join(missing))
    return ", ".join(f"{lang} {len(texts)}" for lang, texts in wanted.items()) + " strings in the installer"


def fresh_prefix() -> str:
    wine.stop(PREFIX)
    shutil.rmtree(PREFIX, ignore_errors=True)
    wine.make_prefix(PREFIX, wine.build_stubs(STUBS), USER=USER)
    if not profile().is_dir():
        raise Failed(f"Wine made no profile for {USER!r}: {sorted(p.name for p in (drive_c() / 'users').iterdir())}")
    # Wine links Documents, Desktop … to the Unix home: the sheets, catalogs and folders this test writes would
    # land in the home of whoever runs it (and a resolved path would leave C:). Real folders, as on Windows.
    for link in [entry for entry in profile().iterdir() if entry.is_symlink()]:
        link.unlink()
        link.mkdir()
    return f"profile {win(profile())}"


def install(setup: Path) -> str:
    shutil.copy2(setup, drive_c() / setup.name)
    wrun([f"C:\\{setup.name}", "/S"], timeout=600)
    wine.wait(PREFIX)
    (drive_c() / setup.name).unlink()
    exes = [program_dir() / name for name in ("migrant-desk.exe", "migrant-desk-cli.exe", "uninstall.exe")]
    missing = [p.name for p in exes if not p.is_file()]
    if missing:
        raise Failed(f"the installer put no {', '.join(missing)} into {program_dir()}")
    shortcut = drive_c() / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Migrant Desk.lnk"
    if not shortcut.is_file():
        raise Failed(f"no Start-menu shortcut at {shortcut}")
    key = reg_query(UNINSTALL_KEY)
    if "DisplayVersion" not in key or build.version() not in key or "uninstall.exe" not in key:
        raise Failed(f"the uninstall registry entry is missing or incomplete:\n{key}")
    longest = max((p for p in program_dir().rglob("*")), key=lambda p: len(win(p)))
    if len(win(longest)) >= 260:
        raise Failed(f"an installed path is longer than Windows' 260 characters: {win(longest)}")
    files = sum(1 for p in program_dir().rglob("*") if p.is_file())
    return (f"{files} files, {build.mb(build.tree_size(program_dir()))} MB in {win(program_dir())}; shortcut and "
            f"uninstall entry present; longest path {len(win(longest))} characters")


def self_checks() -> str:
    piped = cli("--self-check")
    if "self-check passed" not in piped:
        raise Failed(f"the installed self-check (piped) did not pass:\n{piped}")
    for word in ("патент", "патент олиш", "каттоо"):
        if word not in piped:
            raise Failed(f"the piped self-check output lacks {word!r} (not UTF-8?):\n{piped}")
    # cmd.exe opens the file and hands its Windows handle to the program, as `> file` does on Windows. The
    # batch file names the folders by variables (cmd reads a batch file in the OEM code page, not UTF-8).
    report = profile() / "Documents" / "self-check.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.unlink(missing_ok=True)
    batch = drive_c() / "self-check.bat"
    batch.write_text('@echo off\r\ncd /d "%USERPROFILE%\\Documents"\r\n'
                     '"%ProgramFiles%\\Migrant Desk\\migrant-desk-cli.exe" --self-check > self-check.txt 2>&1\r\n'
                     'exit /b %ERRORLEVEL%\r\n', encoding="ascii")
    out = wrun(["cmd", "/c", win(batch)], check=False)
    text = report.read_bytes().decode("utf-8") if report.exists() else ""
    if out.returncode != 0 or "self-check passed" not in text or "патент олиш" not in text:
        raise Failed(f"the self-check redirected to a file failed (exit {out.returncode}):\n{text}{out.stdout}")
    say("\n".join("    " + line for line in piped.strip().splitlines()))
    return f"passed piped and redirected to {win(report)} (UTF-8)"


def search_titles(query: str, lang: str) -> dict[str, dict[str, str]]:
    """The installed CLI's hits for `query`: id -> titles in every language."""
    found = json.loads(cli("search", query, "--lang", lang, "--json", "--limit", "20"))
    hits = found["hits"] if isinstance(found, dict) else found   # {"hits": [...], ...} since the query chips
    return {h["id"]: h["titles"] for h in hits}


# --------------------------------------------------------------------------- the window

def xdotool(display: str, *args: str, check: bool = True) -> str:
    out = subprocess.run(["xdotool", *args], env=dict(os.environ, DISPLAY=display), capture_output=True,
                         text=True, timeout=60)
    if check and out.returncode != 0:
        raise Failed(f"xdotool {' '.join(args)} failed: {out.stderr}")
    return out.stdout.strip()


def window_id(display: str, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = xdotool(display, "search", "--onlyvisible", "--name", "Migrant Desk", check=False).split()
        if found:
            return found[-1]
        time.sleep(1)
    raise Failed(f"no window named Migrant Desk appeared within {timeout:.0f} s")


def title(display: str, wid: str) -> str:
    return xdotool(display, "getwindowname", wid)


def wait_title(display: str, wid: str, differs_from: str, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = title(display, wid)
        if now != differs_from:
            return now
        time.sleep(0.5)
    return title(display, wid)


def screenshot(display: str, path: Path) -> int:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    out = subprocess.run([sys.executable, "-c", GRAB, str(path)], env=env, capture_output=True, text=True,
                         timeout=60)
    if out.returncode != 0:
        raise Failed(f"the screenshot failed: {out.stderr}")
    return int(out.stdout.split()[-1])


def enter_text(display: str, wid: str, text: str) -> None:
    """Text into the focused field: typed key by key with xdotool when every letter is on the US keyboard
    (`patent olish`); otherwise put on the clipboard (xclip) and pasted with Ctrl+V. xdotool types a letter
    that is not on the keyboard by binding it to a spare key for a moment, and Wine, which reads the keyboard
    map when it starts, turns those into wrong letters (регистрация came out as цццццццаааа)."""
    if text.isascii():
        xdotool(display, "type", "--delay", "80", text)
        return
    clip = subprocess.Popen(["xclip", "-selection", "clipboard", "-loops", "2"], stdin=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=dict(os.environ, DISPLAY=display))
    assert clip.stdin is not None
    clip.stdin.write(text.encode("utf-8"))
    clip.stdin.close()
    time.sleep(0.5)
    try:
        xdotool(display, "key", "--clearmodifiers", "ctrl+v")
        time.sleep(1)
    finally:
        if clip.poll() is None:
            clip.kill()
        clip.wait(10)


def activate(display: str, wid: str) -> None:
    """Make the window the active one again, as a click into it does: without a window manager, Wine leaves
    the window inactive once a record has opened (the menu bar greys), and Qt's shortcuts (Ctrl+D, Ctrl+E,
    Ctrl+Q) only reach an active window. The click lands on the status bar, which does nothing with it."""
    xdotool(display, "windowfocus", "--sync", wid)
    height = int(re.search(r"Geometry: \d+x(\d+)", xdotool(display, "getwindowgeometry", wid)).group(1))
    xdotool(display, "mousemove", "--window", wid, "1000", str(height - 6), "click", "1")
    time.sleep(0.5)


def keys(display: str, wid: str, *names: str) -> None:
    """Key presses (shortcuts) for the active window."""
    activate(display, wid)
    xdotool(display, "key", "--clearmodifiers", *names)


def keys_if_open(display: str, wid: str, app: subprocess.Popen, *names: str) -> None:
    """`keys`, unless the window has closed in the meantime."""
    try:
        keys(display, wid, *names)
    except (Failed, AttributeError):
        if app.poll() is None:
            raise


def search_and_open(display: str, wid: str, query: str, before: str, attempts: int = 4) -> str:
    """Ctrl+F, the query entered, Enter; then Down into the results and Enter on the first: the window title
    becomes the record's title. Under Wine on a busy machine a pasted text can arrive after the Enter that
    follows it, and the first search may take many seconds, so Enter in the field and Down, Enter are tried
    again until the title changes."""
    activate(display, wid)
    xdotool(display, "key", "--clearmodifiers", "ctrl+f", "ctrl+a", "BackSpace")
    enter_text(display, wid, query)
    time.sleep(2)
    for _attempt in range(attempts):
        activate(display, wid)
        xdotool(display, "key", "--clearmodifiers", "ctrl+f", "Return")
        time.sleep(3)
        xdotool(display, "key", "Down", "Return")
        now = wait_title(display, wid, before, timeout=15)
        if now != before:
            return now
    return before


def settled_screenshot(display: str, path: Path, unlike: bytes = b"", timeout: float = 30) -> int:
    """A screenshot once two taken a second apart are the same and differ from `unlike` (the screen before the
    query): Wine paints a busy window late, after its title has already changed."""
    previous, deadline = b"", time.monotonic() + timeout
    while True:
        colours = screenshot(display, path)
        now = path.read_bytes()
        if (now == previous and now != unlike) or time.monotonic() > deadline:
            return colours
        previous = now
        time.sleep(1)


def window_session(display: str, lang: str, query: str, expected: dict[str, dict[str, str]],
                   note: str | None = None) -> str:
    """The installed app started as from its shortcut: `query` typed, the first result opened and bookmarked,
    `note` written on it; closed with Ctrl+Q. Returns the id of the record opened."""
    started = time.monotonic()
    app = subprocess.Popen([wine.wine64(), win(program_dir() / "migrant-desk.exe")],
                           env=wine.env(PREFIX, USER=USER, DISPLAY=display), stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wid = window_id(display)
        up = time.monotonic() - started
        time.sleep(2)
        before = title(display, wid)
        shot = WORK / f"window-{lang}.png"
        screenshot(display, shot)
        start_screen = shot.read_bytes()
        now = search_and_open(display, wid, query, before)
        colours = settled_screenshot(display, shot, unlike=start_screen)
        record = now.rsplit(" — ", 1)[0].rsplit(" - ", 1)[0].strip()
        top = list(expected)[:5]
        match = [rid for rid in top if record in expected[rid].values()]
        if now == before or not match:
            raise Failed(f"after typing {query!r} and opening the first result the window title is {now!r}, no title "
                         f"of the installed CLI's first hits for it ({', '.join(top)}); screenshot {shot}")
        rid = match[0]
        # each shortcut is given again until the user data shows its effect (the window can miss keys while
        # Wine is busy), waiting long enough that a late one is not doubled (Ctrl+D toggles)
        if not retry_until(lambda: rid in userdata_now()[0], lambda: keys(display, wid, "ctrl+d")):
            raise Failed(f"Ctrl+D did not bookmark {rid} (user data: {userdata_now()})")
        if note and not retry_until(lambda: note in userdata_now()[1].get(rid, ""),
                                    lambda: (keys(display, wid, "ctrl+e"), enter_text(display, wid, note))):
            raise Failed(f"Ctrl+E and the typed note did not reach the user data: {userdata_now()}")
        # a Ctrl+D the busy window took late toggles the bookmark off again: make sure it is on before closing
        if not retry_until(lambda: rid in userdata_now()[0], lambda: None, tries=1, wait=5) and \
                not retry_until(lambda: rid in userdata_now()[0], lambda: keys(display, wid, "ctrl+d")):
            raise Failed(f"the bookmark on {rid} did not stay (user data: {userdata_now()})")
        closed = retry_until(lambda: app.poll() is not None, lambda: keys_if_open(display, wid, app, "ctrl+q"),
                             tries=2)
        if not closed:   # what the window's close button sends: WM_CLOSE, the same closeEvent as Ctrl+Q
            settled_screenshot(display, WORK / "window-not-closed.png")
            wrun(["taskkill", "/im", "migrant-desk.exe"], check=False)
            closed = retry_until(lambda: app.poll() is not None, lambda: None, tries=1, wait=30)
            say(f"    Ctrl+Q was not taken (screenshot {WORK / 'window-not-closed.png'}); closed with WM_CLOSE")
        if not closed:
            raise Failed(f"the window did not close; screenshot {WORK / 'window-not-closed.png'}")
    finally:
        if app.poll() is None:
            app.kill()
        wine.stop(PREFIX)
    say(f"    {query!r}: window up in {up:.1f} s; first result opened: {record!r} ({match[0]}); "
        f"{colours} colours in {shot.relative_to(ROOT)}")
    return match[0]


def window(expected: dict[str, dict[str, dict[str, str]]]) -> tuple[str, list[str]]:
    """Two sessions of the window on Xvfb: the Uzbek query, then the Russian one with a note."""
    from package_test import xvfb

    with xvfb() as display:
        opened = [window_session(display, lang, query, expected[lang], NOTE if lang == "ru" else None)
                  for lang, query in QUERIES.items()]
    return f"{len(opened)} queries typed, results opened in the window", opened


def retry_until(done, action, tries: int = 3, wait: float = 15) -> bool:
    """`action`, then up to `wait` seconds for `done()`; again, `tries` times in all."""
    for _try in range(tries):
        action()
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if done():
                return True
            time.sleep(0.5)
    return bool(done())


def userdata_now() -> tuple[list[str], dict[str, str]]:
    """The user data as it is on disk now (empty while the window has not written it yet)."""
    try:
        return userdata()
    except (Failed, sqlite3.Error):
        return [], {}


def userdata() -> tuple[list[str], dict[str, str]]:
    path = appdata() / "userdata.sqlite"
    if not path.exists():
        raise Failed(f"the window wrote no user data at {path}")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        bookmarks = sorted(r[0] for r in conn.execute("SELECT record_id FROM bookmarks"))
        notes = dict(conn.execute("SELECT record_id, text FROM notes"))
    finally:
        conn.close()
    return bookmarks, notes


# --------------------------------------------------------------------------- sheets, packs, portable

def sheets() -> str:
    docs = profile() / "Documents"
    docs.mkdir(parents=True, exist_ok=True)
    found = []
    for lang, citizenship, letters in (("uz", "UZ", ["\u02bb"]), ("ky", "KG", ["ң", "ө", "ү"])):
        pdf = docs / f"варақа-{lang}.pdf"
        cli("sheet", "work-patent", "--lang", lang, "--citizenship", citizenship, "--region", "RU-MOW",
            "--out", win(pdf))
        if not pdf.is_file():
            raise Failed(f"the installed CLI wrote no {pdf}")
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        lost = [c for c in letters if c not in text]
        if lost:
            raise Failed(f"{pdf.name}: pdftotext finds no {' '.join(lost)}:\n{text[:800]}")
        found.append(f"{lang}: {' '.join(letters)} ({pdf.stat().st_size // 1024} KB)")
    return "; ".join(found)


def content_tools() -> str:
    """The central office's tools in the installed app, on a copy of the content in a folder named in Cyrillic:
    validated; its Uzbek texts exported as a gettext catalog for the translator and imported back unchanged
    (nothing written); the content editor's window opens on it (screenshot build/windows/editor.png)."""
    from package_test import xvfb

    content = profile() / "Documents" / "Контент"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(ROOT / "db" / "content", content, ignore=shutil.ignore_patterns("*.md"))
    checked = cli("validate", win(content))
    if "OK" not in checked:
        raise Failed(f"the installed CLI does not validate the content:\n{checked}")
    po = profile() / "Documents" / "uz.po"
    cli("translations", "export", "--lang", "uz", "--out", win(po), win(content))
    catalog = po.read_text(encoding="utf-8") if po.is_file() else ""
    entries = catalog.count("\nmsgctxt ")
    if entries < 300 or "\u02bb" not in catalog:
        raise Failed(f"the exported catalog {po} has {entries} entries (or no Uzbek ʻ)")
    before = {path: path.read_bytes() for path in content.rglob("*.yaml")}
    back = cli("translations", "import", win(po), win(content))
    changed = [path.name for path, data in before.items() if path.read_bytes() != data]
    if "0 text(s) written" not in back or changed:
        raise Failed(f"importing the unchanged catalog wrote {changed}:\n{back}")
    with xvfb() as display:
        app = subprocess.Popen([wine.wine64(), win(program_dir() / "migrant-desk.exe"), "editor", win(content)],
                               env=wine.env(PREFIX, USER=USER, DISPLAY=display), stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wid = window_id(display)
            name = wait_title(display, wid, "", timeout=30)
            time.sleep(5)   # the records read and listed
            colours = settled_screenshot(display, WORK / "editor.png")
            if not name.startswith("Migrant Desk") or win(content) not in name:   # (titled in the UI language)
                raise Failed(f"the editor's window is titled {name!r}; screenshot {WORK / 'editor.png'}")
        finally:
            app.kill()
            wine.stop(PREFIX)
    return (f"validated; {entries} Uzbek texts exported and imported back, nothing written; editor window "
            f"{name!r}, {colours} colours in {(WORK / 'editor.png').relative_to(ROOT)}")


def next_version(version: str) -> str:
    numbers = version.split(".")
    return ".".join([*numbers[:-1], str(int(numbers[-1]) + 1)])


def update_pack() -> str:
    """A dataset one data version newer, built by the installed CLI from the content files (db/content, or the
    folder in MIGRANT_DESK_TEST_CONTENT) in the user's documents; a test key and a pack made by the installed
    CLI too; installed into %APPDATA% with that key as the trusted one."""
    work = drive_c() / "pack-test"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    conn = sqlite3.connect(f"{(program_dir() / 'dataset' / 'reference.sqlite').as_uri()}?mode=ro", uri=True)
    old = conn.execute("SELECT value FROM meta WHERE key = 'dataset_version'").fetchone()[0]
    conn.close()
    new = next_version(old)
    content = profile() / "Documents" / "материалы"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(os.environ.get("MIGRANT_DESK_TEST_CONTENT") or ROOT / "db" / "content", content)
    (content / "dataset.yaml").write_text(f"version: {new}\n", encoding="utf-8")
    dataset = profile() / "Documents" / "новые данные"
    shutil.rmtree(dataset, ignore_errors=True)
    cli("build", "--content", win(content), "--out", win(dataset), timeout=900)
    (work / "passphrase.txt").write_text("windows-test passphrase\n", encoding="utf-8")
    (work / "changelog.yaml").write_text("ru: Тестовое обновление\nuz: Sinov yangilanishi\n"
                                         "ky: Сыноо жаңыртуусу\nen: Test update\n", encoding="utf-8")
    cli("pack", "keygen", "--name", "windows-test key", "--out", win(work / "keys"),
        "--passphrase-file", win(work / "passphrase.txt"))
    [private] = (work / "keys").glob("*.p12")
    [public] = (work / "keys").glob("*.pub")
    (work / "trusted").mkdir()
    shutil.copy2(public, work / "trusted" / public.name)
    pack = work / "обновление.mdpack"
    cli("pack", "build", "--key", win(private), "--changelog", win(work / "changelog.yaml"), "--out", win(pack),
        "--from", win(dataset), "--passphrase-file", win(work / "passphrase.txt"))
    shutil.rmtree(content)
    refused = cli("pack", "install", win(pack), check=False)   # the app's own keys do not know the test key
    if installed_updates():
        raise Failed(f"a pack signed by an unknown key was installed:\n{refused}")
    out = cli("pack", "install", win(pack), "--trusted-keys", win(work / "trusted"))
    info = cli("info")
    if f"dataset_version: {new}" not in info or win(appdata()) not in info.replace("/", "\\"):
        raise Failed(f"after installing the pack the app reports:\n{info}\n(install said: {out})")
    status = cli("pack", "status")
    return f"data {old} -> {new} in {win(appdata() / 'datasets')}; unknown key refused; status: " + \
        " ".join(line.strip() for line in status.splitlines() if line.startswith("in use"))


def installed_updates() -> list[Path]:
    """The dataset folders that installed updates left in the user's data folder (core/datasets.py names them)."""
    folder = appdata() / "datasets"
    return sorted(p for p in folder.glob(f"{DATASET_PREFIX}*") if p.is_dir()) if folder.is_dir() else []


def portable() -> str:
    """A copy of the program folder with a `portable` file keeps its user data beside the exe."""
    copy = drive_c() / "Портативная папка" / "Migrant Desk"
    shutil.rmtree(copy.parent, ignore_errors=True)
    shutil.copytree(program_dir(), copy)
    (copy / "portable").write_text("", encoding="utf-8")
    exe = win(copy / "migrant-desk-cli.exe")
    out = wrun([exe, "--self-check"], check=False).stdout
    if "self-check passed" not in out or win(copy / "userdata") not in out:
        raise Failed(f"the portable copy's self-check did not use {win(copy / 'userdata')}:\n{out}")
    shutil.rmtree(copy.parent)
    return f"user data beside the exe ({win(copy / 'userdata')})"


def uninstall(bookmarks_before: list[str], notes_before: dict[str, str]) -> str:
    wrun([win(program_dir() / "uninstall.exe"), "/S"], timeout=300)
    wine.wait(PREFIX)
    deadline = time.monotonic() + 60   # the uninstaller runs from a copy of itself in TEMP
    while program_dir().exists() and time.monotonic() < deadline:
        time.sleep(1)
        wine.wait(PREFIX)
    if program_dir().exists():
        left = [str(p.relative_to(program_dir())) for p in program_dir().rglob("*")][:20]
        raise Failed(f"the uninstaller left {win(program_dir())}: {left}")
    shortcut = drive_c() / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Migrant Desk.lnk"
    if shortcut.exists():
        raise Failed("the uninstaller left the Start-menu shortcut")
    if "DisplayName" in reg_query(UNINSTALL_KEY):
        raise Failed("the uninstaller left its registry entry")
    bookmarks, notes = userdata()
    if bookmarks != bookmarks_before or notes != notes_before:
        raise Failed(f"the user's data changed with the uninstall: {bookmarks}, {notes}")
    if not installed_updates():
        raise Failed("the installed data update went with the program")
    return (f"nothing left in {win(program_dir())}; kept in {win(appdata())}: {len(bookmarks)} bookmarks, "
            f"{len(notes)} note(s), the data update")


# --------------------------------------------------------------------------- the whole test

def main() -> int:
    steps = wine.Steps("make windows-test")
    setup = build.DIST / f"{build.NAME}-{build.version()}-setup.exe"
    try:
        if not setup.exists():
            raise Failed(f"{setup} is missing: run `make windows` first")
        for tool in ("xdotool", "xclip", "pdftotext", "Xvfb"):
            if not shutil.which(tool):
                raise Failed(f"{tool} is missing (make windows-test installs it with apt-get as root)")
        with steps.step("installer texts uz/ky") as s:
            s.note = installer_texts(setup)
        with steps.step(f"fresh Wine prefix, user {USER}") as s:
            s.note = fresh_prefix()
        with steps.step("silent install (/S)") as s:
            s.note = install(setup)
        with steps.step("self-check piped and to a file") as s:
            s.note = self_checks()
        expected = {lang: search_titles(query, lang) for lang, query in QUERIES.items()}
        for lang, hits in expected.items():
            if not hits:
                raise Failed(f"the installed CLI finds nothing for {QUERIES[lang]!r}")
        with steps.step("window: typed queries, results") as s:
            s.note, opened = window(expected)
        bookmarks, notes = userdata()
        if sorted(set(opened)) != bookmarks or list(notes) != [opened[-1]] or NOTE not in notes[opened[-1]]:
            raise Failed(f"the window's bookmarks/note are not in the user data: {bookmarks}, {notes}")
        with steps.step("sheets as PDF (pdftotext)") as s:
            s.note = sheets()
        with steps.step("content tools: validate, PO export/import, editor window") as s:
            s.note = content_tools()
        with steps.step("signed update pack") as s:
            s.note = update_pack()
        with steps.step("portable copy") as s:
            s.note = portable()
        with steps.step("silent uninstall") as s:
            s.note = uninstall(bookmarks, notes)
    except (Failed, wine.WineError, subprocess.TimeoutExpired) as exc:
        wine.stop(PREFIX)
        steps.report()
        say(f"\nwindows-test FAILED: {exc}")
        return 1
    wine.stop(PREFIX)
    steps.report()
    say(f"\nwindows-test passed: {setup.relative_to(ROOT)} ({build.mb(setup.stat().st_size)} MB); screenshots "
        f"{', '.join(str((WORK / f'window-{lang}.png').relative_to(ROOT)) for lang in QUERIES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
