"""`make package-test`: install the built .deb as an IT person would, check the installed app, remove it.

Runs as root (dpkg). In order:
  1. install the package's runtime dependencies when missing (apt-get), then `dpkg -i` the .deb;
  2. the installed `migrant-desk --self-check` (offscreen) as root, and as an ordinary user (nobody),
     once more on a read-only dataset without an index, which must be rebuilt in that user's cache;
  3. the real window (xcb) under Xvfb as that user: a screenshot (docs/screenshots/installed-app.png)
     and the first paint timed against a bare PySide6 window;
  4. `dpkg -r`: nothing of the package may be left, while the user's data (settings, notes, logs) stays.
Prints the sizes and the first-paint ratio; exits non-zero when a check fails.
"""
from __future__ import annotations

import os
import pwd
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from paint_timer import BARE_WINDOW, NoWindow, first_paint, paint_once, stop

import build

ROOT = build.ROOT
LAUNCHER = Path("/usr/bin") / build.NAME
INSTALL_DIR = Path(build.INSTALL_DIR)
SCREENSHOT = ROOT / "docs" / "screenshots" / "installed-app.png"
SCREEN = "1366x768x24"
PAINT_RUNS = 5
USER = "nobody"
GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
image = app.primaryScreen().grabWindow(0).toImage()
colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
image.save(sys.argv[1])
print(len(colours))
"""


class Failed(Exception):
    pass


def say(text: str) -> None:
    print(text, flush=True)


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, **kwargs)


def must(cmd: list[str], what: str, **kwargs) -> subprocess.CompletedProcess:
    out = run(cmd, **kwargs)
    if out.returncode != 0:
        raise Failed(f"{what} failed (exit {out.returncode}):\n{out.stdout}{out.stderr}")
    return out


# --------------------------------------------------------------------------- users and environments

class Person:
    """Someone running the app: a home folder of their own and the uid to run as."""

    def __init__(self, base: Path, name: str, account: str | None):
        self.home = base / f"home-{name}"
        self.home.mkdir()
        self.account = account
        if account:
            entry = pwd.getpwnam(account)
            os.chown(self.home, entry.pw_uid, entry.pw_gid)

    def env(self, **extra: str) -> dict[str, str]:
        env = {"PATH": "/usr/bin:/bin", "HOME": str(self.home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
        env.update(extra)
        return env

    def cmd(self, args: list[str]) -> list[str]:
        if not self.account:
            return args
        return ["setpriv", f"--reuid={self.account}", f"--regid={pwd.getpwnam(self.account).pw_gid}",
                "--clear-groups", *args]

    @property
    def data_dir(self) -> Path:
        return self.home / ".local/share/Migrant Desk/migrant-desk"


# --------------------------------------------------------------------------- install / remove

def require_root() -> None:
    if os.geteuid() != 0:
        raise Failed("package-test installs the .deb system-wide with dpkg: run it as root (CI does).")


def ensure_depends(deb: Path) -> None:
    """dpkg -i does not fetch dependencies; install the package's Depends first, as apt would."""
    depends = must(["dpkg-deb", "-f", str(deb), "Depends"], "reading the package's Depends").stdout
    names = [d.strip().split()[0] for d in depends.split(",") if d.strip()]
    missing = [n for n in names if "ok installed" not in run(["dpkg-query", "-W", "-f=${Status}", n]).stdout]
    if missing:
        say(f"installing the package's dependencies: {' '.join(missing)}")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        must(["apt-get", "update", "-qq"], "apt-get update", env=env)
        must(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], "apt-get install", env=env)


def installed() -> bool:
    return "ok installed" in run(["dpkg-query", "-W", "-f=${Status}", build.NAME]).stdout


def install(deb: Path) -> list[Path]:
    if installed():
        say(f"{build.NAME} was installed already: removing it first")
        must(["dpkg", "-r", build.NAME], "dpkg -r of the earlier install")
    started = time.monotonic()
    must(["dpkg", "-i", str(deb)], "dpkg -i")
    files = [Path(p) for p in must(["dpkg", "-L", build.NAME], "dpkg -L").stdout.splitlines() if p.startswith("/")]
    say(f"installed {deb.name} in {time.monotonic() - started:.1f} s: {len(files)} paths, "
        f"{build.mb(build.tree_size(INSTALL_DIR))} MB in {INSTALL_DIR}")
    return files


def remove(files: list[Path]) -> None:
    """dpkg -r, then every path the package installed must be gone (folders other packages share stay)."""
    must(["dpkg", "-r", build.NAME], "dpkg -r")
    if installed():
        raise Failed("dpkg -r left the package installed")
    left = [p for p in files if (p.exists() or p.is_symlink()) and not _shared_folder(p)]
    if left:
        raise Failed("files of the package are left after dpkg -r:\n  " + "\n  ".join(map(str, left[:20])))
    say(f"removed: nothing left in {INSTALL_DIR}, of {LAUNCHER} or of the menu entry and icons")


def _shared_folder(path: Path) -> bool:
    """A folder that stays after removal because it holds other files or another package owns it
    (/usr/bin, /usr/share/icons/hicolor/48x48/apps …)."""
    if not path.is_dir() or path.is_symlink():
        return False
    return any(path.iterdir()) or run(["dpkg", "-S", str(path)]).returncode == 0


def user_data_kept(person: Person) -> None:
    """What the app wrote for the user (its log, the bookmarks and notes database) survives the removal."""
    kept = [person.data_dir / "logs" / "migrant-desk.log", person.data_dir / "userdata.sqlite"]
    lost = [p for p in kept if not p.exists()]
    if lost:
        raise Failed(f"the user's data went with the package: {', '.join(map(str, lost))} is missing")
    say(f"the user's data stays: {person.data_dir.relative_to(person.home.parent)} "
        f"({', '.join(sorted(p.name for p in person.data_dir.iterdir()))})")


# --------------------------------------------------------------------------- self-checks

def self_check(person: Person, extra: list[str] = (), what: str = "self-check") -> str:
    started = time.monotonic()
    out = run(person.cmd([str(LAUNCHER), *extra, "--self-check"]), env=person.env(), timeout=300)
    took = time.monotonic() - started
    if out.returncode != 0 or "self-check passed" not in out.stdout:
        raise Failed(f"{what} failed (exit {out.returncode}):\n{out.stdout}{out.stderr}")
    for line in out.stdout.splitlines():
        say(f"    {line}")
    say(f"  {what}: passed in {took:.1f} s")
    return out.stdout


def self_checks(base: Path, root: Person, user: Person) -> None:
    before = snapshot(INSTALL_DIR)
    say("installed self-check as root:")
    self_check(root, what="self-check (root)")
    say(f"installed self-check as an ordinary user ({USER}):")
    self_check(user, what=f"self-check ({USER})")
    # A dataset in a folder the user cannot write, without an index: rebuilt in the user's cache.
    readonly = base / "readonly-dataset"
    readonly.mkdir()
    shutil.copy2(INSTALL_DIR / "dataset" / "reference.sqlite", readonly / "reference.sqlite")
    readonly.chmod(0o755)
    say(f"self-check as {USER} on a read-only dataset without its index:")
    output = self_check(user, ["--dataset", str(readonly)], what="self-check (read-only dataset)")
    cache = user.home / ".cache" / "migrant-desk" / "index"
    if (readonly / "index").exists() or not any(cache.glob("*/vocabulary.json")):
        raise Failed(f"the index was not rebuilt in the user's cache ({cache}):\n{output}")
    # The installed command line builds a dataset from content files (what a central office does).
    content, built = base / "content", user.home / "built-dataset"
    shutil.copytree(ROOT / "db" / "content", content)
    out = run(user.cmd([str(LAUNCHER), "build", "--content", str(content), "--out", str(built)]),
              env=user.env(), timeout=300)
    if out.returncode != 0 or not (built / "reference.sqlite").is_file():
        raise Failed(f"`migrant-desk build` of the installed app failed (exit {out.returncode}):\n"
                     f"{out.stdout}{out.stderr}")
    say(f"  build as {USER} from content files: {out.stdout.strip().splitlines()[0]}")
    content_tools(user)
    if snapshot(INSTALL_DIR) != before:
        raise Failed(f"running the installed app changed files in {INSTALL_DIR}")


def content_tools(user: Person) -> None:
    """The central office's tools in the installed app, as an ordinary user on a content folder of their own:
    the Uzbek texts exported as a gettext catalog and imported back unchanged (no file written), and the content
    editor started on it (still running after its records were read: nothing missing from the bundle)."""
    content = user.home / "office-content"
    shutil.copytree(ROOT / "db" / "content", content, ignore=shutil.ignore_patterns("*.md"))
    entry = pwd.getpwnam(USER)
    for path in [content, *content.rglob("*")]:
        os.chown(path, entry.pw_uid, entry.pw_gid)
    po = user.home / "uz.po"
    must(user.cmd([str(LAUNCHER), "translations", "export", "--lang", "uz", "--out", str(po), str(content)]),
         "`migrant-desk translations export` of the installed app", env=user.env(), timeout=300)
    entries = po.read_text(encoding="utf-8").count("\nmsgctxt ")
    before = {path: path.read_bytes() for path in content.rglob("*.yaml")}
    out = must(user.cmd([str(LAUNCHER), "translations", "import", str(po), str(content)]),
               "`migrant-desk translations import` of the installed app", env=user.env(), timeout=300)
    changed = [path.name for path, data in before.items() if path.read_bytes() != data]
    if entries < 300 or "0 text(s) written" not in out.stdout or changed:
        raise Failed(f"the PO round trip of the installed app: {entries} entries, files changed {changed}:\n"
                     f"{out.stdout}")
    say(f"  translations export/import as {USER}: {entries} Uzbek texts, imported back unchanged")
    editor = subprocess.Popen(user.cmd([str(LAUNCHER), "editor", str(content)]), env=user.env(),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        time.sleep(20)   # long enough to read and check every record and make its search index
        if editor.poll() is not None:
            raise Failed(f"the installed content editor stopped (exit {editor.returncode}):\n"
                         f"{editor.stdout.read() if editor.stdout else ''}")
    finally:
        editor.terminate()
        try:
            editor.wait(timeout=30)
        except subprocess.TimeoutExpired:
            editor.kill()
    say(f"  content editor as {USER}: started on {content.name} and running after 20 s")


def snapshot(folder: Path) -> set[tuple[str, int, int]]:
    return {(str(p), p.lstat().st_size, int(p.lstat().st_mtime)) for p in folder.rglob("*")}


# --------------------------------------------------------------------------- the real window

@contextmanager
def xvfb():
    """An X server of our own; yields its DISPLAY."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", SCREEN, "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    if not number:
        server.kill()
        raise Failed("Xvfb did not start (apt-get install xvfb)")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def screenshot(display: str, path: Path) -> int:
    """The whole screen as a PNG; returns how many colours a coarse grid of it has."""
    path.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    out = must([sys.executable, "-c", GRAB, str(path)], "taking the screenshot", env=env)
    return int(out.stdout.split()[-1])


def window_checks(base: Path, user: Person) -> dict[str, float]:
    with xvfb() as display:
        env = user.env(DISPLAY=display, QT_QPA_PLATFORM="xcb")
        # the installed app as the user would start it, then a screenshot once it has settled
        paint, proc = first_paint(user.cmd([str(LAUNCHER)]), env)
        time.sleep(2)
        alive = proc.poll() is None
        colours = screenshot(display, SCREENSHOT)
        stop(proc)
        if not alive:
            raise Failed(f"the installed app closed by itself (exit {proc.returncode})")
        if colours < 8:
            raise Failed(f"the screenshot {SCREENSHOT} is nearly blank ({colours} colours)")
        say(f"real window (xcb) under Xvfb as {USER}: first paint {paint * 1000:.0f} ms; "
            f"screenshot {SCREENSHOT.relative_to(ROOT)}")
        app = [paint] + [paint_once(user.cmd([str(LAUNCHER)]), env) for _ in range(PAINT_RUNS - 1)]
        bare_env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(base))
        bare = [paint_once([sys.executable, "-c", BARE_WINDOW], bare_env) for _ in range(PAINT_RUNS)]
    return {"app": statistics.median(app), "bare": statistics.median(bare)}



# --------------------------------------------------------------------------- the whole test

def main() -> int:
    started = time.monotonic()
    version = build.version()
    deb = build.DIST / f"{build.NAME}_{version}_amd64.deb"
    try:
        require_root()
        if not deb.exists():
            raise Failed(f"{deb} is missing: run `make package` first")
        ensure_depends(deb)
        with tempfile.TemporaryDirectory(prefix="migrant-desk-package-test-") as tmp:
            base = Path(tmp)
            base.chmod(0o755)  # the ordinary user must reach its home inside
            root, user = Person(base, "root", None), Person(base, "user", USER)
            files = install(deb)
            installed_mb = build.mb(sum(p.lstat().st_size for p in files if p.is_file() or p.is_symlink()))
            try:
                self_checks(base, root, user)
                paint = window_checks(base, user)
            except BaseException:
                run(["dpkg", "-r", build.NAME])  # never leave a half-tested package installed
                raise
            remove(files)
            user_data_kept(user)
    except (Failed, NoWindow) as exc:
        say(f"package-test FAILED: {exc}")
        return 1
    ratio = paint["app"] / paint["bare"]
    say("\npackage-test passed")
    say(f"  {deb.relative_to(ROOT)}: {build.mb(deb.stat().st_size)} MB (target <= 45)")
    say(f"  installed: {installed_mb} MB (target <= 150)")
    say(f"  first paint (xcb, median of {PAINT_RUNS}): installed app {paint['app'] * 1000:.0f} ms, bare PySide6 "
        f"window {paint['bare'] * 1000:.0f} ms, ratio {ratio:.1f}x (target <= 2.0{'' if ratio <= 2.0 else ': missed'})")
    say(f"  total time {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
