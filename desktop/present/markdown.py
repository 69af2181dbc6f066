"""The Markdown subset record bodies use, as HTML for QTextBrowser: paragraphs, '-' and '1.' lists nested by
indentation, **bold** and [links](url). Pure Python, no Qt."""
from __future__ import annotations

import re

from .text import esc

LIST_ITEM_RE = re.compile(r"^(\s*)(?:([-*•])|\d+[.)])\s+(.*)")


def inline(line: str) -> str:
    line = esc(line)
    line = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", line)
    return re.sub(r"\[([^\]]+)\]\((https?://[^)\s]+)\)", r'<a href="\2">\1</a>', line)


def markdown(text: str) -> str:
    """Paragraphs and lists; a list item indented deeper than the one before starts a list inside that item."""
    out: list[str] = []
    open_lists: list[tuple[int, str]] = []  # (indentation, "ul" or "ol"); each has an open <li>

    def close_to(depth: int) -> None:
        while len(open_lists) > depth:
            out.append(f"</li></{open_lists.pop()[1]}>")

    for raw in text.splitlines():
        item = LIST_ITEM_RE.match(raw)
        if not item:
            close_to(0)  # a paragraph or an empty line ends every list
            if raw.strip():
                out.append(f"<p>{inline(raw.strip())}</p>")
            continue
        indent, kind = len(item.group(1).expandtabs(4)), "ul" if item.group(2) else "ol"
        while open_lists and open_lists[-1][0] > indent:
            close_to(len(open_lists) - 1)
        if open_lists and open_lists[-1][0] == indent and open_lists[-1][1] != kind:
            close_to(len(open_lists) - 1)  # '-' after '1.' at the same depth: a new list
        if open_lists and open_lists[-1][0] == indent:
            out.append("</li>")
        else:
            out.append(f"<{kind}>")
            open_lists.append((indent, kind))
        out.append(f"<li>{inline(item.group(3))}")
    close_to(0)
    return "\n".join(out)
