package org.mailpath.testing.smtp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * A well-behaved SMTP server script with knobs for the failure modes: greeting text and delay, EHLO reply or
 * refusal (before and after STARTTLS), dropping the connection after EHLO, STARTTLS with a given TLS
 * context, the RCPT reply.
 */
public final class ScriptedSmtp implements FakeSmtpServer.Behaviour {

    private String banner = "220 mx.example.test ESMTP fake";
    private Duration bannerDelay = Duration.ZERO;
    private List<String> extensions = List.of("PIPELINING", "SIZE 10240000", "8BITMIME", "SMTPUTF8");
    private String ehloName = "mx.example.test";
    private String ehloRefusal = "";
    private String ehloRefusalAfterTls = "";
    private boolean dropAfterEhlo;
    private SSLContext tls;
    private String rcptReply = "250 2.1.5 Ok";

    public static ScriptedSmtp standard() {
        return new ScriptedSmtp();
    }

    public ScriptedSmtp banner(String line) {
        banner = line;
        return this;
    }

    public ScriptedSmtp bannerDelay(Duration d) {
        bannerDelay = d;
        return this;
    }

    public ScriptedSmtp extensions(String... keywords) {
        extensions = List.of(keywords);
        return this;
    }

    public ScriptedSmtp ehloName(String name) {
        ehloName = name;
        return this;
    }

    /** Answers EHLO with 502 (an old server): the client must fall back to HELO. */
    public ScriptedSmtp rejectEhlo() {
        return ehloReply("502 5.5.2 Error: command not recognized");
    }

    /** Answers every EHLO with {@code line}, a refusal such as "450 4.3.2 try later", instead of the extensions. */
    public ScriptedSmtp ehloReply(String line) {
        ehloRefusal = line;
        return this;
    }

    /** Answers EHLO with {@code line} only after STARTTLS; before it EHLO gets the extensions. */
    public ScriptedSmtp ehloReplyAfterTls(String line) {
        ehloRefusalAfterTls = line;
        return this;
    }

    public ScriptedSmtp dropAfterEhlo() {
        dropAfterEhlo = true;
        return this;
    }

    public ScriptedSmtp startTls(SSLContext context) {
        tls = context;
        return this;
    }

    public ScriptedSmtp rcptReply(String line) {
        rcptReply = line;
        return this;
    }

    @Override
    public void handle(ServerConversation c) throws Exception {
        if (!bannerDelay.isZero()) {
            c.pause(bannerDelay);
        }
        c.send(banner);
        if (!banner.startsWith("220")) {
            c.readLine();
            c.send("221 2.0.0 Bye");
            return;
        }
        // per connection: one script may serve several connections at once (two MX hosts on one server)
        SSLContext offered = tls;
        boolean tlsStarted = false;
        String line;
        while ((line = c.readLine()) != null) {
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> {
                    String refusal = tlsStarted && !ehloRefusalAfterTls.isEmpty() ? ehloRefusalAfterTls
                            : ehloRefusal;
                    if (!refusal.isEmpty()) {
                        c.send(refusal);
                        break;
                    }
                    if (dropAfterEhlo) {
                        return;
                    }
                    List<String> lines = new ArrayList<>();
                    lines.add(ehloName);
                    lines.addAll(extensions);
                    if (offered != null) {
                        lines.add("STARTTLS");
                    }
                    for (int i = 0; i < lines.size(); i++) {
                        c.send("250" + (i == lines.size() - 1 ? " " : "-") + lines.get(i));
                    }
                }
                case "HELO" -> c.send("250 " + ehloName);
                case "STARTTLS" -> {
                    if (offered == null) {
                        c.send("454 4.7.0 TLS not available");
                        break;
                    }
                    c.send("220 2.0.0 Ready to start TLS");
                    c.startTls(offered);
                    offered = null; // not offered again after the upgrade
                    tlsStarted = true;
                }
                case "MAIL", "RSET", "NOOP" -> c.send("250 2.0.0 Ok");
                case "RCPT" -> c.send(rcptReply);
                case "QUIT" -> {
                    c.send("221 2.0.0 Bye");
                    return;
                }
                default -> c.send("502 5.5.2 Error: command not recognized");
            }
        }
    }
}
