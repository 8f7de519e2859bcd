package org.mailpath.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.mtasts.PublishedPolicy;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.engine.smtp.ProbeTarget;
import org.mailpath.engine.smtp.TargetResult;
import org.mailpath.engine.smtp.TranscriptLine;

/** Writes a {@link ProbeReport} as text for people or as JSON for scripts. */
public final class ProbeOutput {


    private ProbeOutput() {
    }

    /**
     * A probed domain's MTA-STS policy and what it means for the servers as probed: the verdict of
     * {@link org.mailpath.engine.mtasts.StsTlsCrossCheck}, after the MTA-STS check's word on MX hosts the policy
     * does not list.
     */
    public record PolicyReview(PublishedPolicy policy, List<Finding> findings) {
        public PolicyReview {
            findings = List.copyOf(findings);
        }
    }

    /**
     * {@code {"targets": [{"domain","host","address","port","preference","source","transcript":[{time,direction,text}],
     * "capabilities":[…],"sizeLimit","tls":{protocol,cipherSuite,chain},"findings":[…]}], "findings": […],
     * "inputs": [{"input","findings":[…]}]}}, findings in the shared {@link FindingJson} shape. {@code "findings"} are
     * all that concern no one address, as they always were; {@code "inputs"} groups those of finding each input's
     * addresses under the input as given (a DNS failure, a name that does not exist), every input probed in order,
     * so that with several inputs a script can tell whose they are. {@code "source"} says how the address was found:
     * {@code "mxRecord"} (an MX host of {@code domain}), {@code "implicitMx"} (the domain itself, which has no MX
     * records) or {@code "named"} (a server the user named, {@code [HOST]} or an IP address, which may be no MX host).
     */
    public static ObjectNode json(ProbeReport report) {
        return targetsAndFindings(report);
    }

    /**
     * As {@link #json(ProbeReport)}, and {@code "mtaSts": [{"domain","mode","mx":[…],"maxAge","findings":[…]}]}: each
     * probed domain with an MTA-STS policy in mode enforce or testing.
     */
    public static ObjectNode json(ProbeReport report, List<PolicyReview> reviews) {
        ObjectNode root = targetsAndFindings(report);
        ArrayNode sts = root.putArray("mtaSts");
        for (PolicyReview review : reviews) {
            ObjectNode d = sts.addObject();
            d.put("domain", review.policy().domain());
            d.put("mode", review.policy().policy().mode());
            ArrayNode mx = d.putArray("mx");
            review.policy().policy().mx().forEach(mx::add);
            d.put("maxAge", review.policy().policy().maxAge());
            d.set("findings", FindingJson.findings(review.findings()));
        }
        return root;
    }

    private static ObjectNode targetsAndFindings(ProbeReport report) {
        ObjectNode root = FindingJson.MAPPER.createObjectNode();
        ArrayNode targets = root.putArray("targets");
        for (TargetResult r : report.targets()) {
            ObjectNode t = targets.addObject();
            t.put("domain", r.target().domain());
            t.put("host", r.target().host());
            t.put("address", r.target().addressText());
            t.put("port", r.target().port());
            r.target().preference().ifPresent(p -> t.put("preference", p));
            t.put("source", source(r.target()));
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
            t.set("findings", FindingJson.findings(r.findings()));
        }
        root.set("findings", FindingJson.findings(report.findings()));
        ArrayNode inputs = root.putArray("inputs");
        for (ProbeReport.ProbedInput input : report.inputs()) {
            inputs.addObject().put("input", input.input()).set("findings", FindingJson.findings(input.findings()));
        }
        return root;
    }

    public static String jsonText(ProbeReport report, List<PolicyReview> reviews) {
        try {
            return FindingJson.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(json(report, reviews));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Per address: a heading, the transcript, then the findings with their remediation; then each input whose
     * addresses could not all be found under its own name ({@code == [no-such-host]}), and the run's own findings
     * last ({@code == overall}).
     */
    public static void text(ProbeReport report, PrintWriter out) {
        text(report, List.of(), out);
    }

    /** As {@link #text(ProbeReport, PrintWriter)}, with each domain's MTA-STS verdict before the run's findings. */
    public static void text(ProbeReport report, List<PolicyReview> reviews, PrintWriter out) {
        for (TargetResult r : report.targets()) {
            out.println("== " + r.target().label() + " (" + howFound(r.target()) + ")");
            for (TranscriptLine line : r.transcript()) {
                out.println("  " + line.time() + " " + line.direction().mark() + ": " + line.text());
            }
            printFindings(r.findings(), out);
            out.println();
        }
        for (ProbeReport.ProbedInput input : report.inputs()) {
            if (!input.findings().isEmpty()) {
                out.println("== " + input.input());
                printFindings(input.findings(), out);
                out.println();
            }
        }
        for (PolicyReview review : reviews) {
            out.println("== MTA-STS policy of " + review.policy().domain() + " (mode " + review.policy().policy().mode()
                    + ", mx " + String.join(", ", review.policy().policy().mx()) + ")");
            printFindings(review.findings(), out);
            out.println();
        }
        List<Finding> overall = report.runFindings();
        if (!overall.isEmpty()) {
            out.println("== overall");
            printFindings(overall, out);
        }
        if (report.targets().isEmpty() && report.findings().isEmpty()) {
            out.println("No mail server to probe.");
        }
    }

    /** How the address was found, for the JSON's {@code "source"}. */
    private static String source(ProbeTarget target) {
        return switch (target.source()) {
            case MX_RECORD -> "mxRecord";
            case IMPLICIT_MX -> "implicitMx";
            case NAMED -> "named";
        };
    }

    /**
     * How the address was found, for a heading: an MX host of the domain, the domain itself (RFC 5321 §5.1: no MX
     * records), or a server the user named, which the findings do not take for an MX host.
     */
    private static String howFound(ProbeTarget target) {
        return switch (target.source()) {
            case MX_RECORD -> "MX of " + target.domain() + ", preference " + target.preference().getAsInt();
            case IMPLICIT_MX -> target.domain() + " has no MX records: its own address";
            case NAMED -> "named directly, not found through MX records";
        };
    }

    private static void printFindings(List<Finding> findings, PrintWriter out) {
        for (Finding f : findings) {
            out.println("  " + CheckReportText.label(f) + " " + f.code() + ": " + f.message());
            if (!f.remediation().isBlank() && f.severity().compareTo(org.mailpath.engine.finding.Severity.INFO) < 0) {
                out.println("      What to do (" + ActorWords.inLine(f.actor()) + "): " + f.remediation());
            }
        }
    }
}
