package org.mailpath.engine.edns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A test's outcome keeps the evidence it was made with: the probe's list is copied. */
class EdnsProbeOutcomeTest {

    @Test
    void theEvidencePassedInIsCopied() {
        List<String> evidence = new ArrayList<>(List.of(";; edns: example.com. SOA (EDNS 0)"));
        EdnsProbe.Outcome outcome = new EdnsProbe.Outcome("ok", evidence, false);
        evidence.add(";; edns: example.com. SOA (truncated, retried over TCP)");
        assertEquals(List.of(";; edns: example.com. SOA (EDNS 0)"), outcome.evidence());
    }

    @Test
    void theEvidenceGivenOutCannotBeChanged() {
        EdnsProbe.Outcome outcome = new EdnsProbe.Outcome("timeout", new ArrayList<>(List.of("a")), false);
        assertThrows(UnsupportedOperationException.class, () -> outcome.evidence().clear());
        assertEquals(List.of("a"), outcome.evidence());
    }
}
