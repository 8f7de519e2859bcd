package org.mailpath.cli;

import picocli.CommandLine;

/**
 * Numbers typed as option values, refused in words a mail admin reads ({@code 'abc' is not a whole number}) rather
 * than picocli's Java type names ({@code 'abc' is not a long}). What is accepted is what picocli accepts.
 */
final class NumberArguments {

    private NumberArguments() {
    }

    /** Gives {@code cl} and its commands these converters for {@code int}, {@code long} and {@code double} values. */
    static void register(CommandLine cl) {
        cl.registerConverter(Integer.class, NumberArguments::wholeInt);
        cl.registerConverter(Integer.TYPE, NumberArguments::wholeInt);
        cl.registerConverter(Long.class, NumberArguments::wholeLong);
        cl.registerConverter(Long.TYPE, NumberArguments::wholeLong);
        cl.registerConverter(Double.class, NumberArguments::number);
        cl.registerConverter(Double.TYPE, NumberArguments::number);
    }

    static Integer wholeInt(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw notWhole(value);
        }
    }

    static Long wholeLong(String value) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw notWhole(value);
        }
    }

    static Double number(String value) {
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number");
        }
    }

    /** Digits alone that do not fit are too large (or too small), not "not a number". */
    private static CommandLine.TypeConversionException notWhole(String value) {
        return new CommandLine.TypeConversionException("'" + value + "' is "
                + (value.matches("[-+]?\\d+") ? "out of range" : "not a whole number"));
    }
}
