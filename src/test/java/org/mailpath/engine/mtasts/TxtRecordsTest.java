package org.mailpath.engine.mtasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.finding.LocalText;

/** The _mta-sts (RFC 8461 §3.1) and _smtp._tls (RFC 8460 §3) TXT records. */
class TxtRecordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"v=STSv1; id=20160831085700Z;", "v=STSv1;id=abc", "v=STSv1 ;\tid=A1 ; ext_1.x=y-z;",
            "v=STSv1; id=12345678901234567890123456789012"})
    void validStsRecords(String text) {
        assertTrue(StsTxtRecord.isStsRecord(text));
        assertEquals(List.of(), StsTxtRecord.parse(text).problems(), text);
    }

    @Test
    void invalidStsRecords() {
        assertProblem(StsTxtRecord.parse("v=STSv1;").problems(), "the id field is missing");
        assertProblem(StsTxtRecord.parse("v=STSv1").problems(), "the id field is missing");
        assertProblem(StsTxtRecord.parse("v=STSv1; id=2016-08-31").problems(), "id must be 1 to 32 letters");
        assertProblem(StsTxtRecord.parse("v=STSv1; id=123456789012345678901234567890123").problems(),
                "id must be 1 to 32 letters");
        assertProblem(StsTxtRecord.parse("v=STSv1; id = 1").problems(), "\"id \" is not a valid field name");
        assertProblem(StsTxtRecord.parse("v=STSv1;; id=1").problems(), "an empty field");
        assertProblem(StsTxtRecord.parse("v=STSv1 id=1").problems(), "must begin with \"v=STSv1;\"");
    }

    @Test
    void ofARepeatedIdOnlyTheFirstCounts() {
        // RFC 8461 §3.2: all entries of a repeated field except the first SHALL be ignored
        StsTxtRecord r = StsTxtRecord.parse("v=STSv1; id=20240101; id=not-an-id!");
        assertEquals(List.of(), r.problems());
        assertEquals(Optional.of("20240101"), r.id());
    }

    @Test
    void onlyRecordsBeginningWithTheExactVersionCount() {
        assertFalse(StsTxtRecord.isStsRecord("v=spf1 -all"));
        assertFalse(StsTxtRecord.isStsRecord("v=stsv1; id=1"));
        assertFalse(StsTxtRecord.isStsRecord(" v=STSv1; id=1"));
        assertFalse(TlsRptRecord.isTlsRptRecord("v=tlsrptv1; rua=mailto:a@b.c"));
    }

    @Test
    void validTlsRptRecords() {
        TlsRptRecord r = TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:tls@example.com, https://reports.example.net/tls");
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("mailto:tls@example.com", "https://reports.example.net/tls"), r.rua());
        assertEquals(List.of(), TlsRptRecord.parse("v=TLSRPTv1;rua=mailto:a@example.com?subject=x;").problems());
    }

    @Test
    void aRepeatedRuaIsValidAndEachOfItsAddressesCounts() {
        // RFC 8460 §3: tlsrpt-record = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim], tlsrpt-field =
        // tlsrpt-rua / tlsrpt-extension; "The record supports the ability to declare more than one rua"
        TlsRptRecord r = TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:a@x.test; rua=mailto:b@x.test,https://r.x.test/");
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("mailto:a@x.test", "mailto:b@x.test", "https://r.x.test/"), r.rua());
        // a bad address in the second rua is still one
        assertProblem(TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:a@x.test; rua=ftp://x.test/").problems(),
                "is neither a mailto: nor an https: address");
    }

    @Test
    void invalidTlsRptRecords() {
        assertProblem(TlsRptRecord.parse("v=TLSRPTv1;").problems(), "the rua field (where reports go) is missing");
        assertProblem(TlsRptRecord.parse("v=TLSRPTv1; rua=ftp://example.com/x").problems(),
                "is neither a mailto: nor an https: address");
        assertProblem(TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:nobody").problems(), "does not name a mail address");
        assertProblem(TlsRptRecord.parse("v=TLSRPTv1; rua=tls@example.com").problems(),
                "is neither a mailto: nor an https: address");
        assertProblem(TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:a b@example.com").problems(), "not a valid URI");
        assertProblem(TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:a@example.com,").problems(), "an empty address");
    }

    /** The problems are our words: compared in English. */
    private static void assertProblem(List<LocalText> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.toString().contains(expected)), expected + " in " + problems);
    }
}
