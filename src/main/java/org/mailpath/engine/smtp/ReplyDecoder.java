package org.mailpath.engine.smtp;

import java.util.Optional;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * Explains a reply line such as {@code 550 5.1.1 user unknown}. The probe is given one so it stays independent of
 * the status knowledge base that implements it.
 */
@FunctionalInterface
public interface ReplyDecoder {

    ReplyDecoder NONE = line -> Optional.empty();

    /**
     * Explains with the status knowledge base; its fallback ("unknown reply") counts as no explanation, and so does
     * its diagnosis of a reply without text, whose advice is about a log's missing column.
     */
    static ReplyDecoder of(StatusKnowledgeBase knowledge) {
        return line -> Optional.of(knowledge.diagnose(SmtpReply.parse(line)))
                .filter(d -> !"fallback".equals(d.ruleId()) && !StatusKnowledgeBase.EMPTY_REPLY.equals(d.ruleId()));
    }

    Optional<Diagnosis> decode(String replyLine);
}
