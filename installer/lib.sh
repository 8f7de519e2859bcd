# Shell functions shared by installer/build.sh and installer/ci-proof.sh (sourced, not run).
# Expects $root (the checkout) and $out (target/installer) to be set by the caller.
# shellcheck shell=bash disable=SC2154

die() { echo "installer: $*" >&2; exit 1; }
step() { echo "==> $*"; }
# True when the Debian package is installed and configured (a test of dpkg-query's output, not a pipe into grep -q,
# whose early exit can SIGPIPE dpkg-query and, under pipefail, fail the caller)
package_installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

# Prints a figure and keeps it in $out/figures.txt, which ci-proof.sh prints at the end.
figure() {
    printf '    %-34s %s\n' "$1:" "$2"
    echo "$1: $2" >> "$out/figures.txt"
}

# JAVA_HOME when it is a JDK 25 with jlink and jpackage, else the first such JDK under /usr/lib/jvm (Linux) or
# /Library/Java/JavaVirtualMachines (macOS, where a JDK's home is its Contents/Home).
find_jdk25() {
    local candidate
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /opt/java/*25* \
                     /Library/Java/JavaVirtualMachines/*25*/Contents/Home; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/jlink" ] && [ -x "$candidate/bin/jpackage" ] \
            && grep -q '^JAVA_VERSION="25' "$candidate/release" 2>/dev/null \
            && { echo "$candidate"; return 0; }
    done
    return 1
}

# Starts a private X server (Xvfb) with a real-sized screen and exports DISPLAY; stop_xvfb ends it.
start_xvfb() {
    command -v Xvfb >/dev/null || return 1
    command -v xdotool >/dev/null || return 1
    local n
    for n in $(seq 90 110); do
        [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
        Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
        XVFB_PID=$!
        export DISPLAY=":$n"
        local _
        for _ in $(seq 1 50); do
            xdotool getmouselocation >/dev/null 2>&1 && return 0
            kill -0 "$XVFB_PID" 2>/dev/null || break
            sleep 0.1
        done
        stop_xvfb
    done
    return 1
}

stop_xvfb() {
    [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
    XVFB_PID=
    return 0
}

# Runs "$@" (an app launcher with its arguments) in the background and waits up to 60 s for its visible window
# titled MailPath. Sets APP_PID, WINDOW_ID and STARTUP_SECONDS (launch to first window, polled every 20 ms;
# xdotool's own --sync polls only every 0.5 s, too coarse to measure a start). Returns 1 when no window came.
launch_and_wait_for_window() {
    local log=$1; shift
    local start now
    start=$(date +%s.%N)
    "$@" >"$log" 2>&1 &
    APP_PID=$!
    WINDOW_ID=
    while [ -z "$WINDOW_ID" ]; do
        WINDOW_ID=$(xdotool search --onlyvisible --name '^MailPath' 2>/dev/null | head -1 || true)
        [ -n "$WINDOW_ID" ] && break
        kill -0 "$APP_PID" 2>/dev/null || { echo "    the app exited before showing a window:"; sed 's/^/    | /' "$log"; return 1; }
        now=$(date +%s.%N)
        if awk -v s="$start" -v n="$now" 'BEGIN { exit !(n - s > 60) }'; then
            echo "    no MailPath window after 60 s"; sed 's/^/    | /' "$log"; kill "$APP_PID" 2>/dev/null; return 1
        fi
        sleep 0.02
    done
    now=$(date +%s.%N)
    STARTUP_SECONDS=$(awk -v s="$start" -v n="$now" 'BEGIN { printf "%.2f", n - s }')
    # CPU time the process used until then: unlike wall time it hardly depends on what else the machine runs
    STARTUP_CPU=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$APP_PID/stat" 2>/dev/null || echo "?")
}

# Closes the window as a window manager's close button would (WM_DELETE_WINDOW), then waits up to 20 s for the
# process to end; falls back to SIGTERM. Sets APP_EXIT; returns 1 unless the app ended by itself with status 0.
close_app() {
    local _
    python3 "$root/installer/close-window.py" "$WINDOW_ID" || echo "    could not send WM_DELETE_WINDOW"
    for _ in $(seq 1 200); do
        kill -0 "$APP_PID" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$APP_PID" 2>/dev/null; then
        echo "    window closed but the app still runs after 20 s: SIGTERM"
        kill "$APP_PID" 2>/dev/null || true
    fi
    APP_EXIT=0
    wait "$APP_PID" 2>/dev/null || APP_EXIT=$?
    [ "$APP_EXIT" = 0 ]
}

# A small Salesforce-style Email Log for launches: the committed sample when it exists, else a synthetic one.
sample_log() {
    local sample=$root/assets/samples/sample-email-log.csv
    if [ -f "$sample" ]; then echo "$sample"; return; fi
    local synthetic=$out/synthetic-email-log.csv
    cat > "$synthetic" <<'CSV'
"Date/Time","Internal Message ID","Delivery Stage","Recipient","Sender","Remote Host","Bytes Transferred","Smtp Error Code","Mail Server IP","Message ID Header","Relay Address","Relay Hostname"
"11/20/2026 09:15:02","1a2b3c","R","ops@example.org","noreply@salesforce.com","","","","13.110.6.218","<a1@sfdc.net>","",""
"11/20/2026 09:15:03","1a2b3c","D","ops@example.org","noreply@salesforce.com","mx.example.org","2048","","13.110.6.218","<a1@sfdc.net>","",""
CSV
    echo "$synthetic"
}

# Trains an AOT cache (JDK 25, JEP 483/515: classes loaded and linked ahead of time) for the app image: records
# one start under Xvfb with a sample log, closes the window, then has the JVM assemble lib/app/mailpath.aot
# (two steps through the app launcher: the image has no bin/java for JEP 514's one-step child process).
# The launcher config then points at the cache. Needs Xvfb and xdotool; returns 1 without them.
train_aot_cache() {
    local image=$1 cfg=$1/lib/app/MailPath.cfg aot=$1/lib/app/mailpath.aot conf=$out/mailpath.aotconf
    start_xvfb || { echo "    Xvfb/xdotool missing: no AOT training run"; return 1; }
    step "AOT cache training run"
    rm -f "$aot" "$conf"
    local ok=0
    if JAVA_TOOL_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$conf" \
            launch_and_wait_for_window "$out/aot-training.log" "$image/bin/MailPath" "$(sample_log)"; then
        sleep 4    # let the window settle: its first paint, and the later steps built while it is idle (≈ 3 s)
        close_app || echo "    training run exit status $APP_EXIT"
        JAVA_TOOL_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$conf -XX:AOTCache=$aot" \
            "$image/bin/MailPath" >>"$out/aot-training.log" 2>&1 || true
        [ -s "$aot" ] && ok=1
    fi
    stop_xvfb
    rm -f "$conf"
    if [ "$ok" = 1 ]; then
        # the JVM ignores a stale or missing cache (-Xlog:aot off keeps that quiet); $APPDIR is the launcher's
        # shellcheck disable=SC2016
        echo 'java-options=-XX:AOTCache=$APPDIR/mailpath.aot' >> "$cfg"
        figure "AOT cache size" "$(du -h "$aot" | cut -f1)"
        return 0
    fi
    echo "    the training run wrote no AOT cache:"; sed 's/^/    | /' "$out/aot-training.log"
    return 1
}

# Starts "$launcher" with the sample log $runs times, each time closing its window cleanly, and records the
# median launch-to-first-window time as figure "$label". JAVA_TOOL_OPTIONS from the caller applies to each run.
# Needs a running X server (start_xvfb). Returns 1 when a run showed no window or did not exit cleanly.
measure_startup() {
    local label=$1 launcher=$2 runs=$3 times=() cpus=() _
    for _ in $(seq 1 "$runs"); do
        launch_and_wait_for_window "$out/startup-run.log" "$launcher" "$(sample_log)" || return 1
        times+=("$STARTUP_SECONDS")
        cpus+=("$STARTUP_CPU")
        close_app || { echo "    exit status $APP_EXIT after the window was closed"; return 1; }
    done
    figure "$label" "$(median "${times[@]}") s wall, $(median "${cpus[@]}") s CPU (median of $runs; wall: ${times[*]}; load $(cut -d' ' -f1 /proc/loadavg))"
}

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
