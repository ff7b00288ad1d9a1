package dev.tideway.websocket.samples.client;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One run of the client's main logic, {@link LineClient#run}, with what it printed; it must end within 20 s.
 *
 * @param exitStatus the status the command would exit with
 * @param stdout     the lines printed for the messages that arrived
 * @param stderr     the lines printed about the connection
 */
record Run(int exitStatus, List<String> stdout, List<String> stderr) {

    static Run of(URI uri, BufferedReader input) throws Exception {
        return of(new ClientOptions(uri, false), input);
    }

    static Run of(ClientOptions options, BufferedReader input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LineClient client = new LineClient(options, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> status = runner.submit(() -> client.run(input));
            int exitStatus = status.get(20, TimeUnit.SECONDS);
            return new Run(exitStatus, out.toString(StandardCharsets.UTF_8).lines().toList(),
                    err.toString(StandardCharsets.UTF_8).lines().toList());
        } finally {
            runner.shutdownNow();
        }
    }
}
