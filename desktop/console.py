"""The command line's output is UTF-8 wherever it goes: a console, a pipe or a file.

Python writes to a pipe or a file in the locale's encoding: cp1252 (or cp866, cp1251 …) on Windows, whatever
PYTHONIOENCODING or LC_ALL=C says elsewhere. A Cyrillic title or an Uzbek ʻ then stops the command with
UnicodeEncodeError, or comes out as question marks: `migrant-desk-cli --self-check > check.txt` on Windows
failed that way. Every console entry point (desktop/__main__.py for `migrant-desk`, the bundled exe's) calls
`utf8_output()` before it prints anything. A Windows console window shows UTF-8 whatever its code page is
(Python writes to it through the console's own Unicode interface), so only pipes and files change here.
"""
from __future__ import annotations

import codecs
import sys


def utf8_output() -> None:
    """Point stdout and stderr at UTF-8 (characters no encoding can write, lone surrogates, become '?');
    a stream that is missing (a windowed program has none) or cannot be reconfigured is left alone."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = getattr(stream, "encoding", None) or ""
        if reconfigure is None:
            continue
        try:
            if codecs.lookup(encoding).name != "utf-8":
                reconfigure(encoding="utf-8", errors="replace")
            elif getattr(stream, "errors", "strict") == "strict":
                reconfigure(errors="replace")
        except (LookupError, ValueError, OSError):
            continue
