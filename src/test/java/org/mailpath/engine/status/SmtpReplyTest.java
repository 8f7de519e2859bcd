package org.mailpath.engine.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpReplyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "550 5.1.1 <a@b.example>: Recipient address rejected | 550 | 5.1.1 | false",
        "550-5.7.26 This mail has been blocked. 550 5.7.26 - gsmtp | 550 | 5.7.26 | false",
        "421-4.7.28 Our system has detected an unusual rate | 421 | 4.7.28 | false",
        "421 4.4.0 [internal] no mail servers for this domain could be reached at this time | 421 | 4.4.0 | true",
        "554 5.4.4 [INTERNAL] Domain Lookup Failed | 554 | 5.4.4 | true",
        "250 2.0.0 OK  1700000000 x12si - gsmtp | 250 | 2.0.0 | false",
        "550 Request refused | 550 | - | false",
        "smtp; 550 5.1.1 user unknown | 550 | 5.1.1 | false",
        "5.7.1 relaying denied | - | 5.7.1 | false",
        "451 4.7.500 Server busy. Please try again later from [192.0.2.1]. | 451 | 4.7.500 | false",
        "550 5.07.001 zero padded | 550 | 5.7.1 | false",
        "Rejected: no reason | - | - | false",
        "550 from 5.4.3.2 only an IP | 550 | - | false",
    })
    void parsesCodesAndInternalMarker(String line, Integer basic, String enhanced, boolean internal) {
        SmtpReply r = SmtpReply.parse(line);
        assertEquals(basic == null ? OptionalInt.empty() : OptionalInt.of(basic), r.basicCode());
        assertEquals(Optional.ofNullable(enhanced), r.enhancedCode());
        assertEquals(internal, r.internal());
        assertEquals(line.strip(), r.text());
    }

    @Test
    void emptyAndNullGiveEmptyReply() {
        for (String s : new String[] {null, "", "   "}) {
            SmtpReply r = SmtpReply.parse(s);
            assertTrue(r.isEmpty());
            assertTrue(r.basicCode().isEmpty());
            assertTrue(r.enhancedCode().isEmpty());
            assertFalse(r.internal());
            assertEquals(0, r.replyClass());
        }
    }

    @Test
    void subjectDetailAndClass() {
        SmtpReply r = SmtpReply.parse("451 4.7.5 [internal] TLS negotiation failed");
        assertEquals(Optional.of("X.7.5"), r.enhancedSubjectDetail());
        assertEquals(4, r.replyClass());
        assertEquals(5, SmtpReply.parse("5.1.1 unknown").replyClass());
    }

    @Test
    void hugeAndHostileTextDoesNotThrow() {
        String huge = "550 " + "5.".repeat(200_000) + "\0\uFFFF";
        SmtpReply r = SmtpReply.parse(huge);
        assertEquals(OptionalInt.of(550), r.basicCode());
    }
}
