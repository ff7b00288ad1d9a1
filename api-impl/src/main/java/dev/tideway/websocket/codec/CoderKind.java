package dev.tideway.websocket.codec;

/**
 * Which of the four {@code Decoder} / {@code Encoder} sub-interfaces a coder class implements: whole or streamed,
 * text or binary.
 */
public enum CoderKind {
    /** {@code Decoder.Text} / {@code Encoder.Text}: a whole message as a String. */
    TEXT,
    /** {@code Decoder.TextStream} / {@code Encoder.TextStream}: a message through a Reader / Writer. */
    TEXT_STREAM,
    /** {@code Decoder.Binary} / {@code Encoder.Binary}: a whole message as a ByteBuffer. */
    BINARY,
    /** {@code Decoder.BinaryStream} / {@code Encoder.BinaryStream}: a message through an InputStream / OutputStream. */
    BINARY_STREAM;

    /** True for the kinds that handle text messages. */
    public boolean isText() {
        return this == TEXT || this == TEXT_STREAM;
    }

    /** True for the kinds that work on a stream rather than a whole message. */
    public boolean isStream() {
        return this == TEXT_STREAM || this == BINARY_STREAM;
    }
}
