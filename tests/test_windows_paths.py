"""Windows spellings of paths that the app's own tools look for (issue 15, defect 2), checked in real folders.

`make translations` compiles Qt's catalogs with PySide6's lrelease. On Windows it is `pyside6-lrelease.exe`:
beside `Scripts\\python.exe` in a venv, in `Scripts\\` below a plain installation's `python.exe`; on Linux the
script `pyside6-lrelease` beside `bin/python`. Each layout is made here as files and the lookup must find the
tool in it (before the fix it looked for `pyside6-lrelease` without `.exe` beside python.exe only).
"""
from __future__ import annotations

import sys
from pathlib import Path

from desktop.core import catalogs


def make(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return path


def test_plain_windows_python_finds_lrelease_in_scripts(tmp_path):
    python = make(tmp_path / "Python311" / "python.exe")
    tool = make(tmp_path / "Python311" / "Scripts" / "pyside6-lrelease.exe")
    make(tmp_path / "Python311" / "pyside6-lrelease")   # no .exe: not a program on Windows
    assert catalogs.lrelease_tool(python, windows=True) == str(tool)


def test_windows_venv_finds_lrelease_beside_python(tmp_path):
    python = make(tmp_path / "venv" / "Scripts" / "python.exe")
    tool = make(tmp_path / "venv" / "Scripts" / "pyside6-lrelease.exe")
    assert catalogs.lrelease_tool(python, windows=True) == str(tool)


def test_linux_venv_finds_the_script_beside_python(tmp_path):
    python = make(tmp_path / "venv" / "bin" / "python")
    tool = make(tmp_path / "venv" / "bin" / "pyside6-lrelease")
    assert catalogs.lrelease_tool(python, windows=False) == str(tool)


def test_this_venv_compiles_a_qt_catalog(tmp_path):
    """The tool found for the running Python really compiles a .ts file into a .qm."""
    ts = tmp_path / "qtbase_test.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ky">\n'
                  '<context><name>QFileDialog</name><message><source>&amp;Open</source>'
                  '<translation>&amp;Ачуу</translation></message></context></TS>\n', encoding="utf-8")
    assert Path(catalogs.lrelease_tool(Path(sys.executable))).exists()
    qm = catalogs.compile_qt(ts)
    assert qm.stat().st_size > 0
