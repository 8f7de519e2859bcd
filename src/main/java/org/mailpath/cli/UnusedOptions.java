package org.mailpath.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ParseResult;

/**
 * Options of {@code analyze} that only act with a switch ({@code --port} with {@code --probe-smtp}, {@code --ip}
 * with {@code --check-dns}, …): given without it they would be ignored in silence, so a script that forgot the
 * switch is told so on stderr (the run goes on, as it always did).
 */
record UnusedOptions(ParseResult parsed, boolean checkDns, boolean probeSmtp) {

    private static final List<String> PROBE_ONLY = List.of("--port", "--helo", "--banner-timeout");
    private static final List<String> CHECK_ONLY = List.of("--ip", "--dkim-selector", "--sender-domain",
            "--dns-port");
    /** Used by the DNS questions of either switch; --fail-on judges the findings of either. */
    private static final List<String> DNS = List.of("--resolver", "--timeout", "--fail-on");

    /** One warning line per missing switch, naming the options given without it; none when every option acts. */
    List<String> warnings() {
        List<String> lines = new ArrayList<>();
        if (!probeSmtp) {
            warn(PROBE_ONLY, "--probe-smtp", lines);
        }
        if (!checkDns) {
            warn(CHECK_ONLY, "--check-dns", lines);
        }
        if (!checkDns && !probeSmtp) {
            warn(DNS, "--check-dns or --probe-smtp", lines);
        }
        return lines;
    }

    private void warn(List<String> options, String needed, List<String> lines) {
        List<String> given = options.stream().filter(parsed::hasMatchedOption).toList();
        if (!given.isEmpty()) {
            lines.add("mailpath: warning: " + String.join(", ", given) + (given.size() == 1 ? " has" : " have")
                    + " no effect without " + needed);
        }
    }
}
