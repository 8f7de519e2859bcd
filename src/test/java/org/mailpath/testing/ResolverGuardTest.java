package org.mailpath.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResolverGuardTest {

    @AfterEach
    void forgetOwnRefusals() {
        // this test's refusals are on purpose; ResolverGuardExtension would fail it for them
        ResolverGuard.takeRefused();
    }

    @Test
    void aNameOnTheInternetIsRefusedAndRecorded() {
        ResolverGuard.takeRefused();

        UnknownHostException refused = assertThrows(UnknownHostException.class,
                () -> InetAddress.getByName("example.com"));

        assertEquals("tests must not use this computer's resolver: example.com", refused.getMessage());
        assertEquals(List.of("example.com"), names(ResolverGuard.takeRefused()));
    }

    @Test
    void localhostLiteralsAndTheNameOfLoopbackStillResolve() throws Exception {
        ResolverGuard.takeRefused();

        assertTrue(InetAddress.getByName("localhost").isLoopbackAddress());
        assertTrue(InetAddress.getByName("LOCALHOST").isLoopbackAddress());
        assertEquals("192.0.2.1", InetAddress.getByName("192.0.2.1").getHostAddress());
        assertTrue(InetAddress.getByName("::1").isLoopbackAddress());
        // the JDK's HTTPS server asks the name of its loopback peer
        InetAddress.getByAddress(new byte[] {127, 0, 0, 1}).getHostName();

        assertEquals(List.of(), ResolverGuard.takeRefused());
    }

    @Test
    void aReverseLookupTheJdkSwallowsIsStillRecorded() throws Exception {
        ResolverGuard.takeRefused();

        // getHostName answers the literal when the lookup fails: only the record shows it was asked
        String name = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}).getHostName();

        assertEquals("192.0.2.1", name);
        assertEquals(List.of("192.0.2.1"), names(ResolverGuard.takeRefused()));
    }

    private static List<String> names(List<ResolverGuard.Refusal> refusals) {
        return refusals.stream().map(ResolverGuard.Refusal::name).toList();
    }
}
