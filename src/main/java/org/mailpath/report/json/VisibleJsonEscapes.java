package org.mailpath.report.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;
import org.mailpath.report.VisibleText;

/**
 * The escapes of every JSON MailPath writes (analyze's, check's and probe's {@code --format json}, the JSON report):
 * each character the text output shows as a code ({@link VisibleText#hidden}) is written as {@code \}{@code uXXXX}.
 * JSON may escape any character (RFC 8259 §7) and a parser gets the data back exactly, but written as they are, a
 * log field's C1 control (U+009B is a terminal's CSI), bidi override or isolate (U+202A–U+202E, U+2066–U+2069) or
 * other invisible format character reached the terminal of whoever ran {@code mailpath … --format json} or looked
 * at the file with {@code cat}, as the text output never lets it. Other characters, the non-ASCII letters of names
 * among them, are written as they are.
 *
 * <p>Jackson asks for an escape one UTF-16 unit at a time, so a character outside the basic plane is judged by its
 * surrogates: both are escaped, whatever the character, as a pair that parsers join again ({@code \}{@code uDB40}
 * {@code \}{@code uDC41} for the tag character U+E0041). The tag characters (U+E0000–U+E007F), which hide text, are
 * among them; Jackson's UTF-8 generator writes every such pair escaped once any escapes are set, and now its
 * writer-based one, which {@code --format json} uses, does the same.
 */
public final class VisibleJsonEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    /** The one instance: it holds no state. */
    public static final VisibleJsonEscapes INSTANCE = new VisibleJsonEscapes();

    private final int[] ascii;

    private VisibleJsonEscapes() {
        ascii = standardAsciiEscapesForJSON();
        ascii[0x7F] = ESCAPE_STANDARD; // DEL, the one ASCII control JSON lets through as it is
    }

    /** {@code factory} writing with these escapes. */
    public static <F extends JsonFactory> F on(F factory) {
        factory.setCharacterEscapes(INSTANCE);
        return factory;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return VisibleText.hidden(ch) ? new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch)) : null;
    }
}
