package dev.tideway.websocket.samples.client;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The command line of the client: {@code [--insecure] ws[s]://host[:port]/path}.
 *
 * @param uri      the WebSocket URI to connect to
 * @param insecure whether to trust any server certificate and skip the host-name check (unsafe: anyone on
 *                 the network path can read and change the traffic; for self-signed test servers only)
 */
public record ClientOptions(URI uri, boolean insecure) {

    /** What the command accepts, for a bad command line. */
    public static final String USAGE = """
            Usage: java -jar tideway-client.jar [--insecure] ws[s]://host[:port]/path
              Sends each line of standard input as a text message and prints every message that arrives
              (binary ones as hex). Ends at the end of input (closing with 1000) or when the server closes.
              --insecure  trust ANY certificate and skip the host-name check: UNSAFE, for self-signed
                          test servers only (anyone on the network path can read and change the traffic)""";

    /**
     * Reads the command line.
     *
     * @throws IllegalArgumentException saying what is wrong, ready to show to the user
     */
    public static ClientOptions parse(String... args) {
        boolean insecure = false;
        URI uri = null;
        for (String argument : args) {
            if (argument.equals("--insecure")) {
                insecure = true;
            } else if (argument.startsWith("-")) {
                throw new IllegalArgumentException("Unknown option '" + argument + "'");
            } else if (uri != null) {
                throw new IllegalArgumentException("One URI only, not also '" + argument + "'");
            } else {
                uri = webSocketUri(argument);
            }
        }
        if (uri == null) {
            throw new IllegalArgumentException("Which server? Give a ws:// or wss:// URI");
        }
        return new ClientOptions(uri, insecure);
    }

    private static URI webSocketUri(String text) {
        try {
            URI uri = new URI(text);
            if (!"ws".equalsIgnoreCase(uri.getScheme()) && !"wss".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("'" + text + "' is not a ws:// or wss:// URI with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URI: " + e.getMessage(), e);
        }
    }
}
