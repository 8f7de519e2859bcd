package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which evidence lines of a run's finding go with a host a one-domain report leaves out. */
class ReportScopeEvidenceTest {

    @Test
    void aLineNamesAHostOnlyAsAWholeName() {
        assertTrue(ReportScope.names("mx.example.com [192.0.2.1]:25 timed out", "mx.example.com"));
        assertTrue(ReportScope.names("connect to mx.example.com. [192.0.2.1]", "mx.example.com"));
        assertTrue(ReportScope.names("(mx.example.com)", "mx.example.com"));
        // a kept host whose name holds the left-out one keeps its line
        assertFalse(ReportScope.names("mx.example.com.au [192.0.2.2]:25 timed out", "mx.example.com"));
        assertFalse(ReportScope.names("smx.example.com [192.0.2.3]:25 timed out", "mx.example.com"));
        assertFalse(ReportScope.names("mx.example.community [192.0.2.4]", "mx.example.com"));
    }

    @Test
    void aLaterWholeNameIsFoundAfterAnEarlierPartOfALongerOne() {
        assertTrue(ReportScope.names("mx.example.com.au then mx.example.com [192.0.2.1]", "mx.example.com"));
    }
}
