package dev.tideway.websocket.servlet;

@OnJetty
class JakartaJettyTest extends JakartaSuite {
    @Override
    protected AppHarness newHarness() {
        return new JettyAppHarness();
    }
}
