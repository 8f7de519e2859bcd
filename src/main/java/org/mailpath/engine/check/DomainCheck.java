package org.mailpath.engine.check;

/**
 * One kind of check of one domain (MX, SPF, DKIM, …). The {@link DomainChecker} runs the checks that a
 * {@link CheckRequest} asks for, concurrently, and reports each as it starts and ends.
 */
public interface DomainCheck {

    CheckKind kind();

    /** Runs the check; never throws for DNS or network trouble (that is a finding). */
    CheckOutcome run(CheckContext context);
}
