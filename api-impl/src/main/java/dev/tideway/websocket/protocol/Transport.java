package dev.tideway.websocket.protocol;

import java.nio.ByteBuffer;

/**
 * The engine's only view of the network: the Servlet upgrade handler and the NIO client each implement it,
 * and tests implement it over byte arrays.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #write} is called by the engine with at most one write outstanding; the transport writes the
 *   buffers in order (gathering, where it can) and calls the callback once, on any thread, when all their
 *   bytes were accepted by the network layer, or when they never will be. The buffers stay the engine's:
 *   the transport must not keep them after the callback.</li>
 *   <li>Inbound bytes go the other way, to {@link WebSocketConnection#onRead}, from one thread at a time.
 *   {@link #pauseReading} asks the transport to stop delivering after the current call;
 *   {@link #resumeReading} to start again, re-delivering first whatever the engine left unconsumed. Both
 *   may be called from any thread and must return promptly: {@code resumeReading} must not deliver data on
 *   the calling thread before it returns (callers may hold a lock).</li>
 *   <li>{@link #close} closes the underlying connection; it is idempotent and may be called from any
 *   thread, also while a write is outstanding (which then fails).</li>
 * </ul>
 */
public interface Transport {
    void write(ByteBuffer[] buffers, WriteCallback callback);

    void pauseReading();

    void resumeReading();

    void close();
}
