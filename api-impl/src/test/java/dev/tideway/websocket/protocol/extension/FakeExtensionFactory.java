package dev.tideway.websocket.protocol.extension;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in extension for the negotiation tests: claims the given RSV bits, accepts every offer and
 * response unless told to decline or reject, and remembers the extensions it created.
 */
final class FakeExtensionFactory implements ExtensionFactory {
    private final String name;
    private final int rsvBits;
    private final boolean accepts;
    final List<FakeExtension> created = new ArrayList<>();

    FakeExtensionFactory(String name, int rsvBits, boolean accepts) {
        this.name = name;
        this.rsvBits = rsvBits;
        this.accepts = accepts;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ExtensionOffer> clientOffers() {
        return List.of(ExtensionOffer.of(name));
    }

    @Override
    public Extension acceptOffer(ExtensionOffer offer) {
        return accepts ? create(offer) : null;
    }

    @Override
    public Extension acceptResponse(ExtensionOffer response) throws ExtensionNegotiationException {
        if (!accepts) {
            throw new ExtensionNegotiationException("fake " + name + " rejects " + response);
        }
        return create(response);
    }

    private FakeExtension create(ExtensionOffer element) {
        FakeExtension extension = new FakeExtension(element, rsvBits);
        created.add(extension);
        return extension;
    }

    static final class FakeExtension implements Extension {
        private final ExtensionOffer negotiated;
        private final int rsvBits;
        boolean released;

        FakeExtension(ExtensionOffer negotiated, int rsvBits) {
            this.negotiated = negotiated;
            this.rsvBits = rsvBits;
        }

        @Override
        public ExtensionOffer negotiated() {
            return negotiated;
        }

        @Override
        public int rsvBits() {
            return rsvBits;
        }

        @Override
        public void decode(int messageRsv, ByteBuffer chunk, boolean messageEnd, PayloadSink next) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void encode(OutboundPayload fragment, boolean messageStart, boolean messageEnd) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release() {
            released = true;
        }
    }
}
