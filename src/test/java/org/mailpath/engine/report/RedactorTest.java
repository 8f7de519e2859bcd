package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String MID = "20261120.1234.JavaMail.sfdc@na1-app1.ops.sfdc.net";
    private final Redactor r = Redactor.of(List.of("john.doe@contoso.example", "mail@contoso.example"),
            List.of("0055g00000ABCDE"), List.of("<" + MID + ">"));

    @Test
    void masksAddressFields() {
        assertEquals("j***@contoso.example", r.address("john.doe@contoso.example"));
        assertEquals("m***@bücher.example", r.address("müller@bücher.example"));
        assertEquals("张***@例子.example", r.address("张伟@例子.example"));
        assertEquals("x***", r.address("xyz"));
        assertEquals("", r.address(""));
        assertEquals("", r.userId("0055g00000ABCDE"));
    }

    @Test
    void masksEveryAddressInTextButKeepsMessageIds() {
        assertEquals("550 5.1.1 <j***@contoso.example>: Recipient address rejected",
                r.text("550 5.1.1 <john.doe@contoso.example>: Recipient address rejected"));
        assertEquals("250 2.6.0 <" + MID + "> Queued for s***@other.example",
                r.text("250 2.6.0 <" + MID + "> Queued for someone@other.example"));
        assertEquals("rua=mailto:d***@acme.example, b***@x.example; c***@y.example",
                r.text("rua=mailto:dmarc@acme.example, bob@x.example; carol@y.example"));
    }

    @Test
    void masksQuotedLocalPartsThatHoldSpaces() {
        assertEquals("550 5.1.1 <j***@contoso.example>: unknown",
                r.text("550 5.1.1 <\"john doe\"@contoso.example>: unknown"));
        assertEquals("to j***@contoso.example and a***@x.example",
                r.text("to \"john \\\" doe\"@contoso.example and \"a b\"@x.example"));
        assertEquals("j***@contoso.example", r.address("\"john doe\"@contoso.example"));
        assertEquals("a \"quoted phrase\" stays", r.text("a \"quoted phrase\" stays"));
    }

    @Test
    void masksKnownLocalPartsAloneAndUserIdsButNotCommonWords() {
        assertEquals("user j*** unknown", r.text("user john.doe unknown"));
        assertEquals("no mail servers could be reached", r.text("no mail servers could be reached"));
        assertEquals("sent by " + Redactor.USER_ID_REMOVED, r.text("sent by 0055g00000ABCDE"));
    }

    @Test
    void masksTheWholeLocalPartOfLoggedAddressesThatAreNotValid() {
        Redactor odd = Redactor.of(List.of("jane doe@contoso.example", "\"><img src=x>@xss.example",
                "ann lee@contoso.example", "lee@contoso.example"), List.of(), List.of());
        assertEquals("553 5.1.3 <j***@contoso.example>: bad address",
                odd.text("553 5.1.3 <Jane Doe@contoso.example>: bad address"));
        assertEquals(",P,j***@contoso.example,", odd.text(",P,jane doe@contoso.example,"));
        assertEquals(">***@xss.example", odd.text("\"><img src=x>@xss.example"));
        assertEquals("a***@contoso.example and l***@contoso.example",
                odd.text("ann lee@contoso.example and lee@contoso.example"));
        assertEquals("j***@contoso.example", odd.address("jane doe@contoso.example"));
    }

    @Test
    void masksAddressesAtADomainLiteral() {
        // the token ended at '[', so "john.doe@" was left whole
        assertEquals("550 5.1.1 <j***@[192.0.2.1]>: unknown; s***@[IPv6:2001:db8::1] too",
                r.text("550 5.1.1 <john.doe@[192.0.2.1]>: unknown; someone@[IPv6:2001:db8::1] too"));
        assertEquals("j***@[192.0.2.1]", r.address("john.doe@[192.0.2.1]"));
        Redactor keeping = Redactor.of(List.of(), List.of(), List.of("<id.1@[192.0.2.9]>"));
        assertEquals("queued as <id.1@[192.0.2.9]>", keeping.text("queued as <id.1@[192.0.2.9]>"));
    }

    @Test
    void masksLocalPartsHoldingCombiningMarksOrInvisibleCharactersWhole() {
        // "mu" + U+0308 + "ller@" was masked from the mark on ("mu\u0308l***@"); a U+200B before the '@' kept it all
        assertEquals("550 <m***@x.example> and j***@contoso.example",
                r.text("550 <mu\u0308ller@x.example> and john.doe\u200B@contoso.example"));
        assertEquals("j***@[192.0.2.1]", r.text("jo\u0301hn@[192.0.2.1]"));
    }

    @Test
    void masksAddressesWhoseAtSignIsUrlEncoded() {
        assertEquals("see https://x.example/unsub?rcpt=b***%40central.example&id=7",
                r.text("see https://x.example/unsub?rcpt=barry.allen%40central.example&id=7"));
        assertEquals("100% of 40 messages", r.text("100% of 40 messages"));
    }

    @Test
    void noneChangesNothing() {
        assertEquals("john.doe@contoso.example", Redactor.none().text("john.doe@contoso.example"));
        assertEquals("john.doe@contoso.example", Redactor.none().address("john.doe@contoso.example"));
    }
}
