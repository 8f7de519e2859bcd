package org.mailpath.cli;

import java.util.ArrayList;
import java.util.List;
import org.mailpath.engine.dns.ResolverAddresses;
import picocli.CommandLine.Option;

/** {@code --resolver HOST[:PORT]…}, shared by {@code check}, {@code analyze} and {@code probe}. */
public final class ResolverOptionMixin {

    @Option(names = "--resolver", paramLabel = "HOST[:PORT]",
            description = "DNS resolver to ask (repeatable); default: this computer's resolver configuration.")
    List<String> resolvers = new ArrayList<>();

    /**
     * The resolvers given, each checked.
     * @throws IllegalArgumentException naming the option when one is not a host or address with an optional port
     */
    public List<String> checked() {
        for (String r : resolvers) {
            try {
                ResolverAddresses.parse(r);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--resolver: " + e.getMessage(), e);
            }
        }
        return List.copyOf(resolvers);
    }
}
