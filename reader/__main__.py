"""`python -m reader`: the command line, or the window when no subcommand is given."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
