#!/usr/bin/env bash
# Builds the macOS installer of MailPath. Runs only on macOS (jpackage builds .dmg/.pkg with Apple's tools):
#   installer/macos/build.sh [dmg|pkg|app-image]        results in target/installer/
# Needs JDK 25 (JAVA_HOME) and Maven. The steps are those of the Linux build (installer/build.sh), which picks
# the macOS inputs here: mailpath.icns, csv-association.properties, Info.plist keys through jpackage options.
# Unsigned: for distribution add --mac-sign with a Developer ID (MAILPATH_MAC_SIGN_ID) and notarize the .dmg.
set -euo pipefail
[ "$(uname -s)" = Darwin ] || { echo "installer/macos/build.sh runs only on macOS" >&2; exit 2; }
exec "$(dirname "$0")/../build.sh" "${1:-dmg}"
