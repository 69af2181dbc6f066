"""Packaging: the self-check a consulate's IT person runs, the menu entry and AppStream data, the version's
single source, the bundle's trimming rules and the Windows installer script (compiled by makensis).

The slow part (building the bundle and the .deb, installing and removing it) is `make package-test`.
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "packaging"))
import build  # noqa: E402  (packaging/build.py)

PYPROJECT_VERSION = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def self_check(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`migrant-desk --self-check` as a user with an empty home (no settings, no installed updates)."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    full_env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", **(env or {}))
    return subprocess.run([sys.executable, "-m", "desktop", *args, "--self-check"], capture_output=True,
                          text=True, env=full_env, cwd=REPO, timeout=120)


def copy_dataset(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("*WRITELOCK"))
    return dest


# --------------------------------------------------------------------------- the self-check

def test_self_check_passes_on_the_dev_dataset_and_rebuilds_a_missing_index(real_dataset, tmp_path):
    dataset = copy_dataset(real_dataset, tmp_path / "dataset")
    shutil.rmtree(dataset / "index", ignore_errors=True)
    first = self_check(tmp_path, "--dataset", str(dataset))
    assert first.returncode == 0, first.stdout + first.stderr
    assert "self-check passed" in first.stdout
    assert "was missing; rebuilt" in first.stdout
    for lang, query in (("ru", "патент"), ("uz", "patent olish"), ("uz", "патент олиш"), ("ky", "каттоо"),
                        ("en", "registration")):
        line = next(out for out in first.stdout.splitlines() if f'search {lang} "{query}"' in out)
        assert line.split()[0] == "ok" and "result(s), first " in line
    assert re.search(r"ok\s+sheet: work-patent in Russian, \d+ page\(s\)", first.stdout)
    # the rebuilt index is used as it is the next time
    second = self_check(tmp_path, "--dataset", str(dataset))
    assert second.returncode == 0 and "rebuilt" not in second.stdout


def test_self_check_finds_the_dataset_the_app_would_open(real_dataset, tmp_path):
    """Without --dataset: no shared folder, no installed update, so the bundled one (here via the override)."""
    dataset = copy_dataset(real_dataset, tmp_path / "bundled")
    result = self_check(tmp_path, env={"MIGRANT_DESK_DATASET": str(dataset)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{dataset} (bundled)" in result.stdout


def damage(path: Path, offset: int) -> None:
    with path.open("r+b") as f:
        f.seek(offset)
        f.write(os.urandom(4096))


@pytest.mark.parametrize("offset", [0, 100, 20000])
def test_self_check_fails_with_a_plain_message_on_a_damaged_dataset(real_dataset, tmp_path, offset):
    dataset = copy_dataset(real_dataset, tmp_path / "dataset")
    damage(dataset / "reference.sqlite", offset)
    result = self_check(tmp_path, "--dataset", str(dataset))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "FAILED  dataset:" in result.stdout and "damaged" in result.stdout
    assert "self-check FAILED: 1 problem(s)." in result.stdout


def test_self_check_says_when_there_is_no_dataset(tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    result = self_check(tmp_path, "--dataset", str(empty))
    assert result.returncode == 1
    assert "No dataset at" in result.stdout and "Traceback" not in result.stderr


def test_self_check_rebuilds_a_damaged_index(real_dataset, tmp_path):
    dataset = copy_dataset(real_dataset, tmp_path / "dataset")
    first = self_check(tmp_path, "--dataset", str(dataset))          # builds the index
    assert first.returncode == 0
    for segment in (dataset / "index").glob("*.seg"):
        damage(segment, 0)
    result = self_check(tmp_path, "--dataset", str(dataset))
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"index beside the dataset was (corrupt|stale); rebuilt", result.stdout)


def test_self_check_reports_an_incomplete_dataset(real_dataset, tmp_path):
    dataset = copy_dataset(real_dataset, tmp_path / "dataset")
    with sqlite3.connect(dataset / "reference.sqlite") as conn:
        conn.execute("DELETE FROM records WHERE kind = 'procedure'")
    result = self_check(tmp_path, "--dataset", str(dataset))
    assert result.returncode == 1
    assert "has no procedures" in result.stdout


# --------------------------------------------------------------------------- one version, from pyproject

def test_version_comes_from_pyproject_only():
    assert build.version() == PYPROJECT_VERSION
    from desktop import __version__

    assert __version__ == PYPROJECT_VERSION
    literal = re.compile(rf"(?<![\d.]){re.escape(PYPROJECT_VERSION)}(?![\d.])")
    files = [p for p in (REPO / "packaging").rglob("*") if p.is_file() and p.suffix not in (".pyc",)]
    files.append(REPO / ".github" / "workflows" / "windows.yml")
    repeated = [str(p.relative_to(REPO)) for p in files
                if p.suffix in ("", ".py", ".spec", ".nsi", ".nsh", ".xml", ".desktop", ".sh", ".yml", ".md", ".1")
                and literal.search(p.read_text(encoding="utf-8-sig", errors="replace"))]
    assert repeated == [], f"the version is written out in {repeated}; it must come from pyproject.toml"
    control = build.control(PYPROJECT_VERSION, 1234, build.DEPENDS)
    assert f"Version: {PYPROJECT_VERSION}\n" in control and "Installed-Size: 1234\n" in control
    assert "Depends: libc6, " in control


def test_windows_file_version_has_four_numbers():
    assert build.windows_file_version("0.1.0") == "0.1.0.0"
    assert build.windows_file_version("2.3") == "2.3.0.0"
    assert build.windows_file_version("1.4.2rc1") == "1.4.2.0"


# --------------------------------------------------------------------------- menu entry and AppStream

def test_desktop_entry_is_valid_and_names_the_app_in_the_advisors_languages(tmp_path):
    entry = build.desktop_entry()
    assert f"Icon={build.APP_ID}\n" in entry and "Exec=migrant-desk\n" in entry
    ru_mo = REPO / "translations" / "ru" / "LC_MESSAGES" / "messages.mo"
    if ru_mo.exists():  # built by `make translations`
        assert "GenericName[ru]=Справочник для консультантов мигрантов\n" in entry
    path = tmp_path / f"{build.APP_ID}.desktop"
    path.write_text(entry, encoding="utf-8")
    if not shutil.which("desktop-file-validate"):
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


def test_metainfo_is_valid_and_matches_the_desktop_entry():
    path = build.LINUX / f"{build.APP_ID}.metainfo.xml"
    text = path.read_text(encoding="utf-8")
    assert f"<id>{build.APP_ID}</id>" in text
    assert f'<launchable type="desktop-id">{build.APP_ID}.desktop</launchable>' in text
    if not shutil.which("appstreamcli"):
        pytest.skip("appstreamcli is not installed (apt-get install appstream)")
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_launcher_starts_the_installed_bundle():
    script = (build.LINUX / "migrant-desk.sh").read_text(encoding="utf-8")
    assert script.startswith("#!/bin/sh\n")
    assert f'exec {build.INSTALL_DIR}/migrant-desk "$@"' in script


# --------------------------------------------------------------------------- icons

def test_icons_are_rendered_from_the_svg_for_every_size(tmp_path, monkeypatch, qapp):
    from PySide6.QtGui import QImage

    monkeypatch.setattr(build, "ICONS", tmp_path)
    paths = build.render_icons()
    assert sorted(paths) == sorted(build.ICON_SIZES)
    for size, path in paths.items():
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 8).alpha() == 255      # the blue tile is painted
        assert image.pixelColor(0, 0).alpha() == 0                        # the rounded corner is not
    ico = (tmp_path / "migrant-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind, count) == (0, 1, len(build.ICO_SIZES))
    for n in range(count):
        width, _h, _c, _r, _p, _b, size, offset = struct.unpack_from("<BBBBHHII", ico, 6 + 16 * n)
        assert ico[offset:offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert width == (build.ICO_SIZES[n] if build.ICO_SIZES[n] < 256 else 0)


# --------------------------------------------------------------------------- the bundle's contents

@pytest.fixture(scope="module")
def spec_rules():
    """The spec's helper functions and lists (everything before its build section), without building."""
    source = (REPO / "packaging" / "migrant-desk.spec").read_text(encoding="utf-8")
    head = source.split("# --------------------------------------------------------------------------- the build")[0]
    namespace = {"SPECPATH": str(REPO / "packaging"), "__name__": "spec"}
    exec(compile(head, "migrant-desk.spec", "exec"), namespace)
    return namespace


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("PySide6/Qt/lib/libQt6Qml.so.6", False),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6", False),
    ("PySide6/Qt6Network.dll", False),
    ("PySide6/opengl32sw.dll", False),
    ("PySide6/Qt/translations/qtbase_ru.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qtdeclarative_ru.qm", False),
    ("babel/locale-data/ru.dat", True),
    ("babel/locale-data/uz_Cyrl.dat", True),
    ("babel/locale-data/ky.dat", True),
    ("babel/locale-data/de.dat", False),
    ("libxcb-cursor.so.0", False),          # from the system (the .deb depends on it)
    ("libstdc++.so.6", False),
    ("libssl.so.3", True),                  # Python's own
    ("translations/ru/LC_MESSAGES/messages.mo", True),
])
def test_bundle_keeps_what_the_app_uses_and_drops_the_rest(spec_rules, dest, kept):
    assert spec_rules["keep"](dest) is kept


def test_bundle_carries_the_dataset_index_and_every_compiled_catalog(spec_rules):
    if not (REPO / "dataset" / "reference.sqlite").exists():
        pytest.skip("no dev dataset (make dataset)")
    datasets = spec_rules["dataset_files"]()
    names = [Path(src).name for src, _dest in datasets]
    assert "reference.sqlite" in names and "vocabulary.json" in names
    assert not any(name.endswith("WRITELOCK") for name in names)
    catalogs = {dest for _src, dest in spec_rules["translation_files"]()}
    expected = {str(p.parent.relative_to(REPO)).replace("\\", "/")
                for p in (REPO / "translations").glob("*/LC_MESSAGES/*.mo")}
    assert expected <= catalogs


def test_deb_depends_on_what_qt_xcb_needs():
    for package in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0", "libegl1",
                    "libgl1", "libfontconfig1"):
        assert package in build.DEPENDS


# --------------------------------------------------------------------------- Windows

def test_windows_installer_script_compiles_against_a_stand_in_bundle(tmp_path, monkeypatch, qapp):
    if not shutil.which("makensis"):
        pytest.skip("makensis is not installed (apt-get install nsis)")
    bundle = tmp_path / "migrant-desk"
    (bundle / "dataset" / "index").mkdir(parents=True)
    (bundle / "migrant-desk.exe").write_bytes(b"MZ stand-in for the windowed program")
    (bundle / "migrant-desk-cli.exe").write_bytes(b"MZ stand-in for the console program")
    (bundle / "dataset" / "reference.sqlite").write_bytes(os.urandom(200_000))
    monkeypatch.setattr(build, "ICONS", tmp_path / "icons")
    build.render_icons()
    out = tmp_path / f"migrant-desk-{PYPROJECT_VERSION}-setup.exe"
    cmd = build.nsis_command(PYPROJECT_VERSION, bundle, out, tmp_path / "icons" / "migrant-desk.ico")
    cmd[1] = "-V3"
    result = subprocess.run(cmd, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 language tables" in result.stdout              # Russian, Uzbek, Kyrgyz, English
    assert "Uninstall: 2 pages" in result.stdout
    data = out.read_bytes()
    assert data[:2] == b"MZ" and len(data) > 200_000         # the stand-in bundle is inside


def test_windows_workflow_installs_the_installer_make_windows_builds():
    """The installer tested on a real Windows runner is the one `make windows` builds on Debian (the one shipped)."""
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    run = {name: "\n".join(step.get("run", "") for step in job["steps"]) for name, job in jobs.items()}
    assert jobs["build"]["container"].startswith("debian:12") and "make windows" in run["build"]
    assert jobs["install"]["runs-on"].startswith("windows") and jobs["install"]["needs"] == "build"
    for needed in ("/S", "--self-check", "self-check.txt", "uninstall.exe"):
        assert needed in run["install"]
    assert jobs["tests"]["runs-on"].startswith("windows") and "python -m pytest" in run["tests"]


def test_the_shipped_windows_installer_is_64_bit(tmp_path, qapp, monkeypatch):
    """`make windows` passes -XTarget amd64-unicode: the installer itself is an AMD64 program (PE machine 0x8664),
    so it runs with wine64 alone and installs into the 64-bit Program Files and registry without redirection."""
    if not shutil.which("makensis"):
        pytest.skip("makensis is not installed (apt-get install nsis)")
    bundle = tmp_path / "migrant-desk"
    bundle.mkdir()
    (bundle / "migrant-desk.exe").write_bytes(b"MZ stand-in")
    monkeypatch.setattr(build, "ICONS", tmp_path / "icons")
    build.render_icons()
    out = tmp_path / f"migrant-desk-{PYPROJECT_VERSION}-setup.exe"
    cmd = build.nsis_command(PYPROJECT_VERSION, bundle, out, tmp_path / "icons" / "migrant-desk.ico",
                             target="amd64-unicode")
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path)   # any folder: absolute .nsi path
    assert result.returncode == 0, result.stdout + result.stderr
    data = out.read_bytes()
    pe = int.from_bytes(data[0x3C:0x40], "little")
    assert data[pe:pe + 4] == b"PE\0\0"
    assert int.from_bytes(data[pe + 4:pe + 6], "little") == 0x8664
