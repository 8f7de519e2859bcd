package org.mailpath.engine.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * The probe's decoder explains only what the knowledge base knows: neither an unknown reply (the fallback) nor a blank
 * line, whose diagnosis advises exporting a log again, which is no explanation of a server's reply.
 */
class ReplyDecoderTest {

    private static final ReplyDecoder DECODER = ReplyDecoder.of(StatusKnowledgeBase.standard());

    @Test
    void explainsKnownRepliesOnly() {
        assertTrue(DECODER.decode("550 5.1.1 <a@b.example>: Recipient address rejected: User unknown").isPresent());
        assertEquals(Optional.empty(), DECODER.decode("599 something odd happened"));
        assertEquals(Optional.empty(), DECODER.decode(""));
        assertEquals(Optional.empty(), DECODER.decode("   "));
        assertEquals(Optional.empty(), DECODER.decode(null));
    }
}
