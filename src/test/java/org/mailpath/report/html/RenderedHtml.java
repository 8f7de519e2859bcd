package org.mailpath.report.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rendered HTML report read back: its elements as a tree, and its inline style sheet with just enough of the CSS
 * cascade (selectors of tags, classes, descendant and child combinators; specificity, order, media, inheritance)
 * to tell how a browser styles an element. Enough for the report's own markup and CSS, which a test renders; not a
 * general HTML or CSS parser.
 */
final class RenderedHtml {

    /** Rules outside any {@code @media}, and the media a browser applies when printing or showing a page. */
    static final String ALL = "all";
    static final Set<String> PRINT = Set.of(ALL, "print");
    static final Set<String> SCREEN = Set.of(ALL, "screen");
    static final Set<String> PHONE = Set.of(ALL, "screen", "screen and (max-width:720px)");

    /** The properties of these tests that an element takes from its parent when no rule sets them. */
    private static final Set<String> INHERITED = Set.of("overflow-wrap", "white-space", "color", "font-size");
    private static final Map<String, String> INITIAL = Map.of("overflow-wrap", "normal", "white-space", "normal");
    private static final Set<String> VOID = Set.of("br", "wbr", "meta", "hr", "img", "link", "input");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z0-9]+)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");

    /** An element, its attributes, and what it holds: elements and runs of text ({@link String}), in order. */
    record Element(String name, Map<String, String> attributes, Optional<Element> parent, List<Object> children) {

        Set<String> classes() {
            String c = attributes.getOrDefault("class", "").trim();
            return c.isEmpty() ? Set.of() : Set.of(c.split("\\s+"));
        }

        boolean is(String tag, String... classes) {
            return name.equals(tag) && classes().containsAll(Arrays.asList(classes));
        }

        /** The text it holds, markup left out (entities as written). */
        String text() {
            StringBuilder sb = new StringBuilder();
            for (Object c : children) {
                sb.append(c instanceof Element e ? e.text() : (String) c);
            }
            return sb.toString();
        }

        List<Element> elements() {
            return children.stream().filter(Element.class::isInstance).map(Element.class::cast).toList();
        }

        /** Itself and its ancestors up to the root, innermost first. */
        List<Element> path() {
            List<Element> path = new ArrayList<>();
            for (Optional<Element> e = Optional.of(this); e.isPresent(); e = e.get().parent()) {
                path.add(e.get());
            }
            return path;
        }

        @Override
        public String toString() {
            return "<" + name + (attributes.isEmpty() ? "" : " " + attributes) + ">" + text();
        }
    }

    /** A rule of the style sheet: one selector of it (a list is split), in the media it is given for. */
    record Rule(String media, String selector, Map<String, String> declarations, int order) {

        /** Class and tag counts, for the cascade (the report's CSS has no ids in its selectors). */
        int specificity() {
            int classes = 0;
            int tags = 0;
            for (String compound : selector.split("[ >]+")) {
                for (String part : compound.split("(?=\\.)")) {
                    if (part.startsWith(".")) {
                        classes++;
                    } else if (!part.isEmpty() && !part.equals("*")) {
                        tags++;
                    }
                }
            }
            return classes * 100 + tags;
        }

        boolean matches(Element e) {
            // right to left: the last compound is the element itself, each before it an ancestor (or the parent)
            List<String> tokens = new ArrayList<>(Arrays.asList(selector.replace(">", " > ").trim().split("\\s+")));
            if (!compound(tokens.removeLast(), e)) {
                return false;
            }
            Optional<Element> at = e.parent();
            while (!tokens.isEmpty()) {
                String last = tokens.removeLast();
                boolean child = last.equals(">");
                String wanted = child ? tokens.removeLast() : last;
                if (child) {
                    if (at.isEmpty() || !compound(wanted, at.get())) {
                        return false;
                    }
                    at = at.get().parent();
                } else {
                    while (at.isPresent() && !compound(wanted, at.get())) {
                        at = at.get().parent();
                    }
                    if (at.isEmpty()) {
                        return false;
                    }
                    at = at.get().parent();
                }
            }
            return true;
        }

        private static boolean compound(String compound, Element e) {
            String[] parts = compound.split("(?=\\.)");
            String tag = parts[0].startsWith(".") ? "*" : parts[0];
            if (!tag.equals("*") && !tag.equals(e.name())) {
                return false;
            }
            for (String p : parts) {
                if (p.startsWith(".") && !e.classes().contains(p.substring(1))) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Element root;
    private final List<Element> elements;
    private final List<Rule> rules;

    private RenderedHtml(Element root, List<Element> elements, List<Rule> rules) {
        this.root = root;
        this.elements = elements;
        this.rules = rules;
    }

    static RenderedHtml of(String html) {
        List<Element> all = new ArrayList<>();
        Element document = new Element("#document", Map.of(), Optional.empty(), new ArrayList<>());
        Element open = document;
        String css = "";
        Matcher tag = TAG.matcher(html);
        int last = 0;
        while (tag.find()) {
            if (tag.start() > last) {
                open.children().add(html.substring(last, tag.start()));
            }
            last = tag.end();
            String name = tag.group(2).toLowerCase(java.util.Locale.ROOT);
            if (!tag.group(1).isEmpty()) {
                if (!open.name().equals(name)) {
                    throw new IllegalArgumentException("</" + name + "> closes <" + open.name() + "> at " + tag.start());
                }
                open = open.parent().orElseThrow();
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(tag.group(3));
            while (a.find()) {
                attributes.put(a.group(1), a.group(2));
            }
            Element e = new Element(name, attributes, Optional.of(open), new ArrayList<>());
            open.children().add(e);
            all.add(e);
            if (name.equals("style") || name.equals("title")) {
                int end = html.indexOf("</" + name + ">", last);
                if (name.equals("style")) {
                    css = html.substring(last, end);
                }
                e.children().add(html.substring(last, end));
                last = end + name.length() + 3;
                tag.region(last, html.length());
            } else if (!VOID.contains(name)) {
                open = e;
            }
        }
        if (open != document) {
            throw new IllegalArgumentException("<" + open.name() + "> is not closed");
        }
        return new RenderedHtml(document, List.copyOf(all), rules(css));
    }

    /** Every element, in document order. */
    List<Element> elements() {
        return elements;
    }

    List<Element> elements(String tag, String... classes) {
        return elements.stream().filter(e -> e.is(tag, classes)).toList();
    }

    Element root() {
        return root;
    }

    List<Rule> rules() {
        return rules;
    }

    /**
     * The value a browser gives {@code property} of {@code e} in {@code media}: the declaration of the matching rule
     * of highest specificity (the later one of equal), else the parent's value for an inherited property, else the
     * property's initial value ("auto" for one these tests do not know).
     */
    String style(Element e, String property, Set<String> media) {
        Optional<String> declared = rules.stream()
                .filter(r -> media.contains(r.media()) && r.declarations().containsKey(property) && r.matches(e))
                .max(Comparator.comparingInt(Rule::specificity).thenComparingInt(Rule::order))
                .map(r -> r.declarations().get(property));
        if (declared.isPresent() && !declared.get().equals("inherit")) {
            return declared.get();
        }
        boolean inherits = declared.isPresent() || INHERITED.contains(property);
        if (inherits && e.parent().isPresent() && !e.parent().get().name().startsWith("#")) {
            return style(e.parent().get(), property, media);
        }
        return INITIAL.getOrDefault(property, "auto");
    }

    private static List<Rule> rules(String css) {
        List<Rule> rules = new ArrayList<>();
        read(css.replaceAll("\\s+", " "), ALL, rules);
        return rules;
    }

    /** Reads the rules of {@code css} (one block level), those inside an {@code @media} with its condition. */
    private static void read(String css, String media, List<Rule> rules) {
        int i = 0;
        while (true) {
            int open = css.indexOf('{', i);
            if (open < 0) {
                return;
            }
            String prelude = css.substring(i, open).trim();
            int close = matching(css, open);
            String body = css.substring(open + 1, close);
            if (prelude.startsWith("@media")) {
                read(body, prelude.substring("@media".length()).trim(), rules);
            } else if (!prelude.startsWith("@")) {
                Map<String, String> declarations = new LinkedHashMap<>();
                for (String d : body.split(";")) {
                    int colon = d.indexOf(':');
                    if (colon > 0) {
                        declarations.put(d.substring(0, colon).trim(), d.substring(colon + 1).trim());
                    }
                }
                for (String selector : prelude.split(",")) {
                    String s = selector.trim();
                    if (!s.contains(":")) { // :root holds only custom properties
                        rules.add(new Rule(media, s, Map.copyOf(declarations), rules.size()));
                    }
                }
            }
            i = close + 1;
        }
    }

    private static int matching(String css, int open) {
        int depth = 0;
        for (int i = open; i < css.length(); i++) {
            if (css.charAt(i) == '{') {
                depth++;
            } else if (css.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed block at " + open);
    }
}
