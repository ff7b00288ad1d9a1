package dev.tideway.websocket.servlet;

@OnJetty
class HttpSessionJettyTest extends HttpSessionSuite {
    @Override
    protected AppHarness newHarness() {
        return new JettyAppHarness();
    }

    /** Jetty 12.1 keeps the upgrade request's HTTP session in use until the upgraded connection ends. */
    @Override
    protected boolean holdsHttpSessionWhileUpgraded() {
        return true;
    }
}
