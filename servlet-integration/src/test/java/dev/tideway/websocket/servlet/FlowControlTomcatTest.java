package dev.tideway.websocket.servlet;

@OnTomcat
class FlowControlTomcatTest extends FlowControlSuite {
    @Override
    protected ContainerHarness newContainer() {
        return new TomcatHarness();
    }
}
