package org.mailpath.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server's EDNS results stay as they were made: the map the check filled is copied, in test order. */
class NameServerResultTest {

    @Test
    void theTestsPassedInAreCopiedInTheirOrder() {
        Map<String, String> tests = new LinkedHashMap<>();
        tests.put("dns", "ok");
        tests.put("edns", "ok");
        tests.put("edns1", "noopt");
        NameServerResult result = new NameServerResult("ns1.example.com", "192.0.2.53", tests, "compatible");
        tests.put("edns1", "timeout");
        tests.remove("dns");
        assertEquals(List.of("dns", "edns", "edns1"), List.copyOf(result.tests().keySet()));
        assertEquals("noopt", result.tests().get("edns1"));
    }

    @Test
    void theTestsGivenOutCannotBeChanged() {
        NameServerResult result = new NameServerResult("ns1.example.com", "192.0.2.53",
                new LinkedHashMap<>(Map.of("dns", "ok")), "ok");
        assertThrows(UnsupportedOperationException.class, () -> result.tests().put("dns", "timeout"));
        assertEquals(Map.of("dns", "ok"), result.tests());
    }
}
