package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.status.Category;

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
    void aFindingKeepsTheAddressesOfDnsRecordsAndOfTheRecordsItAdvises() {
        // the TLS-RPT record the mail team is told to publish (RFC 8460 §3), and DMARC's rua/ruf (RFC 7489 §6.4)
        assertEquals("Optional: publish TXT \"v=TLSRPTv1; rua=mailto:tls-reports@contoso.example\" at"
                        + " _smtp._tls.contoso.example to receive daily reports (RFC 8460).",
                r.findingText("Optional: publish TXT \"v=TLSRPTv1; rua=mailto:tls-reports@contoso.example\" at"
                        + " _smtp._tls.contoso.example to receive daily reports (RFC 8460)."));
        assertEquals("v=DMARC1; p=none; rua=mailto:dmarc@acme.example,mailto:agg@x.example!10m;"
                        + " ruf=mailto:forensic@acme.example",
                r.findingText("v=DMARC1; p=none; rua=mailto:dmarc@acme.example,mailto:agg@x.example!10m;"
                        + " ruf=mailto:forensic@acme.example"));
        // an address outside a mailto: URI is still masked, in the same text too
        assertEquals("rua=mailto:dmarc@acme.example sent for j***@contoso.example",
                r.findingText("rua=mailto:dmarc@acme.example sent for john.doe@contoso.example"));
        // free text of the log is not a finding: masked as before
        assertEquals("rua=mailto:d***@acme.example", r.text("rua=mailto:dmarc@acme.example"));
    }

    @Test
    void aReportAddressWrittenWithoutMailtoIsKeptToo() {
        // DMARC_REPORT_URI_UNUSABLE quotes the address whose missing "mailto:" is the fault: published DNS data
        String message = "DMARC record of acme.example: receivers send no reports to rua: \"dmarc@acme.example\" is"
                + " not a URI (write \"mailto:\" before a mail address); ruf: \"forensic@acme.example\" is not a URI"
                + " (write \"mailto:\" before a mail address). The policy does not depend on these addresses: only the"
                + " reports are lost";
        assertEquals(message, r.findingText(message));
        // the record's description in its evidence, two URIs of one tag
        assertEquals(List.of("rua=dmarc@acme.example,mailto:agg@x.example", "ruf=(none)"),
                r.findingTexts(List.of("rua=dmarc@acme.example,mailto:agg@x.example", "ruf=(none)")));
        // a word merely ending in "rua" is no report tag; an address after the value is still masked
        assertEquals("ferua=j***@contoso.example", r.findingText("ferua=john.doe@contoso.example"));
        assertEquals("rua=dmarc@acme.example for j***@contoso.example",
                r.findingText("rua=dmarc@acme.example for john.doe@contoso.example"));
    }

    @Test
    void aFindingsEvidenceKeepsItsDnsRecordsButNotItsTranscripts() {
        String record = "_dmarc.acme.example.\t3600\tIN\tTXT\t\"v=DMARC1; p=none; rua=mailto:dmarc@acme.example;"
                + " ruf=reports@acme.example\"";
        assertEquals(List.of(record, "C: RCPT TO:<j***@contoso.example>"),
                r.findingTexts(List.of(record, "C: RCPT TO:<john.doe@contoso.example>")));
        assertEquals(List.of(record), Redactor.none().findingTexts(List.of(record)));
    }

    @Test
    void keepsTheMessageIdAMicrosoftServerQuotesOnAcceptingButNotAnAddressOfTheLog() {
        // the ID Exchange Online quotes need not be the Message ID Header the log gives: it is still an ID
        assertEquals("250 2.6.0 <3001.JavaMail.sfdc@synthetic-sample.example> [InternalId=13001] Queued mail for"
                        + " delivery",
                r.text("250 2.6.0 <3001.JavaMail.sfdc@synthetic-sample.example> [InternalId=13001] Queued mail for"
                        + " delivery"));
        assertEquals("250 2.6.0 <" + MID + "> [InternalId=1] Queued mail for delivery",
                r.text("250 2.6.0 <" + MID + "> [InternalId=1] Queued mail for delivery"));
        // a recipient of the log stays masked wherever it stands, and an address elsewhere in the reply too
        assertEquals("250 2.6.0 <j***@contoso.example> [InternalId=1] Queued mail for delivery",
                r.text("250 2.6.0 <john.doe@contoso.example> [InternalId=1] Queued mail for delivery"));
        assertEquals("250 2.1.5 <s***@other.example> recipient ok",
                r.text("250 2.1.5 <someone@other.example> recipient ok"));
    }

    @Test
    void givesDistinctMasksToDistinctMailboxesThatBeginAlike() {
        Redactor alike = Redactor.of(List.of("c@contoso.example", "cc1@contoso.example", "Carol.X@fabrikam.example",
                "dave@contoso.example"), List.of(), List.of());
        // c, carol.x and cc1 begin alike: numbered in that order; dave is alone and needs no number
        assertEquals("c***1@contoso.example", alike.address("c@contoso.example"));
        assertEquals("c***3@contoso.example", alike.address("cc1@contoso.example"));
        assertEquals("C***2@fabrikam.example", alike.address("Carol.X@fabrikam.example"));
        assertEquals("d***@contoso.example", alike.address("dave@contoso.example"));
        // the same mailbox gets the same mask wherever it stands, and a mask is not masked again
        assertEquals("550 5.1.1 <C***3@contoso.example>: unknown; user=c***3",
                alike.text("550 5.1.1 <CC1@contoso.example>: unknown; user=cc1"));
        assertEquals("c***3@contoso.example", alike.address(alike.address("cc1@contoso.example")));
        assertEquals("to c***3@contoso.example", alike.text(alike.text("to cc1@contoso.example")));
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
        assertEquals("sent by [user ID removed]", r.text("sent by 0055g00000ABCDE"));
    }

    @Test
    void masksTheWholeLocalPartOfLoggedAddressesThatAreNotValid() {
        Redactor odd = Redactor.of(List.of("jane doe@contoso.example", "\"><img src=x>@xss.example",
                "ann lee@contoso.example", "lee@contoso.example"), List.of(), List.of());
        // the initial keeps its case as written, as for every other address ("JOHN.DOE@" gives "J***@")
        assertEquals("553 5.1.3 <J***@contoso.example>: bad address",
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

    private final Redactor log = Redactor.of(List.of("john.doe@contoso.example", "bo@x.example",
            "Al@Short.example", "info@contoso.example", "anna.smith@contoso.example"), List.of(),
            List.of("<" + MID + ">"));

    @Test
    void masksTheAddressesOfTheLogWhateverStandsAroundThem() {
        // "user=" was taken into the local part ("u***@"): the name was hidden, but the reply lost its key
        assertEquals("user=j***@contoso.example rcpt:j***@contoso.example to=<J***@CONTOSO.EXAMPLE>;",
                log.text("user=john.doe@contoso.example rcpt:john.doe@contoso.example to=<JOHN.DOE@CONTOSO.EXAMPLE>;"));
        assertEquals("550 <j***@contoso.example>, J***@contoso.example; (A***1@short.example)",
                log.text("550 <john.doe@contoso.example>, John.Doe@contoso.example; (Al@short.example)"));
        // short local parts are masked as part of their address in every form
        assertEquals("user=b***@x.example <B***@x.example> b***@X.EXAMPLE.",
                log.text("user=bo@x.example <BO@x.example> bo@X.EXAMPLE."));
        // another address that ends with a known one is masked whole, by its form
        assertEquals("x***@contoso.example", log.text("xjohn.doe@contoso.example"));
        assertEquals("queued as <" + MID + ">", log.text("queued as <" + MID + ">"));
    }

    @Test
    void masksAKnownLocalPartWhereverItStandsAsAWholeName() {
        assertEquals("user=j*** id=j***&x=1 j***'s mailbox /home/J***/mail \"a***2\".",
                log.text("user=john.doe id=john.doe&x=1 john.doe's mailbox /home/JOHN.DOE/mail \"anna.smith\"."));
        assertEquals("j***. a***2!", log.text("john.doe. anna.smith!"));
        // a label of a longer dotted or hyphenated name (a host) is not a name of its own
        assertEquals("mx.john.doe.example john.doe-archive xjohn.doe john_doe",
                log.text("mx.john.doe.example john.doe-archive xjohn.doe john_doe"));
    }

    @Test
    void masksShortLocalPartsAloneOnlyWhereTheyNameAMailbox() {
        assertEquals("550 <b***>: unknown; user=b***, RCPT: a***1, \"b***\", 'b***', ?rcpt=A***1&id=7",
                log.text("550 <bo>: unknown; user=bo, RCPT: al, \"bo\", 'bo', ?rcpt=Al&id=7"));
        assertEquals("mailbox=i***", log.text("mailbox=info"));
        // in running text they are words: "bo", "al" and "info" stay, as does a key that names no mailbox
        assertEquals("bo al info bob (bo) status: al lang=al", log.text("bo al info bob (bo) status: al lang=al"));
    }

    @Test
    void aLocalPartOfLettersOnlyIsMaskedAloneOnlyWhereItNamesAMailbox() {
        // full@ and support@ were recipients: the sample report read "Read the f*** text" and "Salesforce s***"
        Redactor words = Redactor.of(List.of("full@northwind.example", "support@contoso.example"), List.of(), List.of());
        assertEquals("Read the full text; open a Salesforce support case.",
                words.text("Read the full text; open a Salesforce support case."));
        assertEquals("550 <f***>: over quota; user=s***, RCPT: S***, f***@northwind.example",
                words.text("550 <full>: over quota; user=support, RCPT: Support, full@northwind.example"));
    }

    /** The audit's log: local parts of letters only, and of other characters. */
    private final Redactor audit = Redactor.of(List.of("Jsmith@corp.example", "sven@corp.example",
            "anna@corp.example", "john.smith@corp.example", "karl_lund@corp.example", "peter.k@corp.example",
            "bo.ek@corp.example", "full@corp.example", "support@corp.example", "bo@corp.example"), List.of(),
            List.of());

    @Test
    void masksALocalPartOfLettersOnlyRightAfterAWordThatSaysItNamesAMailbox() {
        // the audit: these stood readable in every format
        assertEquals("550 5.1.1 RCPT TO:<J***2@CORP.EXAMPLE> user unknown; mailbox j***2 does not exist",
                audit.text("550 5.1.1 RCPT TO:<JSMITH@CORP.EXAMPLE> user unknown; mailbox jsmith does not exist"));
        assertEquals("550 5.1.1 <s***2@corp.example>... No such user (s***2)",
                audit.text("550 5.1.1 <sven@corp.example>... No such user (sven)"));
        assertEquals("550 5.1.1 The email account a*** does not exist",
                audit.text("550 5.1.1 The email account anna does not exist"));
        // every mailbox word, in any letter case, alone or in parentheses; quotes and angle brackets as before
        assertEquals("MAILBOX J***2 Recipient s***2 rcpt a*** address (S***2) for a*** to b***1 from s***2",
                audit.text("MAILBOX Jsmith Recipient sven rcpt anna address (Sven) for anna to bo from sven"));
        assertEquals("over quota for a***, user \"s***2\", mailbox <j***2>, Users: a***, user=s***2",
                audit.text("over quota for anna, user \"sven\", mailbox <jsmith>, Users: anna, user=sven"));
    }

    @Test
    void keepsOrdinaryWordsThatAreAlsoLocalPartsOfLettersOnly() {
        // after a plain mailbox word a word of replies is the reply going on, not the recipient full@ or support@
        assertEquals("452 4.2.2 mailbox full; user unknown; for support, see our help page",
                audit.text("452 4.2.2 mailbox full; user unknown; for support, see our help page"));
        assertEquals("Read the full text; open a Salesforce support case.",
                audit.text("Read the full text; open a Salesforce support case."));
        // a name of letters only away from a mailbox word cannot be told from a word: it stays
        assertEquals("sven anna jsmith (sven) bob (bo) status: anna, mailbox, anna",
                audit.text("sven anna jsmith (sven) bob (bo) status: anna, mailbox, anna"));
        // in parentheses after a mailbox word even a word of replies names it
        assertEquals("mailbox (f***)", audit.text("mailbox (full)"));
    }

    @Test
    void masksALocalPartThatIsNoWordWhereverItStandsAsAWholeToken() {
        assertEquals("Dear j***1, k***'s mailbox (p***) moved; User unknown: b***2. J***1?",
                audit.text("Dear john.smith, karl_lund's mailbox (peter.k) moved; User unknown: bo.ek. JOHN.SMITH?"));
        // a piece of a longer name stays
        assertEquals("mx.john.smith.example karl_lund2 peter.kk", audit.text("mx.john.smith.example karl_lund2 peter.kk"));
    }

    @Test
    void aMailboxNamedLikeAWordOfTheReportsAdviceLeavesThatWord() {
        // a Swedish report says "e-post" (e-mail) alone: a company's e-post@ mailbox must not mask the word
        Redactor swedish = Redactor.of(List.of("e-post@kund.example", "e-mail@customer.example"), List.of(), List.of());
        assertEquals("Mottagaren tar inte emot e-post. Send no e-mail.",
                swedish.text("Mottagaren tar inte emot e-post. Send no e-mail."));
        assertEquals("e***2@kund.example", swedish.text("e-post@kund.example"));
    }

    @Test
    void masksAPersonsNameRightBesideAMaskedMailbox() {
        assertEquals("550 5.1.1 The email account a*** (A***) does not exist",
                audit.text("550 5.1.1 The email account anna (Anna Berg) does not exist"));
        assertEquals("<a***@corp.example> (A***), j***1@corp.example \"J***\", \"K***\" <k***@corp.example>",
                audit.text("<anna@corp.example> (Anna Berg), john.smith@corp.example \"John Smith\", "
                        + "\"Karl Lund\" <karl_lund@corp.example>"));
        assertEquals("user s***2 (S***) and s***@x.example (B***) and user=a*** (L***)",
                audit.text("user sven (Sven) and someone@x.example (Berg, Anna) and user=anna (Ludwig van Berg)"));
    }

    @Test
    void keepsAReplysReasonBesideAMaskedMailboxAndNamesAwayFromOne() {
        assertEquals("<a***@corp.example> (Mailbox does not exist), s***2@corp.example (Not Verified); "
                        + "j***1@corp.example (User Unknown) (Anna Berg)",
                audit.text("<anna@corp.example> (Mailbox does not exist), sven@corp.example (Not Verified); "
                        + "john.smith@corp.example (User Unknown) (Anna Berg)"));
        // the mailbox's sentence has ended, the phrase is not beside it; nor is it beside a word that is no mailbox
        assertEquals("user a***: (Anna Berg); ask \"Anna Berg\" (Anna Berg) at 2 (Office 365)",
                audit.text("user anna: (Anna Berg); ask \"Anna Berg\" (Anna Berg) at 2 (Office 365)"));
        assertEquals("s***2@corp.example (5.1.1 unknown) \"see below\" <j***1@corp.example>",
                audit.text("sven@corp.example (5.1.1 unknown) \"see below\" <john.smith@corp.example>"));
    }

    @Test
    void masksTheDisplayNamesTheLogGives() {
        Redactor named = Redactor.of(List.of("Mary Jones <mary.jones@acme.example>", "Support <help@acme.example>",
                "\"Berg, Anna\" <anna.b@corp.example>"), List.of(), List.of());
        // the whole field was taken for a local part: "M***@acme.example>"
        assertEquals("M*** <m***@acme.example>", named.address("Mary Jones <mary.jones@acme.example>"));
        assertEquals("B*** <a***@corp.example>", named.address("\"Berg, Anna\" <anna.b@corp.example>"));
        assertEquals("M*** <m***@acme.example>", named.text("Mary Jones <mary.jones@acme.example>"));
        assertEquals("Sent by M***, for \"B***\" <a***@corp.example>; mary jonesson",
                named.text("Sent by MARY  JONES, for \"Berg, Anna\" <anna.b@corp.example>; mary jonesson"));
        // a name of one word may be a word: masked only where the log has it, before the angle bracket
        assertEquals("S*** <h***@acme.example>; open a Salesforce Support case",
                named.text("Support <help@acme.example>; open a Salesforce Support case"));
    }

    @Test
    void noneChangesNothing() {
        assertEquals("john.doe@contoso.example", Redactor.none().text("john.doe@contoso.example"));
        assertEquals("john.doe@contoso.example", Redactor.none().address("john.doe@contoso.example"));
    }

    @Test
    void ourOwnTextsLoseOnlyWhatHasTheFormOfAnAddress() {
        Redactor r = Redactor.of(List.of("who@yahoo.example", "Mary Jones <mary@acme.example>"), List.of(), List.of());
        assertEquals("send only to recipients who asked; Mary Jones, write to p***@acme.example",
                r.ourText("send only to recipients who asked; Mary Jones, write to postmaster@acme.example"));
        assertEquals("recipients w*** asked", r.text("recipients who asked"), "in a reply, the same words are masked");
        assertEquals("as written", Redactor.none().ourText("as written"));
    }

    @Test
    void keepsTheFormOfSalesforcesBounceEnvelopeAndMasksTheSendersMailboxAndId() {
        // Bounce Management's envelope sender, name=domain__id@x.bnc.salesforce.com (KB 000250391): the sender's
        // mailbox masked as the sender's own address is (jane and john.doe begin alike: numbered in that order), its
        // domain and Salesforce's bounce domain kept, the ID masked
        Redactor bounce = Redactor.of(List.of("john.doe=acme.example__0a1b@x1y2.bnc.salesforce.com",
                "john.doe@acme.example", "jane@contoso.example", "no-reply=acme.example@1a2b3c.bnc.salesforce.com"),
                List.of(), List.of());
        assertEquals("j***2=acme.example__***@x1y2.bnc.salesforce.com",
                bounce.address("john.doe=acme.example__0a1b@x1y2.bnc.salesforce.com"));
        assertEquals("j***2@acme.example", bounce.address("john.doe@acme.example"));
        assertEquals("j***1@contoso.example", bounce.address("jane@contoso.example"));
        // a log may give the envelope without Salesforce's ID
        assertEquals("n***=acme.example@1a2b3c.bnc.salesforce.com",
                bounce.address("no-reply=acme.example@1a2b3c.bnc.salesforce.com"));
        // the same in a reply, found as an address of the log or by its form, and in any letter case
        assertEquals("550 5.7.1 <j***2=acme.example__***@x1y2.bnc.salesforce.com>: sender rejected",
                bounce.text("550 5.7.1 <john.doe=acme.example__0a1b@x1y2.bnc.salesforce.com>: sender rejected"));
        assertEquals("from <J***2=Acme.Example__***@X1Y2.BNC.SALESFORCE.COM.>",
                bounce.text("from <John.Doe=Acme.Example__0a1b@X1Y2.BNC.SALESFORCE.COM.>"));
        assertEquals("MAIL FROM:<m***=fabrikam.example__***@z.bnc.salesforce.com> rejected",
                bounce.text("MAIL FROM:<mary=fabrikam.example__9z8y@z.bnc.salesforce.com> rejected"));
        // masking again changes nothing
        assertEquals("j***2=acme.example__***@x1y2.bnc.salesforce.com",
                bounce.text("j***2=acme.example__***@x1y2.bnc.salesforce.com"));
        // the sender's mailbox an envelope holds is a mailbox of the log: masked where it stands as a whole name
        Redactor envelopeOnly = Redactor.of(List.of("mary.ann=fabrikam.example__9z8y@z.bnc.salesforce.com"),
                List.of(), List.of());
        assertEquals("no reply from m*** today", envelopeOnly.text("no reply from mary.ann today"));
    }

    @Test
    void masksWholeTheLocalPartOfAnyOtherAddressAtTheBounceDomainOrAnEnvelopeElsewhere() {
        // not of the envelope's form: nothing of its local part is shown
        assertEquals("b***@x1y2.bnc.salesforce.com", r.address("bounces-0a1b@x1y2.bnc.salesforce.com"));
        assertEquals("j***@x1y2.bnc.salesforce.com", r.address("john=doe=acme.example__1@x1y2.bnc.salesforce.com"));
        // the form at another domain is no envelope of Salesforce's, nor at a domain that only ends alike
        assertEquals("j***@lists.example", r.address("john.doe=acme.example__0a1b@lists.example"));
        assertEquals("j***@xbnc.salesforce.com", r.address("john.doe=acme.example__0a1b@xbnc.salesforce.com"));
        assertEquals("see j***@lists.example", r.text("see john.doe=acme.example__0a1b@lists.example"));
    }

    @Test
    void numbersTheSendersMailboxOnceHoweverManyIdsItsEnvelopesCarry() {
        // two envelopes of one sender (IDs differ) and the sender's own address: one mailbox, one mask, no number
        Redactor bounce = Redactor.of(List.of("sue=acme.example__0a1b@x.bnc.salesforce.com",
                "sue=acme.example__9z8y@x.bnc.salesforce.com", "sue@acme.example", "tom@contoso.example"),
                List.of(), List.of());
        assertEquals("s***=acme.example__***@x.bnc.salesforce.com",
                bounce.address("sue=acme.example__9z8y@x.bnc.salesforce.com"));
        assertEquals("s***@acme.example", bounce.address("sue@acme.example"));
        // numbered among the report's own addresses, a numbered text not among them parsed once however often given
        Redactor numbered = Redactor.of(List.of("sam@contoso.example", "sue=acme.example__0a1b@x.bnc.salesforce.com"),
                List.of(), List.of(), List.of("Sam <sam@contoso.example>", "Sam <sam@contoso.example>",
                        "sue=acme.example__0a1b@x.bnc.salesforce.com"));
        assertEquals("s***1@contoso.example", numbered.address("sam@contoso.example"));
        assertEquals("s***2=acme.example__***@x.bnc.salesforce.com",
                numbered.address("sue=acme.example__0a1b@x.bnc.salesforce.com"));
    }

    /**
     * The review: recipient {@code j doe@zeta.example} was masked j***2 while its reply's {@code <"j doe"@zeta.example>}
     * (the same mailbox as an RFC 5321 Quoted-string) was j***1: one mailbox, two masks. They are one mailbox now.
     */
    @Test
    void aQuotedLocalPartIsTheMailboxOfItsUnquotedForm() {
        ReportFixture f = new ReportFixture("/tmp/log.csv");
        f.message("<1@acme.example>", "j doe@zeta.example").received()
                .permanentFailure("mx.zeta.example", "192.0.2.1", "550 5.1.1 <\"j doe\"@zeta.example>: unknown")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "Unknown.", "Remove it.");
        f.message("<2@acme.example>", "jane@zeta.example").received()
                .permanentFailure("mx.zeta.example", "192.0.2.1", "550 5.1.1 unknown")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "Unknown.", "Remove it.");
        ReportModel m = new ReportBuilder(f.analysis(), ReportOptions.defaults()
                .withGeneratedAt(SampleReportData.GENERATED).withRedaction(true)).build();
        MessageEntry e = m.recipientDomains().getFirst().messages().stream()
                .filter(x -> x.messageIdHeader().startsWith("<1@")).findFirst().orElseThrow();
        String mask = e.recipient().substring(0, e.recipient().indexOf('@'));
        assertTrue(mask.matches("j\\*\\*\\*\\d"), e.recipient());
        String status = e.events().getLast().status();
        assertEquals("550 5.1.1 <" + mask + "@zeta.example>: unknown", status);
        assertFalse(status.contains("doe"), status);
        String other = m.recipientDomains().getFirst().messages().stream()
                .filter(x -> x.messageIdHeader().startsWith("<2@")).findFirst().orElseThrow().recipient();
        assertFalse(other.startsWith(mask + "@"), other + " / " + e.recipient());
        assertFalse(status.contains(other.substring(0, other.indexOf('@')) + "@"), status + " / " + other);
    }

    /**
     * The review: the recipient became j***1@contoso.example while another contoso mailbox that its reply quoted
     * showed as j***@contoso.example, so a reader could not tell whether they were one mailbox. A mailbox a reply of
     * the report's messages quotes is numbered with the report's own; one mailbox keeps one mask everywhere.
     */
    @Test
    void aMailboxAReplyQuotesIsNumberedWithTheReportsOwn() {
        ReportFixture f = new ReportFixture("/tmp/log.csv");
        String reply = "550 5.1.1 <john@contoso.example>: mail for it goes to <jane@contoso.example>, who is away";
        f.message("<1@acme.example>", "john@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", reply)
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "Unknown.", "Remove it.");
        ReportModel m = new ReportBuilder(f.analysis(), ReportOptions.defaults()
                .withGeneratedAt(SampleReportData.GENERATED).withRedaction(true)).build();
        MessageEntry e = m.recipientDomains().getFirst().messages().getFirst();
        String quoted = e.events().getLast().status();
        // numbered in the order of the local parts: jane, john
        assertEquals("j***2@contoso.example", e.recipient());
        assertEquals("550 5.1.1 <j***2@contoso.example>: mail for it goes to <j***1@contoso.example>, who is away",
                quoted);
        // a reply that quotes only the recipient numbers nothing: one mailbox, one mask
        ReportFixture alone = new ReportFixture("/tmp/log.csv");
        alone.message("<1@acme.example>", "john@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", "550 5.1.1 <john@contoso.example>: unknown")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "Unknown.", "Remove it.");
        MessageEntry one = new ReportBuilder(alone.analysis(), ReportOptions.defaults()
                .withGeneratedAt(SampleReportData.GENERATED).withRedaction(true)).build().recipientDomains()
                .getFirst().messages().getFirst();
        assertEquals("j***@contoso.example", one.recipient());
        assertEquals("550 5.1.1 <j***@contoso.example>: unknown", one.events().getLast().status());
    }
}
