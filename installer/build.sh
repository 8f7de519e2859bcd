#!/usr/bin/env bash
# Builds the Linux packages of MailPath with its own trimmed Java runtime.
#
#   installer/build.sh app-image|deb|rpm     results in target/installer/
#
# Steps: Maven package (only when the jars are missing) -> jlink a runtime with the modules jdeps finds plus
# JavaFX from its platform jars -> jpackage app image (+ AOT cache for a faster start when Xvfb is present)
# -> .deb or .rpm from that image. Needs JDK 25 (JAVA_HOME, or found under /usr/lib/jvm); .deb needs
# dpkg-deb and fakeroot, .rpm needs rpmbuild. Environment: MAILPATH_SKIP_AOT=1 skips the AOT training run.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/target/installer
type=${1:-}
case "$type" in
    app-image|deb|rpm) ;;
    *) echo "usage: installer/build.sh app-image|deb|rpm" >&2; exit 2 ;;
esac

. "$root/installer/lib.sh"

jdk=$(find_jdk25) || die "no JDK 25 with jlink and jpackage: set JAVA_HOME to one (Temurin 25 is used in CI)"
cd "$root"
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
    mvn -B -q -Dstyle.color=never dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$deps"
    touch "$deps/.copied"
fi
version=$(sed -n 's/^version=//p' target/classes/org/mailpath/version.properties)
[ -n "$version" ] || die "no version in target/classes/org/mailpath/version.properties"
# package formats want a plain number (rpm: no '-', msi: 3 numbers): 0.2.0-SNAPSHOT -> 0.2.0
pkg_version=$(echo "$version" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')
description=$(sed -n 's:.*<description>\(.*\)</description>.*:\1:p' pom.xml | head -1)

# JavaFX goes into the runtime as modules (from its linux jars); everything else stays on the class path
fxmods=$out/fxmods input=$out/input
rm -rf "$fxmods" "$input" && mkdir -p "$fxmods" "$input"
for jar in "$deps"/*.jar; do
    case "$(basename "$jar")" in
        javafx-*-linux.jar) cp "$jar" "$fxmods/" ;;
        javafx-*) ;;                              # empty per-platform stub jars
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
fx_all=$(for j in "$fxmods"/*.jar; do basename "$j" | sed -E 's/^javafx-([a-z]+)-.*/javafx.\1/'; done | paste -sd,)
modules=$(echo "$found,$fx_all,jdk.naming.dns" | tr ',' '\n' | sort -u | paste -sd,)
echo "    $modules"

runtime=$out/runtime
rm -rf "$runtime"
step "jlink runtime"
"$jdk/bin/jlink" --module-path "$fxmods" --add-modules "$modules" --output "$runtime" \
    --strip-debug --no-man-pages --no-header-files --strip-native-commands --compress=zip-6 \
    2> >(grep -v 'No JDK Modules found' >&2 || true)   # Temurin 25 links from its run-time image; harmless
# libjvm.so comes with its full symbol table (5 MB); distributions strip it the same way
command -v strip >/dev/null && find "$runtime" -name '*.so' -exec strip --strip-unneeded {} +

# --- 3. app image ---------------------------------------------------------------------------------------------
app_name=MailPath
image=$out/$app_name
rm -rf "$image"
common_opts=(--name "$app_name" --app-version "$pkg_version" --vendor "MailPath"
             --description "$description" --copyright "Copyright MailPath contributors, Apache-2.0")
step "jpackage app-image"
"$jdk/bin/jpackage" --type app-image --dest "$out" "${common_opts[@]}" \
    --icon assets/icon/png/mailpath-256.png \
    --input "$input" --main-jar mailpath.jar --main-class org.mailpath.launcher.Launcher \
    --runtime-image "$runtime" \
    --java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED" \
    --java-options "-Xlog:aot=off,cds=off"
# -Xlog off: a missing or stale AOT cache must never print warnings at a user; the JVM then starts without it

if [ "${MAILPATH_SKIP_AOT:-0}" != 1 ]; then
    train_aot_cache "$image" || echo "    (no AOT cache: the app starts without it)"
fi
figure "app image size" "$(du -sh "$image" | cut -f1)"

# --- 4. native packages ---------------------------------------------------------------------------------------
pkg_opts=("${common_opts[@]}" --app-image "$image" --dest "$out" --icon assets/icon/png/mailpath-256.png
          --resource-dir installer/linux --license-file LICENSE --about-url "https://github.com/mailpath/mailpath"
          --linux-package-name mailpath --linux-shortcut --linux-menu-group "Network;Utility;"
          --file-associations installer/linux/csv-association.properties
          # JavaFX loads GTK at run time from its jar natives, so jpackage cannot see the dependency
          --linux-package-deps libgtk-3-0)
case "$type" in
    deb)
        rm -f "$out"/mailpath_*.deb
        step "jpackage deb"
        "$jdk/bin/jpackage" --type deb "${pkg_opts[@]}" --linux-app-category net \
            --linux-deb-maintainer "MailPath <mailpath@users.noreply.github.com>"
        deb=$(ls "$out"/mailpath_*.deb)
        figure ".deb" "$(basename "$deb")"
        figure ".deb size" "$(du -h "$deb" | cut -f1)"
        figure ".deb installed size" "$(( $(dpkg-deb -f "$deb" Installed-Size) / 1024 )) MB"
        ;;
    rpm)
        command -v rpmbuild >/dev/null || die "rpmbuild missing (apt-get install rpm)"
        rm -f "$out"/mailpath-*.rpm
        step "jpackage rpm"
        "$jdk/bin/jpackage" --type rpm "${pkg_opts[@]}" --linux-app-category Applications/Internet \
            --linux-rpm-license-type Apache-2.0
        rpm=$(ls "$out"/mailpath-*.rpm)
        figure ".rpm" "$(basename "$rpm")"
        figure ".rpm size" "$(du -h "$rpm" | cut -f1)"
        figure ".rpm installed size" "$(( $(rpm -qp --queryformat '%{SIZE}' "$rpm" 2>/dev/null) / 1048576 )) MB"
        ;;
esac
