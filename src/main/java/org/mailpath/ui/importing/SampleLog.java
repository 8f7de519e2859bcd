package org.mailpath.ui.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Where "Try a sample log" finds its file. Called on a worker thread (it may copy a file). */
@FunctionalInterface
public interface SampleLog {

    String RESOURCE = "/org/mailpath/ui/importing/sample-email-log.csv";

    Optional<Path> locate() throws IOException;

    /**
     * The sample shipped in the jar (copied once to a temporary file, since the analyser reads paths), else
     * {@code assets/samples/sample-email-log.csv} of a source checkout.
     */
    static SampleLog bundled() {
        return () -> {
            try (InputStream in = SampleLog.class.getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    Path tmp = Files.createTempFile("mailpath-sample-", ".csv");
                    tmp.toFile().deleteOnExit();
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    return Optional.of(tmp);
                }
            }
            Path base = Path.of(System.getProperty("mailpath.projectDir", "."));
            Path checkout = base.resolve("assets/samples/sample-email-log.csv");
            return Files.isRegularFile(checkout) ? Optional.of(checkout) : Optional.empty();
        };
    }
}
