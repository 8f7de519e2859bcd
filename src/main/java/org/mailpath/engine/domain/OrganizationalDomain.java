package org.mailpath.engine.domain;

import com.google.common.net.InternetDomainName;
import java.util.Locale;
import org.mailpath.engine.dns.DnsNames;

/**
 * The DMARC Organizational Domain (RFC 7489 §3.2): the public suffix plus one label. The public suffix list is
 * the copy built into Guava ({@code InternetDomainName}, ICANN and private sections), so it is as current as the
 * Guava release in the build (see docs/findings.md).
 */
public final class OrganizationalDomain {

    private OrganizationalDomain() {
    }

    /** The organizational domain of {@code domain}, lower case without trailing dot; the name itself if it has none. */
    public static String of(String domain) {
        String name = normalize(domain);
        try {
            InternetDomainName parsed = InternetDomainName.from(name);
            return parsed.isUnderPublicSuffix() ? parsed.topPrivateDomain().toString() : name;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return name; // not a valid host name: compare as is
        }
    }

    /** True when both names have the same organizational domain (relaxed alignment). */
    public static boolean sameOrganization(String a, String b) {
        return of(a).equals(of(b));
    }

    /** Lower case, no trailing dot. */
    public static String normalize(String domain) {
        return DnsNames.relative(domain.trim().toLowerCase(Locale.ROOT));
    }
}
