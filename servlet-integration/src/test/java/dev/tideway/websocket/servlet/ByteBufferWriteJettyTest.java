package dev.tideway.websocket.servlet;

@OnJetty
class ByteBufferWriteJettyTest extends ByteBufferWriteSuite {
    @Override
    protected AppHarness newHarness() {
        return new JettyAppHarness();
    }
}
