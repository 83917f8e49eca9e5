"""Render the app icon (resources/icons/reader.svg) to the PNGs and the .ico that packaging needs.

    .venv/bin/python packaging/make_icons.py

writes resources/icons/reader-256.png and reader-48.png (the Linux desktop
file, any launcher that wants a bitmap) and reader.ico (the Windows
executable: 16 to 256 pixels, each a PNG inside the .ico, as Windows Vista
and later read them).  The outputs are committed; run this again after
changing the SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402, TID251 - a packaging tool, not reader.core
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402, TID251 - a packaging tool, not reader.core
from PySide6.QtSvg import QSvgRenderer  # noqa: E402, TID251 - a packaging tool, not reader.core

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (256, 48)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The SVG drawn on a transparent square of `size` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """`image` encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An .ico file holding one PNG per size (ICONDIR, then one ICONDIRENTRY each, then the images)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, payload = b"", b""
    offset = len(header) + 16 * len(images)
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return header + entries + payload


def main() -> int:
    """Write the PNGs and the .ico beside the SVG."""
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter wants an application object
    renderer = QSvgRenderer(str(ICONS / "reader.svg"))
    if not renderer.isValid():
        print(f"make_icons: cannot read {ICONS / 'reader.svg'}", file=sys.stderr)
        return 1
    for size in PNG_SIZES:
        (ICONS / f"reader-{size}.png").write_bytes(png_bytes(render(renderer, size)))
    (ICONS / "reader.ico").write_bytes(ico_bytes({size: png_bytes(render(renderer, size)) for size in ICO_SIZES}))
    for name in [f"reader-{size}.png" for size in PNG_SIZES] + ["reader.ico"]:
        print(f"wrote {ICONS / name} ({(ICONS / name).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
