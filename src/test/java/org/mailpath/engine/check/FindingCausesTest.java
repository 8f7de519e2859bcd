package org.mailpath.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.status.Category.AUTHENTICATION;
import static org.mailpath.engine.status.Category.DNS;
import static org.mailpath.engine.status.Category.NETWORK;
import static org.mailpath.engine.status.Category.REPUTATION;
import static org.mailpath.engine.status.Category.TLS;
import static org.mailpath.engine.status.Category.UNKNOWN;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.AnalysisDnsChecks.Role;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.status.Category;

class FindingCausesTest {

    private static Finding finding(String code, Severity severity, Actor actor) {
        return new Finding(code, severity, "example.test", "", List.of(), "", actor);
    }

    private static Set<Category> causes(String code, Role role) {
        return FindingCauses.categories(finding(code, Severity.ERROR, Actor.RECIPIENT_MAIL_TEAM), role);
    }

    @Test
    void recipientDomainDnsProblemsExplainDnsAndNetworkFailures() {
        for (String code : List.of("DOMAIN_NXDOMAIN", "DNS_TIMEOUT", "DNS_LOOKUP_FAILED", "MX_NONE", "MX_NULL",
                "MX_PRIVATE_ADDRESS", "NS_LAME", "NS_SAME_NETWORK", "EDNS_DEAD", "EDNS_NONCOMPLIANT",
                "DNSSEC_DS_WITHOUT_DNSKEY")) {
            assertEquals(Set.of(DNS, NETWORK, UNKNOWN), causes(code, Role.RECIPIENT), code);
        }
    }

    @Test
    void lookupFailuresOfOurSendingDomainExplainAuthenticationFailuresNotRecipientDomainLookups() {
        // receivers' SPF/DMARC temperror; a DNS failure is nearly always the recipient domain's, which no name of
        // ours (our domain, an SPF include such as spf.protection.outlook.com) can cause
        assertEquals(Set.of(AUTHENTICATION, UNKNOWN), causes("DOMAIN_NXDOMAIN", Role.SENDER));
        assertEquals(Set.of(AUTHENTICATION, UNKNOWN), causes("DNS_TIMEOUT", Role.SENDER));
        assertEquals(Set.of(AUTHENTICATION, UNKNOWN), causes("DNS_LOOKUP_FAILED", Role.SENDER));
        assertEquals(Set.of(DNS, NETWORK, AUTHENTICATION, UNKNOWN), causes("DNS_LOOKUP_FAILED", Role.BOTH),
                "a domain that is both gets both columns");
    }

    @Test
    void senderAuthenticationProblemsExplainAuthenticationFailuresOnly() {
        for (String code : List.of("SPF_MISSING", "SPF_TOO_MANY_LOOKUPS", "SPF_RESULT", "DKIM_SELECTOR_MISSING",
                "DKIM_KEY_WEAK", "DMARC_MISSING", "DMARC_MULTIPLE", "SPF_SALESFORCE_INCLUDE_MISSING")) {
            assertEquals(Set.of(AUTHENTICATION, UNKNOWN), causes(code, Role.SENDER), code);
        }
    }

    @Test
    void reverseDnsProblemsExplainAuthenticationAndReputationFailures() {
        assertEquals(Set.of(AUTHENTICATION, REPUTATION, UNKNOWN), causes("PTR_MISSING", Role.SENDER));
        assertEquals(Set.of(AUTHENTICATION, REPUTATION, UNKNOWN), causes("PTR_MISMATCH", Role.SENDER));
        assertEquals(Set.of(), FindingCauses.categories(finding("PTR_NOT_CHECKED", Severity.WARNING,
                Actor.SENDER_ADMIN), Role.SENDER), "a check not made explains nothing");
    }

    @Test
    void ourListedSendingIpExplainsReputationFailuresButAListedRecipientMxNothing() {
        assertEquals(Set.of(REPUTATION, UNKNOWN), FindingCauses.categories(finding("DNSBL_LISTED", Severity.ERROR,
                Actor.SENDER_ADMIN), Role.RECIPIENT));
        assertEquals(Set.of(), FindingCauses.categories(finding("DNSBL_LISTED", Severity.WARNING,
                Actor.RECIPIENT_MAIL_TEAM), Role.RECIPIENT));
        for (String code : List.of("DNSBL_QUERY_REFUSED", "DNSBL_ZONE_UNUSABLE", "DNSBL_NOT_CHECKED",
                "DNSBL_IPV6_NOT_CHECKED")) {
            assertEquals(Set.of(), FindingCauses.categories(finding(code, Severity.WARNING, Actor.SENDER_ADMIN),
                    Role.RECIPIENT), code);
        }
    }

    @Test
    void mtaStsProblemsExplainTlsFailuresAndReportRecordsNothing() {
        assertEquals(Set.of(TLS, UNKNOWN), causes("MTA_STS_MX_MISMATCH", Role.RECIPIENT));
        assertEquals(Set.of(TLS, UNKNOWN), causes("MTA_STS_POLICY_UNREACHABLE", Role.RECIPIENT));
        assertEquals(Set.of(), causes("TLSRPT_INVALID", Role.RECIPIENT));
        // extra NSEC3 iterations weaken proofs of non-existence; no resolver fails a lookup for them
        assertEquals(Set.of(), causes("DNSSEC_NSEC3_ITERATIONS", Role.RECIPIENT));
        // CDS/CDNSKEY only ask the parent for a DS change: no lookup fails for them until it acts
        assertEquals(Set.of(), causes("DNSSEC_CDS_NO_KEY", Role.RECIPIENT));
        assertEquals(Set.of(), causes("DNSSEC_CDS_CDNSKEY_MISMATCH", Role.RECIPIENT));
        // validators accept any single valid path (RFC 6840 §5.11); the algorithms that fail lookups keep theirs
        assertEquals(Set.of(), causes("DNSSEC_ALGORITHM_INCOMPLETE", Role.RECIPIENT));
        assertEquals(Set.of(DNS, NETWORK, UNKNOWN), causes("DNSSEC_ALGORITHM_UNSUPPORTED", Role.RECIPIENT));
        // signatures about to expire are still valid: the failures they warn of have not happened; expired ones fail
        assertEquals(Set.of(), causes("DNSSEC_SIGNATURE_EXPIRES_SOON", Role.RECIPIENT));
        assertEquals(Set.of(DNS, NETWORK, UNKNOWN), causes("DNSSEC_SIGNATURE_EXPIRED", Role.RECIPIENT));
        // RSA key sizes (Zonemaster DNSSEC14) make no lookup known to fail
        assertEquals(Set.of(), causes("DNSSEC_RSA_KEY_TOO_SMALL", Role.RECIPIENT));
        assertEquals(Set.of(), causes("DNSSEC_RSA_KEY_TOO_LARGE", Role.RECIPIENT));
        assertEquals(Set.of(DNS, NETWORK, UNKNOWN), causes("DNSSEC_DS_MISMATCH", Role.RECIPIENT));
        // under a zone without a secure link from its parent the zone is insecure, its lookups work; a break is bogus
        assertEquals(Set.of(), causes("DNSSEC_PARENT_INSECURE", Role.RECIPIENT));
        assertEquals(Set.of(DNS, NETWORK, UNKNOWN), causes("DNSSEC_PARENT_BOGUS", Role.RECIPIENT));
        assertEquals(Set.of(), causes("DMARC_REPORT_UNAUTHORIZED", Role.SENDER));
        // a report address receivers cannot use loses reports, never mail: the policy applies without it
        assertEquals(Set.of(), FindingCauses.categories(finding("DMARC_REPORT_URI_UNUSABLE", Severity.WARNING,
                Actor.SENDER_ADMIN), Role.SENDER));
        assertEquals(Set.of(AUTHENTICATION, UNKNOWN), FindingCauses.categories(finding("DMARC_SYNTAX",
                Severity.ERROR, Actor.SENDER_ADMIN), Role.SENDER));
    }

    @Test
    void daneProblemsExplainTlsFailuresAndTlsaRecordsSendersIgnoreNothing() {
        // RFC 7672 §2.2: TLSA records in an unsigned zone are not used, so they cannot stop any mail
        assertEquals(Set.of(), causes("DANE_NOT_SIGNED", Role.RECIPIENT));
        assertEquals(Set.of(), causes("DANE_MX_NOT_SIGNED", Role.RECIPIENT));
        assertEquals(Set.of(TLS, DNS, UNKNOWN), causes("DANE_LOOKUP_FAILED", Role.RECIPIENT));
        assertEquals(Set.of(TLS, UNKNOWN), causes("DANE_UNUSABLE", Role.RECIPIENT));
        assertEquals(Set.of(), FindingCauses.categories(finding("DANE_OK", Severity.OK, Actor.NOBODY),
                Role.RECIPIENT));
    }

    @Test
    void ourOwnNetworkCrashesPassedChecksAndUnknownCodesExplainNothing() {
        assertEquals(Set.of(), FindingCauses.categories(finding("DNS_TIMEOUT", Severity.ERROR, Actor.LOCAL_NETWORK),
                Role.RECIPIENT), "a broken resolver here says nothing about the domain");
        assertEquals(Set.of(), FindingCauses.categories(finding("DNS_LOOKUP_FAILED", Severity.ERROR,
                Actor.LOCAL_NETWORK), Role.BOTH));
        assertEquals(Set.of(), causes("CHECK_FAILED", Role.RECIPIENT));
        assertEquals(Set.of(), FindingCauses.categories(finding("MX_OK", Severity.OK, Actor.NOBODY), Role.RECIPIENT));
        assertEquals(Set.of(), FindingCauses.categories(finding("DMARC_POLICY_NONE", Severity.INFO,
                Actor.SENDER_ADMIN), Role.SENDER));
        assertEquals(Set.of(), causes("FUTURE_CHECK_BROKEN", Role.RECIPIENT), "a code no row knows");
        assertEquals(Set.of(), causes("SMTP_CONNECT_TIMEOUT", Role.RECIPIENT), "probe codes never come here");
        assertFalse(FindingCauses.knows("FUTURE_CHECK_BROKEN"));
        assertTrue(FindingCauses.knows("MX_SOMETHING_ADDED_LATER"), "a new code of a known family takes its row");
    }

    @Test
    void noProblemExplainsRecipientMailboxSyntaxSizeRateOrRemoteServerFailures() {
        Set<Category> never = Set.of(Category.RECIPIENT, Category.MAILBOX_FULL, Category.ADDRESS_SYNTAX,
                Category.SIZE, Category.RATE_LIMIT, Category.REMOTE_SERVER, Category.CONTENT_POLICY);
        for (String code : List.of("DOMAIN_NXDOMAIN", "DNS_TIMEOUT", "MX_NONE", "NS_LAME", "EDNS_DEAD",
                "DNSSEC_DS_WITHOUT_DNSKEY", "SPF_MISSING", "DKIM_KEY_REVOKED", "DMARC_SYNTAX", "PTR_MISSING",
                "MTA_STS_MX_MISMATCH")) {
            for (Role role : Role.values()) {
                Set<Category> got = FindingCauses.categories(finding(code, Severity.ERROR, Actor.SENDER_ADMIN), role);
                assertTrue(got.stream().noneMatch(never::contains), code + " " + role + ": " + got);
            }
        }
    }

    /** Every code the DNS checks can emit has a row: a new code fails here until someone decides what it explains. */
    @Test
    void everyCodeTheDnsChecksEmitHasARow() throws IOException {
        Pattern literal = Pattern.compile(
                "\"((?:DOMAIN|DNS|MX|NS|EDNS|DNSSEC|CHECK|SPF|DMARC|DKIM|PTR|DNSBL|MTA_STS|TLSRPT|DANE)_[A-Z0-9_]+)\"");
        Path engine = Path.of(System.getProperty("mailpath.projectDir", "."), "src/main/java/org/mailpath/engine");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(engine)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertTrue(codes.size() > 80, "the scan found the codes: " + codes);
        assertEquals(List.of(), codes.stream().filter(c -> !FindingCauses.knows(c)).toList());
    }
}
