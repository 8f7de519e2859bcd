package org.mailpath.ui.events;

import org.mailpath.engine.log.MailEvent;

/**
 * One step of a message's path R → T → … → D/P, with its facts in words. Text from the log is shown as data.
 * {@code sign} is its mark as the message table's events column shows it: the Mail Event letter, or "h" for a hand-off
 * between Salesforce's servers (a D row that delivered nothing).
 */
public record TimelineEntry(MailEvent event, String sign, String title, String time, String stage, String relay, String tls,
                            String status) {
}
