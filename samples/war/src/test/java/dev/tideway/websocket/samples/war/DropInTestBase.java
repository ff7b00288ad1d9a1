package dev.tideway.websocket.samples.war;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample WAR, deployed into a standalone container started as a process once per class, talked to with
 * each {@link Client}. The {@code /info} answer proves that Tideway served the connection: it names the
 * implementation from the manifest of the jar that holds the session's container class, and the classes
 * the API's own look-ups find from inside the application; the container's own implementation would name
 * itself there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DropInTestBase {
    static final String VERSION = System.getProperty("tideway.version");
    static final Path WAR = Path.of(System.getProperty("tideway.war"));
    static final Path WORK = Path.of(System.getProperty("tideway.work"));

    private StandaloneServer server;

    /** A server of the distribution under test, prepared with {@link #WAR} deployed, not yet started. */
    abstract StandaloneServer prepare() throws Exception;

    /** The Jakarta WebSocket API version the container brings (Tomcat's own; Jetty uses the WAR's). */
    abstract String webSocketApi();

    /**
     * The API's container-default configurator as the application sees it: on Tomcat whichever the first
     * application to ask found, for the whole JVM. Tideway does not depend on it (the endpoint's maker).
     */
    String apiDefaultConfigurator() {
        return "dev.tideway.websocket.server.TidewayServerConfigurator";
    }

    @RegisterExtension
    final TestWatcher showServerLogOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                System.out.println("---- console of " + server.name() + " ----\n" + server.log());
            } catch (Exception e) {
                System.out.println("---- console of " + server.name() + " unreadable: " + e);
            }
        }
    };

    @BeforeAll
    void startServer() throws Exception {
        server = prepare();
        try {
            server.start(); // its failure message carries the console
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void echoesText(Client client) throws Exception {
        try (ClientConnection connection = client.connect(server.webSocketUri("/echo"))) {
            connection.sendText("héllo, Tideway ✓");
            assertEquals("héllo, Tideway ✓", connection.next());
            connection.sendText("");
            assertEquals("", connection.next());
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void echoesBinary(Client client) throws Exception {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        try (ClientConnection connection = client.connect(server.webSocketUri("/echo"))) {
            connection.sendBinary(everyByte);
            assertArrayEquals(everyByte, (byte[]) connection.next());
        }
    }

    /** Browsers send no Content-Length with the upgrade request; see {@link BrowserLikeUpgrade}. */
    @Test
    void anUpgradeAsBrowsersSendItWorks() throws Exception {
        try (BrowserLikeUpgrade browser = BrowserLikeUpgrade.open(server.webSocketUri("/echo"))) {
            assertEquals("HTTP/1.1 101 ", browser.statusLine().substring(0, 13));
            browser.sendText("from a browser");
            assertEquals("from a browser", browser.readText());
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void infoNamesTidewayAndCloses(Client client) throws Exception {
        try (ClientConnection connection = client.connect(server.webSocketUri("/info"))) {
            connection.sendText("which implementation?");
            assertEquals("Tideway " + VERSION + "\n"
                    + "server container: dev.tideway.websocket.servlet.TidewayServerContainer\n"
                    + "ContainerProvider: dev.tideway.websocket.client.TidewayClientContainer\n"
                    + "default configurator: " + apiDefaultConfigurator() + "\n"
                    + "endpoint made by: dev.tideway.websocket.server.TidewayServerConfigurator\n"
                    + "Jakarta WebSocket API: " + webSocketApi(), connection.next());
            // the close follows the SendHandler's result: on a 2.1 API (Tomcat 10.1) too
            assertEquals(new ClientConnection.Closing(1000, "info sent"), connection.closing());
        }
    }
}
