#!/usr/bin/env bash
# Builds the packages of MailPath with its own trimmed Java runtime.
#
#   installer/build.sh app-image|deb|rpm     results in target/installer/    (Linux)
#   installer/build.sh dmg|pkg                                               (macOS; see installer/macos/build.sh)
#
# Steps: Maven package (only when the jars are missing) -> jlink a runtime with the modules jdeps finds plus
# JavaFX from its platform jars -> jpackage app image (+ AOT cache for a faster start when Xvfb is present)
# -> .deb or .rpm from that image. Needs JDK 25 (JAVA_HOME, or found under /usr/lib/jvm); .deb needs
# dpkg-deb and fakeroot, .rpm needs rpmbuild; the AOT training and start-up measurement need Xvfb, xdotool and
# python3 (skipped without them). Environment: MAILPATH_SKIP_AOT=1 skips the AOT cache, MAILPATH_MEASURE=0 the
# start-up measurement, MAILPATH_REUSE_IMAGE=1 packages the app image already in target/installer (quick retries).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/target/installer
type=${1:-}
case "$(uname -s)/$type" in
    Linux/app-image|Linux/deb|Linux/rpm) os=linux icon=assets/icon/png/mailpath-256.png ;;
    Darwin/app-image|Darwin/dmg|Darwin/pkg) os=macos icon=assets/icon/mailpath.icns ;;
    *) echo "usage: installer/build.sh app-image|deb|rpm (Linux), app-image|dmg|pkg (macOS)" >&2; exit 2 ;;
esac

. "$root/installer/lib.sh"

jdk=$(find_jdk25) || die "no JDK 25 with jlink and jpackage: set JAVA_HOME to one (Temurin 25 is used in CI)"
cd "$root"
trap stop_xvfb EXIT
mkdir -p "$out"
[ "${MAILPATH_KEEP_FIGURES:-0}" = 1 ] || : > "$out/figures.txt"

# --- 1. the jars: app jar (without JavaFX inside) and its runtime dependencies --------------------------------
plain_jar=target/original-mailpath.jar           # maven-shade keeps the unshaded jar under this name
deps=$out/deps
if [ ! -f target/mailpath.jar ] || [ ! -f "$plain_jar" ]; then
    step "mvn package (jars missing)"
    mvn -B -q -Dstyle.color=never -DskipTests package
fi
if [ ! -f "$deps/.copied" ] || [ pom.xml -nt "$deps/.copied" ]; then
    step "copy runtime dependencies"
    rm -rf "$deps"
    # 2.8 is the version Maven 3.8's defaults use, so it is already in ~/.m2 and works offline
    mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:2.8:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$deps"
    touch "$deps/.copied"
fi
version=$(sed -n 's/^version=//p' target/classes/org/mailpath/version.properties)
[ -n "$version" ] || die "no version in target/classes/org/mailpath/version.properties"
# package formats want a plain number (rpm: no '-', msi: 3 numbers): 0.2.0-SNAPSHOT -> 0.2.0
pkg_version=$(echo "$version" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')
description=$(sed -n 's:.*<description>\(.*\)</description>.*:\1:p; T; q' pom.xml)
# the .deb's one-line summary and the menu entry's tooltip (Comment); the pom's description is the long one
summary="Troubleshooter for Salesforce email that does not arrive"

# legal/<module>/ of the linked runtime for each module in it: jlink from Temurin's run-time image leaves out some
# (jdk.localedata's, with the Thai dictionary's notice), and JavaFX's Maven platform jars carry none, so OpenJFX's
# license (GPLv2 with the Classpath exception, the JDK's text) and javafx.graphics' third-party notices come from
# the copies kept for the jar (src/main/resources/META-INF/licenses/openjfx, from github.com/openjdk/jfx
# modules/javafx.graphics/src/main/legal).
add_legal_notices() {
    local runtime=$1 module fx_legal=src/main/resources/META-INF/licenses/openjfx linked
    linked=$(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$runtime/release")
    [ -n "$linked" ] || die "no MODULES line in $runtime/release"
    for module in $linked; do
        [ -e "$runtime/legal/$module" ] && continue
        mkdir -p "$runtime/legal/$module"
        case "$module" in
            javafx.*) cp "$fx_legal/LICENSE" "$runtime/legal/$module/" ;;
            *) [ -d "$jdk/legal/$module" ] || die "no legal notices for $module in $jdk/legal"
               cp -RL "$jdk/legal/$module/." "$runtime/legal/$module/" ;;    # -L: the JDK links LICENSE to java.base's
        esac
    done
    if [ -d "$runtime/legal/javafx.graphics" ]; then
        cp "$fx_legal"/*.md "$runtime/legal/javafx.graphics/"
    fi
}

# jars -> jlink runtime -> jpackage app image (+ AOT cache)
build_app_image() {
    # JavaFX goes into the runtime as modules (from its platform jars, natives inside); the rest stays on the class path
    local fxmods=$out/fxmods input=$out/input runtime=$out/runtime found fx_all modules
    rm -rf "$fxmods" "$input" && mkdir -p "$fxmods" "$input"
    local jar
    for jar in "$deps"/*.jar; do
        case "$(basename "$jar")" in
            javafx-*-[0-9]*-*.jar) cp "$jar" "$fxmods/" ;;    # javafx-graphics-25.0.4-linux.jar, …-mac-aarch64.jar
            javafx-*) ;;                                      # empty stubs without a platform
            *) cp "$jar" "$input/" ;;
        esac
    done
    cp "$plain_jar" "$input/mailpath.jar"

    # --- 2. jlink: only the modules the code needs ---------------------------------------------------------------
    step "jdeps: modules used"
    found=$("$jdk/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps \
            --module-path "$fxmods" "$input"/*.jar 2>/dev/null | tail -1)
    [ -n "$found" ] || die "jdeps found no modules"
    # Loaded by reflection or as a service, which jdeps cannot see: every JavaFX module the pom brings (FXML, Swing
    # interop), and JNDI DNS (dnsjava's fallback for finding the system resolvers).
    # paste gets "-" for standard input: POSIX requires a file operand, and macOS's BSD paste insists on it
    fx_all=$(for j in "$fxmods"/*.jar; do basename "$j" | sed -E 's/^javafx-([a-z]+)-.*/javafx.\1/'; done | paste -sd, -)
    modules=$(echo "$found,$fx_all,jdk.naming.dns" | tr ',' '\n' | sort -u | paste -sd, -)
    # java.base formats dates and numbers for English only: for each UI translation (messages_xx.properties) add
    # that locale's data from jdk.localedata, and only those locales
    local translations locale_opts=()
    translations=$(find src/main/resources -name 'messages_*.properties' | sed -E 's/.*messages_([a-zA-Z_]+)\.properties$/\1/' \
                   | tr '_' '-' | sort -u | paste -sd, -)
    if [ -n "$translations" ]; then
        modules=$modules,jdk.localedata
        locale_opts=(--include-locales "en,$translations")
    fi
    echo "    $modules${translations:+ (locales en,$translations)}"

    rm -rf "$runtime"
    step "jlink runtime"
    "$jdk/bin/jlink" --module-path "$fxmods" --add-modules "$modules" --output "$runtime" ${locale_opts[@]+"${locale_opts[@]}"} \
        --strip-debug --no-man-pages --no-header-files --strip-native-commands --compress=zip-6 \
        2> >(grep -v 'No JDK Modules found' >&2 || true)   # Temurin 25 links from its run-time image; harmless
    # libjvm.so comes with its full symbol table (5 MB); distributions strip it the same way
    if [ "$os" = linux ] && command -v strip >/dev/null; then
        find "$runtime" -name '*.so' -exec strip --strip-unneeded {} +
    fi
    add_legal_notices "$runtime"

    # --- 3. app image ---------------------------------------------------------------------------------------------
    rm -rf "$image"
    step "jpackage app-image"
    "$jdk/bin/jpackage" --type app-image --dest "$out" "${common_opts[@]}" --description "$description" \
        ${image_opts[@]+"${image_opts[@]}"} \
        --input "$input" --main-jar mailpath.jar --main-class org.mailpath.launcher.Launcher \
        --runtime-image "$runtime" \
        --java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED" \
        --java-options "-Xlog:aot=off,cds=off"
    # -Xlog off: a missing or stale AOT cache must never print warnings at a user; the JVM then starts without it

    # Linux only: the training run needs Xvfb, and the macOS bundle keeps its launcher config elsewhere
    if [ "$os" = linux ] && [ "${MAILPATH_SKIP_AOT:-0}" != 1 ]; then
        train_aot_cache "$image" || echo "    (no AOT cache: the app starts without it)"
    fi
}

if [ "$os" = macos ] && [ "${pkg_version%%.*}" = 0 ]; then
    # jpackage on macOS refuses a bundle version starting with 0
    pkg_version=${MAILPATH_MAC_APP_VERSION:-}
    [ -n "$pkg_version" ] || die "macOS bundle versions must start with 1 or more: set MAILPATH_MAC_APP_VERSION (e.g. 1.0.0) for $version"
fi
app_name=MailPath
image=$out/$app_name
[ "$os" = macos ] && image=$out/$app_name.app
copyright_notice="Copyright MailPath contributors, Apache-2.0"
common_opts=(--name "$app_name" --app-version "$pkg_version" --vendor "MailPath" --icon "$icon"
             --copyright "$copyright_notice")
# macOS: the bundle's Info.plist (identifier, menu-bar name, category, document types) is written only when the app
# image is built; a .dmg/.pkg made with --app-image copies that image as it is. --mac-app-category takes the bare
# name: jpackage prepends "public.app-category." itself.
image_opts=()
mac_sign_opts=()
if [ "$os" = macos ]; then
    image_opts=(--mac-package-identifier org.mailpath.MailPath --mac-package-name MailPath
                --mac-app-category utilities --file-associations installer/macos/csv-association.properties)
    # MAILPATH_MAC_SIGN_ID: the part of the certificates' names after "Developer ID Application: " / "Developer ID
    # Installer: " (e.g. "Acme Software LLC (ABCD1234)"), by which jpackage finds them in the keychain; it signs the
    # bundle when the app image is built and the .pkg when that is. Notarizing stays a step of its own.
    if [ -n "${MAILPATH_MAC_SIGN_ID:-}" ]; then
        mac_sign_opts=(--mac-sign --mac-signing-key-user-name "$MAILPATH_MAC_SIGN_ID")
        image_opts+=("${mac_sign_opts[@]}")
    fi
fi

if [ "${MAILPATH_REUSE_IMAGE:-0}" = 1 ] && [ -d "$image" ]; then
    step "reusing the app image in ${image#"$root"/}"
else
    build_app_image
fi
figure "app image size" "$(du -sh "$image" | cut -f1)"

if [ "$os" = linux ] && [ "${MAILPATH_MEASURE:-1}" = 1 ] && start_xvfb; then
    step "start-up of the app image, launch to first window (Xvfb)"
    if [ -f "$image/lib/app/mailpath.aot" ]; then
        measure_startup "start-up app image, AOT cache" "$image/bin/MailPath" 3 \
            || die "the app image did not start and close cleanly"
    fi
    JAVA_TOOL_OPTIONS=-XX:AOTMode=off measure_startup "start-up app image, no AOT cache" "$image/bin/MailPath" 3 \
        || die "the app image did not start and close cleanly"
    stop_xvfb
fi

# --- 4. native packages ---------------------------------------------------------------------------------------
pkg_opts=("${common_opts[@]}" --app-image "$image" --dest "$out" --license-file LICENSE
          --about-url "https://github.com/mailpath/mailpath")
# jpackage's resources for the Linux packages: installer/linux, plus
#  - MailPath.png, the icon: jpackage 25 does not take --icon for the menu entry of a package made with --app-image
#    (it said "Using default package resource JavaApp.png [icon] (add MailPath.png to the resource-dir to customize)"
#    and installed Java's Duke); a file of that name in the resource dir is the icon it takes;
#  - control with the long description: the pom's description folded into lines of a space and at most
#    79 characters in place of MAILPATH_LONG_DESCRIPTION (jpackage's own control file has the one-line one only).
linux_resources=$out/linux-resources
if [ "$os" = linux ] && [ "$type" != app-image ]; then
    rm -rf "$linux_resources"
    cp -R installer/linux "$linux_resources"
    cp "$icon" "$linux_resources/$app_name.png"
    long_description=$(printf '%s\n' "$description" | fold -s -w 78 | sed -E 's/ +$//; s/^/ /')
    awk -v long="$long_description" '$0 == "MAILPATH_LONG_DESCRIPTION" { print long; next } { print }' \
        installer/linux/control > "$linux_resources/control"
fi
# One main category of the freedesktop menu (Network, shown as Internet), with Email, an additional category of it:
# with two main ones (Network;Utility) the entry may appear twice in the menu (menu specification, appendix A).
linux_opts=(--resource-dir "$linux_resources" --linux-package-name mailpath --linux-shortcut
            --linux-menu-group "Network;Email;" --file-associations installer/linux/csv-association.properties)
# --linux-package-deps: JavaFX loads GTK 3 from natives inside its jars, where jpackage cannot see it; JavaFX draws
# a character no installed font has as a box, and Chinese, Japanese or Korean addresses in a log are common enough:
# fonts-droid-fallback (7 MB, the font the PDF report embeds) gives fontconfig's fallback those scripts
case "$type" in
    deb)
        rm -f "$out"/mailpath_*.deb
        step "jpackage deb"
        # zstd -12 instead of dpkg-deb's default xz -6: about 5 % larger, several times faster to build
        DPKG_DEB_COMPRESSOR_TYPE=zstd DPKG_DEB_COMPRESSOR_LEVEL=12 \
            "$jdk/bin/jpackage" --type deb "${pkg_opts[@]}" --description "$summary" "${linux_opts[@]}" \
            --linux-app-category net \
            --linux-package-deps "libgtk-3-0, fonts-droid-fallback" \
            --linux-deb-maintainer mailpath@users.noreply.github.com
        deb=$(ls "$out"/mailpath_*.deb)
        # Repacked, for two things jpackage cannot be told:
        #  - the copyright file where Debian Policy 12.5 wants it, /usr/share/doc/mailpath/copyright: jpackage puts
        #    it in the install directory (/opt/mailpath/share/doc/copyright) for a package installed under /opt;
        #  - jpackage copies the app image into the package with the copy's time as each file's mtime, and the JVM
        #    refuses an AOT cache whose class-path jars' mtimes changed since its training ("timestamp has changed"):
        #    the installed app started without it (2.6 s against 1.25 s for the app image). lib/app gets the image's.
        step "deb: copyright to /usr/share/doc/mailpath$([ -f "$image/lib/app/mailpath.aot" ] && echo ", the app image's file times on lib/app (AOT cache)")"
        tree=$(mktemp -d) && chmod 755 "$tree"
        DPKG_DEB_COMPRESSOR_TYPE=zstd DPKG_DEB_COMPRESSOR_LEVEL=12 fakeroot sh -c '
            set -e
            dpkg-deb -R "$1" "$2"
            doc=$2/opt/mailpath/share/doc
            mkdir -p "$2/usr/share/doc/mailpath"
            mv "$doc/copyright" "$2/usr/share/doc/mailpath/copyright"
            rmdir "$doc" && rmdir --ignore-fail-on-non-empty "$2/opt/mailpath/share"
            if [ -f "$2/DEBIAN/md5sums" ]; then
                sed -i "s| opt/mailpath/share/doc/copyright\$| usr/share/doc/mailpath/copyright|" "$2/DEBIAN/md5sums"
            fi
            if [ -f "$3/lib/app/mailpath.aot" ]; then
                (cd "$3/lib/app" && for f in *; do touch -r "$f" "$2/opt/mailpath/lib/app/$f"; done)
            fi
            rm "$1" && dpkg-deb -b "$2" "$1"' \
            _ "$deb" "$tree" "$image" > /dev/null
        rm -rf "$tree"
        figure ".deb" "$(basename "$deb")"
        figure ".deb size" "$(du -h "$deb" | cut -f1)"
        figure ".deb installed size" "$(( $(dpkg-deb -f "$deb" Installed-Size) / 1024 )) MB"
        ;;
    rpm)
        command -v rpmbuild >/dev/null || die "rpmbuild missing (apt-get install rpm)"
        rm -f "$out"/mailpath-*.rpm
        # mailpath.spec puts the .deb's copyright file next to LICENSE in /usr/share/licenses/mailpath: jpackage fills
        # in its APPLICATION_COPYRIGHT for a .deb only, so here, and the spec gets the filled copy's path
        sed "s|APPLICATION_COPYRIGHT|$copyright_notice|g" installer/linux/copyright > "$linux_resources/copyright.rpm"
        COPYRIGHT_FILE=$linux_resources/copyright.rpm awk '
            { while ((i = index($0, "MAILPATH_COPYRIGHT_FILE")) > 0)
                  $0 = substr($0, 1, i - 1) ENVIRON["COPYRIGHT_FILE"] substr($0, i + length("MAILPATH_COPYRIGHT_FILE")) }
            { print }' installer/linux/mailpath.spec > "$linux_resources/mailpath.spec"
        step "jpackage rpm"
        "$jdk/bin/jpackage" --type rpm "${pkg_opts[@]}" --description "$description" "${linux_opts[@]}" \
            --linux-app-category Applications/Internet \
            --linux-package-deps "gtk3, libXtst" \
            --linux-rpm-license-type Apache-2.0
        # rpm names (Fedora/RHEL); jpackage's own dependency scan finds no rpm packages on a Debian build machine
        rpm=$(ls "$out"/mailpath-*.rpm)
        licenses=$(rpm -qLp "$rpm" 2>/dev/null)    # read whole: grep -q ending the pipe early would fail it (pipefail)
        for file in /usr/share/licenses/mailpath/LICENSE /usr/share/licenses/mailpath/copyright; do
            grep -qx "$file" <<< "$licenses" || die "the .rpm has no license file $file"
        done
        figure ".rpm" "$(basename "$rpm")"
        figure ".rpm size" "$(du -h "$rpm" | cut -f1)"
        figure ".rpm installed size" "$(( $(rpm -qp --queryformat '%{SIZE}' "$rpm") / 1048576 )) MB"
        ;;
    dmg|pkg)
        rm -f "$out"/MailPath-*."$type"
        step "jpackage $type"
        # the identifier again, for the .pkg's own identifiers; everything else comes from the app image
        "$jdk/bin/jpackage" --type "$type" "${pkg_opts[@]}" --description "$description" \
            --mac-package-identifier org.mailpath.MailPath ${mac_sign_opts[@]+"${mac_sign_opts[@]}"}
        figure ".$type size" "$(du -h "$out"/MailPath-*."$type" | cut -f1)"
        ;;
esac
