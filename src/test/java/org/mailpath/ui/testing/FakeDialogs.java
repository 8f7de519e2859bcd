package org.mailpath.ui.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailpath.ui.common.DialogService;

/** Records what a view-model asked of the desktop and answers with prepared files. */
public final class FakeDialogs implements DialogService {

    /** The one file the open dialog answers with, when {@link #nextOpenSeveral} is empty; empty: cancelled. */
    public Optional<Path> nextOpen = Optional.empty();
    /** Files the open dialog answers with; when empty it answers with {@link #nextOpen}. */
    public List<Path> nextOpenSeveral = List.of();
    public Optional<Path> nextSave = Optional.empty();
    public final List<String> clipboard = new ArrayList<>();
    public Optional<Path> lastInitialFolder = Optional.empty();

    @Override
    public List<Path> chooseLogFiles(Optional<Path> initialFolder) {
        lastInitialFolder = initialFolder;
        return nextOpenSeveral.isEmpty() ? nextOpen.map(List::of).orElse(List.of()) : nextOpenSeveral;
    }

    @Override
    public Optional<Path> chooseSaveFile(String suggestedName, String extension) {
        return nextSave;
    }

    @Override
    public void copyToClipboard(String text) {
        clipboard.add(text);
    }

    public String lastCopied() {
        return clipboard.getLast();
    }
}
