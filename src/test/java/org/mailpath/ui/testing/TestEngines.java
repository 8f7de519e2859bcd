package org.mailpath.ui.testing;

import java.nio.file.Files;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Progress;
import org.mailpath.ui.app.EngineServices;

/** Engine services for UI tests and the screenshot tour. */
public final class TestEngines {

    private TestEngines() {
    }

    /** Engine services plus whatever they started (servers), closed at the end. */
    public interface Running extends AutoCloseable {
        EngineServices services();

        @Override
        void close();
    }

    public static Running start() {
        EngineServices services = new EngineServices(
                (file, progress, cancellation) -> {
                    if (!Files.isRegularFile(file)) {
                        throw new UnusableLogException(file + " does not exist.");
                    }
                    for (int i = 1; i <= 10; i++) {
                        cancellation.throwIfCancelled();
                        progress.onProgress(new Progress(i * 10, 100, String.valueOf(i * 12)));
                        try {
                            Thread.sleep(30);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            cancellation.throwIfCancelled();
                        }
                    }
                    return TestAnalyses.day();
                },
                new FakeChecker(120),
                org.mailpath.engine.check.CheckOptions.defaults(),
                () -> java.util.Optional.empty());
        return new Running() {
            @Override
            public EngineServices services() {
                return services;
            }

            @Override
            public void close() {
            }
        };
    }
}
