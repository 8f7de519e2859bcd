package org.mailpath.engine.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OrganizationalDomainTest {

    @ParameterizedTest
    @CsvSource({
        "example.com, example.com",
        "Mail.Example.COM., example.com",
        "a.b.example.co.uk, example.co.uk",
        "co.uk, co.uk",
        "project.github.io, project.github.io",  // private section of the PSL
        "x.project.github.io, project.github.io",
        "localhost, localhost",
    })
    void organizationalDomain(String name, String org) {
        assertEquals(org, OrganizationalDomain.of(name));
    }

    @Test
    void sameOrganization() {
        assertTrue(OrganizationalDomain.sameOrganization("reports.example.com", "example.com"));
        assertFalse(OrganizationalDomain.sameOrganization("a.github.io", "b.github.io"));
    }

    @Test
    void ipAddressesParseWithoutDnsAndMatchPrefixes() {
        var net = IpAddresses.parse("192.0.2.0").orElseThrow();
        assertTrue(IpAddresses.inNetwork(IpAddresses.parse("192.0.2.77").orElseThrow(), net, 24));
        assertFalse(IpAddresses.inNetwork(IpAddresses.parse("192.0.3.1").orElseThrow(), net, 24));
        assertTrue(IpAddresses.inNetwork(IpAddresses.parse("2001:db8::1").orElseThrow(),
                IpAddresses.parse("2001:db8::").orElseThrow(), 32));
        assertFalse(IpAddresses.inNetwork(IpAddresses.parse("2001:db8::1").orElseThrow(), net, 0));
        assertTrue(IpAddresses.parse("mail.example.com").isEmpty());
        assertTrue(IpAddresses.parse("[2001:db8::1]").isPresent());
    }
}
