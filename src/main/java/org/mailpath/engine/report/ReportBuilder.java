package org.mailpath.engine.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.analysis.AnalysedFile;
import org.mailpath.engine.analysis.DomainSummary;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.ReadCaveats;
import org.mailpath.engine.analysis.UnsharedIdGuess;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.check.NameServerResult;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Languages;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.common.StringPool;
import org.mailpath.engine.dns.DnsNames;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.log.MissingTlsColumn;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;

/**
 * Builds a {@link ReportModel} from an analysis, the check results and the report options: filters the messages,
 * groups them per recipient domain, places every finding with the team that must act on it, reads the raw rows
 * back for the appendix and applies redaction to every string that ends up in the model. It goes through the log's
 * chains and coordinates the parts, each a class of its own: which messages are listed ({@link MessageListing}),
 * their words and entries ({@link MessageWording}, {@link MessageEntries}), the summary and its causes table
 * ({@link SummaryWriter}) and the appendix ({@link AppendixRows}).
 */
public final class ReportBuilder {

    /** A DNS record in zone-file form inside a remediation text (name, optional TTL and class, type, data). */
    private static final Pattern RECORD = Pattern.compile(
            "([A-Za-z0-9_][A-Za-z0-9_.-]*\\.[A-Za-z0-9_.-]*)\\s+(?:\\d+\\s+)?(?:IN\\s+)?(CNAME)\\s+([A-Za-z0-9_.-]+)");

    private final LogAnalysis analysis;
    private final ReportOptions options;
    private final ReportTexts texts;
    /** The language the report is written in: the one asked for where MailPath has it, else English. */
    private final Locale language;
    private CheckReport checks = CheckReport.empty();
    /** What {@link #checks} found of the domains no mail can reach, and which domains they checked. */
    private DomainFacts domainFacts = DomainFacts.none();
    private final Map<String, List<Finding>> extraByDomain = new LinkedHashMap<>();
    private final List<Finding> extra = new ArrayList<>();
    /** The hosts an SMTP probe reached as a recipient domain's servers: host → the domains ({@link #probedHosts}). */
    private final Map<String, Set<String>> probedFor = new HashMap<>();
    /** What a redacted report puts in place of this computer's network's names ({@link #build}, {@link #forReport}). */
    private OurNetworkNames network = OurNetworkNames.none();
    /** Per file analysed, in the analysis's order; a file without one has no rows to quote. */
    private List<RawRowSource> rawRows = List.of();
    /** How many messages are listed with their events and raw rows at most; 0: every one ({@link MessageListing}). */
    private int listLimit;

    public ReportBuilder(LogAnalysis analysis, ReportOptions options) {
        this.analysis = analysis;
        this.options = options;
        this.texts = ReportTexts.of(options.language());
        this.language = texts.language();
    }

    /** DNS and authentication check results; domains that receive our mail go to their section, others to ours. */
    public ReportBuilder checks(CheckReport report) {
        this.checks = report;
        this.domainFacts = DomainFacts.of(report);
        return this;
    }

    /** Further findings (e.g. an SMTP probe) known to concern one domain. */
    public ReportBuilder extraFindings(String domain, List<Finding> findings) {
        extraByDomain.computeIfAbsent(IdnaNames.lookupName(domain), d -> new ArrayList<>()).addAll(findings);
        return this;
    }

    /** Further findings placed by their subject (a recipient domain or a host below it), else under our side. */
    public ReportBuilder extraFindings(List<Finding> findings) {
        extra.addAll(findings);
        return this;
    }

    /**
     * The hosts an SMTP probe reached as the servers of recipient domain {@code domain} (its MX hosts, or the domain
     * itself), whatever domain their names lie under: in a report limited to some domains, a finding of the run
     * about such a host is one of that domain's ({@link ReportScope}). mx.hosting.net, a.example's MX host, was left
     * out of a report for a.example's mail team as a host of no domain of the report.
     */
    public ReportBuilder probedHosts(String domain, Collection<String> hosts) {
        // as given: ReportScope spells hosts and domains as lookups do
        hosts.forEach(h -> probedFor.computeIfAbsent(h, k -> new HashSet<>()).add(domain));
        return this;
    }

    /** Where the raw rows for the appendix are read from (a single log). */
    public ReportBuilder rawRows(RawRowSource source) {
        return rawRows(List.of(source));
    }

    /** Where the raw rows for the appendix are read from: one source per file analysed, in the analysis's order. */
    public ReportBuilder rawRows(List<RawRowSource> perFile) {
        this.rawRows = List.copyOf(perFile);
        return this;
    }

    /**
     * Lists at most {@code messages} messages with their events and raw rows (0, the default: every one): one of each
     * outcome, cause and recipient domain first, then the most important, bounced, then deferred, delivered and only
     * received, each the earliest first ({@link MessageListing}); a domain's section orders them so. The summary, the
     * causes and every domain's counts and findings still cover every message of the report, whose title says how
     * many it has; its wording says how many are listed and how they were chosen ({@code intro.mailTeam.notListed}).
     * Each message listed costs a page or so and its share of memory: the whole of a big
     * log (120,000 messages, 40,000 pages and gigabytes of memory) is no report a mail team reads.
     */
    public ReportBuilder listLimit(int messages) {
        if (messages < 0) {
            throw new IllegalArgumentException("a list limit is 0 (none) or more: " + messages);
        }
        this.listLimit = messages;
        return this;
    }

    /** The report, built to its end, with nobody told how far it got (tests, benchmarks). */
    public ReportModel build() {
        return build(ProgressListener.NONE, Cancellation.none());
    }

    /**
     * As {@link #build(ProgressListener, Cancellation)}, with nobody told how far it got: the command line's build,
     * which its run's Ctrl-C or SIGTERM cancels.
     * @throws CancelledException when cancelled before the report was built
     */
    public ReportModel build(Cancellation cancellation) {
        return build(ProgressListener.NONE, cancellation);
    }

    /**
     * The report, unless {@code cancellation} is cancelled first: the app's preview of a large log takes many seconds
     * of work, which a changed choice or Cancel made useless. The build looks at the signal for each chain it makes
     * (every pass over the log's messages makes them), each raw row it quotes, and while it reads a log again for
     * them; a cancelled build ends there and gives no report, not part of one. {@code progress} hears, on the
     * building thread, how far the build got over its passes, in thousandths of the whole at coarse steps, never
     * backwards, and the whole once the report is built ({@link BuildProgress}): on a large log the app's step
     * showed only that something was under way.
     * @throws CancelledException when cancelled before the report was built
     */
    public ReportModel build(ProgressListener progress, Cancellation cancellation) {
        // The analysis keeps its chains compact and makes a MessageChain each time one is asked for (ChainList); a
        // chain keeps the events it was asked for. Holding every included chain while its events were worded held
        // every event of the log, with its texts, at once (a 120,000-message log ran out of 128 MB here): the
        // chains are asked for again where needed, by their place in the analysis, and only the listed messages'
        // entries are kept.
        // One pass makes each chain once for what every chain of the log, or every included one, gives the report:
        // its rank, the names redaction masks, every recipient domain, and whether a delivery may be a hand-off.
        BuildProgress told = new BuildProgress(progress);
        List<MessageChain> all = new CancellableChains(analysis.chains(), cancellation, told);
        Predicate<MessageChain> inclusion = inclusion();
        List<RankedChain> ranked = new ArrayList<>();
        Optional<RedactedNames> redacted = options.redact() ? Optional.of(new RedactedNames()) : Optional.empty();
        Set<String> allRecipientDomains = new HashSet<>();
        Optional<HandoffCount> handoffs = withoutTlsColumn() ? Optional.of(new HandoffCount()) : Optional.empty();
        // how many distinct messages the included ones are: one makes them the copies of one message, several are
        // counted in the conclusion ("5 copies of 3")
        DistinctMessages distinct = new DistinctMessages();
        // whether a Message ID asked for is an included message's Internal Message ID, not its Message ID Header
        Set<String> asked = new HashSet<>();
        options.messageIds().forEach(id -> asked.add(ReportOptions.messageIdKey(id)));
        boolean askedByInternalId = false;
        LogEvidence.Gatherer gatherer = new LogEvidence.Gatherer();
        OurDomains ours = new OurDomains();
        // the included deliveries handed to our Email Relay, not to the recipient's servers (relay mode only)
        long deliveriesViaRelay = 0;
        told.begin(BuildProgress.Pass.CHAINS, all.size());
        for (int i = 0; i < all.size(); i++) {
            MessageChain c = all.get(i);
            gatherer.add(c);
            boolean in = inclusion.test(c);
            redacted.ifPresent(n -> n.add(c, in));
            ours.add(c, in);
            allRecipientDomains.add(IdnaNames.lookupName(c.recipientDomain()));
            if (in) {
                ranked.add(new RankedChain(i, c.verdict(), c.firstSeen().orElse(Instant.MIN), c.recipient(),
                        c.recipientDomain(), c.category().map(Category::name).orElse(""),
                        c.diagnosis().map(Diagnosis::ruleId).orElse(""), c.deliveredAfterRetry(), c.stale(),
                        c.staleReceived()));
                handoffs.ifPresent(h -> h.add(c));
                if (c.verdict() == Verdict.DELIVERED && analysis.viaRelay(c)) {
                    deliveriesViaRelay++;
                }
                askedByInternalId |= !asked.isEmpty() && asked.contains(ReportOptions.messageIdKey(c.internalMessageId()));
                distinct.add(c);
            }
        }
        // what the log's other messages tell of a failed one: a lookup failure that came and went, a domain one
        // typing slip from one delivered to; a second pass, only for a log with Salesforce's Domain Lookup Failed:
        // when its domain's servers answered
        told.begin(BuildProgress.Pass.EVIDENCE, all.size());
        LogEvidence evidence = gatherer.evidence(all);
        // a domain found not to exist that the log shows reached existed then: not misspelt (DomainFacts#withLog)
        told.begin(BuildProgress.Pass.DOMAIN_FACTS, all.size());
        DomainFacts facts = domainFacts.withLog(all);
        told.begin(BuildProgress.Pass.LISTING, 0);
        MessageWording wording = new MessageWording(analysis, texts, facts, evidence);
        MessageEntries entries = new MessageEntries(analysis, texts, wording);
        Redactor redactor = redacted.map(n -> n.redactor(texts)).orElseGet(Redactor::none);
        // gathering every address of a large log for redaction is a step of its own
        cancellation.throwIfCancelled();
        // each listed event of logs analysed together names its file: named once here, not for every event
        List<String> fileNames = ReportFileNames.fileNames(analysis, redactor);
        BitSet listed = MessageListing.listed(ranked, listLimit);

        Map<String, List<RankedChain>> byDomain = new TreeMap<>();
        ranked.forEach(k -> byDomain.computeIfAbsent(k.recipientDomain(), d -> new ArrayList<>()).add(k));
        Map<String, DomainCheckResult> checkByDomain = new LinkedHashMap<>();
        checks.domains().forEach(r -> checkByDomain.put(IdnaNames.lookupName(r.domain()), r));
        Map<String, List<Finding>> extraPlaced = placeExtraFindings(byDomain.keySet(),
                new ReportScope(byDomain.keySet(), allRecipientDomains, probedFor));
        this.network = redactor.active() ? ourNetwork(allRecipientDomains) : OurNetworkNames.none();

        // a report whose messages all go to one recipient domain is what our admin sends that domain's mail team:
        // its title names the domain, its note greets that team and its sections speak to them ("your servers"), so
        // its conclusion, causes and advice must too, however it was asked for (--domain D, Message ID Headers, or
        // the whole of a log with mail to that one domain). Told our admin's way, such a report said "nothing is
        // needed from your mail team" beside a finding it made theirs, and "the recipient's servers" under "Hello"
        boolean toMailTeam = byDomain.size() == 1;
        List<RecipientDomainSection> sections = new ArrayList<>();
        Set<String> checkedShown = new HashSet<>();
        // whose a resolver's failure was, which only the run knew, by the domain as the report shows it
        Map<String, Set<CheckKind>> checksNotMade = new HashMap<>();
        long joinedByGuess = 0;
        long maybeCountedTwice = 0;
        // the entries' texts repeat (hosts, stages, ciphers, replies, the knowledge base's words): made anew for
        // each of a large log's messages, equal ones took most of the model's heap apart from the raw rows
        StringPool shared = new StringPool(1 << 14);
        told.begin(BuildProgress.Pass.SECTIONS, ranked.size());
        for (Map.Entry<String, List<RankedChain>> e : byDomain.entrySet()) {
            String domain = e.getKey();
            List<RankedChain> chains = new ArrayList<>(e.getValue());
            chains.sort(RankedChain.IMPORTANCE);
            List<MessageEntry> messages = new ArrayList<>(Math.min(chains.size(), listed.cardinality()));
            OneMessageId domainIds = new OneMessageId();
            DomainFacts.Actors factActors = facts.actors(domain, toMailTeam);
            for (RankedChain k : chains) {
                MessageChain c = all.get(k.index());
                domainIds.add(c);
                factActors.add(c);
                // every message of the report counts, listed or not: the guess alone, without wording an entry
                Optional<UnsharedIdGuess> guess = analysis.unsharedIdGuess(c);
                joinedByGuess += guess.filter(g -> g == UnsharedIdGuess.JOINED).isPresent() ? 1 : 0;
                maybeCountedTwice += guess.filter(g -> g == UnsharedIdGuess.LEFT_APART).isPresent() ? 1 : 0;
                // only a listed message has an entry; the causes table words every failed one itself
                // (MessageWording#words)
                if (listed.get(k.index())) {
                    messages.add(entries.entry(c, redactor, toMailTeam, shared, fileNames));
                }
            }
            Optional<DomainCheckResult> check =
                    Optional.ofNullable(checkByDomain.get(IdnaNames.lookupName(domain)));
            List<Finding> findings = new ArrayList<>(check.map(DomainCheckResult::findings).orElse(List.of()));
            findings.addAll(extraPlaced.getOrDefault(domain, List.of()));
            List<NameServerResult> ns = check.map(DomainCheckResult::nameServers).orElse(List.of());
            String shown = wording.shownDomain(domain, redactor);
            if (check.isPresent()) {
                checkedShown.add(shown);
                checksNotMade.put(shown, check.get().checksNotMade());
            }
            List<Finding> allFindings = forReport(findings.stream()
                    .map(f -> DomainFacts.withFactActor(f, domain, factActors)).toList(), redactor,
                    Optional.of(domain));
            sections.add(new RecipientDomainSection(shown,
                    domainRow(shown, chains, domainIds.copies(chains.size())), messages,
                    allFindings.stream().filter(f -> !ReportFindings.notChecked(f)).toList(), ns,
                    allFindings.stream().filter(ReportFindings::notChecked).map(this::notCheckedForMailTeam)
                            .toList()));
        }
        sections.sort(Comparator.comparingLong((RecipientDomainSection s) -> -(s.counts().bounced()
                + s.counts().deferred())).thenComparingLong(s -> -s.counts().messages())
                .thenComparing(RecipientDomainSection::domain));

        OwnSideSection own = ownSide(checkByDomain, allRecipientDomains, ours, extraPlaced, redactor);

        // the causes table makes the failed ones again
        Map<Verdict, Long> verdicts = RankedChain.countVerdicts(ranked);
        told.begin(BuildProgress.Pass.CAUSES, verdicts.get(Verdict.BOUNCED) + verdicts.get(Verdict.DEFERRED));
        Summary summary = new SummaryWriter(texts, wording).summary(all, ranked, verdicts, sections, redactor,
                toMailTeam);
        long distinctMessages = distinct.count();
        TitleBlock title = title(ranked, joinedByGuess, maybeCountedTwice, handoffs.map(HandoffCount::count).orElse(0L),
                askedByInternalId, ranked.size() > 1 && distinctMessages == 1, redactor, fileNames,
                deliveriesViaRelay);
        // our own domains' checks, by the domain as their part shows it (ownSide)
        checkByDomain.forEach((key, result) -> {
            if (ours.shownAsOurs(key, allRecipientDomains)) {
                checksNotMade.put(redactor.text(result.domain()), result.checksNotMade());
            }
        });
        String conclusion = new ConclusionWriter(texts, toMailTeam).write(summary, sections, own, title,
                outsideChecks(sections, checkedShown), checksNotMade, distinctMessages, distinct.sentToSeveral());
        told.begin(BuildProgress.Pass.APPENDIX, listed.cardinality());
        ReportModel model = new ReportModel(title, conclusion, summary, sections, own,
                new AppendixRows(analysis, texts, rawRows).appendix(
                        new ChainsAt(all, ranked.stream().filter(k -> listed.get(k.index())).toList()), redactor,
                        fileNames, cancellation),
                language, toMailTeam);
        told.done();
        return model;
    }

    /**
     * The sections' domains with failed messages that a run of the DNS checks left out (none when no checks ran: the
     * report then makes no claim about DNS at all), in the sections' order.
     */
    private List<String> outsideChecks(List<RecipientDomainSection> sections, Set<String> checkedShown) {
        if (checks.domains().isEmpty()) {
            return List.of();
        }
        return sections.stream().filter(s -> s.counts().bounced() + s.counts().deferred() > 0)
                .map(RecipientDomainSection::domain).filter(d -> !checkedShown.contains(d)).toList();
    }

    private Predicate<MessageChain> inclusion() {
        Set<String> domains = new HashSet<>();
        options.domains().forEach(d -> domains.add(IdnaNames.lookupName(d)));
        Set<String> ids = new HashSet<>();
        options.messageIds().forEach(id -> ids.add(ReportOptions.messageIdKey(id)));
        Optional<Set<MessageKey>> chosen = options.messages();
        return c -> (domains.isEmpty() || domains.contains(IdnaNames.lookupName(c.recipientDomain())))
                && (ids.isEmpty() || ids.contains(ReportOptions.messageIdKey(c.messageIdHeader()))
                || ids.contains(ReportOptions.messageIdKey(c.internalMessageId())))
                && (chosen.isEmpty() || chosen.get().contains(MessageKey.of(c)));
    }

    private static DomainRow domainRow(String domain, List<RankedChain> chains, boolean copiesOfOneMessage) {
        Map<Verdict, Long> v = RankedChain.countVerdicts(chains);
        return new DomainRow(domain, chains.size(), v.get(Verdict.DELIVERED), v.get(Verdict.BOUNCED),
                v.get(Verdict.DEFERRED), v.get(Verdict.RECEIVED_ONLY), copiesOfOneMessage);
    }

    /**
     * The extra findings by the included recipient domain they are about; those of no included domain under their
     * own (our side's) key or, without one, under "". In a report limited to some domains ({@link ReportScope}) the
     * findings of another recipient domain of the log are left out, and those of no domain keep only what they say
     * of the included ones: an SMTP probe's lookup failure of fabrikam.example stood under our side's "Other findings"
     * of a report for contoso.example's mail team, and its conclusion named fabrikam.example.
     */
    private Map<String, List<Finding>> placeExtraFindings(Set<String> recipientDomains, ReportScope scope) {
        Map<String, List<Finding>> placed = new HashMap<>();
        extraByDomain.forEach((d, f) -> {
            Optional<String> included = matchDomain(d, recipientDomains);
            if (included.isPresent() || !scope.excluded(d)) {
                placed.computeIfAbsent(included.orElse(d), k -> new ArrayList<>()).addAll(f);
            }
        });
        for (Finding f : extra) {
            // a subject that lists several hosts (the run's port 25 finding) is no one domain's
            Optional<String> included = ReportScope.oneName(f.subject())
                    .flatMap(n -> matchDomain(n, recipientDomains));
            if (included.isPresent()) {
                placed.computeIfAbsent(included.get(), k -> new ArrayList<>()).add(f);
            } else {
                scope.unplaced(f).ifPresent(shown -> placed.computeIfAbsent("", k -> new ArrayList<>()).add(shown));
            }
        }
        return placed;
    }

    /** The recipient domain a name is, or lies below (mx1.contoso.example → contoso.example). */
    private static Optional<String> matchDomain(String name, Set<String> recipientDomains) {
        String n = IdnaNames.lookupName(name);
        for (String d : recipientDomains) {
            String nd = IdnaNames.lookupName(d);
            if (!nd.isEmpty() && (n.equals(nd) || n.endsWith("." + nd))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private OwnSideSection ownSide(Map<String, DomainCheckResult> checkByDomain, Set<String> recipientDomains,
                                   OurDomains ours, Map<String, List<Finding>> extraPlaced, Redactor r) {
        Map<String, List<Finding>> own = new LinkedHashMap<>();
        checkByDomain.forEach((key, result) -> {
            if (ours.shownAsOurs(key, recipientDomains)) {
                own.computeIfAbsent(result.domain(), k -> new ArrayList<>()).addAll(result.findings());
            }
        });
        // Extra findings that matched no included recipient domain are keyed by their normalized domain.
        extraPlaced.forEach((domain, findings) -> {
            if (!domain.isEmpty() && !recipientDomains.contains(IdnaNames.lookupName(domain))) {
                own.computeIfAbsent(domain, k -> new ArrayList<>()).addAll(findings);
            }
        });
        List<DomainFindings> domains = new ArrayList<>();
        own.forEach((domain, findings) -> {
            List<Finding> s = forReport(findings, r, Optional.empty());
            domains.add(new DomainFindings(r.text(domain), s, recordsToPublish(s)));
        });
        return new OwnSideSection(domains, forReport(extraPlaced.getOrDefault("", List.of()), r, Optional.empty()));
    }

    /**
     * Our network's names in the findings ({@link OurNetworkNames}): the resolver is learnt from our own domains'
     * checks (the recipient domains' may query their name servers directly) and from the checks it failed.
     */
    private OurNetworkNames ourNetwork(Set<String> recipientDomains) {
        List<Finding> own = checks.domains().stream()
                .filter(d -> !recipientDomains.contains(IdnaNames.lookupName(d.domain())))
                .flatMap(d -> d.findings().stream()).toList();
        List<Finding> every = new ArrayList<>(checks.findings());
        every.addAll(extra);
        extraByDomain.values().forEach(every::addAll);
        return OurNetworkNames.of(own, every, texts);
    }

    /**
     * A check this computer's network kept from being made, as the recipient domain's mail team reads it: that it
     * says nothing about their domain, without our admin's account of it. Its evidence is our own resolver's or
     * proxy's failures (with our network's addresses) and its message sends the reader to that evidence, so neither
     * goes into pages that are forwarded on their own; the admin has both in the app and in {@code check}'s output.
     */
    private Finding notCheckedForMailTeam(Finding f) {
        String message = texts.format("notChecked.mailTeam", f.subject());
        return new Finding(f.code(), f.severity(), f.subject(), message, List.of(), f.remediation(), f.actor())
                .withMailTeamRemediationShown(f.mailTeamRemediation()).withDnsNames(f.dnsNames());
    }

    /** DNS records spelled out in the fixes (the Salesforce DKIM CNAMEs), each once, in zone-file form. */
    static List<String> recordsToPublish(List<Finding> findings) {
        Set<String> records = new LinkedHashSet<>();
        for (Finding f : findings) {
            Matcher m = RECORD.matcher(f.remediation());
            while (m.find()) {
                records.add(DnsNames.absolute(m.group(1)) + " CNAME " + DnsNames.absolute(m.group(3)));
            }
        }
        return List.copyOf(records);
    }

    /**
     * Worst first, redacted, and in the report's language: a copy whose message and remediation are in that
     * language (the renderers and the JSON show a finding's message and remediation as they are). In the part for
     * a recipient domain's mail team ({@code mailTeamPart}, that domain) the copy also has the fix as that team reads
     * it ({@link Finding#mailTeamRemediation()}); in our own side's part it has none.
     */
    private List<Finding> forReport(List<Finding> findings, Redactor r, Optional<String> mailTeamPart) {
        boolean english = Languages.isEnglish(language);
        return findings.stream()
                .sorted(Comparator.comparing(Finding::severity))
                .map(f -> (r.active() || !english ? new Finding(f.code(), f.severity(), r.text(f.subject()),
                        r.findingText(network.text(english ? f.message() : f.message(language))),
                        r.findingTexts(network.texts(f.evidence())),
                        r.findingText(english ? f.remediation() : f.remediation(language)), f.actor())
                        // the names as data (ChecksNotMade reads them): never shown, so not redacted
                        .withDnsNames(f.dnsNames()) : f)
                        .withMailTeamRemediationShown(mailTeamPart
                                .map(d -> r.findingText(mailTeamRemediation(f, english, d))).orElse("")))
                .toList();
    }

    /**
     * The fix of a finding as the recipient domain's mail team reads it: the texts' words for that team; else, for
     * what is theirs to do (or nobody's), the remediation itself, which speaks of their domain and servers; else,
     * for what the sending side or this computer's network must do, the general words of that side
     * ({@link ReportTexts#mailTeamAdvice}), never our admin's instructions. A finding without a fix has none here.
     * The DOMAIN_NXDOMAIN finding of {@code domain} itself, moved to our admin as the domain's messages are
     * ({@link DomainFacts#withFactActor}), says what their blocks say (the address is ours to correct; nothing is
     * needed from the team): its texts' words for the team ("if it is your domain, restore it") asked the team for
     * what the messages above it said was not theirs to do. (A null MX's words for the team already say that
     * nothing is needed of them if the domain is not meant to receive mail.)
     */
    private String mailTeamRemediation(Finding f, boolean english, String domain) {
        if (f.remediation().isEmpty()) {
            return "";
        }
        boolean oursToCorrect = f.actor() == Actor.SENDER_ADMIN && NoMailDomain.stated(f, domain)
                .filter(fact -> fact == NoMailDomain.NO_SUCH_DOMAIN).isPresent();
        if (oursToCorrect) {
            return texts.format("domainFact.NO_SUCH_DOMAIN.mailTeam", domain);
        }
        return f.mailTeamRemediation(language).orElseGet(() -> switch (f.actor()) {
            case RECIPIENT_MAIL_TEAM, NOBODY -> english ? f.remediation() : f.remediation(language);
            case SENDER_ADMIN, SALESFORCE_SUPPORT, LOCAL_NETWORK -> texts.mailTeamAdvice(f.actor());
        });
    }


    private TitleBlock title(List<RankedChain> included, long joinedByGuess, long maybeCountedTwice,
                             long deliveriesMaybeHandoffs, boolean askedByInternalId, boolean copiesOfOneMessage,
                             Redactor r, List<String> fileNames, long deliveriesViaRelay) {
        // only the files analysed are its sources: one left out (missing, not a log) is named among the problems
        List<String> names = analysis.files().size() == 1 ? List.of(ReportFileNames.fileName(analysis, r))
                : IntStream.range(0, analysis.files().size()).filter(i -> analysis.files().get(i).usable())
                        .mapToObj(fileNames::get).toList();
        String name = String.join(", ", names);
        List<String> scope = new ArrayList<>();
        // "label: value", the label one of the report's phrases (ReportWording.titleFacts parts them again)
        if (!options.domains().isEmpty()) {
            scope.add(texts.get("scope.domains") + ": " + String.join(", ", new TreeSet<>(options.domains())));
        }
        if (!options.messageIds().isEmpty()) {
            // labelled by what they are: the Message ID Header, or where one is an Internal Message ID, a Message ID
            scope.add(texts.get(askedByInternalId ? "scope.messages.internal" : "scope.messages") + ": "
                    + String.join(", ", r.texts(List.copyOf(new TreeSet<>(options.messageIds())))));
        }
        if (options.messages().isPresent()) {
            // The count is already in the title block; the keys hold addresses, so they are not listed.
            scope.add(texts.get("scope.selection") + ": " + texts.get("scope.selection.value"));
        }
        Set<String> domains = new TreeSet<>();
        included.forEach(k -> domains.add(k.recipientDomain()));
        // a redacted report on part of the log's recipient domains (one domain's, for its mail team) gives no count of
        // the whole log: beside its own, they tell how much mail went to other organisations
        boolean fileCountsWithheld = options.redact() && !domains.containsAll(
                analysis.domains().stream().map(DomainSummary::domain).toList());
        if (options.redact()) {
            scope.add(texts.get("scope.redacted") + ": " + texts.get(fileCountsWithheld
                    ? "scope.redacted.value.partOfLog" : "scope.redacted.value"));
        }
        if (analysis.relayMode()) {
            // said where the report says what it covers: every Relay Host that is the relay is ours, not theirs
            scope.add(texts.get("scope.relay") + ": " + texts.format("scope.relay.value",
                    String.join(", ", analysis.relayHosts().given())));
        }
        String title = texts.get("title") + (domains.size() == 1 ? " — " + domains.iterator().next() : "");
        // as the messages of the report say it (MessageEntry), counted from them, the listed and the others
        // the period is the log's, also in a report on some of its messages: "have looked at the delivery log
        // (period)" and "Period covered" say what was read, and the report's other words (a log that goes on for
        // more than 24 hours, a message still in progress at its end) are measured against the log's end
        return new TitleBlock(r.text(title), name, analysis.firstEvent(), analysis.lastEvent(), analysis.rows(),
                analysis.rejectedRows(), analysis.messages(), included.size(), options.generatedAt(),
                options.version(), options.redact(), scope, names, joinedByGuess, maybeCountedTwice,
                withoutTlsColumn(), deliveriesMaybeHandoffs, copiesOfOneMessage,
                analysis.files().stream().mapToLong(AnalysedFile::copiesLeftOut).sum(),
                ReadCaveats.readDayFirst(analysis).stream()
                        .map(i -> analysis.files().size() == 1 ? ReportFileNames.fileName(analysis, r)
                                : fileNames.get(i)).toList(),
                fileCountsWithheld, analysis.relayHosts().given(), deliveriesViaRelay);
    }

    /**
     * Whether a log without the TLS_Cipher column was analysed: the reader's warning about it ({@link
     * MissingTlsColumn}) is kept, unless every D row of the file was also in a file with the column.
     */
    private boolean withoutTlsColumn() {
        return MissingTlsColumn.anyIn(analysis.problems());
    }
}
