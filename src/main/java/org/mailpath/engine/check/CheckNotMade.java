package org.mailpath.engine.check;

import java.util.List;

/**
 * One check of a domain that this computer's network kept from being made, for machines (the command line's JSON):
 * {@code check} is its id as {@link ChecksNotMade#CHECKS} names it (the prefix of its findings' codes), or
 * {@link ChecksNotMade#ALL} when the domain could not be checked as a whole; {@code reasons} are the codes of the
 * findings that say why (DNS_TIMEOUT, DNSBL_ZONE_UNUSABLE…), each once, never empty.
 */
public record CheckNotMade(String check, List<String> reasons) {

    public CheckNotMade {
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a check not made has a reason: " + check);
        }
    }
}
