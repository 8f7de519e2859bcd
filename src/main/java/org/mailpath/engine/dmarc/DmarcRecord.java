package org.mailpath.engine.dmarc;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed DMARC record with RFC 7489 defaults applied, and the policies receivers apply: {@code policy} and
 * {@code subdomainPolicy} are none when §6.6.3 step 6 makes receivers read the record as "p=none". {@code tags}
 * holds every tag as written (lower-case names); {@code np} exists only in RFC 9989 records.
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

    /**
     * RFC 9989's test mode ({@code t=y}, ABNF "y": any case): its receivers apply the next-lower policy. RFC 7489
     * has no {@code t} and ignores it.
     */
    public boolean testMode() {
        return tags.getOrDefault("t", "n").equalsIgnoreCase("y");
    }

    /** The effective tags, each with "(default)" when it was not written, or what was written when it is not used. */
    public List<String> describe() {
        String nonExistent = nonExistentPolicy.orElse(subdomainPolicy);
        return List.of(
                "p=" + policy + mark("p", policy),
                "sp=" + subdomainPolicy + mark("sp", subdomainPolicy),
                "np=" + nonExistent + mark("np", nonExistent),
                "pct=" + pct + mark("pct", String.valueOf(pct)),
                "adkim=" + adkim + mark("adkim", adkim),
                "aspf=" + aspf + mark("aspf", aspf),
                "rua=" + (rua.isEmpty() ? "(none)" : String.join(",", rua.stream().map(ReportUri::uri).toList())),
                "ruf=" + (ruf.isEmpty() ? "(none)" : String.join(",", ruf.stream().map(ReportUri::uri).toList())),
                "fo=" + fo + mark("fo", fo),
                "ri=" + ri + mark("ri", String.valueOf(ri)));
    }

    private String mark(String tag, String effective) {
        if (!tags.containsKey(tag)) {
            return " (default)";
        }
        String written = tags.get(tag);
        return written.equalsIgnoreCase(effective) ? "" : " (written: " + written + ")";
    }
}
