package org.mailpath.engine.check;

import java.util.Map;

/**
 * EDNS-compliance results of one authoritative server address: {@code tests} maps ISC test names
 * ({@code dns}, {@code edns}, …) to ISC result labels ({@code ok}, {@code timeout}, …) in test order;
 * {@code verdict} is the DNS Flag Day verdict ({@code ok}, {@code compatible}, {@code dead}).
 */
public record NameServerResult(String name, String address, Map<String, String> tests, String verdict) {
}
