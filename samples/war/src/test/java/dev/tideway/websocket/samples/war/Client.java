package dev.tideway.websocket.samples.war;

import java.net.URI;

/** The clients every drop-in test runs with: Tideway's own, and the JDK's as an independent one. */
enum Client {
    TIDEWAY {
        @Override
        ClientConnection connect(URI uri) throws Exception {
            return TidewayClientConnection.open(uri);
        }
    },
    JDK {
        @Override
        ClientConnection connect(URI uri) throws Exception {
            return JdkClientConnection.open(uri);
        }
    };

    abstract ClientConnection connect(URI uri) throws Exception;
}
