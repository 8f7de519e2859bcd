package org.mailpath.report.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.databind.util.StdConverter;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.report.CauseRow;
import org.mailpath.engine.report.DomainRow;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.OwnSideSection;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.TitleBlock;
import org.mailpath.report.ReportRenderer;

/**
 * The report model as JSON (field names are the record components; times ISO-8601 UTC; absent values null).
 * The same content as the PDF, redacted the same way, for scripts and archives.
 */
public final class JsonReportRenderer implements ReportRenderer {

    // control and invisible characters of log fields and DNS answers escaped, never written as they are
    private static final ObjectMapper MAPPER = JsonMapper.builder(VisibleJsonEscapes.on(new JsonFactory()))
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .addMixIn(OwnSideSection.class, NoDerived.class)
            .addMixIn(Finding.class, NoTranslations.class)
            .addMixIn(ReportModel.class, LanguageTag.class)
            .addMixIn(TitleBlock.class, NoCopiesFlag.class)
            .addMixIn(DomainRow.class, NoCopiesFlag.class)
            .addMixIn(CauseRow.class, NoBasicFlag.class)
            .addMixIn(MessageEntry.class, NoStoppedBy.class)
            .build();

    /** Keeps convenience methods of the records out of the JSON. */
    @JsonIgnoreProperties({"empty"})
    private interface NoDerived {
    }

    /**
     * Whether the messages are the copies of one message decides the words of the other formats; the JSON has each
     * message's Message ID Header, and its fields stay as they were. So does whether the other formats withhold the
     * whole log's counts: the JSON keeps rows and messagesInFile, whose meaning scripts rely on. The Email Relay
     * (its hosts, the deliveries to it) decides the other formats' words; the JSON's messages keep their fields.
     */
    @JsonIgnoreProperties({"copiesOfOneMessage", "fileCountsWithheld", "relayHosts", "deliveriesViaRelay"})
    private interface NoCopiesFlag {
    }

    /**
     * A cause row's hedge is in its label already, who owns what stopped its messages decides only the intro's
     * words (its actor says who acts on the row), and a likely typo is said in its remediation's note, whether its
     * words are our side's only how the conclusion counts it; its fields stay as they were.
     */
    @JsonIgnoreProperties({"basicCodeOnly", "stoppedBy", "likelyTypo", "ourSideWords"})
    private interface NoBasicFlag {
    }

    /**
     * Who owns what stopped a message, and whether its reply was our Email Relay's, decide only its block's label (its
     * actor says who acts); fields as they were.
     */
    @JsonIgnoreProperties({"stoppedBy", "relayReply"})
    private interface NoStoppedBy {
    }

    /**
     * A finding's message and remediation are in the report's language already (the report builder puts them
     * there): the translations a finding carries for the app stay out of its JSON. Its mailTeamRemediation is what
     * the part for the recipient's mail team shows (empty in our own side's part). Its dnsNames are data for the
     * checks (never shown, not redacted): they stay out too.
     */
    @JsonIgnoreProperties({"messageText", "remediationText", "mailTeamRemediationText", "dnsNames"})
    private interface NoTranslations {
    }

    /**
     * The language the report's human texts are in, as a language tag ("en", "sv"): the last field, after those
     * that were there before it (field names and ids are the same in every language).
     */
    private interface LanguageTag {
        @JsonSerialize(converter = TagOf.class)
        Locale language();
    }

    private static final class TagOf extends StdConverter<Locale, String> {
        @Override
        public String convert(Locale language) {
            return language.toLanguageTag();
        }
    }

    @Override
    public void render(ReportModel model, OutputStream out) throws IOException {
        MAPPER.writeValue(out, model);
        out.flush();
    }

    /** The mapper, for tests that read a report back. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
