package dev.tideway.websocket.samples.war;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The standalone Jetty distribution (jetty-home, unpacked from Maven Central) run with a jetty base of its
 * own, made the way the README says: {@code --add-modules=http,ee11-deploy,ee11-annotations} and no
 * websocket module, the HTTP connector on 127.0.0.1 and an ephemeral port, the sample WAR in webapps.
 */
final class JettyServer extends StandaloneServer {
    /** The modules the README tells a user to add to a jetty base. */
    static final String MODULES = "http,ee11-deploy,ee11-annotations";
    /** Jetty logs "Started oejs.ServerConnector@...{HTTP/1.1, (http/1.1)}{127.0.0.1:PORT}" once bound. */
    private static final Pattern LISTENING = Pattern.compile("Started oejs\\.ServerConnector@\\w+\\{HTTP/1\\.1, \\(http/1\\.1\\)}\\{127\\.0\\.0\\.1:(\\d+)}");
    /** Jetty logs a WARN with "Failed startup of context" when an application does not start. */
    private static final Pattern DEPLOYMENT_FAILED = Pattern.compile("Failed startup of context|FAILED .*WebAppContext");
    private static final long ADD_MODULES_TIMEOUT_SECONDS = 30;

    private final Path home;

    private JettyServer(String name, Path home, Path base) {
        super(name, base, LISTENING, DEPLOYMENT_FAILED);
        this.home = home;
    }

    /** A fresh jetty base under {@code base} for the distribution in {@code home}, with {@code war} deployed. */
    static JettyServer prepare(String name, Path home, Path base, Path war) throws IOException, InterruptedException {
        recreate(base);
        Files.createDirectories(base.resolve("logs"));
        Files.createDirectories(base.resolve("work")); // Jetty unpacks the WAR here rather than into /tmp
        Path addModulesLog = base.resolve("logs/add-modules.log");
        Process addModules = new ProcessBuilder(java(), "-jar", home.resolve("start.jar").toString(), "--add-modules=" + MODULES)
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(addModulesLog.toFile())
                .start();
        if (!addModules.waitFor(ADD_MODULES_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            addModules.destroyForcibly();
            throw new IllegalStateException("start.jar --add-modules did not finish in " + ADD_MODULES_TIMEOUT_SECONDS
                    + " s\n" + Files.readString(addModulesLog));
        }
        if (addModules.exitValue() != 0) {
            throw new IllegalStateException("start.jar --add-modules failed\n" + Files.readString(addModulesLog));
        }
        Files.copy(war, base.resolve("webapps").resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        return new JettyServer(name, home, base);
    }

    @Override
    List<String> command() {
        return List.of(java(), "-jar", home.resolve("start.jar").toString(),
                "jetty.http.host=127.0.0.1", "jetty.http.port=0");
    }
}
