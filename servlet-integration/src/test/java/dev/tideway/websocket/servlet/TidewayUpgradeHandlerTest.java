package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.Role;
import dev.tideway.websocket.protocol.Transport;
import dev.tideway.websocket.protocol.WebSocketConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The handler starts the connection once both init() and configure() happened, in either order. */
class TidewayUpgradeHandlerTest {
    private final FakeStreams.Connection webConnection = new FakeStreams.Connection();
    private final UpgradeResources resources = new UpgradeResources(BufferPool.newDefault(), Runnable::run);
    private final List<Transport> transports = new ArrayList<>();
    private final CompletableFuture<CloseStatus> outcome = new CompletableFuture<>();
    private final ConnectionFactory factory = transport -> {
        transports.add(transport);
        return WebSocketConnection.builder(Role.SERVER, transport, new EchoListener(null) {
            @Override
            public void onClosed(CloseStatus status) {
                outcome.complete(status);
            }
        }).scheduler((task, delay, unit) -> () -> { }).bufferPool(resources.bufferPool()).build();
    };

    @Test
    void initAfterConfigureStartsTheConnection() {
        TidewayUpgradeHandler handler = new TidewayUpgradeHandler();

        handler.configure(resources, factory);
        assertEquals(0, transports.size());
        handler.init(webConnection);

        assertStarted();
    }

    @Test
    void configureAfterInitStartsTheConnection() {
        TidewayUpgradeHandler handler = new TidewayUpgradeHandler();

        handler.init(webConnection);
        assertNull(webConnection.input.listener);
        handler.configure(resources, factory);

        assertStarted();
    }

    @Test
    void configuringTwiceIsABug() {
        TidewayUpgradeHandler handler = new TidewayUpgradeHandler();
        handler.configure(resources, factory);

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> handler.configure(resources, factory));
        assertEquals("Already configured", thrown.getMessage());
    }

    @Test
    void destroyEndsAStartedConnectionWith1006() {
        TidewayUpgradeHandler handler = new TidewayUpgradeHandler();
        handler.configure(resources, factory);
        handler.init(webConnection);

        handler.destroy();

        assertEquals(1006, outcome.getNow(null).code());
        assertEquals(true, webConnection.closed);
    }

    @Test
    void aFactoryThatThrowsClosesTheUpgradedConnection() {
        TidewayUpgradeHandler handler = new TidewayUpgradeHandler();
        handler.init(webConnection);
        IllegalStateException failure = new IllegalStateException("no endpoint");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> handler.configure(resources, transport -> {
                    throw failure;
                }));

        assertSame(failure, thrown);
        assertEquals(true, webConnection.closed);
    }

    private void assertStarted() {
        assertEquals(1, transports.size());
        assertNotNull(webConnection.output.listener, "write listener");
        assertNotNull(webConnection.input.listener, "read listener");
    }
}
