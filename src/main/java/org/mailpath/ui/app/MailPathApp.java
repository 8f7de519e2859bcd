package org.mailpath.ui.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Placeholder window; the wizard replaces it. */
public final class MailPathApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(MailPathApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("MailPath");
        stage.setScene(new Scene(new Label("MailPath"), 960, 640));
        stage.show();
    }
}
