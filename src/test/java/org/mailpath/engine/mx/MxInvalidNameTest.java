package org.mailpath.engine.mx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.testing.fakedns.Findings.absent;
import static org.mailpath.testing.fakedns.Findings.single;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.edns.ScriptedDnsServer;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.LoopbackDns;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * An MX target that is no host name (control characters and raw bytes above ASCII in a label, as hdns.py's "idn2"
 * serves: {@code e ESC [31m red BEL LF C3 A9}, or a label beginning with a hyphen) is skipped by senders (Postfix:
 * "malformed domain name in resource data of MX record"): MX_INVALID_NAME, never MX_OK, and not a usable host.
 */
class MxInvalidNameTest {

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.scripted("127.0.8.12", MxInvalidNameTest::answer);

    private static final byte[] CONTROL_LABEL = {'e', 0x1b, '[', '3', '1', 'm', 'r', 'e', 'd', 0x07, 0x0a,
            (byte) 0xc3, (byte) 0xa9};

    /** {@code label} (raw bytes) under {@code zone}. */
    private static Name under(byte[] label, String zone) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.write(label.length);
        wire.writeBytes(label);
        for (String l : zone.split("\\.")) {
            wire.write(l.length());
            wire.writeBytes(l.getBytes(StandardCharsets.US_ASCII));
        }
        wire.write(0);
        try {
            return new Name(new DNSInput(wire.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names asked about. */
    private static final java.util.Set<Name> ASKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static Message answer(Message q, boolean tcp) {
        Name name = q.getQuestion().getName();
        ASKED.add(name);
        int type = q.getQuestion().getType();
        Message r = ScriptedDnsServer.reply(q, Rcode.NOERROR);
        if (type == Type.MX) {
            switch (name.toString()) {
                case "bad.test." -> r.addRecord(new MXRecord(name, DClass.IN, 300, 10,
                        under(CONTROL_LABEL, "bad.test")), Section.ANSWER);
                case "mixed.test." -> {
                    r.addRecord(new MXRecord(name, DClass.IN, 300, 10,
                            under("-mx-".getBytes(StandardCharsets.US_ASCII), "mixed.test")), Section.ANSWER);
                    r.addRecord(new MXRecord(name, DClass.IN, 300, 20, Name.fromConstantString("mx.mixed.test.")),
                            Section.ANSWER);
                }
                case "under.test." -> r.addRecord(new MXRecord(name, DClass.IN, 300, 10,
                        Name.fromConstantString("mx_1.under.test.")), Section.ANSWER);
                default -> {
                }
            }
            return r;
        }
        if (type == Type.A) {
            // every host has an address: only its name can make it unusable
            r.addRecord(ScriptedDnsServer.record(name + " 300 IN A 192.0.2.25"), Section.ANSWER);
        }
        return r;
    }

    private static List<Finding> check(String domain) {
        return new MxCheck().run(DNS.setup().withTimeout(Duration.ofMillis(500)).context(domain)).findings();
    }

    @Test
    void aTargetWithControlCharactersAndRawBytesIsNoHostName() {
        List<Finding> findings = check("bad.test");
        Finding f = single(findings, DnsFindingCodes.MX_INVALID_NAME, Severity.ERROR);
        absent(findings, DnsFindingCodes.MX_OK);
        // shown escaped, as every name from DNS data is
        assertEquals("e\\027[31mred\\007\\010\\195\\169.bad.test", f.subject());
        assertTrue(f.message().startsWith("The MX target e\\027[31mred\\007\\010\\195\\169.bad.test is not a host"
                + " name"), f.message());
        assertTrue(!ASKED.contains(under(CONTROL_LABEL, "bad.test")), "senders do not look it up, nor does the check");
    }

    @Test
    void anInvalidTargetBesideAUsableOneIsAWarning() {
        List<Finding> findings = check("mixed.test");
        Finding f = single(findings, DnsFindingCodes.MX_INVALID_NAME, Severity.WARNING);
        assertEquals("-mx-.mixed.test", f.subject());
        absent(findings, DnsFindingCodes.MX_OK);
    }

    @Test
    void anUnderscoreIsLetPassAsPostfixDoes() {
        List<Finding> findings = check("under.test");
        absent(findings, DnsFindingCodes.MX_INVALID_NAME);
        single(findings, DnsFindingCodes.MX_OK);
    }
}
