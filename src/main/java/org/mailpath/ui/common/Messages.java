package org.mailpath.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.mailpath.engine.finding.TextBundles;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.engine.status.Category;

/**
 * The UI's words: {@code org/mailpath/ui/messages*.properties}. Values go through {@link MessageFormat} only
 * when arguments are given; arguments are plain data (log text is never used as a pattern).
 */
public final class Messages {

    public static final String BUNDLE = "org.mailpath.ui.messages";
    private static final System.Logger LOG = System.getLogger(Messages.class.getName());

    private final ResourceBundle bundle;

    public Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Messages forLocale(Locale locale) {
        return new Messages(TextBundles.load(BUNDLE, locale));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return bundle.getLocale();
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            LOG.log(System.Logger.Level.WARNING, "missing UI text " + key);
            return key;
        }
    }

    /**
     * The short name of a cause category, in the words of the reports (and of the command line) in this language: the
     * admin sees on screen what the PDF the recipient's mail team gets calls it.
     */
    public String category(Category category) {
        return ReportTexts.of(locale()).label(category);
    }

    public String format(String key, Object... args) {
        MessageFormat format = new MessageFormat(get(key), bundle.getLocale());
        return format.format(args);
    }
}
