package dev.tideway.websocket.servlet;

@OnTomcat
class ConcurrencyTomcatTest extends ConcurrencySuite {
    @Override
    protected ContainerHarness newContainer() {
        return new TomcatHarness();
    }
}
