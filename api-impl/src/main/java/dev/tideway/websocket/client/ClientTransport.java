package dev.tideway.websocket.client;

import dev.tideway.websocket.protocol.Transport;

/**
 * A {@link Transport} of the client: a TCP socket ({@link NioTransport}) or TLS over one
 * ({@link TlsTransport}). Besides the engine's contract, its reader can be replaced as the connection
 * moves from one step to the next.
 */
interface ClientTransport extends Transport {

    /** Where read bytes go from now on; called on the loop thread (also from inside a read callback). */
    void readHandler(ReadHandler handler);
}
