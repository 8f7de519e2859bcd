package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@code check} refuses, with exit 2 and one line naming the mistake, arguments it used to misread: an option-like
 * argument, a name IDNA does not allow, a DKIM selector given as another domain's DNS name. Nothing is looked up.
 */
class CheckArgumentErrorsTest {

    private static void refused(String expected, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(expected, r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void anOptionLikeArgumentIsNamedNotAMissingDomain() {
        refused("mailpath: Unknown option: '-foo.com'", "check", "-foo.com");
        // with a domain as well it was already named so
        refused("mailpath: Unknown option: '-foo.com'", "check", "example.com", "-foo.com");
    }

    @Test
    void invalidIdnaIsNotADomain() {
        refused("mailpath: not a domain name: \"xn--zz.com\"", "check", "xn--zz.com");
        // the invisible joiner is shown
        refused("mailpath: not a domain name: \"exa\\u200dmple.com\"", "check", "exa\u200Dmple.com");
    }

    @Test
    void aSelectorNamingAnotherDomainIsRefusedWithTheSelectorAlone() {
        refused("mailpath: --dkim-selector \"s1._domainkey.other.com\" is the DNS name of the selector for other.com,"
                + " not example.com; give the selector alone: --dkim-selector s1",
                "check", "example.com", "--dkim-selector", "s1._domainkey.other.com");
        refused("mailpath: --dkim-selector \"s1._domainkey.a.example\" is the DNS name of the selector for a.example,"
                + " while 2 domains are checked; give the selector alone: --dkim-selector s1",
                "check", "a.example", "b.example", "--dkim-selector", "s1._domainkey.a.example");
        refused("mailpath: --dkim-selector \"s1.example.com\" ends with the domain checked; give the selector alone:"
                + " --dkim-selector s1 (the key is looked up at s1._domainkey.example.com)",
                "check", "example.com", "--dkim-selector", "s1.example.com");
    }

    @Test
    void aSelectorPastedWithTheDomainCheckedIsStillTaken() {
        DnsCheckOptionsTest.Host host = new DnsCheckOptionsTest.Host();
        new picocli.CommandLine(host).parseArgs("--dkim-selector", "S1._DomainKey.Example.com.", "--dkim-selector",
                "s2.reykjavik");
        host.dns.checkSelectorsFor(java.util.List.of("example.com"));
        assertEquals(java.util.List.of("S1", "s2.reykjavik"), host.dns.toCheckOptions().dkimSelectors());
    }
}
