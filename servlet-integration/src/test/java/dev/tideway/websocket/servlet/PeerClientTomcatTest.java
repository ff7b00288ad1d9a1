package dev.tideway.websocket.servlet;

@OnTomcat
class PeerClientTomcatTest extends PeerClientSuite {
    @Override
    protected AppHarness newHarness() {
        return new TomcatAppHarness();
    }
}
