package dev.tideway.websocket.protocol.extension;

import java.util.zip.Deflater;

/**
 * Settings of permessage-deflate (RFC 7692), immutable and shared by every connection of a container.
 *
 * <p>The two context-takeover flags name a direction of traffic, not the side that applies them, so one
 * configuration means the same thing on a server and on a client:
 * <ul>
 *   <li>{@link #serverNoContextTakeover()}: the server resets its compressor after every message. A server
 *       answers {@code server_no_context_takeover} even when the client did not ask (§7.1.1.1); a client
 *       asks for it in its offer.</li>
 *   <li>{@link #clientNoContextTakeover()}: the client resets its compressor after every message. A server
 *       answers {@code client_no_context_takeover} (§7.1.1.2); a client offers it and keeps to it.</li>
 * </ul>
 * Without context takeover a compressor cannot refer to earlier messages, which costs ratio, but the
 * receiving side may then reset its decompressor between messages.
 */
public final class PerMessageDeflateConfig {

    /** Compression level {@link Deflater#DEFAULT_COMPRESSION}, context takeover both ways, 16 KiB chunks. */
    public static final PerMessageDeflateConfig DEFAULTS = builder().build();

    private final int compressionLevel;
    private final boolean serverNoContextTakeover;
    private final boolean clientNoContextTakeover;
    private final int minCompressSize;
    private final int inflateChunkSize;

    private PerMessageDeflateConfig(Builder builder) {
        this.compressionLevel = builder.compressionLevel;
        this.serverNoContextTakeover = builder.serverNoContextTakeover;
        this.clientNoContextTakeover = builder.clientNoContextTakeover;
        this.minCompressSize = builder.minCompressSize;
        this.inflateChunkSize = builder.inflateChunkSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@link Deflater} level, -1 (zlib's default, 6) or 0 to 9. */
    public int compressionLevel() {
        return compressionLevel;
    }

    /** Whether the server's compressor forgets its window after every message. */
    public boolean serverNoContextTakeover() {
        return serverNoContextTakeover;
    }

    /** Whether the client's compressor forgets its window after every message. */
    public boolean clientNoContextTakeover() {
        return clientNoContextTakeover;
    }

    /**
     * Single-frame messages shorter than this many bytes are sent uncompressed (RSV1 clear), which RFC 7692
     * allows message by message. A fragmented message is always compressed: its size is unknown when its
     * first fragment leaves. 0 compresses everything.
     */
    public int minCompressSize() {
        return minCompressSize;
    }

    /** The largest chunk of inflated payload handed on at once, and the size of the one inflate buffer. */
    public int inflateChunkSize() {
        return inflateChunkSize;
    }

    @Override
    public String toString() {
        return "PerMessageDeflateConfig[compressionLevel=" + compressionLevel
                + ", serverNoContextTakeover=" + serverNoContextTakeover
                + ", clientNoContextTakeover=" + clientNoContextTakeover
                + ", minCompressSize=" + minCompressSize
                + ", inflateChunkSize=" + inflateChunkSize + "]";
    }

    /** Collects settings; each setter checks its argument at once. */
    public static final class Builder {
        private int compressionLevel = Deflater.DEFAULT_COMPRESSION;
        private boolean serverNoContextTakeover;
        private boolean clientNoContextTakeover;
        private int minCompressSize;
        private int inflateChunkSize = 16 * 1024;

        private Builder() {
        }

        public Builder compressionLevel(int level) {
            if (level != Deflater.DEFAULT_COMPRESSION
                    && (level < Deflater.NO_COMPRESSION || level > Deflater.BEST_COMPRESSION)) {
                throw new IllegalArgumentException("compressionLevel must be -1 or 0..9, got " + level);
            }
            this.compressionLevel = level;
            return this;
        }

        public Builder serverNoContextTakeover(boolean noContextTakeover) {
            this.serverNoContextTakeover = noContextTakeover;
            return this;
        }

        public Builder clientNoContextTakeover(boolean noContextTakeover) {
            this.clientNoContextTakeover = noContextTakeover;
            return this;
        }

        public Builder minCompressSize(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("minCompressSize must not be negative, got " + bytes);
            }
            this.minCompressSize = bytes;
            return this;
        }

        public Builder inflateChunkSize(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("inflateChunkSize must be positive, got " + bytes);
            }
            this.inflateChunkSize = bytes;
            return this;
        }

        public PerMessageDeflateConfig build() {
            return new PerMessageDeflateConfig(this);
        }
    }
}
