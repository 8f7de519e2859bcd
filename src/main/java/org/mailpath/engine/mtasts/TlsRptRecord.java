package org.mailpath.engine.mtasts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mailpath.engine.finding.LocalText;

/**
 * The {@code _smtp._tls.<domain>} TXT record (RFC 8460 §3): {@code v=TLSRPTv1; rua=<uri>[,<uri>…];} where each
 * URI is {@code mailto:} or {@code https:}, plus extension fields. Senders ignore a record with any syntax error.
 * A repeated rua is none: the grammar is {@code tlsrpt-record = tlsrpt-version 1*(field-delim tlsrpt-field)
 * [field-delim]} with {@code tlsrpt-field = tlsrpt-rua / tlsrpt-extension}, and "The record supports the ability to
 * declare more than one rua, and if there exists more than one, the reporter MAY attempt to deliver to each of the
 * supported rua destinations" (§3); the addresses of every rua are collected.
 */
record TlsRptRecord(List<String> rua, List<LocalText> problems) {

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
        List<LocalText> problems = new ArrayList<>(split.problems());
        List<String> rua = new ArrayList<>();
        for (TxtFields.Field f : split.fields()) {
            if (f.name().equals("rua")) {
                for (String uri : f.value().split(",", -1)) {
                    String u = TxtFields.strip(uri);
                    rua.add(u);
                    problems.addAll(uriProblems(u));
                }
            } else {
                problems.addAll(TxtFields.extensionProblems(f));
            }
        }
        // every rua adds at least one address (an empty one is a problem of its own)
        if (rua.isEmpty()) {
            problems.add(TxtFields.problem("tlsrpt.ruaMissing"));
        }
        return new TlsRptRecord(rua, problems);
    }

    /** A report address must be a mailto: address or an https: URL (RFC 8460 §3). */
    private static List<LocalText> uriProblems(String uri) {
        if (uri.isEmpty()) {
            return List.of(TxtFields.problem("tlsrpt.emptyAddress"));
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return List.of(TxtFields.problem("tlsrpt.badUri", uri, e.getReason()));
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "mailto" -> {
                String address = parsed.getSchemeSpecificPart();
                int query = address.indexOf('?');
                String mailbox = query < 0 ? address : address.substring(0, query);
                int at = mailbox.lastIndexOf('@');
                yield at > 0 && at < mailbox.length() - 1 ? List.of()
                        : List.of(TxtFields.problem("tlsrpt.noMailbox", uri));
            }
            case "https" -> parsed.getHost() == null ? List.of(TxtFields.problem("tlsrpt.noHost", uri)) : List.of();
            default -> List.of(TxtFields.problem("tlsrpt.scheme", uri));
        };
    }
}
