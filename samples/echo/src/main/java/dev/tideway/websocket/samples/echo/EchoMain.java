package dev.tideway.websocket.samples.echo;

import dev.tideway.websocket.samples.launcher.LaunchOptions;
import dev.tideway.websocket.samples.launcher.RunningServer;
import dev.tideway.websocket.samples.launcher.SampleApp;
import dev.tideway.websocket.samples.launcher.SampleLauncher;
import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * {@code java -jar tideway-echo.jar}: serves {@link EchoEndpoint} at {@code /echo} in embedded Tomcat or
 * Jetty (the launcher's {@code --port}, {@code --container}, {@code --host}) and prints one line once it
 * listens; or, with {@code --client ws://host:port}, runs the {@link ConformanceDriver} against a conformance
 * server and exits with 0 when every case ran to its close, else 1.
 */
public final class EchoMain {
    /** The endpoint, and a page at {@code /} that says where it is and lets a browser try it. */
    public static final SampleApp APP = SampleApp.of(EchoEndpoint.class).withStaticFolder("echo-static");
    private static final String COMMAND = "java -jar tideway-echo.jar";
    private static final String CLIENT_USAGE = "   or: " + COMMAND + " --client ws://host:port\n"
            + "  --client URL   run Tideway's client through the cases of an Autobahn fuzzingserver at URL";

    private EchoMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--client") || args[0].startsWith("--client="))) {
            List<String> urls = args[0].equals("--client") ? List.of(args).subList(1, args.length)
                    : List.of(args[0].substring("--client=".length()));
            if (args.length > 2 || urls.size() != 1 || !urls.get(0).matches("wss?://.+")) {
                exitWithUsage("--client needs one ws:// URL and no other option");
            }
            System.exit(runClient(urls.get(0)));
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            exitWithUsage(e.getMessage());
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.usage(COMMAND) + "\n" + CLIENT_USAGE);
            return;
        }
        RunningServer server = SampleLauncher.start(APP, options.container(),
                options.host(), options.port());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tideway-echo-stop"));
        System.out.println(listeningLine(options.host(), server));
        // the containers' threads may all be daemons: the main thread keeps the JVM up until it is stopped
        Thread.currentThread().join();
    }

    /** {@code Tideway echo listening on ws://localhost:9001/echo (tomcat)}. */
    static String listeningLine(String host, RunningServer server) {
        String authority = host.contains(":") ? "[" + host + "]" : host;
        return "Tideway echo listening on ws://" + authority + ":" + server.port() + "/echo ("
                + server.container().id() + ")";
    }

    private static int runClient(String url) throws InterruptedException {
        try {
            return new ConformanceDriver(URI.create(url), System.out).run() ? 0 : 1;
        } catch (IOException | DeploymentException | IllegalArgumentException e) {
            System.err.println("The conformance run against " + url + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static void exitWithUsage(String problem) {
        System.err.println(problem);
        System.err.println(LaunchOptions.usage(COMMAND) + "\n" + CLIENT_USAGE);
        System.exit(2);
    }
}
