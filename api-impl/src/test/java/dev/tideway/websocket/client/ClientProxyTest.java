package dev.tideway.websocket.client;

import static dev.tideway.websocket.client.ClientEchoTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.WriteCallback;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tunnels through an HTTP CONNECT proxy, for ws and wss, explicit or chosen by a ProxySelector. */
class ClientProxyTest {
    private final WebSocketConnector connector = new WebSocketConnector();
    private TestServer server;
    private TestProxy proxy;

    @AfterEach
    void tearDown() throws Exception {
        connector.close();
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void tunnelsWsThroughAnExplicitProxy() throws Exception {
        server = TestServer.echo();
        proxy = TestProxy.open();
        RecordingListener listener = new RecordingListener();

        ClientConnection client = connector.connect(ClientHandshakeRequest.builder(server.uri("/via-proxy"))
                .proxy(ClientProxy.http("127.0.0.1", proxy.port())).build(), r -> listener).get(5, TimeUnit.SECONDS);

        assertEquals("127.0.0.1:" + server.port(), proxy.takeTarget());
        assertEquals("GET /via-proxy HTTP/1.1", server.takeRequest().requestLine());
        client.connection().sendText(utf8("tunnelled"), true, WriteCallback.NOOP);
        assertEquals("tunnelled", listener.nextText());
    }

    @Test
    void tunnelsWssThroughTheProxyAProxySelectorChose() throws Exception {
        TestCertificates certificates = TestCertificates.localhost();
        server = TestServer.startTls(certificates.serverContext(), request -> TestServer.Answer.upgrade());
        proxy = TestProxy.open();
        List<URI> asked = new CopyOnWriteArrayList<>();
        ProxySelector selector = new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                asked.add(uri);
                return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("127.0.0.1", proxy.port())));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
            }
        };
        RecordingListener listener = new RecordingListener();

        ClientConnection client = connector.connect(ClientHandshakeRequest.builder(server.uri("/"))
                .sslContext(certificates.clientContext()).proxy(ClientProxy.selectedBy(selector)).build(),
                r -> listener).get(5, TimeUnit.SECONDS);

        assertEquals(List.of(URI.create("https://localhost:" + server.port())), asked);
        assertEquals("localhost:" + server.port(), proxy.takeTarget());
        assertTrue(client.isSecure());
        client.connection().sendText(utf8("secret tunnel"), true, WriteCallback.NOOP);
        assertEquals("secret tunnel", listener.nextText());
    }

    @Test
    void aSelectorChoosingDirectConnectsDirectly() throws Exception {
        server = TestServer.echo();
        ProxySelector direct = new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
            }
        };
        connector.connect(ClientHandshakeRequest.builder(server.uri("/direct")).proxy(ClientProxy.selectedBy(direct))
                .build(), r -> new RecordingListener()).get(5, TimeUnit.SECONDS);

        assertEquals("GET /direct HTTP/1.1", server.takeRequest().requestLine());
    }

    @Test
    void aProxyAskingForCredentialsFailsTheConnectSayingSo() throws Exception {
        proxy = TestProxy.refusing("407 Proxy Authentication Required");

        ClientHandshakeException failure = connectFailure(URI.create("ws://example.invalid:8080/"));

        assertEquals("Proxy 127.0.0.1:" + proxy.port() + " requires authentication, which is not supported"
                + " (407 Proxy Authentication Required)", failure.getMessage());
        assertEquals(407, failure.statusCode());
    }

    @Test
    void aProxyRefusingTheTunnelFailsTheConnectSayingSo() throws Exception {
        proxy = TestProxy.refusing("403 Forbidden");

        ClientHandshakeException failure = connectFailure(URI.create("wss://example.invalid/"));

        assertEquals("Proxy 127.0.0.1:" + proxy.port() + " refused to open a tunnel to example.invalid:443:"
                + " 403 Forbidden", failure.getMessage());
        assertEquals(403, failure.statusCode());
    }

    private ClientHandshakeException connectFailure(URI uri) {
        ClientHandshakeRequest request = ClientHandshakeRequest.builder(uri)
                .proxy(ClientProxy.http("127.0.0.1", proxy.port())).build();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> connector.connect(request, r -> new RecordingListener()).get(5, TimeUnit.SECONDS));
        return assertInstanceOf(ClientHandshakeException.class, e.getCause());
    }
}
