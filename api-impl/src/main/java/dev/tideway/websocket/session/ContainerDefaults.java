package dev.tideway.websocket.session;

import dev.tideway.websocket.protocol.extension.PerMessageDeflateFactory;
import jakarta.websocket.Extension;
import jakarta.websocket.WebSocketContainer;
import java.util.List;
import java.util.Set;

/**
 * What every Tideway {@link WebSocketContainer}, server or client, keeps alike: the defaults that new
 * sessions start with, and the extensions it runs. A session reads the defaults when it opens, so a
 * change applies to sessions opened afterwards.
 *
 * <p>The message buffer sizes default to 64 KiB (the largest whole message a handler receives before the
 * session closes with 1009); no idle timeout and no async send timeout by default.
 */
public abstract class ContainerDefaults implements WebSocketContainer {
    public static final int DEFAULT_MESSAGE_BUFFER_SIZE = 64 * 1024;

    private volatile long defaultAsyncSendTimeout;
    private volatile long defaultMaxSessionIdleTimeout;
    private volatile int defaultMaxBinaryMessageBufferSize = DEFAULT_MESSAGE_BUFFER_SIZE;
    private volatile int defaultMaxTextMessageBufferSize = DEFAULT_MESSAGE_BUFFER_SIZE;

    @Override
    public long getDefaultAsyncSendTimeout() {
        return defaultAsyncSendTimeout;
    }

    @Override
    public void setAsyncSendTimeout(long timeoutMillis) {
        this.defaultAsyncSendTimeout = timeoutMillis;
    }

    @Override
    public long getDefaultMaxSessionIdleTimeout() {
        return defaultMaxSessionIdleTimeout;
    }

    @Override
    public void setDefaultMaxSessionIdleTimeout(long timeout) {
        this.defaultMaxSessionIdleTimeout = timeout;
    }

    @Override
    public int getDefaultMaxBinaryMessageBufferSize() {
        return defaultMaxBinaryMessageBufferSize;
    }

    @Override
    public void setDefaultMaxBinaryMessageBufferSize(int max) {
        this.defaultMaxBinaryMessageBufferSize = max;
    }

    @Override
    public int getDefaultMaxTextMessageBufferSize() {
        return defaultMaxTextMessageBufferSize;
    }

    @Override
    public void setDefaultMaxTextMessageBufferSize(int max) {
        this.defaultMaxTextMessageBufferSize = max;
    }

    /** permessage-deflate, the one extension Tideway runs. */
    @Override
    public Set<Extension> getInstalledExtensions() {
        return Set.of(new NegotiatedExtension(PerMessageDeflateFactory.NAME, List.of()));
    }
}
