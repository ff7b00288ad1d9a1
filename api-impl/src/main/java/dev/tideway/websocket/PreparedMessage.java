package dev.tideway.websocket;

import dev.tideway.websocket.protocol.FrameGenerator;
import dev.tideway.websocket.protocol.OpCode;
import dev.tideway.websocket.protocol.Role;
import dev.tideway.websocket.protocol.WriteCallback;
import dev.tideway.websocket.session.TidewaySession;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A message framed once and sent to many sessions: Tideway's broadcast API (optional; plain
 * {@code getAsyncRemote().sendText} works too, at the cost of encoding and framing the message once per
 * receiver).
 *
 * <pre>{@code
 * PreparedMessage message = PreparedMessage.text(json);
 * message.sendTo(session.getOpenSessions());
 * }</pre>
 *
 * The UTF-8 encoding and the frame header are made once; every receiving server session queues a view of
 * the same bytes. Sessions of another kind (a client session, whose frames must be masked one by one)
 * are sent the message the ordinary way. The message goes uncompressed, which permessage-deflate allows
 * for any message.
 */
public final class PreparedMessage {
    private final int opcode;
    private final ByteBuffer payload;
    private final ByteBuffer frame;

    private PreparedMessage(int opcode, ByteBuffer payload) {
        this.opcode = opcode;
        this.payload = payload.asReadOnlyBuffer();
        FrameGenerator generator = new FrameGenerator(Role.SERVER, null);
        ByteBuffer bytes = ByteBuffer.allocate(generator.headerLength(payload.remaining()) + payload.remaining());
        generator.writeHeader(bytes, true, 0, opcode, payload.remaining());
        bytes.put(payload.duplicate()).flip();
        this.frame = bytes.asReadOnlyBuffer();
    }

    public static PreparedMessage text(String text) {
        Objects.requireNonNull(text, "text");
        return new PreparedMessage(OpCode.TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A binary message; the bytes are copied, so the caller may reuse its buffer. */
    public static PreparedMessage binary(ByteBuffer data) {
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data.duplicate()).flip();
        return new PreparedMessage(OpCode.BINARY, copy);
    }

    /**
     * Queues the message to every open session of {@code sessions}, without waiting.
     *
     * @return completes when every send has finished; maps each session whose send failed to the cause
     */
    public CompletableFuture<Map<Session, Throwable>> sendTo(Collection<? extends Session> sessions) {
        List<Session> targets = new ArrayList<>();
        for (Session session : sessions) {
            if (session.isOpen()) {
                targets.add(session);
            }
        }
        CompletableFuture<Map<Session, Throwable>> done = new CompletableFuture<>();
        Map<Session, Throwable> failures = new ConcurrentHashMap<>();
        AtomicInteger remaining = new AtomicInteger(targets.size());
        if (targets.isEmpty()) {
            done.complete(Map.of());
            return done;
        }
        for (Session session : targets) {
            WriteCallback callback = new WriteCallback() {
                @Override
                public void completed() {
                    finishOne();
                }

                @Override
                public void failed(Throwable cause) {
                    failures.put(session, cause);
                    finishOne();
                }

                private void finishOne() {
                    if (remaining.decrementAndGet() == 0) {
                        done.complete(Map.copyOf(failures));
                    }
                }
            };
            send(session, callback);
        }
        return done;
    }

    private void send(Session session, WriteCallback callback) {
        try {
            if (session instanceof TidewaySession tideway && tideway.connection().role() == Role.SERVER) {
                tideway.sendEncoded(frame.duplicate(), callback);
            } else if (opcode == OpCode.TEXT) {
                session.getAsyncRemote().sendText(StandardCharsets.UTF_8.decode(payload.duplicate()).toString(),
                        result -> report(result.getException(), callback));
            } else {
                session.getAsyncRemote().sendBinary(payload.duplicate(), result -> report(result.getException(), callback));
            }
        } catch (RuntimeException e) {
            callback.failed(e);
        }
    }

    private static void report(Throwable failure, WriteCallback callback) {
        if (failure == null) {
            callback.completed();
        } else {
            callback.failed(failure);
        }
    }
}
