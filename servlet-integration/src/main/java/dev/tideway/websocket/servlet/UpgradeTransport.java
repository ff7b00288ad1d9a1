package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.Transport;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.WriteCallback;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The engine's {@link Transport} over a Servlet HTTP upgrade: the container's non-blocking streams of one
 * {@link WebConnection}, read by an {@link UpgradeReader} and written by an {@link UpgradeWriter}.
 *
 * <p>Life cycle: built in {@code HttpUpgradeHandler.init}, handed to the engine being built, then
 * {@link #start started}, which registers both listeners, the write listener first. Failures of either
 * stream, and the end of the input, are reported to the engine, which closes the transport.
 *
 * <p>The two halves share the container's callback threads: the reader may keep one while paused (see
 * {@link UpgradeReader}) and gives it back when the writer has a write parked.
 */
public final class UpgradeTransport implements Transport {
    private static final System.Logger LOG = System.getLogger(UpgradeTransport.class.getName());

    private final WebConnection webConnection;
    private final UpgradeReader reader;
    private final UpgradeWriter writer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile WebSocketConnection connection;

    public UpgradeTransport(WebConnection webConnection, UpgradeResources resources) throws IOException {
        this.webConnection = webConnection;
        this.reader = new UpgradeReader(webConnection.getInputStream(), resources, this::writeParked);
        this.writer = new UpgradeWriter(webConnection.getOutputStream(), resources.bufferPool(), this::writeFailed,
                reader);
    }

    /**
     * Starts the I/O for {@code connection}. Both listeners are set here, together: a container may refuse
     * {@code isReady()} on a stream whose listener is not set yet (Tomcat throws), and it calls the write
     * listener first, which lets out what was sent while the engine was being built.
     */
    public void start(WebSocketConnection connection) {
        this.connection = connection;
        try {
            webConnection.getOutputStream().setWriteListener(writer);
        } catch (IOException e) {
            connection.onTransportFailure(e);
            return;
        }
        reader.start(connection);
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback callback) {
        writer.write(buffers, callback);
    }

    @Override
    public void pauseReading() {
        reader.pause();
    }

    @Override
    public void resumeReading() {
        reader.resume();
    }

    /** Closes the upgraded connection; idempotent, any thread. An outstanding write fails. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        reader.close();
        writer.close();
        try {
            webConnection.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "Closing the upgraded connection failed", e);
        }
    }

    /** Container calls of the read listener's {@code onDataAvailable} so far (for tests and diagnostics). */
    long dataAvailableCalls() {
        return reader.dataAvailableCalls();
    }

    /** The container is done with the connection ({@code HttpUpgradeHandler.destroy}). */
    void destroyed() {
        WebSocketConnection engine = connection;
        if (engine != null) {
            engine.onReadEof(); // a no-op when the connection had already ended
        }
        close();
    }

    private boolean writeParked() {
        return writer.hasParkedWrite();
    }

    private void writeFailed(Throwable failure) {
        WebSocketConnection engine = connection;
        if (engine != null) {
            engine.onTransportFailure(failure);
        } else {
            close();
        }
    }
}
