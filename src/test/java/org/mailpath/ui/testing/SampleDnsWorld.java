package org.mailpath.ui.testing;

import java.io.IOException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.mailpath.testing.dns.TestDnsNetwork;
import org.mailpath.testing.dns.TestDnsServer;

/**
 * The DNS of the sample log's domains, served on loopback by the DNS engineer's test server: the sending domain
 * acme.example (SPF, DMARC p=none, one Salesforce DKIM selector published and its alternate missing) and the
 * recipient domains that fail in the sample (one without MX, one whose MX host has no address).
 */
public final class SampleDnsWorld {

    static final String NS = "127.0.1.30";
    private static final String SOA = "@ SOA ns1.acme.example. hostmaster.acme.example. 1 3600 600 86400 300\n"
            + "@ NS ns1.acme.example.\n";
    private static final String[] HEALTHY = {"fabrikam.example", "tlsbroken.example", "contoso.example",
            "gmail.com", "litware.example", "proseware.example", "northwind.example", "yahoo.example"};

    private SampleDnsWorld() {
    }

    public static TestDnsNetwork start() throws IOException {
        String key = dkimKey();
        return TestDnsNetwork.start(b -> {
            b.zone("acme.example", SOA + """
                    ns1 A 127.0.1.30
                    @ MX 10 mx1.acme.example.
                    mx1 A 192.0.2.80
                    @ TXT "v=spf1 include:_spf.salesforce.com include:spf.protection.outlook.com ~all"
                    _dmarc TXT "v=DMARC1; p=none; rua=mailto:dmarc@acme.example"
                    sf1._domainkey CNAME sf1.k7f2q9.custdkim.salesforce.com.
                    """);
            b.zone("salesforce.com", SOA + "_spf TXT \"v=spf1 ip4:13.108.16.0/20 ip4:136.147.176.0/20 -all\"\n"
                    + "sf1.k7f2q9.custdkim TXT " + key + "\n"
                    + "sf2.k7f2q9.custdkim TXT " + key + "\n");
            b.zone("oldcorp.example", SOA + "www A 192.0.2.90\n");
            b.zone("slowhost.example", SOA + "@ MX 10 mx.slowhost.example.\n");
            StringBuilder zones = new StringBuilder();
            for (String d : HEALTHY) {
                b.zone(d, SOA + "@ MX 10 mx1." + d + ".\nmx1 A 192.0.2.25\n@ TXT \"v=spf1 mx -all\"\n");
                zones.append(d).append(' ');
            }
            String[] all = (zones + "acme.example salesforce.com oldcorp.example slowhost.example").split(" ");
            b.authoritative(NS, all);
            b.misbehaveFor("spf.protection.outlook.com", TestDnsServer.Misbehaviour.SERVFAIL);
        });
    }

    /** A fresh 2048-bit RSA public key as a DKIM TXT value, split into quoted strings of at most 255 characters. */
    private static String dkimKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            String value = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < value.length(); i += 200) {
                sb.append('"').append(value, i, Math.min(value.length(), i + 200)).append("\" ");
            }
            return sb.toString().strip();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
