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
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
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

        handler.configure(resources, factory, null);
        assertEquals(0, transports.size());
        handler.init(webConnection);

        assertStarted();
    }

    @Test
    void configureAfterInitStartsTheConnection() {
        TidewayUpgradeHandler handler = new TidewayUpgradeHandler();

        handler.init(webConnection);
        assertNull(webConnection.input.listener);
        handler.configure(resources, factory, null);

        assertStarted();
    }

    @Test
    void theAsyncContextAContainerStartedForTheUpgradeNeverTimesOut() {
        List<Long> timeouts = new ArrayList<>();
        AsyncContext async = stub(AsyncContext.class, (method, args) ->
                method.equals("setTimeout") ? timeouts.add((Long) args[0]) : null);
        HttpServletRequest request = stub(HttpServletRequest.class, (method, args) -> switch (method) {
            case "isAsyncStarted" -> true; // as Jetty 12.1 does before init()
            case "getAsyncContext" -> async;
            default -> null;
        });
        TidewayUpgradeHandler handler = new TidewayUpgradeHandler();

        handler.configure(resources, factory, request);
        handler.init(webConnection);

        assertEquals(List.of(0L), timeouts);
        assertStarted();
    }

    @Test
    void aRecycledRequestDoesNotStopTheStart() {
        HttpServletRequest recycled = stub(HttpServletRequest.class, (method, args) -> {
            throw new IllegalStateException("The request object has been recycled"); // Tomcat's facade
        });
        TidewayUpgradeHandler handler = new TidewayUpgradeHandler();

        handler.configure(resources, factory, recycled);
        handler.init(webConnection);

        assertStarted();
    }

    /** An interface implemented by {@code answer} (method name, arguments → result). */
    private static <T> T stub(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(method.getName(), args)));
    }

    @Test
    void configuringTwiceIsABug() {
        TidewayUpgradeHandler handler = new TidewayUpgradeHandler();
        handler.configure(resources, factory, null);

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> handler.configure(resources, factory, null));
        assertEquals("Already configured", thrown.getMessage());
    }

    @Test
    void destroyEndsAStartedConnectionWith1006() {
        TidewayUpgradeHandler handler = new TidewayUpgradeHandler();
        handler.configure(resources, factory, null);
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
                }, null));

        assertSame(failure, thrown);
        assertEquals(true, webConnection.closed);
    }

    private void assertStarted() {
        assertEquals(1, transports.size());
        assertNotNull(webConnection.output.listener, "write listener");
        assertNotNull(webConnection.input.listener, "read listener");
    }
}
