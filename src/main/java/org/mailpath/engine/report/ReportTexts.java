package org.mailpath.engine.report;

import java.text.ChoiceFormat;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.common.Languages;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.finding.TextBundles;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;

/**
 * The phrases a report is written with in one language, kept in {@code report-text.properties} (English) and its
 * translations ({@code report-text_sv.properties}); a key a translation lacks is said in English. Also how the
 * language writes numbers and dates. Phrases are plain text with {@code {0}}, {@code {1}}… (not MessageFormat), and
 * MessageFormat's choice forms where a count decides the words ({@code {0,choice,1#one message was|1<{0} messages
 * were}}): a choice is made on the phrase before any value is put in, so a value is never read as a phrase.
 * The language is one MailPath has texts in ({@link #language()}): asked for another, the report is wholly English,
 * its numbers and dates too, not English words with German months.
 */
public final class ReportTexts {

    static final String BUNDLE = "org.mailpath.engine.report.report-text";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");
    /** The start of a choice form: {@code {2,choice,}. */
    private static final Pattern CHOICE = Pattern.compile("\\{(\\d),choice,");
    /** One instance per language a report can be written in … */
    private static final Map<Locale, ReportTexts> BY_LANGUAGE = new ConcurrentHashMap<>();
    /** … and the one each language asked for is written in. */
    private static final Map<Locale, ReportTexts> BY_ASKED = new ConcurrentHashMap<>();
    private static final ReportTexts ENGLISH = of(Locale.ENGLISH);
    /** More domains than this are counted, not named. */
    private static final int NAMES_LISTED = 3;

    private final Locale language;
    private final ResourceBundle texts;
    private final DateTimeFormatter day;
    /**
     * A NumberFormat is not thread-safe and costly to make: one per thread (a large PDF counts ~30,000 times).
     * English's writes what {@code String.format(Locale.ENGLISH, "%,d", n)} did, without a format parsed per number.
     */
    private final ThreadLocal<NumberFormat> numbers;

    private ReportTexts(Locale language) {
        this.language = language;
        this.texts = TextBundles.load(BUNDLE, language);
        this.day = DateTimeFormatter.ofPattern(get("format.day"), language).withZone(ZoneOffset.UTC);
        this.numbers = ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(language));
    }

    /**
     * The phrases in {@code asked}'s language (Sweden's Swedish is Swedish), or English where MailPath has no
     * translation; made once per language.
     */
    public static ReportTexts of(Locale asked) {
        return BY_ASKED.computeIfAbsent(asked, a -> BY_LANGUAGE.computeIfAbsent(available(a), ReportTexts::new));
    }

    /** The language of the texts that {@code asked} gets: the bundle's own, English for the root (base) bundle. */
    private static Locale available(Locale asked) {
        Locale bundle = TextBundles.load(BUNDLE, asked).getLocale();
        return Languages.isEnglish(bundle) ? Locale.ENGLISH : bundle;
    }

    /** English, the reports' default and the language of the command line's own output. */
    public static ReportTexts english() {
        return ENGLISH;
    }

    /** The language the phrases are in ({@code en}, {@code sv}…), whatever language they were asked for in. */
    public Locale language() {
        return language;
    }

    /**
     * The words chosen to complete "… bounced because …" for failed messages, and what they are, as every part of the
     * report that says or counts them reads them: {@code key} is the phrase's key ({@code .you} form included where
     * the reader is so spoken to); {@code hedged}, it is the category's hedged words for a bare basic code
     * ({@code cause.basic.*}), so the row's label and the message's meaning are hedged too; {@code ours}, the replies
     * are our side's to act on in a category with words for our side, so the conclusion counts them apart in those
     * words, their rule's own words included.
     */
    record CauseWords(String key, boolean hedged, boolean ours) {
    }

    /**
     * The words for the replies one knowledge-base rule matched, whose actor is {@code ruleActor}: the rule's own
     * words where its category's would say more or other than the reply did (a null MX is no DNS fault); where the
     * rule names our side to act ({@link #oursToAct}), the category's words for our side ({@code cause.ours.CATEGORY}),
     * hedged for a bare basic code where the category has such words ({@code cause.basic.ours.CATEGORY}): its general
     * words put the cause on the recipient's servers ("your servers refused the message by a policy of yours") beside a
     * causes row telling their mail team nothing is needed of them; else for a bare basic code the category's hedged
     * words ({@code cause.basic.CATEGORY}), which make it likely, not certain; else the category's general words.
     */
    CauseWords causeWords(Category category, String ruleId, Actor ruleActor, boolean toMailTeam) {
        return choose(category, existing("cause.rule." + ruleId.replace(':', '.')), Diagnosis.fromBasicCode(ruleId),
                oursToAct(ruleActor), toMailTeam);
    }

    /** The words for failed messages without a diagnosis: the category's general words. */
    CauseWords causeWords(Category category, boolean toMailTeam) {
        return choose(category, Optional.empty(), false, false, toMailTeam);
    }

    /**
     * Completes "… bounced because …" for the replies of a category counted together in the conclusion, those of a
     * bare basic code ({@code basic}) and those our side acts on ({@code ours}) each apart, as
     * {@link #causeWords(Category, String, Actor, boolean)} says each of them without a rule's own words; where their
     * general words would say more than some of the replies do ({@code wider}), the category's wider words
     * ({@code cause.group.CATEGORY}, "the message could not be routed to a mail server of the recipient domain"), which
     * every reply of the category supports, if it has them.
     */
    String groupCause(Category category, boolean basic, boolean ours, boolean wider, boolean toMailTeam) {
        CauseWords words = choose(category, Optional.empty(), basic, ours, toMailTeam);
        String group = "cause.group." + category.name();
        return get(wider && !words.hedged() && !words.ours() && texts.containsKey(group)
                ? readerKey(group, toMailTeam) : words.key());
    }

    /**
     * The one choice of a cause's words ({@link #causeWords(Category, String, Actor, boolean)}): {@code ruleWords} the
     * key of a rule's own words, if it has them; {@code basic} a diagnosis from a bare basic code; {@code ours} a rule
     * that names our side to act. Our side's words go before the category's hedge: where a category has words for our
     * side but no hedged ones, its hedged general words would still put the act on the recipient's side.
     */
    private CauseWords choose(Category category, Optional<String> ruleWords, boolean basic, boolean ours,
                              boolean toMailTeam) {
        String name = category.name();
        Optional<String> oursKey = existing("cause.ours." + name).filter(k -> ours);
        Optional<String> basicOurs = existing("cause.basic.ours." + name).filter(k -> ours && basic);
        boolean oursWords = oursKey.isPresent() || basicOurs.isPresent();
        if (ruleWords.isPresent()) {
            // the rule's own words say only what the reply said; counted together, they are our side's if it acts
            return new CauseWords(readerKey(ruleWords.get(), toMailTeam), false, oursWords);
        }
        if (basicOurs.isPresent()) {
            return new CauseWords(basicOurs.get(), true, true);
        }
        if (oursKey.isPresent()) {
            return new CauseWords(oursKey.get(), false, true);
        }
        Optional<String> hedged = existing("cause.basic." + name).filter(k -> basic);
        return hedged.map(k -> new CauseWords(readerKey(k, toMailTeam), true, false))
                .orElseGet(() -> new CauseWords(readerKey("cause." + name, toMailTeam), false, false));
    }

    /**
     * Completes "… bounced because …" for the messages to a domain the DNS checks found no mail can reach
     * ({@link NoMailDomain}), whose fact the causes table and the conclusion name instead of the reply's guess.
     */
    String domainFactCause(NoMailDomain fact, boolean toMailTeam) {
        return toReader("cause.domainFact." + fact.name(), toMailTeam);
    }

    private Optional<String> existing(String key) {
        return texts.containsKey(key) ? Optional.of(key) : Optional.empty();
    }

    /** Whether a rule's actor names our side to act: our admin, our network or Salesforce's support. */
    static boolean oursToAct(Actor actor) {
        return actor == Actor.SENDER_ADMIN || actor == Actor.LOCAL_NETWORK || actor == Actor.SALESFORCE_SUPPORT;
    }

    /**
     * Our admin's advice for the replies of a rule whose advice ends "run MailPath's DNS check on the domain", for a
     * report whose DNS checks include the domain ({@code remediation.checked.rule.<id>}): the same advice sending to
     * what the checks found; empty for the other rules.
     */
    public Optional<String> remediationAfterChecks(String ruleId) {
        String key = "remediation.checked.rule." + ruleId.replace(':', '.');
        return texts.containsKey(key) ? Optional.of(texts.getString(key)) : Optional.empty();
    }

    /** The short name of a category in tables, for a row of replies diagnosed from their basic code alone. */
    public String basicLabel(Category category) {
        return format("label.basic", label(category));
    }

    /**
     * The phrase under {@code key}, or when {@code toMailTeam} under its {@code .you} form: the same words spoken to
     * the recipient domain's mail team. A phrase that names no side of theirs has no such form and is said as it is.
     */
    private String toReader(String key, boolean toMailTeam) {
        return get(readerKey(key, toMailTeam));
    }

    /** {@code key}, or when {@code toMailTeam} its {@code .you} form where it has one ({@link #toReader}). */
    private String readerKey(String key, boolean toMailTeam) {
        String you = key + ".you";
        return toMailTeam && texts.containsKey(you) ? you : key;
    }

    /** Short name of a category for tables. */
    public String label(Category category) {
        return get("label." + category.name());
    }

    /**
     * Short name of a category for tables; where {@code relay}, of replies from our own Email Relay ("Our Email Relay
     * (DNS)"): the recipient's domain played no part in them, which the plain label may name ("Recipient DNS").
     */
    public String label(Category category, boolean relay) {
        if (!relay) {
            return label(category);
        }
        String own = "label.relay." + category.name();
        return format("label.relay", texts.containsKey(own) ? get(own) : label(category));
    }

    /** As {@link #basicLabel(Category)}, labelled as our Email Relay's where {@code relay}. */
    public String basicLabel(Category category, boolean relay) {
        return format("label.basic", label(category, relay));
    }

    /** Who must act, as a table cell or a line begins with it: "Our Salesforce admin". */
    public String actor(Actor actor) {
        return get("actor." + actor.name());
    }

    /**
     * What the part for the recipient's mail team says about a message whose diagnosis has no words of its own for
     * that team: in general words, what the side of {@code actor} does, or what the team may look into.
     */
    public String mailTeamAdvice(Actor actor) {
        return get("mailTeam.advice." + actor.name());
    }

    public String verdict(Verdict verdict) {
        return get("verdict." + verdict.name());
    }

    /**
     * A name server's DNS Flag Day verdict ({@code ok}, {@code compatible}, {@code dead}) in words a mail admin
     * understands ("compatible" says nothing to one); a verdict without words is shown as it is.
     */
    public String nameServerVerdict(String verdict) {
        String key = "nameServer.verdict." + verdict;
        return texts.containsKey(key) ? texts.getString(key) : verdict;
    }

    public String severity(Severity severity) {
        return get("severity." + severity.name());
    }

    /**
     * The badge of a finding: its severity, or "Not checked" when this computer's network kept the check from
     * being made (actor {@code LOCAL_NETWORK}), which says nothing about the domain however severe it is.
     */
    public String badge(Finding finding) {
        return ReportFindings.notChecked(finding) ? get("notChecked") : severity(finding.severity());
    }

    /** The phrase under {@code key}, or the key itself when there is none (a missing phrase shows, not fails). */
    public String get(String key) {
        try {
            return texts.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /**
     * The phrase with {@code {0}}, {@code {1}}… replaced by the arguments (whole numbers grouped as the language
     * does). In one pass: an argument is never read as a phrase, so a recipient or file name that holds "{1}"
     * stays as it is.
     */
    public String format(String key, Object... args) {
        String[] values = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = value(args[i]);
        }
        return fill(choose(get(key), args), UnaryOperator.identity(), values);
    }

    /**
     * The phrase with each {@code {N,choice,limit#words|limit<words…}} replaced by the words its number argument
     * chooses, as {@link ChoiceFormat} chooses them; a choice may hold placeholders and further choices. The '|'
     * of a choice inside another belongs to the inner one, so the parts are split at the outer level here rather
     * than by ChoiceFormat's own pattern parser, which knows no nesting.
     */
    static String choose(String phrase, Object... args) {
        Matcher m = CHOICE.matcher(phrase);
        if (!m.find()) {
            return phrase;
        }
        int end = closingBrace(phrase, m.end());
        int arg = Integer.parseInt(m.group(1));
        if (end < 0 || arg >= args.length || !(args[arg] instanceof Number n)) {
            return phrase;
        }
        List<String> parts = splitAtTopLevel(phrase.substring(m.end(), end));
        double[] limits = new double[parts.size()];
        String[] words = new String[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            int sign = firstOf(part, '#', '<');
            double limit = Double.parseDouble(part.substring(0, sign).strip());
            limits[i] = part.charAt(sign) == '<' ? ChoiceFormat.nextDouble(limit) : limit;
            words[i] = part.substring(sign + 1);
        }
        String chosen = new ChoiceFormat(limits, words).format(n.doubleValue());
        return choose(phrase.substring(0, m.start()) + chosen + phrase.substring(end + 1), args);
    }

    /** The index of the '}' that closes the brace opened before {@code from}, or -1. */
    private static int closingBrace(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitAtTopLevel(String choices) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < choices.length(); i++) {
            char c = choices.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(choices.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(choices.substring(start));
        return parts;
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /**
     * {@code phrase} (one of these texts) with {@code {0}}, {@code {1}}… replaced by {@code values} as they are and
     * its own words between them passed through {@code literal} (HTML escapes them, plain text keeps them). In one
     * pass: a value is never read as a phrase; a placeholder without its value stays as it is.
     */
    public static String fill(String phrase, UnaryOperator<String> literal, String... values) {
        StringBuilder sb = new StringBuilder(phrase.length() + 64);
        Matcher m = PLACEHOLDER.matcher(phrase);
        int done = 0;
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            if (i < values.length) {
                sb.append(literal.apply(phrase.substring(done, m.start()))).append(values[i]);
                done = m.end();
            }
        }
        return sb.append(literal.apply(phrase.substring(done))).toString();
    }

    private String value(Object a) {
        return a instanceof Long || a instanceof Integer ? count(((Number) a).longValue()) : String.valueOf(a);
    }

    /** "1,204" in English, "1 204" (a no-break space) in Swedish. */
    public String count(long n) {
        return numbers.get().format(n);
    }

    /**
     * A message's size in the report's words: "12.3 KB (12,633 bytes)", "1.5 MB (1,572,864 bytes)", "512 bytes"
     * (KB and MB of 1,024 and 1,048,576 bytes, with one decimal, as mail servers' size limits are mostly written).
     */
    public String size(long bytes) {
        if (bytes < 1024) {
            return format("size.bytes", bytes);
        }
        boolean mega = bytes >= 1024L * 1024;
        NumberFormat decimal = NumberFormat.getNumberInstance(language);
        decimal.setMinimumFractionDigits(1);
        decimal.setMaximumFractionDigits(1);
        decimal.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format(mega ? "size.MB" : "size.KB", decimal.format(bytes / (mega ? 1024.0 * 1024 : 1024.0)), bytes);
    }

    /** A day and time for the title block and footers: "20 November 2026, 08:00 UTC". */
    public DateTimeFormatter day() {
        return day;
    }

    /** "blocklist", "blocklist and MTA-STS policy": the checks named in the report's language. */
    public String checksPhrase(Set<String> checks) {
        List<String> words = checks.stream().map(c -> get("conclusion.check." + c)).toList();
        return words.size() == 1 ? words.getFirst() : format("list.and",
                String.join(", ", words.subList(0, words.size() - 1)), words.getLast());
    }

    /**
     * The sentence {@code key} about some names: ".one" names one, ".some" lists a few ("a.example, b.example and
     * c.example"), ".many" counts them; {@code more} are the sentence's further arguments ({1}, …).
     */
    public String aboutNames(String key, List<String> names, Object... more) {
        Object said;
        String form;
        if (names.size() == 1) {
            form = ".one";
            said = names.getFirst();
        } else if (names.size() > NAMES_LISTED) {
            form = ".many";
            said = (long) names.size();
        } else {
            form = ".some";
            said = format("list.and", String.join(", ", names.subList(0, names.size() - 1)), names.getLast());
        }
        Object[] args = new Object[1 + more.length];
        args[0] = said;
        System.arraycopy(more, 0, args, 1, more.length);
        return format(key + form, args);
    }
}
