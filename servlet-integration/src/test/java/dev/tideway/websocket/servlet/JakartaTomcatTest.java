package dev.tideway.websocket.servlet;

@OnTomcat
class JakartaTomcatTest extends JakartaSuite {
    @Override
    protected AppHarness newHarness() {
        return new TomcatAppHarness();
    }
}
