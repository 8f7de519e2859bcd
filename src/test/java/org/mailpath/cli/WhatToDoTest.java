package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.ChainEvent;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.TestChains;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;

/** The CLI's "What to do": small messages refused as too large, each of its own size, are one thing to do. */
class WhatToDoTest {

    private static final String REPLY = "552 5.3.4 Message size exceeds fixed limit";

    @Test
    void smallMessagesOfDifferentSizesRefusedAsTooLargeAreOneToDo() {
        WhatToDo plan = new WhatToDo();
        plan.add(bounced("a@woodgrove.example", 2_048));
        plan.add(bounced("b@woodgrove.example", 12_633));
        StringWriter out = new StringWriter();
        try (PrintWriter w = new PrintWriter(out)) {
            plan.write(w);
        }
        List<String> todo = out.toString().lines().filter(l -> l.contains("- To do:")).toList();
        assertEquals(1, todo.size(), out.toString());
        assertTrue(todo.getFirst().contains("a message of less than 1 MB should pass"), todo.getFirst());
        assertTrue(out.toString().contains("although it was less than 1 MB"), out.toString());
    }

    private static MessageChain bounced(String recipient, long bytes) {
        Diagnosis d = StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(REPLY));
        Instant t = Instant.parse("2026-11-16T09:09:07Z");
        List<ChainEvent> events = List.of(
                new ChainEvent(53, t, MailEvent.RECEIVED, "10.0.0.2", bytes, 0, 0, "", "", "", "", "", ""),
                new ChainEvent(54, t, MailEvent.PERMANENT_FAILURE, "10.0.0.2", bytes, 0, 0, "after DATA",
                        "192.0.2.109", "mx.woodgrove.example", REPLY, "", ""));
        return TestChains.chain("m@x", "16/A4", recipient, "s@acme.example", "", events, Verdict.BOUNCED, 0, REPLY,
                Optional.of(d), Optional.empty());
    }
}
