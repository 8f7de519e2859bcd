package org.mailpath.engine.spf;

/** A {@code name=value} modifier ({@code redirect}, {@code exp} or an unknown one, which is ignored). */
public record SpfModifier(String name, String value, String text) implements SpfTerm {
}
