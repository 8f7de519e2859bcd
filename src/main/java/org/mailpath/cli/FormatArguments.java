package org.mailpath.cli;

import java.util.Arrays;
import picocli.CommandLine;

/** {@code --format text|json}, read alike by every command: in any case, refused with the same words. */
final class FormatArguments {

    private FormatArguments() {
    }

    /**
     * The format named by {@code value}, in any letter case.
     * @throws CommandLine.TypeConversionException naming the value and the formats to use
     */
    static <E extends Enum<E>> E parse(String value, Class<E> formats) {
        return Arrays.stream(formats.getEnumConstants()).filter(f -> f.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> new CommandLine.TypeConversionException("unknown format '" + value
                        + "' (use text or json)"));
    }
}
