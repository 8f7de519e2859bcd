package org.mailpath.engine.spf;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.domain.IpAddresses;
import org.mailpath.engine.finding.LocalText;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/** The address and PTR lookups of an evaluation's terms, each with what its void answer or DNS error does. */
final class SpfAddresses {

    /** Whose address lookup it is: that decides whether it counts as void and what a DNS error does. */
    enum Lookup {
        /** The lookup of an "a" or "exists" term itself: void counted (§4.6.4), an error is temperror (§5). */
        TERM,
        /** An MX host's address (§5.4): not counted, an error is temperror (§5). */
        MX_HOST,
        /** A name the PTR lookup returned (§5.5): "If a DNS error occurs while doing an A RR lookup, then that
         * domain name is skipped and the search continues." */
        PTR_NAME,
        /** A name the PTR lookup for %{p} returned: as {@link #PTR_NAME} (§7.3 finds validated names by §5.5). */
        P_MACRO_NAME
    }

    private final Optional<InetAddress> ip;
    private final SpfLimits limits;
    private final SpfProblems problems;

    SpfAddresses(Optional<InetAddress> ip, SpfLimits limits, SpfProblems problems) {
        this.ip = ip;
        this.limits = limits;
        this.problems = problems;
    }

    /** Addresses of {@code host} in the client IP's family (A without an IP); empty Optional = void/error. */
    Optional<List<InetAddress>> of(String host, String term, Lookup lookup) {
        int type = ip.isPresent() && !IpAddresses.isIpv4(ip.get()) ? Type.AAAA : Type.A;
        return ofType(host, type, term, lookup);
    }

    Optional<List<InetAddress>> ofType(String host, int type, String term, Lookup lookup) {
        DnsAnswer answer = limits.query(host, type);
        if (lookup == Lookup.TERM && !limits.checkVoid(answer, term)) {
            return Optional.empty();
        }
        if (DnsAnswers.failed(answer)) {
            if (lookup == Lookup.PTR_NAME) {
                problems.lookupFailed(answer, text("phrase.ptrNameFailed"));
            } else if (lookup == Lookup.P_MACRO_NAME) {
                problems.lookupFailed(answer, text("phrase.pMacroNameFailed", "%{p}"));
            } else {
                limits.temperror(answer, term);
            }
            return Optional.empty();
        }
        if (!answer.ok()) {
            return Optional.empty();
        }
        List<InetAddress> list = new ArrayList<>();
        for (Record r : answer.records()) {
            if (r instanceof ARecord a) {
                list.add(a.getAddress());
            } else if (r instanceof AAAARecord a) {
                list.add(a.getAddress());
            }
        }
        return Optional.of(list);
    }

    /** The PTR lookup of the client IP. */
    DnsAnswer ptrQuery() {
        return limits.query(ReverseMap.fromAddress(ip.orElseThrow()).toString(true), Type.PTR);
    }

    /** The names of a PTR answer, lower case, the first {@link SpfEvaluator#SUB_LOOKUP_LIMIT} only (§4.6.4). */
    static List<String> ptrNames(DnsAnswer answer) {
        return answer.records().stream().filter(PTRRecord.class::isInstance)
                .map(r -> ((PTRRecord) r).getTarget().toString(true).toLowerCase(Locale.ROOT))
                .limit(SpfEvaluator.SUB_LOOKUP_LIMIT).toList();
    }

    private static LocalText text(String key, Object... args) {
        return SpfTexts.text(key, args);
    }
}
