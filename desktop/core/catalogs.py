"""Interface catalogs: derive Uzbek Cyrillic from Uzbek Latin, compile .po to .mo, check them.

`python -m desktop.core.catalogs build` is what `make translations` (and the packaging) runs:
translations/uz_Cyrl is generated from translations/uz by the tested transliterator (never edited by
hand), then every catalog is compiled to its .mo beside it.
"""
from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from .. import paths
from .languages import DERIVED, TRANSLATED, derive

PLACEHOLDER_RE = re.compile(r"\{[^{}]*\}|%\([^)]*\)[a-z]|%[a-z]")
# Names an interface string writes in Latin letters in every script (transliteration would spoil them).
LATIN_NAMES_RE = re.compile(r"\b(?:QR|WhatsApp|Telegram)\b")


def root() -> Path:
    return paths.app_root() / "translations"


def po_path(lang: str, base: Path | None = None) -> Path:
    return (base or root()) / lang / "LC_MESSAGES" / "messages.po"


def read(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def derive_string(text: str, lang: str) -> str:
    """One catalog string in a derived script; the names of LATIN_NAMES_RE stay as they are."""
    out, pos = [], 0
    for name in LATIN_NAMES_RE.finditer(text):
        out += [derive(text[pos:name.start()], lang), name.group(0)]
        pos = name.end()
    return "".join(out) + derive(text[pos:], lang)


def derive_uz_cyrl(src: Path, dst: Path) -> None:
    """The Uzbek Latin catalog transliterated (placeholders and markup kept), same plural rules."""
    catalog = read(src)
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.string, (list, tuple)):
            message.string = tuple(derive_string(s, "uz_Cyrl") for s in message.string)
        elif message.string:  # an untranslated message stays empty
            message.string = derive_string(message.string, "uz_Cyrl")
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100)
    text = buffer.getvalue().decode("utf-8").replace('"Language: uz\\n"', '"Language: uz_Cyrl\\n"', 1)
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text("# Generated from translations/uz by desktop/core/catalogs.py - do not edit by hand.\n" + text,
                   encoding="utf-8")


def compile_po(po: Path) -> Path:
    mo = po.with_suffix(".mo")
    buffer = io.BytesIO()
    write_mo(buffer, read(po), use_fuzzy=False)
    if not mo.exists() or mo.read_bytes() != buffer.getvalue():
        mo.write_bytes(buffer.getvalue())
    return mo


def derive_qt_uz_cyrl(src: Path, dst: Path) -> None:
    """Qt's dialog strings in Uzbek Cyrillic, transliterated from the Uzbek Latin .ts."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(src)
    tree.getroot().set("language", "uz_Cyrl")
    for translation in tree.iter("translation"):
        forms = translation.findall("numerusform") or [translation]
        for form in forms:
            if form.text:
                form.text = derive_string(form.text, "uz_Cyrl")
    tree.write(dst, encoding="utf-8", xml_declaration=True)


def lrelease_candidates(executable: Path, windows: bool) -> list[Path]:
    """Where PySide6's lrelease may be for the Python at `executable`, in order.

    In a Linux venv the script `pyside6-lrelease` is beside `bin/python`; on Windows it is
    `pyside6-lrelease.exe`, beside `Scripts\\python.exe` in a venv but in `Scripts\\` below a plain
    installation's `python.exe`."""
    folder = executable.parent
    if not windows:
        return [folder / "pyside6-lrelease"]
    return [folder / "pyside6-lrelease.exe", folder / "Scripts" / "pyside6-lrelease.exe"]


def lrelease_tool(executable: Path | None = None, windows: bool | None = None) -> str:
    """The lrelease to run: PySide6's beside this Python, else one on PATH."""
    import shutil

    windows = sys.platform == "win32" if windows is None else windows
    for candidate in lrelease_candidates(Path(executable or sys.executable), windows):
        if candidate.is_file():
            return str(candidate)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease") or "lrelease"


def compile_qt(ts: Path) -> Path:
    """A Qt .ts catalog to .qm with the lrelease that ships with PySide6."""
    import subprocess

    qm = ts.with_suffix(".qm")
    subprocess.run([lrelease_tool(), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def build(base: Path | None = None, qt: bool = True) -> list[Path]:
    base = base or root()
    for lang, source in DERIVED.items():
        derive_uz_cyrl(po_path(source, base), po_path(lang, base))
    built = [compile_po(po_path(lang, base)) for lang in (*TRANSLATED, *DERIVED)]
    qt_dir = base / "qt"
    if qt and (qt_dir / "qtbase_uz.ts").exists():
        derive_qt_uz_cyrl(qt_dir / "qtbase_uz.ts", qt_dir / "qtbase_uz_Cyrl.ts")
        built += [compile_qt(ts) for ts in sorted(qt_dir.glob("qtbase_*.ts"))]
    return built


def placeholders(text: str | None) -> list[str]:
    return sorted(PLACEHOLDER_RE.findall(text or ""))


def problems(lang: str, base: Path | None = None) -> list[str]:
    """Untranslated, fuzzy or placeholder-changing messages of one catalog, named."""
    out = []
    for message in read(po_path(lang, base)):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        name = f"{lang}: {ids[0]!r}" + (f" [{message.context}]" if message.context else "")
        if message.fuzzy:
            out.append(f"{name} is fuzzy")
        if not all(strings):
            out.append(f"{name} is not translated")
            continue
        for string in strings:
            if placeholders(string) != placeholders(ids[-1]) and placeholders(string) != placeholders(ids[0]):
                out.append(f"{name}: placeholders {placeholders(ids[0])} became {placeholders(string)}")
    return out


def main(argv: list[str]) -> int:
    if argv[:1] == ["build"]:
        for mo in build():
            print("compiled", mo.relative_to(paths.app_root()))
        return 0
    if argv[:1] == ["check"]:
        found = [p for lang in (*TRANSLATED, *DERIVED) for p in problems(lang)]
        print("\n".join(found) or "all catalogs complete")
        return 1 if found else 0
    print("usage: python -m desktop.core.catalogs build|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
