package org.mailpath.engine.spf;

/** One term of an SPF record: a mechanism (directive) or a modifier. {@code text()} is the term as written. */
public sealed interface SpfTerm permits SpfMechanism, SpfModifier {

    String text();
}
