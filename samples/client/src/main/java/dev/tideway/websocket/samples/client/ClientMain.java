package dev.tideway.websocket.samples.client;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar tideway-client.jar [--insecure] wss://host/path}: a command-line WebSocket client on
 * Tideway's client (see {@link ClientOptions#USAGE}).
 */
public final class ClientMain {
    private ClientMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ClientOptions options;
        try {
            options = ClientOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(ClientOptions.USAGE);
            System.exit(2);
            return;
        }
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.exit(new LineClient(options, System.out, System.err).run(input));
    }
}
