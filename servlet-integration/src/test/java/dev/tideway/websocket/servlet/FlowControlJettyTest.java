package dev.tideway.websocket.servlet;

@OnJetty
class FlowControlJettyTest extends FlowControlSuite {
    @Override
    protected ContainerHarness newContainer() {
        return new JettyHarness();
    }
}
