package dev.hamtlab.bench;

/** A command line the runner refuses; the message is the one line the user sees. */
final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
        super(message);
    }
}
