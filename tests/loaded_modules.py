"""Which modules a piece of code loads, run in a fresh interpreter: what a start-up pays for."""

from __future__ import annotations

import json
import subprocess
import sys


def modules_loaded_by(code: str, of: tuple[str, ...]) -> list[str]:
    """The modules among `of` (or their submodules) that a fresh Python has loaded after running `code`."""
    script = (
        f"{code}\nimport json, sys\n"
        f"print(json.dumps(sorted(name for name in sys.modules if name in {of!r} or name.split('.')[0] in {of!r})))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])
