package dev.hamtlab.bench;

/** A command line the runner refuses; the message is the one line the user sees. */
public final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    /** Refuses with this message. */
    public BadInput(String message) {
        super(message);
    }
}
