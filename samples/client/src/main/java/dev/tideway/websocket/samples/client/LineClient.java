package dev.tideway.websocket.samples.client;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The client's work: connect, send each input line as a text message, print what arrives (see
 * {@link PrintingEndpoint}), and end at the end of input (closing with 1000) or when the server closes.
 */
public final class LineClient {
    /** The user property with which Tideway's client skips the host-name check (see the README). */
    private static final String HOSTNAME_VERIFICATION = "dev.tideway.websocket.client.hostnameVerification";
    /**
     * At the end of input, the answers to the last lines may still be on their way, and messages that arrive
     * after our close frame went out are not delivered. So the client first sends a ping and waits for its
     * pong (the server has read every line then), and then until nothing has arrived for {@link #QUIET}
     * (a server may send the pong before answering the lines read before the ping); at most
     * {@link #LAST_ANSWERS} in all.
     */
    private static final Duration LAST_ANSWERS = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(250);

    private static final byte[] END_OF_INPUT = "end of input".getBytes(StandardCharsets.US_ASCII);

    private final ClientOptions options;
    private final PrintStream messages;
    private final PrintStream status;

    /**
     * @param messages where the messages that arrive are printed (standard output)
     * @param status   where the connection's state and errors are printed (standard error)
     */
    public LineClient(ClientOptions options, PrintStream messages, PrintStream status) {
        this.options = options;
        this.messages = messages;
        this.status = status;
    }

    /**
     * Runs until the input ends or the server closes.
     *
     * @return the exit status: 0 when the connection closed with 1000 (normal closure), else 1
     */
    public int run(BufferedReader input) throws InterruptedException {
        PrintingEndpoint endpoint = new PrintingEndpoint(messages, status);
        Session session;
        try {
            WebSocketContainer container = ContainerProvider.getWebSocketContainer();
            session = container.connectToServer(endpoint, config(container), options.uri());
        } catch (DeploymentException | IOException | GeneralSecurityException e) {
            status.println("Could not connect to " + options.uri() + ": " + e.getMessage());
            return 1;
        }
        status.println("Connected to " + options.uri() + extensionsOf(session));
        // stdin is read on a thread of its own, so that a close by the server ends the client even while
        // a read of the input blocks; a daemon, so that such a blocked read does not keep the JVM alive
        Thread sender = new Thread(() -> sendLines(input, session, endpoint), "tideway-client-input");
        sender.setDaemon(true);
        sender.start();
        try {
            CloseReason reason = endpoint.closed().get();
            return reason.getCloseCode().getCode() == CloseReason.CloseCodes.NORMAL_CLOSURE.getCode() ? 0 : 1;
        } catch (ExecutionException never) {
            throw new IllegalStateException(never); // the future is only ever completed normally
        }
    }

    private ClientEndpointConfig config(WebSocketContainer container) throws GeneralSecurityException {
        // offers compression: a client offers the extensions its configuration lists
        ClientEndpointConfig.Builder builder = ClientEndpointConfig.Builder.create()
                .extensions(List.copyOf(container.getInstalledExtensions()));
        if (options.insecure()) {
            builder.sslContext(TrustEveryCertificate.context());
        }
        ClientEndpointConfig config = builder.build();
        if (options.insecure()) {
            config.getUserProperties().put(HOSTNAME_VERIFICATION, "false");
        }
        return config;
    }

    private void sendLines(BufferedReader input, Session session, PrintingEndpoint endpoint) {
        try {
            String line;
            while ((line = input.readLine()) != null) {
                session.getBasicRemote().sendText(line);
            }
            session.getBasicRemote().sendPing(ByteBuffer.wrap(END_OF_INPUT));
            if (!endpoint.awaitPongAndQuiet(QUIET, LAST_ANSWERS)) {
                status.println("Still receiving after " + LAST_ANSWERS.toSeconds() + " s: closing anyway");
            }
        } catch (IOException e) {
            if (session.isOpen()) { // else the server closed while a line was sent, and that close is printed
                status.println("Error: " + e.getMessage());
                close(session, CloseReason.CloseCodes.GOING_AWAY);
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // then close at once
        }
        close(session, CloseReason.CloseCodes.NORMAL_CLOSURE);
    }

    private void close(Session session, CloseReason.CloseCode code) {
        try {
            session.close(new CloseReason(code, ""));
        } catch (IOException e) {
            status.println("Error while closing: " + e.getMessage());
        }
    }

    private static String extensionsOf(Session session) {
        return session.getNegotiatedExtensions().isEmpty() ? ""
                : session.getNegotiatedExtensions().stream().map(Extension::getName)
                        .collect(Collectors.joining(", ", " (", ")"));
    }
}
