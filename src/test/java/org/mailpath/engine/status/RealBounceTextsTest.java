package org.mailpath.engine.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailpath.engine.finding.Actor;
import org.mailpath.testing.SourcedEntries;

/**
 * Replies that real mail systems (Mimecast, Proofpoint, iCloud, Comcast, GMX, Barracuda, ...) sent, each with the
 * public page it comes from ({@code real-bounce-texts.txt}), read the way the app reads a log's reply: parsed, then
 * diagnosed by the shipped knowledge base. The expected category is the vendor's meaning, not MailPath's.
 */
class RealBounceTextsTest {

    private static final StatusKnowledgeBase KB = StatusKnowledgeBase.standard();
    private static final String DATA = "real-bounce-texts.txt";
    private static final String NO_ACTOR = "-";

    /** One reply of the data file: what it must mean, who must act (when the text tells it), and where it is from. */
    record RealReply(Category category, Optional<Actor> actor, String reply, String source, int line) {
    }

    static List<RealReply> replies() throws IOException {
        return SourcedEntries.read(RealBounceTextsTest.class, DATA, "CATEGORY | ACTOR | reply").stream()
                .map(e -> new RealReply(Category.valueOf(e.first()), e.second().equals(NO_ACTOR) ? Optional.empty()
                        : Optional.of(Actor.valueOf(e.second())), e.text(), e.source(), e.line()))
                .toList();
    }

    static Stream<Arguments> realReplies() throws IOException {
        return replies().stream().map(r -> Arguments.of(r.line(), r));
    }

    @ParameterizedTest(name = "line {0}")
    @MethodSource("realReplies")
    void eachRealReplyGetsItsVendorsMeaning(int line, RealReply r) {
        Diagnosis d = KB.diagnose(SmtpReply.parse(r.reply()));
        String where = r.reply() + "  [" + d.ruleId() + ", " + r.source() + "]";
        assertEquals(r.category(), d.category(), where);
        r.actor().ifPresent(actor -> assertEquals(actor, d.actor(), where));
    }

    @Test
    void everyReplyHasItsSourceAndIsThereOnce() throws IOException {
        List<RealReply> replies = replies();
        assertTrue(replies.size() >= 40, "only " + replies.size() + " real replies");
        Set<String> seen = new HashSet<>();
        for (RealReply r : replies) {
            assertTrue(r.source().startsWith("http"), "line " + r.line() + " has no source page");
            assertTrue(seen.add(r.reply()), "line " + r.line() + " is there twice");
        }
    }
}
