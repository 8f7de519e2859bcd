package org.mailpath.ui.dnscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

class CheckStateTest {

    private static Finding finding(String code, Severity severity, Actor actor) {
        return new Finding(code, severity, "acme.example", code, List.of(), "", actor);
    }

    private static final Finding SPF_OK = finding("SPF_OK", Severity.OK, Actor.NOBODY);
    private static final Finding LOOKUPS = finding("SPF_LOOKUPS", Severity.INFO, Actor.NOBODY);
    private static final Finding NO_SELECTOR = finding("DKIM_NO_SELECTOR", Severity.INFO, Actor.NOBODY);
    private static final Finding RESOLVER = finding("DNS_LOOKUP_FAILED", Severity.ERROR, Actor.LOCAL_NETWORK);
    private static final Finding MISSING = finding("DMARC_MISSING", Severity.WARNING, Actor.SENDER_ADMIN);

    @Test
    void aCheckThatPassedIsOkEvenWithNotesBesideIt() {
        assertEquals(CheckState.OK, CheckState.of(List.of()));
        assertEquals(CheckState.OK, CheckState.of(List.of(SPF_OK)));
        assertEquals(CheckState.OK, CheckState.of(List.of(SPF_OK, LOOKUPS)));
    }

    @Test
    void onlyNotesAreANoteNotAPass() {
        assertEquals(CheckState.NOTE, CheckState.of(List.of(NO_SELECTOR)));
    }

    @Test
    void whatThisComputersNetworkKeptFromBeingMadeIsNotCheckedUnlessTheDomainHasAProblem() {
        assertEquals(CheckState.NOT_CHECKED, CheckState.of(List.of(RESOLVER)), "an ERROR of the resolver");
        assertEquals(CheckState.NOT_CHECKED, CheckState.of(List.of(SPF_OK, RESOLVER)));
        assertEquals(CheckState.WARNING, CheckState.of(List.of(RESOLVER, MISSING)));
        assertEquals(CheckState.ERROR, CheckState.of(List.of(MISSING,
                finding("MX_NULL", Severity.ERROR, Actor.RECIPIENT_MAIL_TEAM))));
    }
}
