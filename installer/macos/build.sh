#!/usr/bin/env bash
# Builds the macOS installer of MailPath. Runs only on macOS (jpackage builds .dmg/.pkg with Apple's tools):
#   installer/macos/build.sh [dmg|pkg|app-image]        results in target/installer/
# Needs JDK 25 (JAVA_HOME) and Maven. The steps are those of the Linux build (installer/build.sh), which picks
# the macOS inputs here: mailpath.icns, csv-association.properties, Info.plist keys through jpackage options.
# Environment: MAILPATH_MAC_APP_VERSION (e.g. 1.0.0) is required while the version is 0.x (jpackage refuses a bundle
# version starting with 0; the bundle then carries that version, not the one `mailpath --version` prints);
# MAILPATH_MAC_SIGN_ID="Acme Software LLC (ABCD1234)" signs the bundle and the .pkg with the "Developer ID
# Application/Installer: …" certificates of that name (--mac-sign --mac-signing-key-user-name); unsigned without it.
# Notarizing the .dmg/.pkg is a step of its own.
set -euo pipefail
[ "$(uname -s)" = Darwin ] || { echo "installer/macos/build.sh runs only on macOS" >&2; exit 2; }
exec "$(dirname "$0")/../build.sh" "${1:-dmg}"
