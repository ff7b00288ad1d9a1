package dev.tideway.websocket.samples.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both containers start, serve Tideway's endpoints and the static files, and stop. */
class SampleLauncherTest {
    private static final SampleApp APP = SampleApp.of(EchoEndpoint.class).withStaticFolder("launcher-test-static");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void servesTheEndpointThroughTidewayAlsoWithoutStaticFiles(ContainerKind kind) throws Exception {
        try (RunningServer server = SampleLauncher.start(SampleApp.of(EchoEndpoint.class), kind, "127.0.0.1", 0)) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            Endpoint client = new Endpoint() {
                @Override
                public void onOpen(Session session, EndpointConfig config) {
                    session.addMessageHandler(String.class, received::add);
                }
            };
            Session session = ContainerProvider.getWebSocketContainer().connectToServer(client,
                    ClientEndpointConfig.Builder.create().build(), URI.create("ws://127.0.0.1:" + server.port() + "/echo"));
            try {
                session.getBasicRemote().sendText("hello");
                assertEquals("echo: hello", received.poll(5, TimeUnit.SECONDS));
            } finally {
                session.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void servesTheStaticFolderAtTheRoot(ContainerKind kind) throws Exception {
        try (RunningServer server = SampleLauncher.start(APP, kind, "127.0.0.1", 0)) {
            HttpResponse<String> index = get(server, "/");
            assertEquals(200, index.statusCode());
            assertEquals("text/html;charset=utf-8", contentType(index));
            assertTrue(index.body().contains("<p>index of the launcher test</p>"), index.body());
            assertEquals(index.body(), get(server, "/index.html").body());

            HttpResponse<String> css = get(server, "/css/style.css");
            assertEquals(200, css.statusCode());
            assertEquals("text/css;charset=utf-8", contentType(css));
            assertEquals("p { color: teal; }\n", css.body());

            assertEquals(404, get(server, "/missing.txt").statusCode());
            assertEquals(404, get(server, "/css").statusCode(), "a folder is not a file");
            assertEquals(404, get(server, "/css/").statusCode(), "a folder without index.html");
        }
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void anAppThatCannotDeployFailsTheStart(ContainerKind kind) {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> SampleLauncher.start(SampleApp.of(BrokenEndpoint.class), kind, "127.0.0.1", 0));
        String expected = kind == ContainerKind.TOMCAT
                ? "The application failed to start on Tomcat (see the log above)"
                : "The application failed to start on Jetty: WebSocket deployment failed: ";
        assertTrue(failure.getMessage().startsWith(expected), failure.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void aPortInUseFailsTheStart(ContainerKind kind) throws Exception {
        try (RunningServer first = SampleLauncher.start(APP, ContainerKind.TOMCAT, "127.0.0.1", 0)) {
            Exception failure = assertThrows(Exception.class,
                    () -> SampleLauncher.start(APP, kind, "127.0.0.1", first.port()).close());
            assertTrue(causes(failure, BindException.class), () -> "not a bind failure: " + failure);
        }
    }

    @Test
    void theListeningLineSaysWhereAndOnWhat() throws Exception {
        try (RunningServer server = SampleLauncher.start(APP, ContainerKind.JETTY, "127.0.0.1", 0)) {
            assertEquals("Tideway chat listening on http://localhost:" + server.port() + "/ (jetty)",
                    SampleLauncher.listeningLine("chat", "localhost", server));
            assertEquals("Tideway chat listening on http://[::1]:" + server.port() + "/ (jetty)",
                    SampleLauncher.listeningLine("chat", "::1", server));
        }
    }

    @Test
    void theFailureLineGivesTheInnermostCause() {
        LaunchOptions options = LaunchOptions.parse("--port", "8080", "--container", "jetty");
        Exception failure = new IOException("Failed to bind to /127.0.0.1:8080",
                new BindException("Address already in use"));
        assertEquals("Tideway chat could not start on jetty at localhost:8080: Address already in use",
                SampleLauncher.failureLine("chat", options, failure));
    }

    private static HttpResponse<String> get(RunningServer server, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(5)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase();
    }

    private static boolean causes(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
