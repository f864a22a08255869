#!/usr/bin/env bash
# Builds MentorDesk as a folder that needs no Python: dist/MentorDesk/ (PyInstaller, onedir,
# from packaging/mentordesk.spec) with INSTALL and install-desktop.sh beside the program,
# and on Linux the tarball dist/MentorDesk-VERSION-linux-ARCH.tar.gz of that folder.
#
#   packaging/build.sh [PYTHON]
#
# PYTHON (default: .venv/bin/python) must have MentorDesk's dependencies and PyInstaller
# (pip install -e '.[package]'); `./bootstrap package` sets that up and then runs this.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
python=${1:-$root/.venv/bin/python}
say() { printf 'build: %s\n' "$*" >&2; }

"$python" -c 'import PyInstaller' 2>/dev/null || {
  say "PyInstaller is missing from $python: pip install -e '.[package]' (or ./bootstrap package)"
  exit 1
}
version=$("$python" -c 'import sys; sys.path.insert(0, sys.argv[1]); import mentordesk; print(mentordesk.__version__)' "$root")
bundle="$root/dist/MentorDesk"
started=$SECONDS

say "building $bundle (MentorDesk $version)"
rm -rf "$bundle"
"$python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$root/dist" --workpath "$root/build/pyinstaller" "$root/packaging/mentordesk.spec"

cp "$root/packaging/INSTALL" "$bundle/INSTALL"
cp "$root/packaging/install-desktop.sh" "$bundle/install-desktop.sh"
chmod 755 "$bundle/install-desktop.sh"
say "bundle: $(du -sh "$bundle" | cut -f1) in $(find "$bundle" -type f | wc -l) files"

if [ "$(uname -s)" = Linux ]; then
  tarball="$root/dist/MentorDesk-$version-linux-$(uname -m).tar.gz"
  tar -C "$root/dist" --sort=name --owner=0 --group=0 --numeric-owner -czf "$tarball" MentorDesk
  say "tarball: $tarball ($(du -h "$tarball" | cut -f1))"
fi
say "done in $((SECONDS - started)) s"
