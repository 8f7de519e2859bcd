package org.mailpath.engine.smtp;

import java.util.Optional;
import org.mailpath.engine.status.Diagnosis;

/**
 * Explains a reply line such as {@code 550 5.1.1 user unknown}. The probe is given one so it stays independent of
 * the status knowledge base that implements it.
 */
@FunctionalInterface
public interface ReplyDecoder {

    ReplyDecoder NONE = line -> Optional.empty();

    Optional<Diagnosis> decode(String replyLine);
}
