package org.mailpath.engine.spf;

import java.io.ByteArrayOutputStream;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A scenario's {@code zonedata} served by {@link FakeDns}, with the conventions of the suite's reference driver
 * (pyspf's {@code testspf.py}):
 * <ul>
 * <li>{@code SPF} entries are type 99 records and, unless the name has a {@code TXT} entry of its own (even
 * {@code TXT: NONE}), also TXT records: the "auto-magic duplication of SPF to TXT records" the file's header asks
 * drivers for, since RFC 7208 uses only TXT; {@code NONE} stands for no record;</li>
 * <li>{@code TIMEOUT} makes every question about the name time out, except for types that have a record listed
 * before it ({@code NONE} is none; the duplicated TXT records count as listed last);</li>
 * <li>a name the data lists without records of the asked type answers NODATA, a name it does not list (nor any
 * name below it) NXDOMAIN;</li>
 * <li>a TXT value given as a list is one record of several character-strings; {@code \xNN} escapes are single
 * bytes, so non-ASCII data reaches the evaluator as the raw bytes the suite means.</li>
 * </ul>
 */
final class Rfc7208SuiteZone {

    private static final long TTL = 300;
    private static final List<Integer> TYPES = List.of(Type.TXT, Type.SPF, Type.A, Type.AAAA, Type.MX, Type.PTR,
            Type.CNAME);

    private Rfc7208SuiteZone() {
    }

    static FakeDns of(Map<String, List<Object>> zoneData) {
        List<Record> records = new ArrayList<>();
        Map<String, Set<Integer>> timeouts = new LinkedHashMap<>();
        zoneData.forEach((owner, entries) -> add(owner, entries, records, timeouts));
        FakeDns dns = FakeDns.of(records);
        timeouts.forEach((owner, types) -> types.forEach(type -> dns.fail(owner, type, DnsStatus.TIMEOUT)));
        return dns;
    }

    private static void add(String owner, List<Object> entries, List<Record> records,
                            Map<String, Set<Integer>> timeouts) {
        Name name = name(owner);
        boolean ownTxt = entries.stream().anyMatch(e -> e instanceof Map<?, ?> m && m.containsKey("TXT"));
        List<Record> duplicated = new ArrayList<>();
        Set<Integer> listed = new HashSet<>();
        for (Object entry : entries) {
            if ("TIMEOUT".equals(entry)) {
                Set<Integer> timedOut = timeouts.computeIfAbsent(owner, o -> new HashSet<>());
                TYPES.stream().filter(t -> !listed.contains(t)).forEach(timedOut::add);
                continue;
            }
            Map<?, ?> map = (Map<?, ?>) entry;
            map.forEach((type, value) -> {
                String t = String.valueOf(type);
                if ("NONE".equals(value)) {
                    return; // no record: a TIMEOUT after it still times the type out
                }
                listed.add(Type.value(t));
                records.add(record(name, t, value));
                if (t.equals("SPF") && !ownTxt) {
                    duplicated.add(record(name, "TXT", value));
                }
            });
        }
        records.addAll(duplicated);
    }

    private static Record record(Name name, String type, Object value) {
        try {
            return switch (type) {
                case "TXT", "SPF" -> Record.newRecord(name, Type.value(type), DClass.IN, TTL, strings(value));
                case "A" -> new ARecord(name, DClass.IN, TTL, Address.getByAddress(String.valueOf(value),
                        Address.IPv4));
                case "AAAA" -> new AAAARecord(name, DClass.IN, TTL, Address.getByAddress(String.valueOf(value),
                        Address.IPv6));
                case "MX" -> {
                    List<?> mx = (List<?>) value;
                    yield new MXRecord(name, DClass.IN, TTL, ((Number) mx.get(0)).intValue(),
                            name(String.valueOf(mx.get(1))));
                }
                case "PTR" -> new PTRRecord(name, DClass.IN, TTL, name(String.valueOf(value)));
                case "CNAME" -> new CNAMERecord(name, DClass.IN, TTL, name(String.valueOf(value)));
                default -> throw new IllegalArgumentException("record type the suite driver does not know: " + type);
            };
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address in the suite: " + value, e);
        }
    }

    /** TXT RDATA in wire form: each character-string one length byte and its bytes (chars are Latin-1 bytes). */
    private static byte[] strings(Object value) {
        List<?> parts = value instanceof List<?> l ? l : List.of(value);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.ISO_8859_1);
            if (bytes.length > 255) {
                throw new IllegalArgumentException("character-string over 255 bytes: " + part);
            }
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static Name name(String text) {
        if (text.isEmpty()) {
            return Name.root; // "MX: [0, \"\"]": the null MX target
        }
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("bad name in the suite: " + text, e);
        }
    }
}
