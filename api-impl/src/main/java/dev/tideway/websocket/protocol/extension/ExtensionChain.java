package dev.tideway.websocket.protocol.extension;

import dev.tideway.websocket.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The negotiated extensions of one connection, in negotiation order, joined into a pipeline: inbound
 * payload passes them last to first (the order in which they were applied by the sender is reversed),
 * outbound payload first to last (RFC 6455 §9.1). The links between them are built once, so a chunk
 * travels the chain without allocating.
 */
public final class ExtensionChain {
    private final List<Extension> extensions;
    private final int rsvBits;
    private final Link firstInbound;
    private final PayloadSink sink;
    private int messageRsv;

    /**
     * @param extensions the negotiated extensions, in the order of the handshake response
     * @param sink       where decoded inbound payload goes
     */
    public ExtensionChain(List<Extension> extensions, PayloadSink sink) {
        this.extensions = List.copyOf(extensions);
        int bits = 0;
        for (Extension extension : this.extensions) {
            bits |= extension.rsvBits();
        }
        this.rsvBits = bits;
        Link link = null;
        PayloadSink next = sink;
        for (Extension extension : this.extensions) { // the first negotiated ends up decoding last
            link = new Link(extension, next);
            next = link;
        }
        this.firstInbound = link;
        this.sink = sink;
    }

    public List<Extension> extensions() {
        return extensions;
    }

    public boolean isEmpty() {
        return extensions.isEmpty();
    }

    /** The RSV bits the negotiated extensions own: the parser must accept them on data frames. */
    public int rsvBits() {
        return rsvBits;
    }

    /** Sets the RSV bits of the first frame of the message whose chunks follow. */
    public void startMessage(int rsv) {
        this.messageRsv = rsv;
    }

    /** Decodes one chunk of the current inbound message and passes the result on to the sink. */
    public void decode(ByteBuffer chunk, boolean messageEnd) throws ProtocolException {
        if (firstInbound == null) {
            sink.onPayload(chunk, messageEnd);
        } else {
            firstInbound.onPayload(chunk, messageEnd);
        }
    }

    /** Encodes one outbound fragment through every extension, in negotiation order. */
    public void encode(OutboundPayload fragment, boolean messageStart, boolean messageEnd) {
        for (Extension extension : extensions) {
            extension.encode(fragment, messageStart, messageEnd);
        }
    }

    /** Releases every extension (idempotent, as each extension's release is). */
    public void release() {
        for (Extension extension : extensions) {
            extension.release();
        }
    }

    /** One step of the inbound pipeline: an extension and where its output goes. */
    private final class Link implements PayloadSink {
        private final Extension extension;
        private final PayloadSink next;

        Link(Extension extension, PayloadSink next) {
            this.extension = extension;
            this.next = next;
        }

        @Override
        public void onPayload(ByteBuffer chunk, boolean messageEnd) throws ProtocolException {
            extension.decode(messageRsv, chunk, messageEnd, next);
        }
    }
}
