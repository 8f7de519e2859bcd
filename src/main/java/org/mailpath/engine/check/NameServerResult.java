package org.mailpath.engine.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * EDNS-compliance results of one authoritative server address: {@code tests} maps ISC test names
 * ({@code dns}, {@code edns}, …) to ISC result labels ({@code ok}, {@code timeout}, …) in test order;
 * {@code verdict} is the DNS Flag Day verdict ({@code ok}, {@code compatible}, {@code dead}).
 */
public record NameServerResult(String name, String address, Map<String, String> tests, String verdict) {

    public NameServerResult {
        // a copy in the caller's order (Map.copyOf would lose the test order the report shows)
        tests = Collections.unmodifiableMap(new LinkedHashMap<>(tests));
    }
}
