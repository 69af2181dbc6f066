"""Running Windows programs under Wine for `make windows` and `make windows-test` (Debian's wine64, no wine32).

What Wine 8 needs to run the app (found when the Windows build was first tried here):
- `wine64` is not on PATH in Debian: the loader is /usr/lib/wine/wine64 (the `wine` wrapper wants wine32);
- Mono and Gecko are not installed and must not be asked for (WINEDLLOVERRIDES mscoree, mshtml);
- two system DLLs that Windows 10 has and Wine lacks: icuuc.dll (Qt6Core imports 20 ICU converter functions)
  and bcryptprimitives.dll (ProcessPrng, imported by Rust's std inside cryptography). Stubs built with mingw
  from packaging/windows/stubs/*.c go into the prefix's system32; they are never part of the bundle;
- a console program whose stdout is a regular Unix file dies at start under Wine (an invalid handle), so a
  program's output is always read through a pipe here. A redirect to a file is tested the Windows way, by
  `cmd /c "… > file"`, where the file handle is a Windows one.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path, PureWindowsPath

ROOT = Path(__file__).resolve().parents[2]
STUB_SOURCES = Path(__file__).resolve().parent / "stubs"
STUB_DLLS = {"icuuc.dll": [], "bcryptprimitives.dll": ["-lbcrypt"]}
MINGW = "x86_64-w64-mingw32-gcc"


class WineError(Exception):
    pass


def wine64() -> str:
    found = shutil.which("wine64") or "/usr/lib/wine/wine64"
    if not Path(found).exists():
        raise WineError("wine64 is missing: apt-get install --no-install-recommends wine wine64")
    return found


def wineserver() -> str:
    return shutil.which("wineserver") or "/usr/lib/wine/wineserver"


def windows_path(path: Path | str) -> str:
    """A Unix path as Wine's Z: drive shows it (Z:\\work\\main\\…)."""
    return str(PureWindowsPath("Z:\\", *Path(path).resolve().parts[1:]))


def env(prefix: Path, **extra: str) -> dict[str, str]:
    """The environment of a Windows program in `prefix`: quiet, no Mono or Gecko prompts, no display unless
    DISPLAY is passed in `extra`."""
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH",
                                                             "PYTHONHOME", "VIRTUAL_ENV")}
    base.update(WINEPREFIX=str(prefix), WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml=",
                WINEARCH="win64", LANG=base.get("LANG", "C.UTF-8"))
    base.update(extra)
    return base


def run(prefix: Path, args: list[str], *, timeout: float = 900, check: bool = True,
        **extra_env: str) -> subprocess.CompletedProcess[str]:
    """Run a Windows program (its path or a Windows command) under wine64; output read through a pipe."""
    out = subprocess.run([wine64(), *args], env=env(prefix, **extra_env), stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout, text=True,
                         encoding="utf-8", errors="replace")
    if check and out.returncode != 0:
        raise WineError(f"{' '.join(map(str, args))} failed under Wine (exit {out.returncode}):\n{out.stdout}")
    return out


def wait(prefix: Path, timeout: float = 300) -> None:
    """Wait until every program in the prefix has ended (an installer's or uninstaller's child too)."""
    subprocess.run([wineserver(), "-w"], env=env(prefix), timeout=timeout, check=False)


def stop(prefix: Path) -> None:
    subprocess.run([wineserver(), "-k"], env=env(prefix), timeout=60, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def build_stubs(out_dir: Path) -> list[Path]:
    """Compile the two stub DLLs with mingw (again only when a source is newer than its DLL)."""
    if not shutil.which(MINGW):
        raise WineError(f"{MINGW} is missing: apt-get install gcc-mingw-w64-x86-64-win32")
    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for dll, libs in STUB_DLLS.items():
        source = STUB_SOURCES / dll.replace(".dll", ".c")
        target = out_dir / dll
        if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
            subprocess.run([MINGW, "-O2", "-Wall", "-Werror", "-shared", "-s", "-o", str(target), str(source),
                            *libs], check=True)
        built.append(target)
    return built


def system32(prefix: Path) -> Path:
    return prefix / "drive_c" / "windows" / "system32"


def make_prefix(prefix: Path, stubs: list[Path], **extra_env: str) -> bool:
    """A 64-bit Wine prefix with the stub DLLs in its system32; returns whether it had to be created."""
    created = not (prefix / "system.reg").exists()
    if created:
        prefix.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([wine64(), "wineboot", "--init"], env=env(prefix, **extra_env), stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=300)
        wait(prefix)
    for dll in stubs:
        target = system32(prefix) / dll.name
        if not target.exists() or target.read_bytes() != dll.read_bytes():
            shutil.copy2(dll, target)
    return created


class Steps:
    """Times each step and prints it as it ends; `report()` prints them all again at the end."""

    def __init__(self, title: str):
        self.title = title
        self.times: list[tuple[str, float, str]] = []
        self.started = time.monotonic()

    def step(self, name: str):
        steps = self

        class _Step:
            note = ""

            def __enter__(self):
                self.t0 = time.monotonic()
                print(f"[{steps.title}] {name} …", flush=True)
                return self

            def __exit__(self, kind, value, tb):
                took = time.monotonic() - self.t0
                steps.times.append((name, took, self.note))
                state = "failed after" if kind else "done in"
                print(f"[{steps.title}] {name}: {state} {took:.1f} s{'  ' + self.note if self.note else ''}",
                      flush=True)
                return False

        return _Step()

    def report(self) -> None:
        total = time.monotonic() - self.started
        print(f"\n{self.title}: step times")
        for name, took, note in self.times:
            print(f"  {name:<34} {took:7.1f} s  {note}")
        print(f"  {'total':<34} {total:7.1f} s")
