package org.mailpath.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.engine.smtp.TargetResult;
import org.mailpath.engine.smtp.TranscriptLine;

/** Writes a {@link ProbeReport} as text for people or as JSON for scripts. */
public final class ProbeOutput {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProbeOutput() {
    }

    /**
     * {@code {"targets": [{"domain","host","address","port","preference","transcript":[{time,direction,text}],
     * "capabilities":[…],"sizeLimit","tls":{protocol,cipherSuite,chain},"findings":[…]}], "findings": […]}}.
     */
    public static ObjectNode json(ProbeReport report) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode targets = root.putArray("targets");
        for (TargetResult r : report.targets()) {
            ObjectNode t = targets.addObject();
            t.put("domain", r.target().domain());
            t.put("host", r.target().host());
            t.put("address", r.target().addressText());
            t.put("port", r.target().port());
            r.target().preference().ifPresent(p -> t.put("preference", p));
            ArrayNode transcript = t.putArray("transcript");
            for (TranscriptLine line : r.transcript()) {
                transcript.addObject().put("time", line.time().toString())
                        .put("direction", line.direction().name().toLowerCase(java.util.Locale.ROOT))
                        .put("text", line.text());
            }
            ArrayNode caps = t.putArray("capabilities");
            r.capabilities().keywords().forEach(caps::add);
            r.capabilities().sizeLimit().ifPresent(n -> t.put("sizeLimit", n));
            r.tls().ifPresent(tls -> {
                ObjectNode node = t.putObject("tls");
                node.put("protocol", tls.protocol());
                node.put("cipherSuite", tls.cipherSuite());
                ArrayNode chain = node.putArray("chain");
                tls.chain().forEach(chain::add);
            });
            findings(t.putArray("findings"), r.findings());
        }
        findings(root.putArray("findings"), report.findings());
        return root;
    }

    public static String jsonText(ProbeReport report) {
        try {
            return JSON.writeValueAsString(json(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One JSON object per finding: code, severity, subject, message, evidence, remediation, actor. */
    public static void findings(ArrayNode into, List<Finding> findings) {
        for (Finding f : findings) {
            ObjectNode node = into.addObject();
            node.put("code", f.code());
            node.put("severity", f.severity().name());
            node.put("subject", f.subject());
            node.put("message", f.message());
            ArrayNode evidence = node.putArray("evidence");
            f.evidence().forEach(evidence::add);
            node.put("remediation", f.remediation());
            node.put("actor", f.actor().name());
        }
    }

    /** Per address: a heading, the transcript, then the findings with their remediation; the run's findings last. */
    public static void text(ProbeReport report, PrintWriter out) {
        for (TargetResult r : report.targets()) {
            out.println("== " + r.target().label()
                    + r.target().preference().stream().mapToObj(p -> " (MX preference " + p + ")").findFirst()
                            .orElse(""));
            for (TranscriptLine line : r.transcript()) {
                out.println("  " + line.time() + " " + line.direction().mark() + ": " + line.text());
            }
            printFindings(r.findings(), out);
            out.println();
        }
        if (!report.findings().isEmpty()) {
            out.println("== overall");
            printFindings(report.findings(), out);
        }
        if (report.targets().isEmpty() && report.findings().isEmpty()) {
            out.println("No mail server to probe.");
        }
    }

    private static void printFindings(List<Finding> findings, PrintWriter out) {
        for (Finding f : findings) {
            out.println("  " + f.severity() + " " + f.code() + ": " + f.message());
            if (!f.remediation().isBlank() && f.severity().compareTo(org.mailpath.engine.finding.Severity.INFO) < 0) {
                out.println("      fix (" + f.actor() + "): " + f.remediation());
            }
        }
    }
}
