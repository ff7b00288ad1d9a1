package dev.tideway.websocket.servlet;

@OnJetty
class ConcurrencyJettyTest extends ConcurrencySuite {
    @Override
    protected ContainerHarness newContainer() {
        return new JettyHarness();
    }
}
