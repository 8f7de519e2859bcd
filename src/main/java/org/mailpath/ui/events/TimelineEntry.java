package org.mailpath.ui.events;

import org.mailpath.engine.log.MailEvent;

/** One step of a message's path R → T → … → D/P, with its facts in words. Text from the log is shown as data. */
public record TimelineEntry(MailEvent event, String title, String time, String stage, String relay, String tls,
                            String status) {
}
