package dev.tideway.websocket.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.MessageHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Stream handlers ({@code Reader}, {@code InputStream}) read a message while it still arrives, and a slow
 * reader holds the peer back through the connection instead of filling memory: the receiving socket
 * pauses, the sender's queue fills, and nothing is lost or reordered when the reader catches up.
 */
class StreamingDeliveryTest {
    private static final int MIB = 1024 * 1024;

    @Test
    void aReaderGetsALargeFragmentedMessageWhileItsPartsStillArrive() throws Exception {
        String unit = "ä€\uD834\uDD1Ex"; // 2-, 3- and 4-byte UTF-8 and a surrogate pair, then ASCII
        String text = unit.repeat(4 * MIB / 10); // about 4 MiB of UTF-8
        CountDownLatch started = new CountDownLatch(1);
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(Reader.class, reader -> {
                    StringWriter read = new StringWriter();
                    try {
                        read.write(reader.read());
                        started.countDown();
                        reader.transferTo(read);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    RecordingEndpoint.of(session).received.add(read.toString());
                }));
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            Await.get(server.opened);
            int partSize = 100_003; // chars: parts cut surrogate pairs and multi-byte characters
            pair.client.getBasicRemote().sendText(text.substring(0, partSize), false);
            Await.await(started); // the handler runs although most of the message is not even sent
            for (int from = partSize; from < text.length(); from += partSize) {
                int to = Math.min(text.length(), from + partSize);
                pair.client.getBasicRemote().sendText(text.substring(from, to), to == text.length());
            }
            assertEquals(text, server.nextReceived());
            assertTrue(server.errors.isEmpty(), () -> "errors: " + server.errors);
        }
    }

    @Test
    void anInputStreamGetsALargeFragmentedMessageWhileItsPartsStillArrive() throws Exception {
        byte[] message = pattern(0, 6 * MIB);
        CountDownLatch started = new CountDownLatch(1);
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(InputStream.class, stream -> {
                    try {
                        int first = stream.read();
                        started.countDown();
                        byte[] rest = stream.readAllBytes();
                        byte[] all = new byte[rest.length + 1];
                        all[0] = (byte) first;
                        System.arraycopy(rest, 0, all, 1, rest.length);
                        RecordingEndpoint.of(session).received.add(all);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            Await.get(server.opened);
            int partSize = 256 * 1024;
            pair.client.getBasicRemote().sendBinary(ByteBuffer.wrap(message, 0, partSize), false);
            Await.await(started);
            for (int from = partSize; from < message.length; from += partSize) {
                int length = Math.min(partSize, message.length - from);
                pair.client.getBasicRemote().sendBinary(ByteBuffer.wrap(message, from, length),
                        from + length == message.length);
            }
            assertArrayEquals(message, (byte[]) server.nextReceived());
        }
    }

    @Test
    void aSlowReaderPausesTheSocketAndQueuesTheSendersMessagesWithoutLosingOrReorderingAny() throws Exception {
        int large = 4 * MIB;
        int small = 20;
        CountDownLatch go = new CountDownLatch(1);
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(InputStream.class, stream -> {
                    Await.await(go); // reads nothing until the test has seen the pressure build up
                    try {
                        RecordingEndpoint.of(session).received.add(stream.readAllBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            Await.get(server.opened);
            List<byte[]> messages = new ArrayList<>();
            messages.add(pattern(0, large));
            for (int i = 1; i <= small; i++) {
                messages.add(pattern(i, 1000 + i));
            }
            List<Future<Void>> sends = new ArrayList<>();
            for (byte[] message : messages) {
                sends.add(pair.client.getAsyncRemote().sendBinary(ByteBuffer.wrap(message)));
            }

            Await.until("the server's socket paused", () -> pair.serverTransport().isPaused());
            Thread.sleep(100); // a reader that does not read: nothing moves
            assertTrue(pair.serverTransport().isPaused());
            long unread = pair.serverTransport().unreadBytes();
            assertTrue(unread > large - MIB, "the server took only what flow control allows; unread: " + unread);
            assertTrue(pair.client.connection().queuedBytes() > large, "the client's sends wait in its queue");
            assertTrue(sends.stream().noneMatch(Future::isDone), "no send completed while the reader sleeps");

            go.countDown();
            sends.forEach(Await::get);
            for (byte[] expected : messages) {
                assertArrayEquals(expected, (byte[]) server.nextReceived());
            }
            assertEquals(0, pair.client.connection().queuedBytes());
            Await.until("the server's socket resumed", () -> !pair.serverTransport().isPaused());
            assertFalse(pair.serverTransport().isPaused());
            assertTrue(server.errors.isEmpty(), () -> "errors: " + server.errors);
        }
    }

    @Test
    void aStreamCutOffByALostConnectionFailsTheReaderThenOnCloseFollows() throws Exception {
        java.util.concurrent.CompletableFuture<Throwable> readFailure = new java.util.concurrent.CompletableFuture<>();
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(InputStream.class, stream -> {
                    try {
                        stream.readAllBytes();
                        readFailure.complete(null);
                    } catch (IOException e) {
                        order.add("read failed");
                        readFailure.complete(e);
                    }
                })).whenClosed((session, reason) -> order.add("closed " + reason.getCloseCode().getCode()));
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            Await.get(server.opened);
            pair.client.getBasicRemote().sendBinary(ByteBuffer.wrap(pattern(1, 1000)), false);
            pair.clientTransport().reset();

            Throwable failure = Await.get(readFailure);
            assertEquals("The connection closed before the end of the message", failure.getMessage());
            server.awaitClose();
            assertEquals(List.of("read failed", "closed 1006"), order);
        }
    }

    @Test
    void whatAStreamHandlerLeavesUnreadIsDroppedAndTheNextMessagesArrive() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(InputStream.class, stream -> {
                    try {
                        byte[] head = stream.readNBytes(10); // and no more
                        RecordingEndpoint.of(session).received.add(head);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            Await.get(server.opened);
            List<Future<Void>> sends = new ArrayList<>();
            for (int i = 0; i < 5; i++) { // 2 MiB each: far over the high-water mark if the credit were lost
                sends.add(pair.client.getAsyncRemote().sendBinary(ByteBuffer.wrap(pattern(i, 2 * MIB))));
            }
            sends.forEach(Await::get);
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(java.util.Arrays.copyOf(pattern(i, 2 * MIB), 10), (byte[]) server.nextReceived());
            }
            Await.until("reading resumed", () -> !pair.serverTransport().isPaused());
            assertTrue(server.errors.isEmpty(), () -> "errors: " + server.errors);
        }
    }

    @Test
    void aSlowWholeMessageHandlerPausesTheSocketOnceMessagesPileUp() throws Exception {
        int count = 1000;
        CountDownLatch go = new CountDownLatch(1);
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(byte[].class, message -> {
                    Await.await(go);
                    RecordingEndpoint.of(session).received.add(message);
                }));
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            Await.get(server.opened);
            List<Future<Void>> sends = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sends.add(pair.client.getAsyncRemote().sendBinary(ByteBuffer.wrap(pattern(i, 1024))));
            }

            Await.until("the server's socket paused", () -> pair.serverTransport().isPaused());
            assertTrue(pair.serverTransport().unreadBytes() > 0, "messages wait in the socket, not in the session");

            go.countDown();
            sends.forEach(Await::get);
            for (int i = 0; i < count; i++) {
                assertArrayEquals(pattern(i, 1024), (byte[]) server.nextReceived(), "message " + i);
            }
        }
    }

    /** Bytes that differ per message and per position, so a lost or moved chunk shows. */
    private static byte[] pattern(int seed, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 7 + i * 31 + (i >>> 16));
        }
        return bytes;
    }
}
