package org.mailpath.engine.address;

import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;

/**
 * Why an address is no valid mailbox, in words from {@code problems.properties} of this package (English) and its
 * translations; a text's arguments are data (domains, labels, characters, numbers) or other texts of this bundle.
 */
final class AddressTexts {

    private static final FindingTexts TEXTS = FindingTexts.of(AddressTexts.class.getPackageName() + ".problems");

    private AddressTexts() {
    }

    static LocalText text(String key, Object... args) {
        return TEXTS.text(key, args);
    }
}
