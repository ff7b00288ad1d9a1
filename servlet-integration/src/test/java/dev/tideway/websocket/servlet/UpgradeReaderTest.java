package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * how pausing keeps bytes, how resuming goes on under each {@link ReadDispatch.Strategy}, and how a
 * container that calls when it should not is recognised.
 */
class UpgradeReaderTest {
    private final FakeStreams.Connection webConnection = new FakeStreams.Connection();
    private final ArrayDeque<Runnable> executor = new ArrayDeque<>();
    private final BufferPool pool = BufferPool.newDefault();
    private final Recorder recorder = new Recorder();
    private ReadDispatch dispatch;
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
    void aResumeWhileTheListenerIsBeingSetLeavesTheStreamToTheContainer() throws Exception {
        UpgradeTransport transport = build(ReadDispatch.Strategy.SPEC);
        webConnection.input.chunks.add(frames("a"));
        // the session's onOpen ends and resumes reading on another thread while the container registers us:
        // Jetty refuses setReadListener() once isReady() was asked
        webConnection.input.whileSettingListener = () -> {
            connection.resumeReading();
            runExecutor();
        };

        transport.start(connection);

        assertEquals(List.of(), webConnection.input.streamThreads, "the stream was asked before it had a listener");
        containerCallsOnDataAvailable();
        assertEquals(List.of("a"), recorder.texts);
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
    void aContainerCallWhilePausedProvesRedispatchAndFromThenOnOnlyContainerThreadsRead() throws Exception {
        start();
        recorder.pauseAfter = "a";
        webConnection.input.chunks.add(frames("a"));
        webConnection.input.listener.onDataAvailable();
        webConnection.input.chunks.add(frames("b"));

        // isReady() never said false: a container keeping to the specification would not call now
        webConnection.input.listener.onDataAvailable();

        assertEquals(List.of("a"), recorder.texts);
        assertEquals(ReadDispatch.Strategy.REDISPATCH, dispatch.strategy(), "learnt for the whole container");
        assertEquals(2, webConnection.input.reads, "read ahead on the container's thread, until isReady() false");
        recorder.pauseAfter = null;
        connection.resumeReading();
        runExecutor();
        assertEquals(List.of("a", "b"), recorder.texts);
        assertEquals(2, webConnection.input.reads, "the executor only fed what the container thread had read");
    }

    @Test
    void aSpecContainerCallingAfterIsReadyFalseIsNotTakenForRedispatch() throws Exception {
        start();
        webConnection.input.chunks.add(frames("a"));
        webConnection.input.listener.onDataAvailable();
        webConnection.input.chunks.add(frames("b"));

        webConnection.input.listener.onDataAvailable();

        assertEquals(List.of("a", "b"), recorder.texts);
        assertEquals(ReadDispatch.Strategy.SPEC, dispatch.strategy());
    }

    @Test
    void redispatchResumeFeedsWhatWasReadOnTheExecutorWithoutTouchingTheStream() throws Exception {
        start(ReadDispatch.Strategy.REDISPATCH);
        recorder.pauseAfter = "a";
        webConnection.input.chunks.add(frames("a", "b"));
        webConnection.input.listener.onDataAvailable();
        webConnection.input.chunks.add(frames("c"));
        int streamCalls = webConnection.input.streamThreads.size();

        recorder.pauseAfter = null;
        connection.resumeReading();
        assertEquals(List.of("a"), recorder.texts, "resumeReading() must not deliver on the caller's thread");
        runExecutor();

        assertEquals(List.of("a", "b"), recorder.texts);
        assertEquals(streamCalls, webConnection.input.streamThreads.size(), "no isReady() or read() off the container");
        webConnection.input.listener.onDataAvailable();
        assertEquals(List.of("a", "b", "c"), recorder.texts);
    }

    @Test
    void redispatchPausedCallbackReadsAheadUntilIsReadyFalseAndResumeDeliversItInOrder() throws Exception {
        start(ReadDispatch.Strategy.REDISPATCH);
        recorder.pauseAfter = "a";
        webConnection.input.chunks.add(frames("a"));
        webConnection.input.chunks.add(frames("b"));
        webConnection.input.chunks.add(frames("c"));

        webConnection.input.listener.onDataAvailable();

        assertEquals(List.of("a"), recorder.texts);
        assertEquals(3, webConnection.input.reads, "left only once isReady() said false");
        assertTrue(webConnection.input.chunks.isEmpty());
        recorder.pauseAfter = null;
        connection.resumeReading();
        runExecutor();
        assertEquals(List.of("a", "b", "c"), recorder.texts);
    }

    @Test
    void redispatchReadAheadIsBoundedAndTheHeldContainerThreadReadsOnAfterResume() throws Exception {
        start(ReadDispatch.Strategy.REDISPATCH);
        recorder.pauseAfter = "0";
        int count = UpgradeReader.READ_AHEAD_CHUNKS + 3;
        for (int i = 0; i < count; i++) {
            webConnection.input.chunks.add(frames(Integer.toString(i)));
        }
        Thread container = containerThread(this::containerCallsOnDataAvailable);

        awaitWaiting(container);
        assertEquals(1 + UpgradeReader.READ_AHEAD_CHUNKS, webConnection.input.reads, "reads ahead, then holds");
        recorder.pauseAfter = null;
        connection.resumeReading();
        container.join(5_000);

        assertFalse(container.isAlive());
        assertTrue(executor.isEmpty(), "the held container thread took the loop; no executor needed");
        assertEquals(count, recorder.texts.size());
        for (int i = 0; i < count; i++) {
            assertEquals(Integer.toString(i), recorder.texts.get(i));
        }
        assertEquals(List.of(container), recorder.threads.stream().distinct().toList());
    }

    @Test
    void aHeldContainerThreadGivesWayToAParkedWriteWhoseOnWritePossibleReadsOn() throws Exception {
        start(ReadDispatch.Strategy.REDISPATCH);
        recorder.pauseAfter = "0";
        int count = UpgradeReader.READ_AHEAD_CHUNKS + 3;
        for (int i = 0; i < count; i++) {
            webConnection.input.chunks.add(frames(Integer.toString(i)));
        }
        Thread container = containerThread(this::containerCallsOnDataAvailable);
        awaitWaiting(container);

        // the first onWritePossible has not come: this send parks, and needs the container's thread
        connection.sendText(java.nio.ByteBuffer.wrap(new byte[] {'x'}), true, dev.tideway.websocket.protocol.WriteCallback.NOOP);
        container.join(5_000);
        assertFalse(container.isAlive(), "the held thread returned for the write");
        assertEquals(1 + UpgradeReader.READ_AHEAD_CHUNKS, webConnection.input.reads);

        recorder.pauseAfter = null;
        connection.resumeReading();
        runExecutor();
        assertEquals(1 + UpgradeReader.READ_AHEAD_CHUNKS, recorder.texts.size(), "the executor fed what was queued");
        webConnection.output.listener.onWritePossible();

        assertTrue(webConnection.output.written.size() > 0, "the parked write went out");
        assertEquals(count, recorder.texts.size(), "the rest was read in the writer's container callback");
        assertEquals(Thread.currentThread(), webConnection.input.streamThreads.get(webConnection.input.streamThreads.size() - 1));
    }

    @Test
    void theEndOfTheInputWhilePausedComesAfterTheBytesReadBeforeIt() throws Exception {
        start(ReadDispatch.Strategy.REDISPATCH);
        recorder.pauseAfter = "a";
        webConnection.input.chunks.add(frames("a", "b"));
        webConnection.input.listener.onDataAvailable();
        webConnection.input.eof = true;
        webConnection.input.listener.onDataAvailable();
        webConnection.input.listener.onAllDataRead();
        assertNull(recorder.closed.getNow(null));

        recorder.pauseAfter = null;
        connection.resumeReading();
        runExecutor();

        assertEquals(List.of("a", "b"), recorder.texts);
        assertEquals(1006, recorder.closed.getNow(null).code());
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

    @Test
    void aResumeBeforeTheTransportStartedLeavesReadingToTheContainer() throws Exception {
        // a session pauses reading while onOpen runs and resumes after: that may come before start()
        UpgradeTransport transport = build(ReadDispatch.Strategy.SPEC);
        connection.pauseReading();
        connection.resumeReading();
        assertTrue(executor.isEmpty(), "nothing to read before the container hands over the stream");

        transport.start(connection);
        webConnection.input.chunks.add(frames("first"));
        webConnection.input.listener.onDataAvailable();
        assertEquals(List.of("first"), recorder.texts);
    }

    private void start() throws Exception {
        start(ReadDispatch.Strategy.SPEC);
    }

    private void start(ReadDispatch.Strategy strategy) throws Exception {
        build(strategy).start(connection);
    }

    /** The transport and its engine, not started: the container has not handed over the stream yet. */
    private UpgradeTransport build(ReadDispatch.Strategy strategy) throws Exception {
        dispatch = ReadDispatch.of(strategy);
        UpgradeTransport transport = new UpgradeTransport(webConnection, new UpgradeResources(pool, executor::add, dispatch));
        connection = WebSocketConnection.builder(Role.SERVER, transport, recorder)
                .scheduler((task, delay, unit) -> () -> { })
                .bufferPool(pool)
                .build();
        recorder.connection = connection;
        return transport;
    }

    private void containerCallsOnDataAvailable() {
        try {
            webConnection.input.listener.onDataAvailable();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Thread containerThread(Runnable callback) {
        Thread thread = new Thread(callback, "fake-container");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits (bounded) until {@code thread} waits on a monitor: the reader holds it. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(Thread.State.WAITING, thread.getState());
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
        final List<String> texts = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        WebSocketConnection connection;
        volatile String pauseAfter;
        Throwable error;

        Recorder() {
            super(null);
        }

        @Override
        public void onText(ByteBuffer utf8, boolean last) {
            String text = StandardCharsets.UTF_8.decode(utf8).toString();
            texts.add(text);
            threads.add(Thread.currentThread());
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
