package org.mailpath.ui.common;

import java.util.Arrays;
import org.mailpath.engine.common.UserFolders;
import org.mailpath.engine.dns.UnknownResolverHostException;

/**
 * Words for a background job that failed. The engine reports bad input (a resolver address that is no address)
 * as an {@link IllegalArgumentException} whose message is a sentence for the user; anything else is a bug, whose
 * Java message or class name means nothing to a mail admin: it is logged where it happens, and the user is
 * pointed to that log.
 */
public final class FailureWords {

    private FailureWords() {
    }

    public static String reason(Throwable error, Messages messages) {
        // the engine's English names no setting and was shown as is, in Swedish too: the app's own words say where
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnknownResolverHostException unknown) {
                return messages.format("error.resolverUnknown", unknown.resolver());
            }
        }
        String message = error.getMessage();
        if (error instanceof IllegalArgumentException && message != null && !message.isBlank()) {
            return message;
        }
        return insideMailPath(messages, "error.internal", "error.internalNoLog");
    }

    /**
     * A fault inside MailPath, in the words of {@code key} with {@code args} and then the log file this process writes
     * (where its details are), or of {@code noLogKey} with {@code args} alone when it writes none. Both keys are
     * named in full, so that UiKeysUsedTest finds each asked for.
     */
    public static String insideMailPath(Messages messages, String key, String noLogKey, Object... args) {
        return UserFolders.logFile().map(log -> {
            Object[] withLog = Arrays.copyOf(args, args.length + 1);
            withLog[args.length] = log.toString();
            return messages.format(key, withLog);
        }).orElseGet(() -> messages.format(noLogKey, args));
    }
}
