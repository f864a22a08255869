#!/usr/bin/env bash
# The built bundle's smoke test (CI runs it after packaging/build.sh), headless:
#
#   packaging/smoke.sh [BUNDLE]     (default: dist/MentorDesk)
#
# 1. `MentorDesk --version` prints this version;
# 2. `--self-check` on a new data folder: creates and migrates it, shows it, quits, checks
#    the resources, Qt's plugins and the schema; then again on the folder it made;
# 3. single instance: a second start on a folder that a running MentorDesk has open brings
#    that one to the front and exits 0; the same after the first was killed (leaving its
#    lock and socket behind), and a self-check then passes;
# 4. with xvfb-run installed, the self-check once more on X11 (the xcb platform).
# Every file it writes is in a temporary folder, removed at the end.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bundle=$(cd "${1:-$root/dist/MentorDesk}" && pwd)
exe="$bundle/MentorDesk"
say() { printf 'smoke: %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
[ -x "$exe" ] || fail "no bundle at $bundle (build it with packaging/build.sh)"

work=$(mktemp -d)
first=""
cleanup() {
  [ -z "$first" ] || kill -9 "$first" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# Nothing of the real user's: data, settings, log and the instance socket in $work.
export HOME="$work/home" XDG_DATA_HOME="$work/share" XDG_CONFIG_HOME="$work/config"
export XDG_STATE_HOME="$work/state" XDG_RUNTIME_DIR="$work/run" QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset MENTORDESK_DATA_DIR

started=$SECONDS
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$root/mentordesk/__init__.py")
printed=$("$exe" --version)
[ "$printed" = "MentorDesk $version" ] || fail "--version printed '$printed', not 'MentorDesk $version'"
say "ok: $printed"

"$exe" --self-check --data-dir "$work/data" || fail "self-check on a new data folder"
"$exe" --self-check --data-dir "$work/data" || fail "self-check on the folder it made"
say "ok: self-check on a new data folder and on the same folder again"

log_count() { cat "$XDG_STATE_HOME"/MentorDesk/log/*.log 2>/dev/null | grep -c "$1" || true; }

# A running MentorDesk (it waits for a person), a second start on its folder, then the
# first killed, so that it leaves its lock and socket behind.
second_start_then_kill() {
  local shown asked
  shown=$(log_count "data shown after")
  asked=$(log_count "second start on this data folder asked for the window")
  "$exe" --data-dir "$work/data" >"$work/first.out" 2>&1 &
  first=$!
  for _ in $(seq 150); do
    [ "$(log_count "data shown after")" -gt "$shown" ] && break
    kill -0 "$first" 2>/dev/null || fail "the first MentorDesk ended: $(cat "$work/first.out")"
    sleep 0.2
  done
  [ "$(log_count "data shown after")" -gt "$shown" ] || fail "the first start showed no data"
  timeout 30 "$exe" --data-dir "$work/data" || fail "a second start on the same folder did not exit 0"
  [ "$(log_count "second start on this data folder asked for the window")" -gt "$asked" ] ||
    fail "the running MentorDesk was not asked for its window"
  kill -0 "$first" 2>/dev/null || fail "the first MentorDesk ended when the second started"
  kill -9 "$first"
  wait "$first" 2>/dev/null || true
  first=""
  [ -e "$work/data/mentordesk.lock" ] || fail "a killed MentorDesk left no lock (the test needs one)"
}
second_start_then_kill
say "ok: a second start on the same folder brought the first to the front and exited 0"
second_start_then_kill
say "ok: so it did after a killed MentorDesk left its lock and socket"
"$exe" --self-check --data-dir "$work/data" || fail "self-check after a killed MentorDesk"
say "ok: self-check after a killed MentorDesk"

if command -v xvfb-run >/dev/null 2>&1; then
  QT_QPA_PLATFORM=xcb xvfb-run -a "$exe" --self-check --data-dir "$work/data" ||
    fail "self-check on X11 (xcb)"
  say "ok: self-check on X11"
else
  say "skipped the X11 run: xvfb-run is not installed"
fi
say "passed in $((SECONDS - started)) s"
