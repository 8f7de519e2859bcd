package org.mailpath.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mailpath.engine.check.AnalysisDnsChecks;
import org.mailpath.engine.check.CheckNotMade;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.ChecksNotMade;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.check.NameServerResult;
import org.mailpath.engine.finding.Finding;
import org.mailpath.report.json.VisibleJsonEscapes;

/**
 * JSON form of findings and check reports (field names are part of the CLI contract: fields are only added, after
 * the others): a finding is {@code {code, severity, subject, message, evidence, remediation, actor}}.
 */
public final class FindingJson {

    /** Writes control and invisible characters of DNS answers and replies escaped ({@link VisibleJsonEscapes}). */
    public static final ObjectMapper MAPPER = new ObjectMapper(VisibleJsonEscapes.on(new JsonFactory()));

    private FindingJson() {
    }

    public static ObjectNode finding(Finding f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("code", f.code());
        n.put("severity", f.severity().name());
        n.put("subject", f.subject());
        n.put("message", f.message());
        ArrayNode evidence = n.putArray("evidence");
        f.evidence().forEach(evidence::add);
        n.put("remediation", f.remediation());
        n.put("actor", f.actor().name());
        return n;
    }

    public static ArrayNode findings(List<Finding> findings) {
        ArrayNode a = MAPPER.createArrayNode();
        findings.forEach(f -> a.add(finding(f)));
        return a;
    }

    public static ObjectNode nameServer(NameServerResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", r.name());
        n.put("address", r.address());
        ObjectNode tests = n.putObject("tests");
        r.tests().forEach(tests::put);
        n.put("verdict", r.verdict());
        return n;
    }

    /** {@code {domain, findings, nameServers, checksNotMade}} */
    public static ObjectNode domain(DomainCheckResult d) {
        ObjectNode n = domainFields(d);
        n.set("checksNotMade", checksNotMade(d));
        return n;
    }

    /** A domain's fields that came before {@code checksNotMade}, which was added after them (and after "role"). */
    private static ObjectNode domainFields(DomainCheckResult d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("domain", d.domain());
        n.set("findings", findings(d.findings()));
        ArrayNode servers = n.putArray("nameServers");
        d.nameServers().forEach(s -> servers.add(nameServer(s)));
        return n;
    }

    /**
     * {@code [{check, reasons}]}: the checks this computer's network kept from being made (ChecksNotMade.listed), by
     * their stable ids, each with the codes of the findings that say why; {@code "ALL"} when the domain could not be
     * checked as a whole. Always written, empty when every check was made, so that a script can tell "nothing found"
     * from "not checked" without knowing which findings are the network's.
     */
    static ArrayNode checksNotMade(DomainCheckResult d) {
        ArrayNode a = MAPPER.createArrayNode();
        for (CheckNotMade c : ChecksNotMade.listed(d)) {
            ObjectNode n = a.addObject();
            n.put("check", c.check());
            ArrayNode reasons = n.putArray("reasons");
            c.reasons().forEach(reasons::add);
        }
        return a;
    }

    /** {@code {"domains": [ … ]}} */
    public static ObjectNode report(CheckReport report) {
        ObjectNode n = MAPPER.createObjectNode();
        ArrayNode domains = n.putArray("domains");
        report.domains().forEach(d -> domains.add(domain(d)));
        return n;
    }

    /**
     * The DNS checks of {@code analyze --check-dns}: {@code {"domains": [{domain, findings: [ finding +
     * "chains": [{messageIdHeader, recipient, category}] ], nameServers, role, checksNotMade}]}}; a chain is listed
     * when its failure category is one the finding can cause ({@code FindingCauses}). {@code checksNotMade} is
     * {@code check}'s, written after {@code role}, which came before it.
     */
    public static ObjectNode analysisChecks(AnalysisDnsChecks.Result result) {
        ObjectNode n = MAPPER.createObjectNode();
        ArrayNode domains = n.putArray("domains");
        for (DomainCheckResult d : result.report().domains()) {
            ObjectNode domain = domainFields(d);
            domains.add(domain);
            domain.put("role", result.plan().roles().getOrDefault(d.domain(), AnalysisDnsChecks.Role.RECIPIENT)
                    .name());
            ArrayNode findings = domain.putArray("findings");
            result.findings().stream().filter(l -> l.domain().equals(d.domain())).forEach(l -> {
                ObjectNode f = finding(l.finding());
                ArrayNode chains = f.putArray("chains");
                l.chains().forEach(c -> chains.addObject().put("messageIdHeader", c.messageIdHeader())
                        .put("recipient", c.recipient()).put("category", c.category().name()));
                findings.add(f);
            });
            domain.set("checksNotMade", checksNotMade(d));
        }
        // the recipient domains past the cap: a script learns that "domains" is not the whole log, and which to check
        n.put("failingDomains", result.plan().failingRecipientDomains());
        ArrayNode leftOut = n.putArray("domainsLeftOut");
        result.plan().leftOut().forEach(leftOut::add);
        return n;
    }
}
