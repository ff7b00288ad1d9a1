package dev.tideway.websocket.samples.client;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Prints what arrives: each text message as a line of its own, each binary message as hex (or only its
 * length, when it is longer than {@value #HEX_LIMIT} bytes); and, on the status stream, errors and how the
 * connection closed. Pongs are not printed, only awaited ({@link #awaitPongAndQuiet}).
 */
final class PrintingEndpoint extends Endpoint {
    /** Binary messages up to this many bytes are printed in full; longer ones only as a length. */
    static final int HEX_LIMIT = 64;

    private final PrintStream messages;
    private final PrintStream status;
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final Semaphore pongs = new Semaphore(0);
    private volatile long lastArrival = System.nanoTime();

    PrintingEndpoint(PrintStream messages, PrintStream status) {
        this.messages = messages;
        this.status = status;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            lastArrival = System.nanoTime();
            messages.println(text);
        });
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) binary -> {
            lastArrival = System.nanoTime();
            messages.println(describe(binary));
        });
        session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> {
            lastArrival = System.nanoTime();
            pongs.release();
        });
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

    /**
     * Waits for the next pong, then until nothing has arrived for {@code quiet}; false when that did not
     * happen within {@code timeout}.
     */
    boolean awaitPongAndQuiet(Duration quiet, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!pongs.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        while (true) {
            long now = System.nanoTime();
            long quietFrom = lastArrival + quiet.toNanos();
            if (now - quietFrom >= 0) {
                return true;
            }
            if (now - deadline >= 0) {
                return false;
            }
            Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(quietFrom - now, deadline - now))));
        }
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
