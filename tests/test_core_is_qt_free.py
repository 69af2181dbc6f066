"""desktop.core must stay testable without a display: no PySide6 widget module in it."""
from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import desktop.core

CORE = Path(desktop.core.__file__).parent


def test_core_sources_do_not_import_qt_widgets():
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            offenders += [f"{path.name}: {n}" for n in names
                          if n.startswith(("PySide6.QtWidgets", "PySide6.QtPrintSupport"))]
    assert offenders == []


def test_importing_every_core_module_loads_no_widgets():
    modules = [f"desktop.core.{m.name}" for m in pkgutil.iter_modules([str(CORE)])]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules) +
            "bad = [m for m in sys.modules if m.startswith(('PySide6.QtWidgets', 'PySide6.QtPrintSupport'))]\n"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(modules) >= 4
