package org.mailpath.engine.log;

import java.util.List;
import java.util.Locale;

/**
 * The columns of a Salesforce Email Log, in the documented order (A–O, then the optional TLS columns), with the
 * header names each may carry. Names are compared after {@link #normalize(String)}; localized names are the ones
 * public pages show for downloaded files (Japanese), not guesses: see the sources in the test resource
 * {@code real-email-log-lines.txt}.
 */
public enum LogColumn {
    DATE("Date/Time", true, "date/time", "date", "date/time (gmt)", "date (gmt)", "timestamp", "日付", "日時"),
    INTERNAL_MESSAGE_ID("Internal Message ID", false, "internal message id", "internal id", "内部メッセージ id"),
    MAIL_EVENT("Mail Event", true, "mail event", "event", "メールイベント"),
    RECIPIENT("Recipient", true, "recipient", "to", "受信者"),
    SENDER("Sender", false, "sender", "envelope from", "from", "送信者"),
    REMOTE_HOST("Remote Host", false, "remote host"),
    BYTES_TRANSFERRED("Bytes Transferred", false, "bytes transferred", "bytes", "size"),
    USER_ID("User ID", false, "user id", "salesforce user", "salesforce.com user", "user", "salesforceユーザ",
            "salesforce ユーザ"),
    MESSAGE_ID_HEADER("Message ID Header", false, "message id header", "message-id header", "message id"),
    RETRY_COUNT("Retry Count", false, "retry count", "retries"),
    SECONDS_IN_QUEUE("Seconds in Queue", false, "seconds in queue"),
    DELIVERY_STAGE("Delivery Stage", false, "delivery stage", "stage"),
    RELAY_ADDRESS("Relay Address", false, "relay address", "relay ip"),
    RELAY_HOST("Relay Host", false, "relay host"),
    DELIVERY_STATUS("Delivery Status", false, "delivery status", "status", "smtp response", "response"),
    TLS_CIPHER("TLS_Cipher", false, "tls_cipher", "tls cipher"),
    TLS_VERIFIED("TLS_Verified", false, "tls_verified", "tls verified");

    private final String label;
    private final boolean required;
    private final List<String> names;

    LogColumn(String label, boolean required, String... names) {
        this.label = label;
        this.required = required;
        this.names = java.util.Arrays.stream(names).map(LogColumn::normalize).toList();
    }

    /** The documented field label (used in messages). */
    public String label() {
        return label;
    }

    /** A row without a usable value in this column is rejected. */
    public boolean required() {
        return required;
    }

    boolean matches(String normalizedHeader) {
        return names.contains(normalizedHeader);
    }

    /** Whether a normalized header is this column's documented label (its first name), not another name of it. */
    boolean isLabel(String normalizedHeader) {
        return names.getFirst().equals(normalizedHeader);
    }

    /** Lower case, without spaces, underscores, hyphens, dots, slashes, brackets or a BOM. */
    public static String normalize(String header) {
        if (header == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (!Character.isWhitespace(c) && c != '_' && c != '-' && c != '.' && c != '/' && c != '(' && c != ')'
                    && c != '\uFEFF' && c != '"') {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
