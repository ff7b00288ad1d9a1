package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.Role;
import dev.tideway.websocket.protocol.WebSocketConnection;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The read half of the transport against scripted streams, with the real engine on top: when it reads,
 * how pausing keeps bytes, and how resuming reads again on the executor.
 */
class UpgradeReaderTest {
    private final FakeStreams.Connection webConnection = new FakeStreams.Connection();
    private final ArrayDeque<Runnable> executor = new ArrayDeque<>();
    private final BufferPool pool = BufferPool.newDefault();
    private final Recorder recorder = new Recorder();
    private WebSocketConnection connection;

    @Test
    void readsWhileReadyThenLeavesItToTheContainer() throws Exception {
        start();
        webConnection.input.chunks.add(frames("a", "b"));
        webConnection.input.chunks.add(frames("c"));

        webConnection.input.listener.onDataAvailable();

        assertEquals(List.of("a", "b", "c"), recorder.texts);
        assertEquals(2, webConnection.input.reads);
    }

    @Test
    void pauseKeepsTheRestAndResumeDeliversItOnTheExecutorNotTheCaller() throws Exception {
        start();
        recorder.pauseAfter = "a";
        webConnection.input.chunks.add(frames("a", "b", "c"));

        webConnection.input.listener.onDataAvailable();
        assertEquals(List.of("a"), recorder.texts);

        recorder.pauseAfter = null;
        connection.resumeReading();
        assertEquals(List.of("a"), recorder.texts, "resumeReading() must not deliver on the caller's thread");

        runExecutor();
        assertEquals(List.of("a", "b", "c"), recorder.texts);
        assertEquals(1, webConnection.input.reads);
    }

    @Test
    void resumeReadsWhatArrivedWhileThePausedLoopWasAway() throws Exception {
        start();
        recorder.pauseAfter = "a";
        webConnection.input.chunks.add(frames("a"));
        webConnection.input.listener.onDataAvailable();
        // bytes arrive while paused; the container does not call again, since isReady() never said false
        webConnection.input.chunks.add(frames("b"));

        recorder.pauseAfter = null;
        connection.resumeReading();
        runExecutor();

        assertEquals(List.of("a", "b"), recorder.texts);
    }

    @Test
    void aContainerCallWhileAnotherThreadReadsIsFoldedIntoThatThreadsLoop() throws Exception {
        start();
        webConnection.input.chunks.add(frames("a"));
        // data arrives, and the container calls onDataAvailable, just as our loop found the stream dry
        webConnection.input.whenNotReady = () -> {
            webConnection.input.chunks.add(frames("b"));
            containerCallsOnDataAvailable();
            assertEquals(List.of("a"), recorder.texts, "a second reader ran");
        };

        webConnection.input.listener.onDataAvailable();

        assertEquals(List.of("a", "b"), recorder.texts);
    }

    @Test
    void theContainerCallingWhilePausedReadsNothing() throws Exception {
        start();
        recorder.pauseAfter = "a";
        webConnection.input.chunks.add(frames("a"));
        webConnection.input.listener.onDataAvailable();
        webConnection.input.chunks.add(frames("b"));

        webConnection.input.listener.onDataAvailable();

        assertEquals(List.of("a"), recorder.texts);
        assertEquals(1, webConnection.input.reads);
    }

    @Test
    void theReadBufferGoesBackToThePoolWhenTheStreamRunsDry() throws Exception {
        start();
        webConnection.input.chunks.add(frames("a"));

        webConnection.input.listener.onDataAvailable();

        byte[] readInto = webConnection.input.arraysReadInto.get(0);
        assertSame(readInto, pool.acquire(UpgradeResources.DEFAULT_READ_BUFFER_SIZE).array());
    }

    @Test
    void theEndOfTheInputEndsTheConnectionWith1006AndClosesIt() throws Exception {
        start();
        webConnection.input.eof = true;

        webConnection.input.listener.onDataAvailable();

        assertEquals(1006, recorder.closed.getNow(null).code());
        assertTrue(webConnection.closed);
    }

    @Test
    void aReadErrorFromTheContainerEndsTheConnection() throws Exception {
        start();
        java.io.IOException reset = new java.io.IOException("reset");

        webConnection.input.listener.onError(reset);

        assertSame(reset, recorder.error);
        assertEquals(1006, recorder.closed.getNow(null).code());
        assertTrue(webConnection.closed);
    }

    private void start() throws Exception {
        UpgradeTransport transport = new UpgradeTransport(webConnection, new UpgradeResources(pool, executor::add));
        connection = WebSocketConnection.builder(Role.SERVER, transport, recorder)
                .scheduler((task, delay, unit) -> () -> { })
                .bufferPool(pool)
                .build();
        recorder.connection = connection;
        transport.start(connection);
    }

    private void containerCallsOnDataAvailable() {
        try {
            webConnection.input.listener.onDataAvailable();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void runExecutor() {
        for (int i = 0; i < 100 && !executor.isEmpty(); i++) {
            executor.poll().run();
        }
    }

    /** Client frames: masked single-frame text messages, back to back. */
    static byte[] frames(String... texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] key = {0x11, 0x22, 0x33, 0x44};
        for (String text : texts) {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            out.write(0x81);
            out.write(0x80 | payload.length);
            out.writeBytes(key);
            for (int i = 0; i < payload.length; i++) {
                out.write(payload[i] ^ key[i % 4]);
            }
        }
        return out.toByteArray();
    }

    /** Records text messages; pauses the connection after the one named. */
    private static final class Recorder extends EchoListener {
        final List<String> texts = new ArrayList<>();
        final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        WebSocketConnection connection;
        String pauseAfter;
        Throwable error;

        Recorder() {
            super(null);
        }

        @Override
        public void onText(ByteBuffer utf8, boolean last) {
            String text = StandardCharsets.UTF_8.decode(utf8).toString();
            texts.add(text);
            if (text.equals(pauseAfter)) {
                connection.pauseReading();
            }
        }

        @Override
        public void onError(Throwable cause) {
            error = cause;
        }

        @Override
        public void onClosed(CloseStatus status) {
            closed.complete(status);
        }
    }
}
