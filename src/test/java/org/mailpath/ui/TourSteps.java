package org.mailpath.ui;

import java.nio.file.Path;
import org.mailpath.ui.app.AppContext;

/** The tour's later steps (DNS checks, DKIM, report). */
final class TourSteps {

    private TourSteps() {
    }

    static void rest(AppContext app, Path out, String suffix) throws Exception {
        // filled in as the steps are built
    }
}
