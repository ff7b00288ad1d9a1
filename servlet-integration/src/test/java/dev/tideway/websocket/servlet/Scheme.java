package dev.tideway.websocket.servlet;

/** The two ways the test containers listen: plain TCP and TLS, each on its own ephemeral port. */
enum Scheme {
    PLAIN("ws"),
    TLS("wss");

    final String webSocketScheme;

    Scheme(String webSocketScheme) {
        this.webSocketScheme = webSocketScheme;
    }
}
