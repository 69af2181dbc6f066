"""desktop.core and desktop.present must stay testable without a display.

The core may use QtGui (sheet_pdf writes PDFs with Qt's PDF writer) but no widget module; the presentation
package (every word and HTML fragment a person reads) uses no Qt at all. A rule applies to a package as
soon as it exists.
"""
from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import desktop

DESKTOP = Path(desktop.__file__).parent
WIDGETS = ("PySide6.QtWidgets", "PySide6.QtPrintSupport")
# package -> the modules it must never import
RULES = {"core": WIDGETS, "present": ("PySide6", "shiboken6")}
PACKAGES = [name for name in RULES if (DESKTOP / name / "__init__.py").is_file()]


def forbidden(name: str, banned: tuple[str, ...]) -> bool:
    return any(name == b or name.startswith(b + ".") for b in banned)


@pytest.mark.parametrize("package", PACKAGES)
def test_sources_do_not_import_forbidden_qt_modules(package):
    offenders = []
    for path in (DESKTOP / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            offenders += [f"{path.relative_to(DESKTOP)}: {n}" for n in names if forbidden(n, RULES[package])]
    assert offenders == []


@pytest.mark.parametrize("package", PACKAGES)
def test_importing_every_module_loads_no_forbidden_qt_module(package):
    modules = [m.name for m in pkgutil.walk_packages([str(DESKTOP / package)], prefix=f"desktop.{package}.")]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules) +
            f"bad = [m for m in sys.modules if m.startswith({RULES[package]!r})]\n"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert modules


def test_core_is_checked():
    assert "core" in PACKAGES and len(list((DESKTOP / "core").rglob("*.py"))) >= 4
