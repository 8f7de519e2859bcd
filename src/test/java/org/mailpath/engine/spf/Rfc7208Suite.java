package org.mailpath.engine.spf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The openspf.org RFC 7208 test suite ({@code rfc7208-tests.yml}) as records: one {@link Scenario} per YAML document,
 * each with its cases and the zone data they run against. Read with SnakeYAML, a YAML 1.1 parser like the PyYAML the
 * suite was written for ({@code \xNN} escapes, several documents).
 */
final class Rfc7208Suite {

    static final String RESOURCE = "rfc7208-tests.yml";

    /** One test case: the client {@code host}, the HELO name, MAIL FROM (may be empty) and the accepted results. */
    record Case(String name, String spec, String helo, String host, String mailFrom, List<String> results,
                Optional<String> explanation) {
    }

    /** One YAML document: cases in file order and the zone data ({@code name -> [ {TYPE: value} | "TIMEOUT" ]}). */
    record Scenario(String description, List<Case> cases, Map<String, List<Object>> zoneData) {
    }

    private Rfc7208Suite() {
    }

    static List<Scenario> load() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // a duplicated test name would silently drop a case
        try (InputStream in = Rfc7208Suite.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            List<Scenario> scenarios = new ArrayList<>();
            for (Object document : new Yaml(options).loadAll(in)) {
                if (document != null) {
                    scenarios.add(scenario(map(document)));
                }
            }
            return scenarios;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Scenario scenario(Map<String, Object> document) {
        List<Case> cases = new ArrayList<>();
        map(document.get("tests")).forEach((name, value) -> cases.add(testCase(name, map(value))));
        Map<String, List<Object>> zones = new LinkedHashMap<>();
        map(document.get("zonedata")).forEach((name, records) -> zones.put(name, list(records)));
        return new Scenario(String.valueOf(document.get("description")), cases, zones);
    }

    private static Case testCase(String name, Map<String, Object> test) {
        Object result = test.get("result");
        List<String> results = result instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(result));
        return new Case(name, String.valueOf(test.get("spec")), string(test, "helo"), string(test, "host"),
                string(test, "mailfrom"), results, Optional.ofNullable(test.get("explanation")).map(String::valueOf));
    }

    private static String string(Map<String, Object> test, String key) {
        Object value = test.get(key);
        return value == null ? "" : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
