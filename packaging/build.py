"""Build the installable Migrant Desk: the PyInstaller folder, the Debian package and a portable archive.

    .venv/bin/python packaging/build.py            # everything (what `make package` runs)
    .venv/bin/python packaging/build.py bundle     # only the one-folder bundle
    .venv/bin/python packaging/build.py windows    # on Windows: bundle + NSIS installer (needs makensis)

The version comes from pyproject.toml and nowhere else: the bundle's metadata, the .deb, the archive's
name, the changelog and the Windows installer all read it here. Output goes to dist/; work files and
PyInstaller's cache (~130 MB) stay in build/package/.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import io
import os
import re
import shutil
import stat
import struct
import subprocess
import sys
import tarfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
WINDOWS_DIR = PACKAGING / "windows"
BUILD = ROOT / "build" / "package"
DIST = ROOT / "dist"
BUNDLE = BUILD / "dist" / "migrant-desk"
ICONS = BUILD / "icons"

NAME = "migrant-desk"
APP_ID = "org.migrantdesk.MigrantDesk"
INSTALL_DIR = f"/usr/lib/{NAME}"   # lintian calls anything under /opt an error (dir-or-file-in-opt)
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
DEFAULT_MAINTAINER = "Migrant Desk packagers <packaging@migrant-desk.invalid>"
# Qt's xcb platform and the other kept plugins load these system libraries (the bundle carries Qt itself).
# `make package` installs them before building; check_system_libraries() adds the package of any other
# system library the bundle links to (which depends on how the Python was built) and fails on a missing one.
DEPENDS = ["libc6", "libstdc++6", "libgcc-s1", "zlib1g", "libbz2-1.0", "libglib2.0-0",
           "libdbus-1-3", "libfontconfig1", "libfreetype6", "libx11-6", "libx11-xcb1", "libxcb1",
           "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
           "libxcb-render-util0", "libxcb-render0", "libxcb-shape0", "libxcb-shm0", "libxcb-sync1",
           "libxcb-xfixes0", "libxcb-xkb1", "libxcb-util1", "libxkbcommon0",
           "libxkbcommon-x11-0", "libegl1", "libgl1", "libwayland-client0",
           "libwayland-cursor0", "libcups2"]


# --------------------------------------------------------------------------- version (one place)

def version() -> str:
    """The version in pyproject.toml; the installed metadata (what the bundle copies) must agree."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    from importlib import metadata

    try:
        installed = metadata.version(NAME)
    except metadata.PackageNotFoundError:
        installed = None
    if installed != declared:
        raise SystemExit(f"pyproject.toml says version {declared} but the installed package is {installed}; "
                         f"run `make venv` (pip install -e .) so the bundle carries the right version.")
    return declared


def release_time() -> dt.datetime:
    """SOURCE_DATE_EPOCH, else the last commit's time: the same sources give the same package dates."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        try:
            epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                                   text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            epoch = ""
    return dt.datetime.fromtimestamp(int(epoch) if epoch else time.time(), dt.UTC)


def maintainer() -> str:
    """From pyproject.toml's [project].maintainers (first with an e-mail), else a clearly invalid address."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for person in project.get("maintainers", []) + project.get("authors", []):
        if person.get("email"):
            return f"{person.get('name', 'Migrant Desk')} <{person['email']}>"
    return DEFAULT_MAINTAINER


# --------------------------------------------------------------------------- inputs

def check_inputs() -> None:
    """The dataset, a matching index and the compiled catalogs must exist before bundling."""
    sys.path.insert(0, str(ROOT))
    from desktop.core.search import index_state
    from desktop.core.store import DatasetError, Store

    dataset = ROOT / "dataset"
    try:
        with Store(dataset) as store:
            state = index_state(store, dataset / "index")
    except DatasetError as exc:
        raise SystemExit(f"{exc}\nRun `make dataset` first.") from None
    if state != "ok":
        raise SystemExit(f"The search index in {dataset / 'index'} is {state}; run `make dataset` again.")
    if not list((ROOT / "translations").glob("*/LC_MESSAGES/*.mo")):
        raise SystemExit("No compiled interface catalogs in translations/: run `make translations` first.")


# --------------------------------------------------------------------------- icons

_qt_app = None


def render_icons() -> dict[int, Path]:
    """PNG icons for the hicolor theme and a Windows .ico, all rendered from resources/icons/app.svg."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    global _qt_app  # kept alive while painting
    _qt_app = QGuiApplication.instance() or QGuiApplication([NAME])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "app.svg"))
    if not renderer.isValid():
        raise SystemExit("resources/icons/app.svg could not be read.")
    ICONS.mkdir(parents=True, exist_ok=True)
    pngs: dict[int, bytes] = {}
    for size in sorted(set(ICON_SIZES) | set(ICO_SIZES)):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        pngs[size] = bytes(data)
    paths = {}
    for size in ICON_SIZES:
        paths[size] = ICONS / f"{size}.png"
        paths[size].write_bytes(pngs[size])
    (ICONS / f"{NAME}.ico").write_bytes(ico_file({s: pngs[s] for s in ICO_SIZES}))
    return paths


def ico_file(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon holding PNG images (Windows Vista and later read PNG entries at every size)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


# --------------------------------------------------------------------------- the bundle

def build_bundle() -> list[str]:
    """The one-folder bundle in build/package/dist; returns the Debian packages it needs."""
    check_inputs()
    render_icons()
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(BUILD / "pyinstaller-cache"))
    shutil.rmtree(BUILD / "dist", ignore_errors=True)  # nothing from an earlier build may linger
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(BUILD / "dist"), "--workpath", str(BUILD / "work"),
                    str(PACKAGING / "migrant-desk.spec")], cwd=ROOT, env=env, check=True)
    print(f"bundle: {BUNDLE} ({mb(tree_size(BUNDLE))} MB, {time.monotonic() - started:.0f} s)")
    if sys.platform.startswith("linux"):
        drop_foreign_runpaths(BUNDLE)
        return check_system_libraries(BUNDLE)
    return []


def drop_foreign_runpaths(folder: Path) -> None:
    """Remove library search paths that point into the build machine (a pyenv Python's extension
    modules carry /root/.pyenv/…/lib); paths relative to the file ($ORIGIN) stay."""
    if not shutil.which("patchelf"):
        raise SystemExit("patchelf is needed to build the package: apt-get install patchelf")
    for path in elf_files(folder):
        out = subprocess.run(["patchelf", "--print-rpath", str(path)], capture_output=True, text=True)
        entries = [e for e in out.stdout.strip().split(":") if e]
        if out.returncode == 0 and any(not e.startswith("$ORIGIN") for e in entries):
            kept = ":".join(e for e in entries if e.startswith("$ORIGIN"))
            args = ["--set-rpath", kept] if kept else ["--remove-rpath"]
            subprocess.run(["patchelf", *args, str(path)], check=True)


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def needed(path: Path) -> list[str]:
    """The libraries an ELF file links to directly (DT_NEEDED)."""
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def system_libraries(folder: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(system library -> its path, library not found -> files needing it): what the bundle's files link to
    directly and does not carry itself, resolved as at run time (the bundle's folder searched first)."""
    found: dict[str, str] = {}
    missing: dict[str, list[str]] = {}
    env = dict(os.environ, LD_LIBRARY_PATH=str(folder))
    for path in elf_files(folder):
        direct = set(needed(path))
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            match = re.match(r"\s*(\S+) => (not found|(\S+))", line)
            if not match or match.group(1) not in direct:
                continue
            lib, target = match.group(1), match.group(3)
            if target is None:
                missing.setdefault(lib, []).append(str(path.relative_to(folder)))
            elif not Path(target).resolve().is_relative_to(folder.resolve()):
                found[lib] = target
    return found, missing


def owning_package(path: str) -> str | None:
    for candidate in (path, str(Path(path).resolve())):
        for name in (candidate, candidate.replace("/usr/lib/", "/lib/", 1), candidate.replace("/lib/", "/usr/lib/", 1)):
            out = subprocess.run(["dpkg", "-S", name], capture_output=True, text=True)
            if out.returncode == 0:
                return out.stdout.split(":", 1)[0].strip()
    return None


def check_system_libraries(folder: Path) -> list[str]:
    """Every system library the bundle links to must resolve here; returns DEPENDS plus the packages of
    the libraries none of DEPENDS provides."""
    found, missing = system_libraries(folder)
    problems = [f"  {lib} (needed by {', '.join(users[:3])}) is not installed on this machine"
                for lib, users in sorted(missing.items())]
    owners = {lib: owning_package(path) for lib, path in found.items()} if shutil.which("dpkg") else {}
    unknown = sorted(lib for lib, package in owners.items() if package is None)
    problems += [f"  {lib} belongs to no Debian package here" for lib in unknown]
    extra = sorted({package for package in owners.values() if package and package not in DEPENDS})
    if extra:
        print(f"the bundle also links to libraries from {', '.join(extra)}: added to Depends")
    unused = [package for package in DEPENDS if owners and package not in owners.values()]
    if unused:
        print(f"note: nothing in the bundle links to {', '.join(unused)} directly (DEPENDS in packaging/build.py)")
    if problems:
        raise SystemExit("The bundle needs system libraries the package would not bring:\n" + "\n".join(problems)
                         + "\nInstall the missing ones (see `make package` in the Makefile) or add the package"
                           " to DEPENDS in packaging/build.py.")
    print(f"system libraries: {len(found)}, from the {len(DEPENDS) + len(extra)} packages the .deb depends on")
    return DEPENDS + extra


# --------------------------------------------------------------------------- Debian package

@dataclass(frozen=True)
class Deb:
    path: Path
    installed_kib: int


def translated_tagline(lang: str) -> str | None:
    """The app's own translation of its tagline (the window title), for the menu entry's GenericName."""
    import gettext

    mo = ROOT / "translations" / lang / "LC_MESSAGES" / "messages.mo"
    if not mo.exists():
        return None
    with mo.open("rb") as f:
        text = gettext.GNUTranslations(f).gettext("Migrant Desk — reference for migrant advisors")
    if text.startswith("Migrant Desk — reference"):
        return None  # not translated yet
    tagline = text.split("—", 1)[-1].strip()
    return tagline[:1].upper() + tagline[1:]


def desktop_entry() -> str:
    """packaging/linux/migrant-desk.desktop with GenericName translated from the app's catalogs."""
    lines = (LINUX / "migrant-desk.desktop").read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        out.append(line)
        if line.startswith("GenericName="):
            for lang, key in (("ru", "ru"), ("uz", "uz"), ("uz_Cyrl", "uz@cyrillic"), ("ky", "ky")):
                tagline = translated_tagline(lang)
                if tagline:
                    out.append(f"GenericName[{key}]={tagline}")
    return "\n".join(out) + "\n"


def metainfo() -> str:
    return (LINUX / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")


def changelog(ver: str, when: dt.datetime) -> bytes:
    text = (f"{NAME} ({ver}) unstable; urgency=medium\n\n"
            f"  * Migrant Desk {ver}.\n\n"
            f" -- {maintainer()}  {when.strftime('%a, %d %b %Y %H:%M:%S +0000')}\n")
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=int(when.timestamp())) as f:
        f.write(text.encode("utf-8"))
    return buffer.getvalue()


def control(ver: str, installed_kib: int, depends: list[str]) -> str:
    template = (LINUX / "control").read_text(encoding="utf-8")
    return template.format(version=ver, maintainer=maintainer(), installed_size=installed_kib,
                           depends=", ".join(depends))


def write(path: Path, data: str | bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    path.chmod(mode)


def stage_deb_root(ver: str, when: dt.datetime) -> Path:
    """The file tree the .deb installs, with Debian's ownership-free permissions."""
    root = BUILD / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    app = root / INSTALL_DIR.lstrip("/")
    shutil.copytree(BUNDLE, app, symlinks=True)
    from desktop.environment import PORTABLE_MARKERS

    for marker in PORTABLE_MARKERS:   # an installed app keeps its user's things in the user's folders
        (app / marker).unlink(missing_ok=True)
    write(root / "usr/bin" / NAME, (LINUX / "migrant-desk.sh").read_text(encoding="utf-8"), 0o755)
    write(root / "usr/share/applications" / f"{APP_ID}.desktop", desktop_entry())
    write(root / "usr/share/metainfo" / f"{APP_ID}.metainfo.xml", metainfo())
    for size in ICON_SIZES:
        write(root / f"usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png", (ICONS / f"{size}.png").read_bytes())
    write(root / f"usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
          (ROOT / "resources/icons/app.svg").read_bytes())
    doc = root / "usr/share/doc" / NAME
    write(doc / "copyright", (LINUX / "copyright").read_text(encoding="utf-8"))
    write(root / "usr/share/lintian/overrides" / NAME, (LINUX / "lintian-overrides").read_text(encoding="utf-8"))
    write(doc / "changelog.gz", changelog(ver, when))
    man = io.BytesIO()
    with gzip.GzipFile(fileobj=man, mode="wb", compresslevel=9, mtime=int(when.timestamp())) as f:
        f.write((LINUX / "migrant-desk.1").read_bytes())
    write(root / "usr/share/man/man1" / f"{NAME}.1.gz", man.getvalue())
    normalise_tree(root, when)
    return root


def normalise_tree(root: Path, when: dt.datetime) -> None:
    """0755 folders and programs, 0644 data, one timestamp: what Debian policy and lintian expect."""
    stamp = int(when.timestamp())
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            library = path.name.endswith(".so") or ".so." in path.name
            program = path.stat().st_mode & stat.S_IXUSR and not library
            path.chmod(0o755 if program else 0o644)
        os.utime(path, (stamp, stamp), follow_symlinks=False)


def build_deb(ver: str, depends: list[str]) -> Deb:
    when = release_time()
    root = stage_deb_root(ver, when)
    installed_kib = tree_size(root) // 1024
    write(root / "DEBIAN" / "control", control(ver, installed_kib, depends))
    (root / "DEBIAN").chmod(0o755)
    DIST.mkdir(exist_ok=True)
    deb = DIST / f"{NAME}_{ver}_amd64.deb"
    deb.unlink(missing_ok=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(int(when.timestamp())))
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z9", "--build", str(root), str(deb)],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    return Deb(deb, installed_kib)


def run_lintian(deb: Path) -> str:
    """lintian's verdict in one line; the build fails on any error (warnings are listed, not fatal)."""
    if not shutil.which("lintian"):
        return "lintian: not installed here (apt-get install lintian), not run"
    out = subprocess.run(["lintian", "--no-tag-display-limit", "--show-overrides", str(deb)], capture_output=True,
                         text=True)
    lines = [line for line in out.stdout.splitlines() if re.match(r"^[EWIPO]: ", line)]
    counts = {level: sum(1 for line in lines if line.startswith(level + ":")) for level in "EWIO"}
    for line in lines:
        print("  " + line)
    summary = (f"lintian: {counts['E']} error(s), {counts['W']} warning(s), {counts['I']} info, "
               f"{counts['O']} overridden (packaging/linux/lintian-overrides says why)")
    if counts["E"]:
        raise SystemExit(summary)
    return summary


# --------------------------------------------------------------------------- portable archive

def build_tarball(ver: str) -> Path:
    """The bundle as migrant-desk-<version>/ with a `portable` marker: settings, notes and logs are kept
    in userdata/ beside the program (a USB stick, a shared folder), nothing in the user's folders."""
    when = int(release_time().timestamp())
    out = DIST / f"{NAME}-{ver}-linux-x86_64.tar.gz"
    top = f"{NAME}-{ver}"

    def tidy(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        info.mtime = when
        return info

    with tarfile.open(out, "w:gz", compresslevel=9) as tar:
        tar.add(BUNDLE, arcname=top, filter=tidy)
        marker = tarfile.TarInfo(f"{top}/portable")
        text = (b"Migrant Desk keeps its settings, notes and logs in userdata/ beside the program "
                b"while this file exists.\n")
        marker.size = len(text)
        tar.addfile(tidy(marker), io.BytesIO(text))
    return out


# --------------------------------------------------------------------------- Windows installer

def windows_file_version(ver: str) -> str:
    """Windows wants four numbers in a file's version: 1.2.3 -> 1.2.3.0, 1.2rc1 -> 1.2.0.0."""
    numbers = [int(n) for n in re.findall(r"\d+", ver.split("+")[0].split("rc")[0].split("a")[0].split("b")[0])]
    return ".".join(str(n) for n in (numbers + [0, 0, 0, 0])[:4])


def nsis_command(ver: str, bundle: Path, out: Path, icon: Path, makensis: str = "makensis",
                 target: str | None = None) -> list[str]:
    """makensis with what the script needs; -WX: a warning (a missing translation, say) fails the build.
    `target` (amd64-unicode: the 64-bit installer `make windows` ships) comes before the script; the .nsi path
    is absolute (Debian's makensis cannot find the Kyrgyz language file beside a relative one)."""
    first = [f"-XTarget {target}"] if target else []
    return [makensis, "-V2", "-WX", *first, f"-DVERSION={ver}", f"-DVI_VERSION={windows_file_version(ver)}",
            f"-DBUNDLE_DIR={bundle}", f"-DOUTFILE={out}", f"-DICON={icon}",
            str((WINDOWS_DIR / "migrant-desk.nsi").resolve())]


def build_windows_installer(ver: str) -> Path:
    makensis = shutil.which("makensis") or r"C:\Program Files (x86)\NSIS\makensis.exe"
    out = DIST / f"{NAME}-{ver}-setup.exe"
    DIST.mkdir(exist_ok=True)
    subprocess.run(nsis_command(ver, BUNDLE, out, ICONS / f"{NAME}.ico", makensis), check=True)
    return out


# --------------------------------------------------------------------------- sizes

def tree_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def mb(size: int) -> float:
    return round(size / 1024 / 1024, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", nargs="?", default="all", choices=["all", "bundle", "icons", "windows", "depends"])
    args = parser.parse_args(argv)
    if args.what == "depends":  # for the Makefile: the libraries the bundle is checked against
        print(" ".join(DEPENDS))
        return 0
    ver = version()
    if args.what == "icons":
        render_icons()
        return 0
    depends = build_bundle()
    if args.what == "bundle":
        return 0
    if args.what == "windows":
        print(f"installer: {build_windows_installer(ver)}")
        return 0
    deb = build_deb(ver, depends)
    lintian = run_lintian(deb.path)
    tarball = build_tarball(ver)
    deb_mb, installed_mb = mb(deb.path.stat().st_size), round(deb.installed_kib / 1024, 1)
    print(f"\n{deb.path.relative_to(ROOT)}: {deb_mb} MB (target <= 45), installed {installed_mb} MB (target <= 150)")
    print(f"{tarball.relative_to(ROOT)}: {mb(tarball.stat().st_size)} MB")
    print(lintian)
    return 0 if deb_mb <= 45 and installed_mb <= 150 else 1


if __name__ == "__main__":
    sys.exit(main())
