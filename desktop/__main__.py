"""`python -m desktop` / `migrant-desk`: the GUI without a command, the command otherwise.

The one module outside desktop/ui that starts the window (tests/test_architecture.py keeps it so).
"""
from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    dataset: Path | None = None
    if argv:
        from . import cli  # argparse only; Qt is imported by the GUI path alone
        from .console import utf8_output

        utf8_output()  # before anything is printed: a pipe or a file gets UTF-8 on every system

        args = cli.parse(argv)
        if args.command == "editor":  # the content editor, a window of its own (desktop/ui/editor)
            from .ui.editor.app import run_editor

            return run_editor(args.path)
        if not cli.opens_window(args):
            return cli.run(args)
        dataset = args.dataset
    # The window, as fast as it can come: without arguments the command line's modules are not loaded.
    from .ui.app import run

    return run(dataset)


if __name__ == "__main__":
    sys.exit(main())
