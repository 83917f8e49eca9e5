#!/bin/sh
# Add 报刊阅览 to this user's application menu (and "Open with" for text files), pointing at the
# folder this script is in. Run it again after moving the folder. Remove with:
#   rm ~/.local/share/applications/baokan-reader.desktop ~/.local/share/icons/hicolor/256x256/apps/baokan-reader.png
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps=${XDG_DATA_HOME:-$HOME/.local/share}/applications
icons=${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps
mkdir -p "$apps" "$icons"
cp "$here/baokan-reader.png" "$icons/baokan-reader.png"
sed "s|^Exec=reader-window|Exec=\"$here/reader-window\"|" "$here/baokan-reader.desktop" > "$apps/baokan-reader.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "added $apps/baokan-reader.desktop (starts $here/reader-window)"
