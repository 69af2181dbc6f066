"""Entry point of the bundled app (PyInstaller): the same as the `migrant-desk` command."""
import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
