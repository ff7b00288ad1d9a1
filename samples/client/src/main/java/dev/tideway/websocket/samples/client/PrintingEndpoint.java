package dev.tideway.websocket.samples.client;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * Prints what arrives: each text message as a line of its own, each binary message as hex (or only its
 * length, when it is longer than {@value #HEX_LIMIT} bytes); and, on the status stream, errors and how the
 * connection closed.
 */
final class PrintingEndpoint extends Endpoint {
    /** Binary messages up to this many bytes are printed in full; longer ones only as a length. */
    static final int HEX_LIMIT = 64;

    private final PrintStream messages;
    private final PrintStream status;
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();

    PrintingEndpoint(PrintStream messages, PrintStream status) {
        this.messages = messages;
        this.status = status;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) messages::println);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) binary ->
                messages.println(describe(binary)));
    }

    @Override
    public void onError(Session session, Throwable failure) {
        status.println("Error: " + failure.getMessage());
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        status.println("Closed: " + reason.getCloseCode().getCode() + " " + reason.getReasonPhrase());
        closed.complete(reason);
    }

    /** Completes when the connection has closed, with the close code and reason. */
    CompletableFuture<CloseReason> closed() {
        return closed;
    }

    /** {@code [binary, 3 bytes] 0a0b0c}, or {@code [binary, 70000 bytes]} for long messages. */
    static String describe(ByteBuffer binary) {
        int length = binary.remaining();
        String header = "[binary, " + length + (length == 1 ? " byte]" : " bytes]");
        if (length > HEX_LIMIT) {
            return header;
        }
        byte[] bytes = new byte[length];
        binary.get(bytes);
        return length == 0 ? header : header + " " + HexFormat.of().formatHex(bytes);
    }
}
