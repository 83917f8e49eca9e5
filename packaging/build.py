"""Build the one-folder program `dist/baokan-reader/` with PyInstaller (packaging/README.md).

    .venv/bin/pip install ".[build]"
    .venv/bin/python packaging/build.py [--dist DIR] [--work DIR]

The same command on Windows (`.venv\\Scripts\\python packaging\\build.py`).  On
Linux the folder also gets the desktop file, its icon and
install-desktop-entry.sh, which adds 报刊阅览 to the desktop's menu.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "baokan-reader"  # the folder's name; COLLECT(name=...) in reader.spec


def main() -> int:
    """Run PyInstaller on reader.spec, then add the Linux desktop files; print where the folder is."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="where the folder goes (default: dist/)")
    parser.add_argument("--work", default=str(ROOT / "build" / "pyinstaller"), help="PyInstaller's work folder")
    args = parser.parse_args()
    started = time.monotonic()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    command += ["--distpath", args.dist, "--workpath", args.work, str(ROOT / "packaging" / "reader.spec")]
    subprocess.run(command, check=True, cwd=ROOT)
    folder = Path(args.dist) / NAME
    if sys.platform.startswith("linux"):
        shutil.copy(ROOT / "packaging" / "reader.desktop", folder / f"{NAME}.desktop")
        shutil.copy(ROOT / "resources" / "icons" / "reader-256.png", folder / f"{NAME}.png")
        shutil.copy(ROOT / "packaging" / "install-desktop-entry.sh", folder / "install-desktop-entry.sh")
    print(f"built {folder} in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
