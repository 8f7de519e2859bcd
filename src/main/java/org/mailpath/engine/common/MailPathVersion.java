package org.mailpath.engine.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The one version of MailPath, taken from pom.xml at build time. */
public final class MailPathVersion {

    private static final String VERSION = load();

    private MailPathVersion() {
    }

    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = MailPathVersion.class.getResourceAsStream("/org/mailpath/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
