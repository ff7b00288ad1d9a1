package dev.tideway.websocket.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's limits, immutable. Built with {@link #builder()}; {@link #DEFAULTS} are safe for a server
 * on the open internet: every limit is finite.
 *
 * <ul>
 *   <li>{@code maxFramePayloadLength}: a frame that declares more fails with 1009 before its payload is
 *   read.</li>
 *   <li>{@code maxTextMessageSize}, {@code maxBinaryMessageSize}: the whole message, counted after
 *   decompression, so a compression bomb fails with 1009 too.</li>
 *   <li>{@code outboundFrameSize}: messages larger than this are sent as several frames.</li>
 *   <li>{@code maxQueuedBytes}: outbound bytes that may wait for a slow peer before further sends fail;
 *   control frames are exempt.</li>
 *   <li>{@code closeTimeout}: how long to wait for the peer's close frame (or, for a client, the server's
 *   TCP close) after ours was sent.</li>
 * </ul>
 */
public final class ProtocolSettings {
    private static final long MIB = 1024 * 1024;

    public static final ProtocolSettings DEFAULTS = builder().build();

    private final long maxFramePayloadLength;
    private final long maxTextMessageSize;
    private final long maxBinaryMessageSize;
    private final int outboundFrameSize;
    private final long maxQueuedBytes;
    private final Duration closeTimeout;

    private ProtocolSettings(Builder b) {
        this.maxFramePayloadLength = b.maxFramePayloadLength;
        this.maxTextMessageSize = b.maxTextMessageSize;
        this.maxBinaryMessageSize = b.maxBinaryMessageSize;
        this.outboundFrameSize = b.outboundFrameSize;
        this.maxQueuedBytes = b.maxQueuedBytes;
        this.closeTimeout = b.closeTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .maxFramePayloadLength(maxFramePayloadLength)
                .maxTextMessageSize(maxTextMessageSize)
                .maxBinaryMessageSize(maxBinaryMessageSize)
                .outboundFrameSize(outboundFrameSize)
                .maxQueuedBytes(maxQueuedBytes)
                .closeTimeout(closeTimeout);
    }

    public long maxFramePayloadLength() {
        return maxFramePayloadLength;
    }

    public long maxTextMessageSize() {
        return maxTextMessageSize;
    }

    public long maxBinaryMessageSize() {
        return maxBinaryMessageSize;
    }

    public int outboundFrameSize() {
        return outboundFrameSize;
    }

    public long maxQueuedBytes() {
        return maxQueuedBytes;
    }

    public Duration closeTimeout() {
        return closeTimeout;
    }

    /** Collects settings; every value starts at its default. */
    public static final class Builder {
        private long maxFramePayloadLength = 16 * MIB;
        private long maxTextMessageSize = 16 * MIB;
        private long maxBinaryMessageSize = 16 * MIB;
        private int outboundFrameSize = 64 * 1024;
        private long maxQueuedBytes = 16 * MIB;
        private Duration closeTimeout = Duration.ofSeconds(5);

        private Builder() {
        }

        public Builder maxFramePayloadLength(long bytes) {
            this.maxFramePayloadLength = positive(bytes, "maxFramePayloadLength");
            return this;
        }

        public Builder maxTextMessageSize(long bytes) {
            this.maxTextMessageSize = positive(bytes, "maxTextMessageSize");
            return this;
        }

        public Builder maxBinaryMessageSize(long bytes) {
            this.maxBinaryMessageSize = positive(bytes, "maxBinaryMessageSize");
            return this;
        }

        public Builder outboundFrameSize(int bytes) {
            this.outboundFrameSize = (int) positive(bytes, "outboundFrameSize");
            return this;
        }

        public Builder maxQueuedBytes(long bytes) {
            this.maxQueuedBytes = positive(bytes, "maxQueuedBytes");
            return this;
        }

        public Builder closeTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "closeTimeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("closeTimeout must be positive: " + timeout);
            }
            this.closeTimeout = timeout;
            return this;
        }

        public ProtocolSettings build() {
            return new ProtocolSettings(this);
        }

        private static long positive(long value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
