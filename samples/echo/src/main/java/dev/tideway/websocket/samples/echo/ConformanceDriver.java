package dev.tideway.websocket.samples.echo;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Runs Tideway's client through the test cases of a conformance server that follows the URL convention of
 * the Autobahn TestSuite's {@code fuzzingserver}: {@code /getCaseCount} sends the number of cases as one
 * text message; {@code /runCase?case=N&agent=A} (N counting from 1) runs case N against a client that
 * echoes every message until the server closes; {@code /updateReports?agent=A} makes the server write its
 * reports. The verdicts are in those reports, not here: the driver only says how each case's connection
 * ended.
 */
public final class ConformanceDriver {
    /** The name the reports list Tideway's results under. */
    public static final String AGENT = "tideway";
    /**
     * The Autobahn cases that take longest (9.x, many or large messages) give up after 60 s themselves; a
     * case still open after this long has hung.
     */
    private static final Duration CASE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private final String server;
    private final PrintStream out;
    private final WebSocketContainer container = ContainerProvider.getWebSocketContainer();

    /**
     * @param server the conformance server, {@code ws://host:port} (a trailing slash is ignored)
     * @param out    where progress goes, one line per case
     */
    public ConformanceDriver(URI server, PrintStream out) {
        this.server = server.toString().replaceFirst("/+$", "");
        this.out = out;
        container.setDefaultMaxTextMessageBufferSize(EchoEndpoint.MAX_MESSAGE_SIZE);
        container.setDefaultMaxBinaryMessageBufferSize(EchoEndpoint.MAX_MESSAGE_SIZE);
    }

    /**
     * Runs every case, then asks for the reports.
     *
     * @return whether every case connected and was closed by the server in time
     * @throws IOException when the case count or the report update fails
     */
    public boolean run() throws IOException, DeploymentException, InterruptedException {
        int count = caseCount();
        out.println("Running " + count + " cases of " + server + " as agent " + AGENT);
        int unfinished = 0;
        for (int number = 1; number <= count; number++) {
            CaseOutcome outcome = runCase(number);
            if (!outcome.finished()) {
                unfinished++;
            }
            out.println("case " + number + "/" + count + ": " + outcome);
        }
        reply("/updateReports?agent=" + AGENT);
        out.println("Updated the reports of " + server + "; " + (count - unfinished) + " of " + count
                + " cases ran to their close");
        return unfinished == 0;
    }

    private int caseCount() throws IOException, DeploymentException, InterruptedException {
        List<String> texts = reply("/getCaseCount");
        if (texts.size() != 1 || !texts.get(0).strip().matches("\\d+")) {
            throw new IOException(server + "/getCaseCount sent " + texts + " instead of one number");
        }
        return Integer.parseInt(texts.get(0).strip());
    }

    /** How a case's connection ended, or why it did not end as it should. */
    private record CaseOutcome(boolean finished, String description) {
        @Override
        public String toString() {
            return finished ? description : "NOT FINISHED, " + description;
        }
    }

    private CaseOutcome runCase(int number) throws InterruptedException {
        EchoingConnection connection = new EchoingConnection();
        Session session;
        try {
            session = connect(connection, "/runCase?case=" + number + "&agent=" + AGENT);
        } catch (IOException | DeploymentException e) {
            return new CaseOutcome(false, "could not connect: " + e.getMessage());
        }
        try {
            CloseReason reason = connection.awaitClose(CASE_TIMEOUT);
            return new CaseOutcome(true, "closed " + reason.getCloseCode().getCode()
                    + (reason.getReasonPhrase().isEmpty() ? "" : " " + reason.getReasonPhrase()));
        } catch (TimeoutException e) {
            closeQuietly(session);
            return new CaseOutcome(false, "still open after " + CASE_TIMEOUT.toSeconds() + " s");
        }
    }

    /** Connects to {@code path}, waits until the server closes, and returns the text messages it sent. */
    private List<String> reply(String path) throws IOException, DeploymentException, InterruptedException {
        ReplyConnection connection = new ReplyConnection();
        Session session = connect(connection, path);
        try {
            connection.awaitClose(REPLY_TIMEOUT);
        } catch (TimeoutException e) {
            closeQuietly(session);
            throw new IOException(server + path + " did not close within " + REPLY_TIMEOUT.toSeconds() + " s");
        }
        return connection.texts();
    }

    private Session connect(DriverConnection connection, String path) throws IOException, DeploymentException {
        // offer what Tideway implements (permessage-deflate): the client offers only what its configuration
        // lists, and the compression cases need the offer
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .extensions(List.copyOf(container.getInstalledExtensions())).build();
        return container.connectToServer(connection, config, URI.create(server + path));
    }

    private static void closeQuietly(Session session) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "timed out"));
        } catch (IOException alreadyGone) {
            // nothing more to do for a connection that is gone
        }
    }
}
