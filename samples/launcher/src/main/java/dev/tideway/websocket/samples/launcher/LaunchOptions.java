package dev.tideway.websocket.samples.launcher;

/**
 * The command line every sample shares: {@code --port N} (default 8080), {@code --container tomcat|jetty}
 * (default tomcat), {@code --host H} (default localhost), {@code --help}. Each option takes its value as the
 * next argument or after {@code =}.
 *
 * @param host the host name or address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param container the container to run in
 * @param help whether the user asked for the usage text instead of a server
 */
public record LaunchOptions(String host, int port, ContainerKind container, boolean help) {
    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = 8080;

    /** The defaults: localhost, port 8080, Tomcat. */
    public static LaunchOptions defaults() {
        return new LaunchOptions(DEFAULT_HOST, DEFAULT_PORT, ContainerKind.TOMCAT, false);
    }

    /**
     * Reads the command line.
     *
     * @throws IllegalArgumentException naming the bad option and why, ready to show to the user
     */
    public static LaunchOptions parse(String... args) {
        LaunchOptions options = defaults();
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            int equals = argument.indexOf('=');
            String name = equals < 0 ? argument : argument.substring(0, equals);
            if (name.equals("--help") || name.equals("-h")) {
                return new LaunchOptions(options.host, options.port, options.container, true);
            }
            if (!name.equals("--port") && !name.equals("--container") && !name.equals("--host")) {
                throw new IllegalArgumentException("Unknown option '" + argument + "'");
            }
            String value;
            if (equals >= 0) {
                value = argument.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("Option " + name + " needs a value");
            }
            options = switch (name) {
                case "--port" -> new LaunchOptions(options.host, port(value), options.container, false);
                case "--container" -> new LaunchOptions(options.host, options.port, ContainerKind.byId(value), false);
                default -> new LaunchOptions(host(value), options.port, options.container, false);
            };
        }
        return options;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, as an out-of-range number is
        }
        throw new IllegalArgumentException("Bad port '" + value + "': use a number from 0 to 65535");
    }

    private static String host(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("Option --host needs a host name or address");
        }
        return value;
    }

    /** The usage text for a command such as {@code java -jar tideway-chat.jar}. */
    public static String usage(String command) {
        return "Usage: " + command + " [--port N] [--container " + ContainerKind.ids() + "] [--host H]\n"
                + "  --port N       port to listen on (default " + DEFAULT_PORT + "; 0 picks a free one)\n"
                + "  --container C  servlet container: " + ContainerKind.ids() + " (default tomcat)\n"
                + "  --host H       host name or address to listen on (default " + DEFAULT_HOST + ")\n"
                + "  --help         print this text";
    }
}
