package org.mailpath.ui.dnscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.smtp.Capabilities;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.engine.smtp.ProbeTarget;
import org.mailpath.engine.smtp.SmtpCodes;
import org.mailpath.engine.smtp.SmtpFindings;
import org.mailpath.engine.smtp.TargetResult;
import org.mailpath.engine.smtp.TlsFacts;
import org.mailpath.engine.smtp.TranscriptLine;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The step on screen (headless): the option by keyboard, a mail server's row opening its conversation. */
@ExtendWith(ApplicationExtension.class)
class DnsCheckViewTest {

    private DnsCheckViewModel model;
    private final WizardSession session = new WizardSession();

    /** One domain, one address that timed out: the blocked-port case. */
    private static final MailServerProbe TIMED_OUT = (domain, rcpt, options, listener, cancellation) -> {
        try {
            ProbeTarget t = new ProbeTarget(domain, "mx1." + domain, InetAddress.getByName("192.0.2.25"), 25,
                    OptionalInt.of(10));
            listener.targetsResolved(List.of(t));
            listener.targetStarted(t);
            TranscriptLine line = new TranscriptLine(java.time.Instant.EPOCH, TranscriptLine.Direction.NOTE,
                    "connect failed: Connect timed out");
            TargetResult r = new TargetResult(t, List.of(line), List.of(SmtpFindings.of(SmtpCodes.SMTP_CONNECT_TIMEOUT,
                    t.label(), List.of(line.toString()), "192.0.2.25 port 25", "15")), Capabilities.NONE,
                    Optional.of(TargetResult.ConnectFailure.TIMEOUT), new TlsFacts.NotReached());
            listener.targetFinished(r);
            return new ProbeReport(List.of(r), List.of());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    };

    @Start
    void start(Stage stage) throws Exception {
        model = DnsCheckStepFixture.model((requests, options, listener, cancellation) -> new CheckReport(
                requests.stream().map(r -> new DomainCheckResult(r.domain(), List.of(), List.of())).toList()),
                TIMED_OUT, new FakeDialogs(), session);
        model.recipientDomains().add("example.se");
        DnsCheckStepFixture.show(stage, model);
    }

    @Test
    void theOptionWorksByKeyboardAndAMailServersRowShowsItsConversation(FxRobot robot) throws Exception {
        CheckBox probe = robot.lookup("#dns-smtp").queryAs(CheckBox.class);
        assertFalse(probe.isSelected(), "off by default");
        assertFalse(robot.lookup("#dns-smtp-rcpt").queryAs(CheckBox.class).getParent().isVisible(),
                "the RCPT test sits behind it");
        assertTrue(probe.isFocusTraversable());
        robot.interact(probe::requestFocus);
        robot.type(KeyCode.SPACE);
        assertTrue(model.probeServersProperty().get());
        assertTrue(robot.lookup("#dns-smtp-rcpt").queryAs(CheckBox.class).getParent().isVisible());

        // the window's Cancel below the step stops the checks: the step has no second Cancel above it
        assertTrue(robot.lookup(".button").queryAll().stream().noneMatch(n -> n instanceof javafx.scene.control.Button b
                && b.getText() != null && b.getText().replace("_", "").equals("Cancel")), "a Cancel in the step");

        assertEquals(List.of("example.se, not checked yet"), spokenDomains(robot),
                "each entry says its domain, which sits in the cell's graphic, and its state");
        robot.clickOn("#dns-run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> model.stateProperty().get() == ChecksState.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> spoken = spokenDomains(robot);
        assertEquals(1, spoken.size());
        assertTrue(spoken.getFirst().matches("example\\.se, checked: (no errors|1 error), (no warnings|1 warning)"),
                spoken.getFirst());
        // each finding's copy button names its finding, not only "Copy this finding"
        List<String> copies = robot.lookup("#dns-findings .button").queryAll().stream()
                .map(n -> String.valueOf(n.queryAccessibleAttribute(javafx.scene.AccessibleAttribute.TEXT))).toList();
        assertFalse(copies.isEmpty());
        List<String> shown = model.groups().stream().flatMap(g -> g.findings().stream())
                .map(f -> "Copy the finding: " + f.message(Locale.ENGLISH) + " (" + f.subject() + ")").toList();
        assertFalse(shown.isEmpty());
        assertEquals(shown, copies);
        Label notice = robot.lookup("#dns-smtp-notice").queryAs(Label.class);
        assertTrue(notice.isVisible());
        assertTrue(notice.getText().startsWith("The one mail server address did not answer on port 25."),
                notice.getText());

        TableView<?> table = robot.lookup("#check-table").queryTableView();
        int serverRow = model.rows().indexOf(model.rows().stream().filter(r -> r.target().isPresent())
                .findFirst().orElseThrow());
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(serverRow - 1);
        });
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("Mail server conversation", tabs.getSelectionModel().getSelectedItem().getText());
        TextArea transcript = robot.lookup("#dns-smtp-transcript").queryAs(TextArea.class);
        assertTrue(transcript.isVisible());
        assertTrue(transcript.getText().startsWith("mx1.example.se [192.0.2.25]:25 — a mail server of example.se"),
                transcript.getText());
        assertTrue(transcript.getText().contains("*  connect failed: Connect timed out"));
    }

    /** What a screen reader says of each entry of the domain list (role LIST_ITEM, attribute TEXT). */
    private static List<String> spokenDomains(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#dns-domains .list-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.ListCell<?>) n).getItem() != null)
                .map(n -> String.valueOf(n.queryAccessibleAttribute(javafx.scene.AccessibleAttribute.TEXT))).toList();
    }

    @Test
    void failingDomainsLeftOutAreSaidBelowTheListAndAddedByItsButton(FxRobot robot) throws Exception {
        javafx.scene.Node notice = robot.lookup("#dns-left-out").query();
        assertFalse(notice.getParent().isVisible(), "nothing is left out before a log");
        List<org.mailpath.engine.analysis.MessageChain> chains = new java.util.ArrayList<>();
        int failing = DnsCheckViewModel.MAX_PREFILLED + 2;
        for (int i = 0; i < failing; i++) {
            chains.add(org.mailpath.ui.testing.TestAnalyses.bounced("x@d" + (100 + i) + ".example", i));
        }
        robot.interact(() -> {
            session.setAnalysis(org.mailpath.ui.testing.TestAnalyses.of(chains));
            model.entered();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.prefillingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(notice.getParent().isVisible());
        assertEquals(DnsCheckViewModel.MAX_PREFILLED + " of the " + failing + " failing recipient domains in the log"
                + " are checked; the report says nothing about the DNS of the others.",
                ((Label) notice).getText());
        robot.clickOn("#dns-add-left-out");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(failing, model.recipientDomains().size());
        assertFalse(notice.getParent().isVisible());
    }
    @Test
    void aLongDomainIsCutWithItsWholeNameInATooltipAndEveryRemoveButtonStaysInSight(FxRobot robot) {
        String long1 = "customer-14-very-long-subsidiary-name-example.customer-14-very-long-subsidiary-name-example"
                + ".example";
        robot.interact(() -> model.recipientDomains().addAll(long1, "b.example"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<?> list = robot.lookup("#dns-domains").queryListView();
        javafx.geometry.Bounds shown = list.localToScreen(list.getLayoutBounds());
        List<javafx.scene.control.ListCell<?>> cells = robot.lookup("#dns-domains .list-cell").queryAll().stream()
                .<javafx.scene.control.ListCell<?>>map(n -> (javafx.scene.control.ListCell<?>) n).filter(c -> c.getItem() != null).toList();
        assertEquals(3, cells.size(), "example.se, the long one and b.example");
        for (javafx.scene.control.ListCell<?> cell : cells) {
            javafx.scene.Node remove = cell.lookup(".button");
            javafx.geometry.Bounds x = remove.localToScreen(remove.getLayoutBounds());
            assertTrue(remove.isVisible() && x.getWidth() > 0, cell.getItem() + ": no remove button drawn");
            assertTrue(x.getMinX() >= shown.getMinX() && x.getMaxX() <= shown.getMaxX(),
                    cell.getItem() + ": the remove button " + x + " is outside the list " + shown);
            org.mailpath.ui.common.TippedLabel name =
                    (org.mailpath.ui.common.TippedLabel) cell.lookup(".dns-domain-name");
            if (cell.getItem().equals(long1)) {
                assertTrue(name.getWidth() < org.mailpath.ui.common.CellWidths.widestIn(name.getFont(), List.of(long1)), "the long name is not cut in this width");
                assertEquals(long1, name.tip(), "the cut name says itself whole in its tooltip");
            } else {
                assertEquals("", name.tip(), "a name shown whole has no tooltip repeating it");
            }
        }
        assertTrue(robot.lookup("#dns-domains .scroll-bar").queryAll().stream()
                .noneMatch(n -> n instanceof javafx.scene.control.ScrollBar bar
                        && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && bar.isVisible()),
                "the list scrolls sideways");
    }
}
