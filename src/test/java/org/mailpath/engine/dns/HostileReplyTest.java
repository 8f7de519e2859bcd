package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Tens of thousands of mutated replies (fixed seed, so failures reproduce): parsing, matching and quoting them
 * as evidence never throws; every outcome is a reply or a labelled failure.
 */
class HostileReplyTest {

    @Test
    void mutatedRepliesAreRepliesOrLabelledFailures() throws Exception {
        Name name = Name.fromString("example.test.");
        Message query = Message.newQuery(Record.newRecord(name, Type.MX, DClass.IN));
        query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(org.xbill.DNS.Flags.QR);
        reply.addRecord(query.getQuestion(), Section.QUESTION);
        for (int i = 0; i < 20; i++) {
            reply.addRecord(new MXRecord(name, DClass.IN, 300, i, Name.fromString("mx" + i + ".example.test.")),
                    Section.ANSWER);
        }
        reply.addRecord(new TXTRecord(name, DClass.IN, 300, "v=spf1 -all"), Section.ANSWER);
        reply.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        byte[] good = reply.toWire();
        Random random = new Random(20261123);
        int replies = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] bad = mutate(good, random);
            DnsTransport.Result r = DnsTransport.parse(bad, query, random.nextBoolean());
            assertNotNull(r);
            if (r instanceof DnsTransport.Reply ok) {
                replies++;
                assertTrue(!ReplyEvidence.lines("q", "s", ok, Instant.EPOCH).isEmpty());
            } else {
                DnsTransport.Failure f = (DnsTransport.Failure) r;
                assertTrue(f.label().equals("malformed") || f.label().equals("mismatch"), f.toString());
            }
        }
        assertTrue(replies > 0 && replies < 20_000, "the mutations produce both outcomes: " + replies);
    }

    private static byte[] mutate(byte[] good, Random random) {
        byte[] b;
        switch (random.nextInt(4)) {
            case 0 -> b = Arrays.copyOf(good, random.nextInt(good.length + 1)); // truncated
            case 1 -> {
                b = good.clone();
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    b[2 + random.nextInt(b.length - 2)] = (byte) random.nextInt(256); // id kept: only the body lies
                }
            }
            case 2 -> {
                b = Arrays.copyOf(good, good.length + random.nextInt(64)); // trailing bytes
                for (int i = good.length; i < b.length; i++) {
                    b[i] = (byte) random.nextInt(256);
                }
            }
            default -> {
                b = new byte[random.nextInt(600)];
                random.nextBytes(b);
                if (b.length >= 2) {
                    b[0] = good[0];
                    b[1] = good[1];
                }
            }
        }
        return b;
    }
}
