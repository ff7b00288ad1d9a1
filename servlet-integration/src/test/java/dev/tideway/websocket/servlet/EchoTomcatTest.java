package dev.tideway.websocket.servlet;

@OnTomcat
class EchoTomcatTest extends EchoSuite {
    @Override
    protected ContainerHarness newContainer() {
        return new TomcatHarness();
    }
}
