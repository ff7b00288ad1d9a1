package dev.tideway.websocket.servlet;

@OnJetty
class EchoJettyTest extends EchoSuite {
    @Override
    protected ContainerHarness newContainer() {
        return new JettyHarness();
    }
}
