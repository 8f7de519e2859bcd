package org.mailpath.ui.app;

import atlantafx.base.theme.Styles;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.mailpath.ui.common.FxDialogService;
import org.mailpath.ui.common.IconButtons;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.ThreadTaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.dkim.DkimView;
import org.mailpath.ui.dkim.DkimViewModel;
import org.mailpath.ui.dnscheck.DnsCheckView;
import org.mailpath.ui.dnscheck.DnsCheckViewModel;
import org.mailpath.ui.events.EventsView;
import org.mailpath.ui.events.EventsViewModel;
import org.mailpath.ui.report.ReportView;
import org.mailpath.ui.report.ReportViewModel;
import org.mailpath.ui.importing.ImportView;
import org.mailpath.ui.importing.ImportViewModel;
import org.mailpath.ui.shell.IdleWork;
import org.mailpath.ui.shell.StepPage;
import org.mailpath.ui.shell.WizardView;
import org.mailpath.ui.shell.WizardViewModel;

/**
 * The composition root: builds every service, view-model and view by hand (constructor injection, no
 * singletons) and puts them in the window. Tests build it with fake or loopback engine services.
 */
public final class AppContext {

    private static final System.Logger LOG = System.getLogger(AppContext.class.getName());
    static final int IMPORT = 0;
    static final int EVENTS = 1;
    static final int CHECKS = 2;
    static final int DKIM = 3;
    static final int REPORT = 4;
    /** Between the window's first frame and the first step built ahead, and between one step and the next. */
    static final javafx.util.Duration BUILD_AHEAD_GAP = javafx.util.Duration.millis(300);

    private final Stage stage;
    private final SettingsStore settings;
    private final Messages messages;
    private final ThreadTaskRunner runner;
    private final WizardSession session = new WizardSession();
    private final Appearance appearance;
    private final SettingsNotice settingsNotice;
    private final ImportViewModel importModel;
    private final EventsViewModel eventsModel;
    private final DnsCheckViewModel checksModel;
    private final DkimViewModel dkimModel;
    private final ReportViewModel reportModel;
    private final WizardViewModel wizard;
    private final WizardView wizardView;
    private final ImportView importView;
    private final Scene scene;
    private final long createdAt = System.currentTimeMillis();

    public AppContext(Stage stage, SettingsStore settings, Messages messages, EngineServices engine, Executor uiExecutor) {
        this.stage = stage;
        this.settings = settings;
        this.messages = messages;
        this.runner = new ThreadTaskRunner(uiExecutor);
        this.appearance = new Appearance(settings);
        // Before the first control exists: otherwise JavaFX first parses its default Modena stylesheet, for nothing.
        appearance.apply();
        FxDialogService dialogs = new FxDialogService(() -> stage, messages);
        settingsNotice = new SettingsNotice(messages);
        // problems met reading the file are known already; a failed write is met on the writer's thread
        settings.onProblem(problem -> uiExecutor.execute(() -> settingsNotice.tell(problem)));

        importModel = new ImportViewModel(engine.analyzer(), runner, dialogs, settings, session, messages, engine.sample());
        eventsModel = new EventsViewModel(session, runner, dialogs, messages);
        checksModel = new DnsCheckViewModel(engine.checker(), engine.probe(), runner, dialogs, settings, session, messages,
                engine.checkDefaults());
        dkimModel = new DkimViewModel(engine.dkim(), runner, dialogs, settings, session, messages, engine.checkDefaults());
        reportModel = new ReportViewModel(engine.reports(), runner, dialogs, settings, session, messages,
                java.time.Clock.systemUTC());

        List<StepPage> pages = new ArrayList<>();
        pages.add(new StepPage("wizard.step.import", Material2AL.FILE_UPLOAD, importModel, this::importRoot));
        pages.add(new StepPage("wizard.step.events", Material2AL.LIST, eventsModel,
                () -> new EventsView(eventsModel, messages).root()));
        pages.add(new StepPage("wizard.step.dnscheck", Material2AL.DNS, checksModel,
                () -> new DnsCheckView(checksModel, messages).root()));
        pages.add(new StepPage("wizard.step.dkim", Material2MZ.VPN_KEY, dkimModel,
                () -> new DkimView(dkimModel, messages).root()));
        pages.add(new StepPage("wizard.step.report", Material2AL.DESCRIPTION, reportModel,
                () -> new ReportView(reportModel, messages).root()));
        wizard = new WizardViewModel(pages.stream().map(StepPage::step).toList(), session.analysisProperty());
        importView = new ImportView(importModel, messages, () -> wizard.goTo(EVENTS));
        wizardView = new WizardView(wizard, pages, messages);
        wizardView.headerActions().getChildren().addAll(themeButton(), aboutButton());

        javafx.scene.layout.BorderPane window = new javafx.scene.layout.BorderPane(wizardView.root());
        window.setTop(settingsNoticeBar());
        StackPane root = new StackPane(window, importView.dropOverlay());
        scene = new Scene(root);
        scene.getStylesheets().add(AppContext.class.getResource("/org/mailpath/ui/mailpath.css").toExternalForm());
        wizardView.installAccelerators(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), () -> {
            wizard.goTo(IMPORT);
            importModel.open();
        });
        importView.acceptDropsOn(scene, () -> wizard.goTo(IMPORT));

        // A clean import of a new log goes straight to the events; one with problems stays so they are read first.
        // Not on the state's LOADING -> DONE: a cancelled read with an earlier log open goes there too, and its
        // notice (and a new read replacing it, as a file opened from the system does) must stay on Import.
        importModel.setOnLogRead(() -> {
            if (importModel.problems().isEmpty() && wizard.current() == IMPORT) {
                wizard.goTo(EVENTS);
            }
        });
    }

    private javafx.scene.Node importRoot() {
        return importView.root();
    }

    /** Shows the window; files given on the command line (or by "Open with") are read at once, together. */
    public void show(List<Path> files) {
        stage.setTitle(messages.get("app.title"));
        stage.getIcons().addAll(windowIcons());
        WindowPlacement.restore(stage, settings);
        stage.setScene(scene);
        stage.setOnShown(e -> {
            logStartup();
            // While the user picks a log (or a log given here is read on its worker), the later steps are built, one
            // at a time: the end of an import then shows a ready Events step instead of freezing while it is made.
            IdleWork.oneAtATime(List.of(() -> wizardView.buildAhead(EVENTS),
                    () -> IdleWork.warmTableCells(scene.getStylesheets()), () -> wizardView.buildAhead(CHECKS),
                    () -> wizardView.buildAhead(DKIM), () -> wizardView.buildAhead(REPORT)), BUILD_AHEAD_GAP,
                    stage::isShowing);
        });
        stage.setOnCloseRequest(e -> shutdown());
        stage.show();
        importModel.importFiles(files);
    }

    /** Files handed over by the operating system ("Open with", a double-click on an associated file). */
    public void open(List<Path> files) {
        wizard.goTo(IMPORT);
        importModel.importFiles(files);
        stage.toFront();
    }

    /** Stops all running work and remembers the window; called when the window closes. */
    public void shutdown() {
        wizard.shutdown();
        runner.close();
        if (stage.isShowing()) {
            WindowPlacement.save(stage, settings);
        }
        settings.flush();
    }

    private void logStartup() {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long ms = System.currentTimeMillis() - jvmStart;
        // CPU time (all threads) is the figure that a busy machine distorts least
        long cpuMs = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        LOG.log(System.Logger.Level.INFO, "first window shown " + ms + " ms after JVM start, " + cpuMs
                + " ms CPU (window built from " + (createdAt - jvmStart) + " ms)");
        if (Boolean.getBoolean("mailpath.exitAfterStartup")) {
            System.out.println("MAILPATH_STARTUP_MS=" + ms);
            System.out.println("MAILPATH_STARTUP_CPU_MS=" + cpuMs);
            javafx.application.Platform.exit();
        }
    }

    private Button themeButton() {
        Button b = new Button();
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setId("theme-toggle");
        Runnable refresh = () -> {
            boolean dark = appearance.darkProperty().get();
            b.setGraphic(new FontIcon(dark ? Material2MZ.WB_SUNNY : Material2MZ.NIGHTS_STAY));
            IconButtons.named(b, messages.get(dark ? "app.theme.toLight" : "app.theme.toDark"));
        };
        appearance.darkProperty().addListener(o -> refresh.run());
        refresh.run();
        b.setOnAction(e -> appearance.toggle());
        return b;
    }

    /** The settings notice above the steps, while it has something to say; the user can close it. */
    private javafx.scene.Node settingsNoticeBar() {
        javafx.scene.control.Label text = org.mailpath.ui.common.Labels.wrapped("");
        text.setId("settings-notice");
        text.setGraphic(new FontIcon(Material2AL.INFO));
        text.textProperty().bind(settingsNotice.textProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.layout.HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setId("settings-notice-close");
        IconButtons.named(close, messages.get("app.settings.notice.close"));
        close.setOnAction(e -> settingsNotice.dismiss());
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(8, text, close);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("callout");
        javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(bar);
        box.setPadding(new javafx.geometry.Insets(8, 12, 0, 12));
        box.visibleProperty().bind(settingsNotice.textProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Button aboutButton() {
        Button b = new Button(null, new FontIcon(Material2AL.INFO));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setId("about");
        IconButtons.named(b, messages.get("app.about"));
        b.setOnAction(e -> showAbout());
        return b;
    }

    private void showAbout() {
        AboutViewModel about = new AboutViewModel(OfferedLanguages.load(), messages.locale(), settings,
                importModel::clearRecentFiles);
        new AboutDialog(about, messages, stage).showAndWait();
    }

    // ---- for tests and the screenshot tour

    public Scene scene() {
        return scene;
    }

    public WizardViewModel wizard() {
        return wizard;
    }

    public ImportViewModel importModel() {
        return importModel;
    }

    public EventsViewModel eventsModel() {
        return eventsModel;
    }

    public DnsCheckViewModel checksModel() {
        return checksModel;
    }

    public DkimViewModel dkimModel() {
        return dkimModel;
    }

    public ReportViewModel reportModel() {
        return reportModel;
    }

    public WizardSession session() {
        return session;
    }

    public SettingsNotice settingsNotice() {
        return settingsNotice;
    }

    public Appearance appearance() {
        return appearance;
    }

    /** The app icon in the sizes window managers pick from (16 px title bars to 256 px switchers, high-DPI). */
    private static java.util.List<javafx.scene.image.Image> windowIcons() {
        return java.util.stream.Stream.of(16, 32, 48, 64, 128, 256)
                .map(size -> AppContext.class.getResource("/org/mailpath/ui/icons/mailpath-" + size + ".png"))
                .filter(java.util.Objects::nonNull)
                .map(url -> new javafx.scene.image.Image(url.toExternalForm(), true))
                .toList();
    }
}
