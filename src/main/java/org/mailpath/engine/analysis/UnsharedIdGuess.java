package org.mailpath.engine.analysis;

/**
 * What the analysis guessed about a message whose rows are in logs analysed together that share no ID column (one
 * lacks the Message ID Header column, another the Internal Message ID column): its rows were joined by a unique match
 * of recipient, Sender, User ID and time, or left apart because they matched more than one message. The files'
 * warnings count them; this tells which messages they are ({@link LogAnalysis#unsharedIdGuess}).
 */
public enum UnsharedIdGuess {

    /** Its rows in two files were joined into one message by a best guess, not by an ID: the guess may be wrong. */
    JOINED,
    /**
     * Its rows may be those of another message in a file sharing no ID with its own (it matched more than one, or one
     * that another message matches too), so they were left apart: the message may be counted twice.
     */
    LEFT_APART
}
