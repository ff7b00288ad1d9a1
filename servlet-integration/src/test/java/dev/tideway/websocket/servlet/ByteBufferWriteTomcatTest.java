package dev.tideway.websocket.servlet;

@OnTomcat
class ByteBufferWriteTomcatTest extends ByteBufferWriteSuite {
    @Override
    protected AppHarness newHarness() {
        return new TomcatAppHarness();
    }
}
