"""Entry script of the built program (packaging/reader.spec): exactly `reader`.

A subcommand runs the command line, none opens the window.  The package's own
`reader/__main__.py` cannot be the script: it imports `.cli` relatively.
"""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
