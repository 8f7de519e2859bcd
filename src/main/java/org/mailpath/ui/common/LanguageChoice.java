package org.mailpath.ui.common;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * A labelled choice of language, bound both ways to a view-model's property: the About box's language of the app and
 * the Report step's language of the report. Each language is named in itself, so that a reader finds their own.
 */
public final class LanguageChoice {

    private LanguageChoice() {
    }

    /** "English", "Svenska": the language's own name, capitalised as a choice in a list. */
    public static String nameOf(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }

    public static HBox labelled(String id, String label, List<Locale> languages, ObjectProperty<Locale> chosen) {
        ChoiceBox<Locale> choice = choice(id, languages, chosen);
        Label text = new Label(label);
        text.setLabelFor(choice);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, text, choice);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The choice alone, for a caller that lays out its label itself. */
    public static ChoiceBox<Locale> choice(String id, List<Locale> languages, ObjectProperty<Locale> chosen) {
        ChoiceBox<Locale> choice = new ChoiceBox<>();
        choice.setId(id);
        choice.getItems().setAll(languages);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : nameOf(l);
            }

            @Override
            public Locale fromString(String s) {
                return languages.stream().filter(l -> nameOf(l).equals(s)).findFirst().orElse(null);
            }
        });
        choice.valueProperty().bindBidirectional(chosen);
        // the choice kept whole and its label wrapped rather than cut ("Report lan…", "Language (from the next sta…"
        // with a larger system font)
        choice.setMinWidth(Region.USE_PREF_SIZE);
        return choice;
    }
}
