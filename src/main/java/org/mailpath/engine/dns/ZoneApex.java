package org.mailpath.engine.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mailpath.engine.common.Cancellation;

/**
 * The walk from a name up to the apex of the zone holding it: a question for a record type every apex has (NS for
 * the zone's servers, SOA for its DNSSEC keys) asked of the name, then of each parent while the answer is NODATA or
 * came through a CNAME. A name with a CNAME is no zone apex (RFC 1034 §3.6.2): what the resolver found by following
 * it belongs to the target's zone, so the zone holding the name is above it. {@code zone} is the last name asked,
 * {@code answers} the answers from the name up: the last is the apex's, or the failure that stopped the walk.
 */
public record ZoneApex<A>(String zone, List<A> answers) {

    /** Parents walked up at most. */
    private static final int MAX_PARENTS = 10;

    /** {@code answers}: at least one, the name's own. */
    public ZoneApex {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("a walk to the apex of " + zone + " with no answer");
        }
        answers = List.copyOf(answers);
    }

    /** The apex's answer, or the failure that stopped the walk. */
    public A last() {
        return answers.getLast();
    }

    /** The walk of plain questions of {@code type}, from {@code name} up. */
    public static ZoneApex<DnsAnswer> find(DnsLookup dns, String name, int type, Cancellation cancellation) {
        return walk(name, dns.lookup(name, type, cancellation), a -> a, n -> dns.lookup(n, type, cancellation));
    }

    /**
     * The walk of questions of {@code type} asked for DNSSEC data ({@link DnsLookup#lookupSigned}), from
     * {@code first}, the answer {@code name} already got (asked together with other questions).
     */
    public static ZoneApex<DnssecAnswer> findSigned(DnsLookup dns, String name, int type, DnssecAnswer first,
                                                    Cancellation cancellation) {
        return walk(name, first, DnssecAnswer::answer, n -> dns.lookupSigned(n, type, cancellation));
    }

    private static <A> ZoneApex<A> walk(String name, A first, Function<A, DnsAnswer> answerOf,
                                        Function<String, A> ask) {
        List<A> answers = new ArrayList<>();
        String zone = withoutDot(name);
        A answer = first;
        answers.add(answer);
        for (int i = 0; i < MAX_PARENTS && belowApex(answerOf.apply(answer)) && zone.contains("."); i++) {
            zone = zone.substring(zone.indexOf('.') + 1);
            answer = ask.apply(zone);
            answers.add(answer);
        }
        return new ZoneApex<>(zone, answers);
    }

    private static boolean belowApex(DnsAnswer answer) {
        return answer.status() == DnsStatus.NODATA || !answer.cnames().isEmpty();
    }

    private static String withoutDot(String name) {
        return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }
}
