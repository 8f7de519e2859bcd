package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.TestChains;

/** The CLI's "What to do": small messages refused as too large, each of its own size, are one thing to do. */
class WhatToDoTest {

    @Test
    void smallMessagesOfDifferentSizesRefusedAsTooLargeAreOneToDo() {
        WhatToDo plan = new WhatToDo();
        plan.add(TestChains.sizeRefusal("a@woodgrove.example", 2_048));
        plan.add(TestChains.sizeRefusal("b@woodgrove.example", 12_633));
        StringWriter out = new StringWriter();
        try (PrintWriter w = new PrintWriter(out)) {
            plan.write(w);
        }
        List<String> todo = out.toString().lines().filter(l -> l.contains("- To do:")).toList();
        assertEquals(1, todo.size(), out.toString());
        assertTrue(todo.getFirst().contains("a message of less than 1 MB should pass"), todo.getFirst());
        assertTrue(out.toString().contains("although it was less than 1 MB"), out.toString());
    }
}
