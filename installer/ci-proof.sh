#!/usr/bin/env bash
# CI proof that the Linux packaging works end to end, on a fresh Debian 12 machine, as root:
#   1. builds the app image and the .deb (installer/build.sh deb: jlink, jpackage, AOT cache, start-up figures)
#   2. starts the app image under Xvfb with a sample Email Log, waits for its window, takes a screenshot,
#      closes the window like a user and checks the exit status
#   3. installs the .deb with apt-get (dependencies resolved by the package manager), checks the menu entry (its
#      icon is MailPath's, one main category), the file association (offered, not made the default: defaults.list
#      is left as it was), `mailpath --version`, the launcher's ASCII line without a UTF-8 locale, the package's
#      description and copyright fields, runs the installed app the same way, then purges it
# Prints the figures (sizes, start-up times) at the end; screenshots go to target/installer/. Exits non-zero on
# any failure and gives up after MAILPATH_PROOF_TIMEOUT seconds (default 420).
set -euo pipefail

if [ -z "${MAILPATH_PROOF_INNER:-}" ]; then
    limit=${MAILPATH_PROOF_TIMEOUT:-420}
    status=0
    MAILPATH_PROOF_INNER=1 timeout -k 15 "$limit" bash "$0" "$@" || status=$?
    [ "$status" = 124 ] && echo "ci-proof: FAILED, took longer than $limit s" >&2
    exit "$status"
fi

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/target/installer
. "$root/installer/lib.sh"
cd "$root"
mkdir -p "$out"
: > "$out/figures.txt"
export MAILPATH_KEEP_FIGURES=1

# --- tools --------------------------------------------------------------------------------------------------------
# xvfb/xdotool/python3: windows without a screen; imagemagick: screenshots; fakeroot, binutils: jpackage deb, strip
needed=(xvfb xdotool python3 imagemagick fakeroot binutils libgtk-3-0 fonts-dejavu-core)
missing=()
for pkg in "${needed[@]}"; do
    package_installed "$pkg" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
    step "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if package_installed mailpath; then
    step "removing a MailPath package left from an earlier run"
    apt-get purge -y -qq mailpath >/dev/null
fi

# --- 1. build -------------------------------------------------------------------------------------------------------
installer/build.sh deb
deb=$(ls "$out"/mailpath_*.deb)
version=$(sed -n 's/^version=//p' target/classes/org/mailpath/version.properties)

# --- 2 and 3: run a launcher like a user, screenshot, close --------------------------------------------------------
trap stop_xvfb EXIT
start_xvfb || die "cannot start Xvfb"

# Starts the launcher with the sample log, waits for the MailPath window, screenshots it, closes it cleanly.
prove_launch() {
    local what=$1 launcher=$2 shot=$out/screenshot-$1.png
    step "start $what under Xvfb with $(basename "$(sample_log)")"
    launch_and_wait_for_window "$out/proof-$what.log" "$launcher" "$(sample_log)" || die "$what: no window"
    echo "    window after $STARTUP_SECONDS s"
    sleep 1    # first paint
    import -window "$WINDOW_ID" "$shot"
    echo "    screenshot: ${shot#"$root"/}"
    close_app || die "$what: exit status $APP_EXIT after closing the window (log: $out/proof-$what.log)"
    echo "    closed cleanly (exit 0)"
}

prove_launch app-image "$out/MailPath/bin/MailPath"

# every module of the linked runtime has its notices in legal/ (JavaFX's come from build.sh, not from jlink)
runtime=$out/MailPath/lib/runtime
for module in $(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$runtime/release"); do
    [ -f "$runtime/legal/$module/LICENSE" ] || die "the runtime has no legal/$module/LICENSE"
done
[ -f "$runtime/legal/javafx.graphics/jpeg_fx.md" ] || die "the runtime has no legal/javafx.graphics/jpeg_fx.md"
echo "    runtime: legal notices for each module"

# The .deb's control field: a one-line summary with a long description below it (its copyright file is checked once
# installed). No pipe into a reader that stops early, such as head or tar -x of one member: under pipefail the
# writer's SIGPIPE fails the run whenever the reader quits before the writer has written everything (timing)
description=$(dpkg-deb -f "$deb" Description)
summary_line=${description%%$'\n'*}
[ "${#summary_line}" -le 80 ] || die "the package's summary is ${#summary_line} characters: '$summary_line'"
[ "$summary_line" != "$description" ] || die "the package has no long description"
echo "    package: '$summary_line' with a long description"

# Every defaults.list the install may write (xdg-desktop-menu adds the entry as a MIME type's default there), as it
# is before the install: each must be the same after it
defaults_lists() {
    local f
    for f in /usr/local/share/applications/defaults.list /usr/share/applications/defaults.list; do
        if [ -f "$f" ]; then echo "$f $(sha256sum < "$f")"; else echo "$f absent"; fi
    done
}
defaults_before=$(defaults_lists)

step "apt-get install ./$(basename "$deb")"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$out/apt-install.log" 2>&1 \
    || { cat "$out/apt-install.log"; die "apt-get install failed"; }
package_installed mailpath || die "package not configured"
# the copyright file where Debian Policy 12.5 puts it, and only there (read from disk: the package's file list, no
# pipe into a reader that quits early)
copyright=/usr/share/doc/mailpath/copyright
copyrights=()
while IFS= read -r file; do
    case "$file" in
        */copyright) [ -f "$file" ] && copyrights+=("$file") ;;
    esac
done < <(dpkg -L mailpath)
[ "${copyrights[*]:-}" = "$copyright" ] || die "the package's copyright files are '${copyrights[*]:-}', not $copyright"
if grep -qE '^License:[[:space:]]*$' "$copyright"; then
    die "the copyright file has a License field without a short name"
fi
# the libraries' own licenses, not only MailPath's: one a stanza each (a few, as a sample)
for named in 'lib/app/dnsjava-' 'OpenJFX' 'lib/app/controlsfx-' 'lib/app/slf4j-' 'License: BSD-3-clause' 'License: Expat'; do
    grep -qF "$named" "$copyright" || die "the copyright file does not name '$named'"
done
echo "    copyright $copyright names its licenses, dnsjava's and OpenJFX's among them"
figure "installed size (/opt/mailpath)" "$(du -sh /opt/mailpath | cut -f1)"
# the AOT cache is refused when a class-path jar's time differs from the one it was trained with (build.sh repacks)
[ "$(stat -c %Y /opt/mailpath/lib/app/mailpath.jar)" = "$(stat -c %Y "$out/MailPath/lib/app/mailpath.jar")" ] \
    || die "the installed mailpath.jar's time differs from the app image's: the AOT cache would not be used"
[ -x /usr/bin/mailpath ] || die "no /usr/bin/mailpath"
shown=$(mailpath --version 2>&1) || die "mailpath --version failed: $shown"
[ "${shown%%$'\n'*}" = "MailPath $version" ] || die "mailpath --version printed '$shown', expected 'MailPath $version' first"
case "$shown" in
    *'JavaFX '*'/usr/share/doc/mailpath/copyright'*) ;;
    *) die "mailpath --version does not give JavaFX's version and where the licenses are: '$shown'" ;;
esac
echo "    mailpath --version: ${shown//$'\n'/ | }"
desktop=$(grep -l '^Exec=/opt/mailpath/bin/MailPath' /usr/share/applications/*.desktop 2>/dev/null | head -1 || true)
[ -n "$desktop" ] || die "no menu entry in /usr/share/applications"
grep -q '^MimeType=.*text/csv' "$desktop" || die "menu entry $desktop does not declare text/csv"
[ "$(defaults_lists)" = "$defaults_before" ] \
    || die "the install changed defaults.list (MailPath made the default for CSV files): $(cat /usr/share/applications/defaults.list 2>/dev/null)"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -f "$icon" ] || die "menu entry without an icon file ($icon)"
# jpackage puts its default JavaApp.png (Duke, 32 px) there when it does not find MailPath's
cmp -s "$icon" assets/icon/png/mailpath-256.png || die "the menu entry's icon $icon is not MailPath's 256 px icon"
main_categories=$(sed -n 's/^Categories=//p' "$desktop" | tr ';' '\n' \
    | grep -cxE 'AudioVideo|Development|Education|Game|Graphics|Network|Office|Science|Settings|System|Utility' || true)
[ "$main_categories" = 1 ] || die "menu entry with $main_categories main categories: $(grep '^Categories=' "$desktop")"
echo "    menu entry: $desktop (text/csv, offered but not the default; MailPath's icon; $(grep '^Categories=' "$desktop"))"
# No display, no UTF-8 locale: the launcher's one line keeps its words ('...' for the ellipsis, not '?')
refusal_status=0
refusal=$(env -u DISPLAY -u WAYLAND_DISPLAY -u LC_ALL -u LC_CTYPE LANG= mailpath 2>&1 >/dev/null) || refusal_status=$?
[ "$refusal_status" = 2 ] || die "mailpath without a display exited $refusal_status: $refusal"
case "$refusal" in
    *'?'*|'') die "mailpath without a display or a UTF-8 locale printed: '$refusal'" ;;
esac
echo "    without a display, LANG unset: $refusal"

prove_launch installed /opt/mailpath/bin/MailPath
measure_startup "start-up installed app" /opt/mailpath/bin/MailPath 3 || die "installed app did not start and close cleanly"
stop_xvfb

step "apt-get purge mailpath"
apt-get purge -y -qq mailpath >/dev/null
if [ -e /opt/mailpath ] || [ -e /usr/bin/mailpath ]; then die "files left after purge"; fi
! ls /usr/share/applications/*mailpath* >/dev/null 2>&1 || die "menu entry left after purge"

echo
echo "MailPath $version installer figures:"
sed 's/^/    /' "$out/figures.txt"
echo "ci-proof: OK"
