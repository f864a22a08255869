#!/usr/bin/env python3
"""Render the app icon (resources/icons/mentordesk.svg) into the files a desktop needs.

    python scripts/render_icons.py [--check]

Writes, from the one drawing, with Qt's QSvgRenderer:

* resources/icons/hicolor/NxN/apps/org.mentordesk.MentorDesk.png for N in 16..512: the
  freedesktop icon theme's sizes, installed by packaging/install-desktop.sh;
* packaging/icons/mentordesk.ico (Windows: PNG images of 16 to 256 pixels in one file)
  and packaging/icons/mentordesk.icns (macOS: 16 to 1024), which the PyInstaller spec
  gives the executable or the .app.

Run it after changing the drawing and commit what it writes. ``--check`` writes nothing
and exits 1 when a file is missing or differs from what it would write.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "mentordesk.svg"
APP_ID = "org.mentordesk.MentorDesk"
THEME_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The ICNS types that hold PNG data, by size in pixels.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}
ICNS_TYPES_2X = {1024: b"ic10"}


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit(f"render_icons: Qt could not write a {size} px PNG")
    buffer.close()
    return bytes(data.data())


def ico_file(images: dict[int, bytes]) -> bytes:
    """An ICO with PNG images (Windows Vista and later read those at every size)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        payload += png
    return header + entries + payload


def icns_file(images: dict[int, bytes]) -> bytes:
    chunks = b"".join(
        kind + struct.pack(">I", 8 + len(images[size])) + images[size]
        for size, kind in {**ICNS_TYPES, **ICNS_TYPES_2X}.items()
    )
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def wanted_files() -> dict[Path, bytes]:
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: cannot read {SOURCE}")
    sizes = sorted({*THEME_SIZES, *ICO_SIZES, *ICNS_TYPES, *ICNS_TYPES_2X})
    pngs = {size: render_png(renderer, size) for size in sizes}
    files = {
        ROOT / "resources" / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png": pngs[n]
        for n in THEME_SIZES
    }
    icons = ROOT / "packaging" / "icons"
    files[icons / "mentordesk.ico"] = ico_file({n: pngs[n] for n in ICO_SIZES})
    files[icons / "mentordesk.icns"] = icns_file(pngs)
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    args = parser.parse_args()
    QGuiApplication([])
    stale = []
    for path, content in wanted_files().items():
        if path.is_file() and path.read_bytes() == content:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    for path in stale:
        verb = "differs" if args.check else "written"
        print(f"{path.relative_to(ROOT)}: {verb}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
