package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolverOptionMixinTest {

    /**
     * The review: "--resolver: unknown resolver host: nonexistent.invalid" said what, not what to do. The option's
     * line names the entry and the way out (the name looked up by the test, never this computer's resolver); the
     * command turns it into a usage error, exit 2, as for every unusable --resolver (ProbeCommandTest).
     */
    @Test
    void anUnknownResolverHostSaysWhatToDo() {
        ResolverOptionMixin option = new ResolverOptionMixin();
        option.resolvers = List.of("127.0.0.1", "nonexistent.invalid");
        option.lookup = host -> {
            if (host.equals("127.0.0.1")) {
                return InetAddress.getLoopbackAddress();
            }
            throw new UnknownHostException(host);
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, option::checked);
        assertEquals("--resolver nonexistent.invalid: a host name this computer cannot look up; correct it or give"
                + " the resolver's IP address, or leave out --resolver to use this computer's resolvers",
                e.getMessage());
    }
}
