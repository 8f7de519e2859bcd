package org.mailpath.ui.app;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A TestFX test of the whole app: before each test the real app is shown on TestFX's stage with its own loopback
 * test engine ({@link TestApps.Running}), in {@link #locale()}; after it both are shut down.
 */
@ExtendWith(ApplicationExtension.class)
abstract class RunningAppTest {

    /** The app under test; a test may replace it (a second context on the same stage). */
    protected AppContext app;
    private TestApps.Running running;

    /** The app's language; English unless a test says otherwise. */
    protected Locale locale() {
        return Locale.ENGLISH;
    }

    @BeforeEach
    final void startApp() throws Exception {
        // after ApplicationExtension's own set-up, which registered the stage; the limit only ends a hang: with five
        // builds on two cores the first window once took 62 s
        running = WaitForAsyncUtils.asyncFx(() -> TestApps.Running.open(FxToolkit.toolkitContext().getRegisteredStage(),
                locale())).get(180, TimeUnit.SECONDS);
        app = running.app();
    }

    @AfterEach
    final void stopApp() throws Exception {
        running.close();
    }
}
