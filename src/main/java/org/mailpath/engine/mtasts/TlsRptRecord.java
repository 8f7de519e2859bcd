package org.mailpath.engine.mtasts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code _smtp._tls.<domain>} TXT record (RFC 8460 §3): {@code v=TLSRPTv1; rua=<uri>[,<uri>…];} where each
 * URI is {@code mailto:} or {@code https:}, plus extension fields. Senders ignore a record with any syntax error.
 */
record TlsRptRecord(List<String> rua, List<String> problems) {

    static final String VERSION = "v=TLSRPTv1";

    TlsRptRecord {
        rua = List.copyOf(rua);
        problems = List.copyOf(problems);
    }

    /** Senders look only at TXT records that begin with {@code v=TLSRPTv1} (case-sensitive). */
    static boolean isTlsRptRecord(String text) {
        return text.startsWith(VERSION);
    }

    static TlsRptRecord parse(String text) {
        TxtFields.Split split = TxtFields.split(text, VERSION);
        List<String> problems = new ArrayList<>(split.problems());
        List<String> rua = new ArrayList<>();
        boolean seen = false;
        for (TxtFields.Field f : split.fields()) {
            if (f.name().equals("rua")) {
                if (seen) {
                    problems.add("rua is given more than once (list all addresses in one rua=, separated by ',')");
                }
                seen = true;
                for (String uri : f.value().split(",", -1)) {
                    String u = TxtFields.strip(uri);
                    rua.add(u);
                    problems.addAll(uriProblems(u));
                }
            } else {
                problems.addAll(TxtFields.extensionProblems(f));
            }
        }
        if (!seen) {
            problems.add("the rua field (where reports go) is missing");
        }
        return new TlsRptRecord(rua, problems);
    }

    /** A report address must be a mailto: address or an https: URL (RFC 8460 §3). */
    private static List<String> uriProblems(String uri) {
        if (uri.isEmpty()) {
            return List.of("rua holds an empty address");
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return List.of("\"" + uri + "\" is not a valid URI (" + e.getReason() + ")");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "mailto" -> {
                String address = parsed.getSchemeSpecificPart();
                int query = address.indexOf('?');
                String mailbox = query < 0 ? address : address.substring(0, query);
                int at = mailbox.lastIndexOf('@');
                yield at > 0 && at < mailbox.length() - 1 ? List.of()
                        : List.of("\"" + uri + "\" does not name a mail address");
            }
            case "https" -> parsed.getHost() == null ? List.of("\"" + uri + "\" has no host name") : List.of();
            default -> List.of("\"" + uri + "\" is neither a mailto: nor an https: address");
        };
    }
}
