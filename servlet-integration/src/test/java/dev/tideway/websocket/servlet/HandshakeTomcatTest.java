package dev.tideway.websocket.servlet;

@OnTomcat
class HandshakeTomcatTest extends HandshakeSuite {
    @Override
    protected ContainerHarness newContainer() {
        return new TomcatHarness();
    }
}
