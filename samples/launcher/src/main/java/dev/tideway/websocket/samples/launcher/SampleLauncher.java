package dev.tideway.websocket.samples.launcher;

/**
 * Starts a sample: {@link #start} for tests and embedding, {@link #run} as the body of a sample's
 * {@code main}.
 *
 * <pre>{@code
 * public static void main(String[] args) throws Exception {
 *     SampleLauncher.run("chat", SampleApp.of(ChatEndpoint.class).withStaticFolder("static"), args);
 * }
 * }</pre>
 */
public final class SampleLauncher {
    private SampleLauncher() {
    }

    /** Starts {@code app} in a container listening on {@code host}:{@code port} (port 0: a free port). */
    public static RunningServer start(SampleApp app, ContainerKind container, String host, int port) throws Exception {
        return switch (container) {
            case TOMCAT -> TomcatServer.start(app, host, port);
            case JETTY -> JettyServer.start(app, host, port);
        };
    }

    /**
     * Reads the command line, starts {@code app}, prints where it listens, and serves until the JVM is
     * stopped (Ctrl-C), when the container is stopped too. A bad command line prints the problem and the
     * usage, and exits with status 2; a server that cannot start says why and exits with status 1.
     *
     * @param name the sample's short name, as in {@code tideway-<name>.jar}
     */
    public static void run(String name, SampleApp app, String... args) throws Exception {
        String command = "java -jar tideway-" + name + ".jar";
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LaunchOptions.usage(command));
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.usage(command));
            return;
        }
        RunningServer server;
        try {
            server = start(app, options.container(), options.host(), options.port());
        } catch (Exception e) {
            System.err.println(failureLine(name, options, e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tideway-" + name + "-stop"));
        System.out.println(listeningLine(name, options.host(), server));
        // Tomcat's threads are daemons: the main thread keeps the JVM up until it is stopped.
        Thread.currentThread().join();
    }

    /**
     * {@code Tideway chat could not start on tomcat at localhost:8080: Address already in use}: the
     * innermost cause says what went wrong (the containers wrap it in their own lifecycle exceptions).
     */
    static String failureLine(String name, LaunchOptions options, Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return "Tideway " + name + " could not start on " + options.container().id() + " at " + options.host() + ":"
                + options.port() + ": " + cause.getMessage();
    }

    /** {@code Tideway chat listening on http://localhost:8080/ (tomcat)}. */
    static String listeningLine(String name, String host, RunningServer server) {
        String authority = host.contains(":") ? "[" + host + "]" : host;
        return "Tideway " + name + " listening on http://" + authority + ":" + server.port() + "/ ("
                + server.container().id() + ")";
    }
}
