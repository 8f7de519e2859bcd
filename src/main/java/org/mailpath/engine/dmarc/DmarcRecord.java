package org.mailpath.engine.dmarc;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed DMARC record with RFC 7489 defaults applied. {@code tags} holds every tag as written (lower-case names);
 * {@code explicit} says which of them were present; {@code np} exists only in RFC 9989 records.
 */
public record DmarcRecord(String text, Map<String, String> tags, String policy, String subdomainPolicy,
                          Optional<String> nonExistentPolicy, int pct, String adkim, String aspf,
                          List<ReportUri> rua, List<ReportUri> ruf, String fo, long ri) {

    public DmarcRecord {
        tags = Map.copyOf(tags);
        rua = List.copyOf(rua);
        ruf = List.copyOf(ruf);
    }

    /** One {@code mailto:} report address and the host part it sends to. */
    public record ReportUri(String uri, String domain) {
    }

    /** The effective tags, each with "(default)" when it was not written. */
    public List<String> describe() {
        return List.of(
                "p=" + policy + mark("p"),
                "sp=" + subdomainPolicy + mark("sp"),
                "np=" + nonExistentPolicy.orElse(subdomainPolicy) + mark("np"),
                "pct=" + pct + mark("pct"),
                "adkim=" + adkim + mark("adkim"),
                "aspf=" + aspf + mark("aspf"),
                "rua=" + (rua.isEmpty() ? "(none)" : String.join(",", rua.stream().map(ReportUri::uri).toList())),
                "ruf=" + (ruf.isEmpty() ? "(none)" : String.join(",", ruf.stream().map(ReportUri::uri).toList())),
                "fo=" + fo + mark("fo"),
                "ri=" + ri + mark("ri"));
    }

    private String mark(String tag) {
        return tags.containsKey(tag) ? "" : " (default)";
    }
}
