"""`python -m desktop` / `migrant-desk`: the GUI without arguments, a subcommand otherwise."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        # The window, as fast as it can come: the command line's modules are not needed to paint it.
        from .ui.app import run
        return run()
    from . import cli  # argparse only; Qt is imported by the GUI path alone
    return cli.main(argv)


if __name__ == "__main__":
    sys.exit(main())
