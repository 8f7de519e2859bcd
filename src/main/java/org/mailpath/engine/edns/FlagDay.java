package org.mailpath.engine.edns;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The DNS Flag Day verdict of one server from its test results (2019 and 2020 evaluators combined). */
public final class FlagDay {

    public static final String OK = "ok";
    public static final String COMPATIBLE = "compatible";
    public static final String DEAD = "dead";
    /** The verdicts, best first. */
    public static final List<String> VERDICTS = List.of(OK, COMPATIBLE, DEAD);

    /**
     * 2019: a timeout in any of these means resolvers give up on the server. dnsflagday.net's evaluator
     * (dns-violations/dnsflagday, js/domain-checker.js, eval_edns_strict) looks for "timeout" in every genreport
     * test except those named edns1…: "ignore EDNS1, it will not cause problems during the flag day", since
     * resolvers never send version 1. So edns1 and edns1opt timeouts leave a server compatible (RFC 6891 §6.1.3
     * still wants BADVERS: EDNS_NONCOMPLIANT says so). Our own tcp and edns@1232 are left to the 2020 rule and to
     * EDNS_OVERSIZED_UDP; docookie and edns512tcp are the names of later genreport versions.
     */
    private static final List<String> TESTS_2019 = List.of("dns", "edns", "edns@512", "ednsopt", "do",
            "ednsflags", "docookie", "edns512tcp", "ednstcp", "optlist", "signed");
    /**
     * 2020: these tags in {@code do} or the TCP probe mean the server is dead (js/tcp-checker.js,
     * tcp_hard_breakage_types, on "edns512tcp" and "do"; our ednstcp is that probe: EDNS 512, DO, DNSKEY, TCP).
     */
    private static final Set<String> FATAL_2020 = Set.of("timeout", "failed", "reset", "connection-refused", "eof",
            "malformed", "mismatch", "rcode15", "servfail", "refused", "nxdomain");

    private FlagDay() {
    }

    public static String verdict(Map<String, String> tests) {
        if (tests.values().stream().allMatch(FlagDay::passed)) {
            return OK;
        }
        for (String test : TESTS_2019) {
            if (tags(tests.get(test)).contains("timeout")) {
                return DEAD;
            }
        }
        for (String test : List.of("do", "ednstcp", "edns512tcp")) {
            if (tags(tests.get(test)).stream().anyMatch(FATAL_2020::contains)) {
                return DEAD;
            }
        }
        return COMPATIBLE;
    }

    /** A result passes when its first tag is {@code ok} (informational tags may follow). */
    public static boolean passed(String result) {
        return result != null && tags(result).getFirst().equals("ok");
    }

    static List<String> tags(String result) {
        return result == null || result.isEmpty() ? List.of("") : List.of(result.split(","));
    }
}
