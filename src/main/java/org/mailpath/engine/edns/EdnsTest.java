package org.mailpath.engine.edns;

import java.util.List;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Type;

/**
 * One probe of ISC's EDNS compliance tester (genreport, EDNS group) or of the DNS Flag Day 2020 checks.
 * {@code version} −1 = no OPT record; {@code ignoreTruncation} = a TC=1 answer is evaluated as is
 * (not retried over TCP) and its size checked against {@code payload} ({@code toobig}).
 */
public record EdnsTest(String name, int version, int payload, int flags, List<EDNSOption> options, int qtype,
                       boolean tcp, boolean ignoreTruncation) {

    /** The EDNS DO flag. */
    public static final int DO = 0x8000;
    /** The unknown EDNS flag genreport sends in {@code ednsflags}. */
    public static final int UNKNOWN_FLAG = 0x0080;
    /** The unknown option genreport sends in {@code ednsopt}; it must not be echoed. */
    public static final int UNKNOWN_OPTION = 100;
    /** The client cookie of {@code optlist}. */
    public static final byte[] CLIENT_COOKIE = {1, 2, 3, 4, 5, 6, 7, 8};
    public static final int COOKIE = 10;

    public EdnsTest {
        options = List.copyOf(options);
    }

    public boolean hasOpt() {
        return version >= 0;
    }

    public boolean sendsCookie() {
        return options.stream().anyMatch(o -> o.getCode() == COOKIE);
    }

    private static EDNSOption option(int code, byte... data) {
        return new GenericEDNSOption(code, data);
    }

    /** The tests in genreport's order, then the 2020 ones ({@code tcp}, {@code edns@1232}). */
    public static final List<EdnsTest> ALL = List.of(
            new EdnsTest("dns", -1, 0, 0, List.of(), Type.SOA, false, false),
            new EdnsTest("edns", 0, 4096, 0, List.of(), Type.SOA, false, false),
            new EdnsTest("edns1", 1, 4096, 0, List.of(), Type.SOA, false, false),
            new EdnsTest("edns@512", 0, 512, 0, List.of(), Type.DNSKEY, false, true),
            new EdnsTest("ednsopt", 0, 4096, 0, List.of(option(UNKNOWN_OPTION)), Type.SOA, false, false),
            new EdnsTest("edns1opt", 1, 4096, 0, List.of(option(UNKNOWN_OPTION)), Type.SOA, false, false),
            new EdnsTest("do", 0, 4096, DO, List.of(), Type.SOA, false, false),
            new EdnsTest("ednsflags", 0, 4096, UNKNOWN_FLAG, List.of(), Type.SOA, false, false),
            new EdnsTest("optlist", 0, 4096, 0, List.of(option(3), option(8, (byte) 0, (byte) 1, (byte) 0, (byte) 0),
                    option(9), option(COOKIE, CLIENT_COOKIE)), Type.SOA, false, false),
            new EdnsTest("ednstcp", 0, 512, DO, List.of(), Type.DNSKEY, true, false),
            new EdnsTest("tcp", -1, 0, 0, List.of(), Type.SOA, true, false),
            new EdnsTest("edns@1232", 0, 1232, DO, List.of(), Type.DNSKEY, false, true));
}
