package dev.tideway.websocket.protocol.extension;

/** A handshake response accepted an extension in a way that the client did not offer or cannot honour. */
public class ExtensionNegotiationException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExtensionNegotiationException(String message) {
        super(message);
    }
}
