#!/usr/bin/env sh
# Puts MentorDesk in the desktop's menu for this user: the desktop entry, the AppStream
# metadata and the icon (SVG and PNG 16 to 512) under ${XDG_DATA_HOME:-~/.local/share}.
#
#   install-desktop.sh [--exec PROGRAM]   install (again: it replaces what it installed)
#   install-desktop.sh --uninstall        remove what it installed
#
# Run from the unpacked bundle (MentorDesk/install-desktop.sh), the menu starts that
# bundle's MentorDesk. Run from a source checkout (packaging/install-desktop.sh), it starts
# the `mentordesk` command on your PATH (pipx install .), or PROGRAM (a path or a name).
# Needs no root and writes nothing outside that folder.
set -eu

APP_ID=org.mentordesk.MentorDesk
here=$(cd "$(dirname "$0")" && pwd)
say() { printf 'install-desktop: %s\n' "$*" >&2; }

command=""
uninstall=false
while [ $# -gt 0 ]; do
  case $1 in
    --exec) [ $# -ge 2 ] || { say "--exec needs a program"; exit 2; }; command=$2; shift 2 ;;
    --uninstall) uninstall=true; shift ;;
    -h | --help) sed -n '2,11s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) say "unknown option: $1 (try --help)"; exit 2 ;;
  esac
done

if [ -x "$here/MentorDesk" ] && [ -d "$here/_internal/mentordesk/resources" ]; then
  resources="$here/_internal/mentordesk/resources"  # the unpacked bundle
  [ -n "$command" ] || command="$here/MentorDesk"
elif [ -f "$here/../resources/$APP_ID.desktop" ]; then
  resources="$here/../resources"  # a source checkout
  [ -n "$command" ] || command=mentordesk
else
  say "cannot find MentorDesk's resources beside $here"
  exit 1
fi

data=${XDG_DATA_HOME:-"$HOME/.local/share"}
case $data in
  /*) ;;
  *) say "XDG_DATA_HOME must be an absolute path (it is '$data')"; exit 2 ;;
esac
sizes="16 22 24 32 48 64 128 256 512"
installed="applications/$APP_ID.desktop metainfo/$APP_ID.metainfo.xml
  icons/hicolor/scalable/apps/$APP_ID.svg"
for size in $sizes; do
  installed="$installed icons/hicolor/${size}x$size/apps/$APP_ID.png"
done

refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
  fi
}

if $uninstall; then
  for file in $installed; do
    rm -f "$data/$file"
  done
  refresh_caches
  say "removed MentorDesk's menu entry and icons from $data"
  exit 0
fi

# The program as the desktop entry's Exec (quoted, as the specification asks, when it has
# a space or another reserved character) and TryExec; a backslash is written doubled.
case $command in
  *[!A-Za-z0-9_./+-]*)
    escaped=$(printf '%s' "$command" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g')
    exec_line="\"$escaped\"" ;;
  *) exec_line=$command ;;
esac
try_exec=$(printf '%s' "$command" | sed -e 's/\\/\\\\/g')
case $command in
  /*) [ -x "$command" ] || say "warning: $command is not an executable file (yet)" ;;
  *) command -v "$command" >/dev/null 2>&1 || say "warning: '$command' is not on your PATH" ;;
esac

install_file() {  # SOURCE DESTINATION: copied with the user's usual permissions
  mkdir -p "$(dirname "$2")"
  cp "$1" "$2.new"
  chmod 644 "$2.new"
  mv -f "$2.new" "$2"
}

mkdir -p "$data/applications"
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    Exec=*) printf 'Exec=%s\n' "$exec_line" ;;
    TryExec=*) printf 'TryExec=%s\n' "$try_exec" ;;
    *) printf '%s\n' "$line" ;;
  esac
done <"$resources/$APP_ID.desktop" >"$data/applications/$APP_ID.desktop.new"
chmod 644 "$data/applications/$APP_ID.desktop.new"
mv -f "$data/applications/$APP_ID.desktop.new" "$data/applications/$APP_ID.desktop"
install_file "$resources/$APP_ID.metainfo.xml" "$data/metainfo/$APP_ID.metainfo.xml"
install_file "$resources/icons/mentordesk.svg" "$data/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in $sizes; do
  install_file "$resources/icons/hicolor/${size}x$size/apps/$APP_ID.png" \
    "$data/icons/hicolor/${size}x$size/apps/$APP_ID.png"
done
refresh_caches
say "installed MentorDesk's menu entry and icons in $data (it starts: $command)"
