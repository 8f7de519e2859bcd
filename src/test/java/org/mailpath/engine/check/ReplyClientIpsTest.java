package org.mailpath.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyClientIpsTest {

    @Test
    void theClientHostAReputationRefusalNamesIsRead() {
        assertEquals(List.of("13.110.6.221"), ReplyClientIps.of("550 5.7.1 Service unavailable, Client host"
                + " [13.110.6.221] blocked using Spamhaus. To request removal from this list see"
                + " https://www.spamhaus.org/query/ip/13.110.6.221 (AS3130) [BN1NAM02FT005.eop-nam02.prod.outlook.com]"));
        assertEquals(List.of("2001:db8::25"), ReplyClientIps.of("550 5.7.1 [IPv6:2001:db8::25] blocked"));
        // enhanced status codes and times are no addresses
        assertEquals(List.of(), ReplyClientIps.of("451 4.7.1 try again at 12:30:45, code 5.7.1"));
    }
}
