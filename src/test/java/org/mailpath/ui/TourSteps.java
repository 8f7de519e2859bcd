package org.mailpath.ui;

import static org.mailpath.ui.ScreenshotTour.fx;
import static org.mailpath.ui.ScreenshotTour.shot;
import static org.mailpath.ui.ScreenshotTour.waitFor;

import java.nio.file.Path;
import org.mailpath.ui.app.AppContext;
import org.mailpath.ui.dkim.DkimViewModel;
import org.mailpath.ui.dnscheck.ChecksState;

/** The tour's later steps (DNS checks, DKIM, report). */
final class TourSteps {

    private TourSteps() {
    }

    static void rest(AppContext app, Path out, String suffix) throws Exception {
        fx(() -> app.wizard().goTo(2));
        fx(() -> app.checksModel().probeServersProperty().set(true));    // the loopback mail servers answer
        // -Dmailpath.tour.resolvers=HOST:PORT: the checks and the DKIM lookup ask that resolver instead of the
        // sample's world, e.g. one that answers nothing, to show the steps as on a network without DNS
        String resolvers = System.getProperty("mailpath.tour.resolvers", "");
        if (!resolvers.isBlank()) {
            fx(() -> app.checksModel().resolversProperty().set(resolvers));
        }
        // the failing domains are found on a worker when the step is entered: Check waits for them
        waitFor(() -> app.checksModel().canRunProperty().get());
        fx(() -> app.checksModel().run());
        waitFor(() -> app.checksModel().stateProperty().get() == ChecksState.DONE
                || app.checksModel().stateProperty().get() == ChecksState.FAILED);
        shot(app, out.resolve("step-3-dns-checks" + suffix + ".png"));
        fx(() -> app.wizard().goTo(3));
        fx(() -> app.dkimModel().selectorsProperty().set("sf1, sf2"));
        // the sending domain is read from the log on a worker when the step is entered: Inspect waits for it
        waitFor(() -> app.dkimModel().canInspectProperty().get());
        fx(() -> app.dkimModel().inspect());
        waitFor(() -> app.dkimModel().stateProperty().get() == DkimViewModel.State.DONE
                || app.dkimModel().stateProperty().get() == DkimViewModel.State.FAILED);
        shot(app, out.resolve("step-4-dkim" + suffix + ".png"));
        fx(() -> app.wizard().goTo(4));
        waitFor(() -> !app.reportModel().previewingProperty().get());
        shot(app, out.resolve("step-5-report" + suffix + ".png"));
    }
}
