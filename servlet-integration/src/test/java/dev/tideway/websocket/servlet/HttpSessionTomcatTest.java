package dev.tideway.websocket.servlet;

@OnTomcat
class HttpSessionTomcatTest extends HttpSessionSuite {
    @Override
    protected AppHarness newHarness() {
        return new TomcatAppHarness();
    }
}
