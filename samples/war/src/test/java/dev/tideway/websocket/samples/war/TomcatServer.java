package dev.tideway.websocket.samples.war;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The standalone Tomcat distribution (CATALINA_HOME, unpacked from Maven Central) run with a CATALINA_BASE
 * of its own: the distribution's configuration with the shutdown port off and one HTTP connector on
 * 127.0.0.1 and an ephemeral port, and a webapps folder that holds only the sample WAR (Tomcat's examples
 * application may run beside it, from the distribution's folder).
 */
final class TomcatServer extends StandaloneServer {
    /** Tomcat names a connector bound to port 0 "http-nio-ADDRESS-auto-N-PORT" once it has bound it. */
    private static final Pattern LISTENING = Pattern.compile("Starting ProtocolHandler \\[\"http-nio-127\\.0\\.0\\.1-auto-\\d+-(\\d+)\"]");
    private static final Pattern DEPLOYMENT_FAILED = Pattern.compile("Error deploying web application|Context \\[" + CONTEXT_PATH + "] startup failed");

    private final Path home;
    private final Path base;

    private TomcatServer(String name, Path home, Path base) {
        super(name, base, LISTENING, DEPLOYMENT_FAILED);
        this.home = home;
        this.base = base;
    }

    /**
     * A fresh CATALINA_BASE under {@code base} for the distribution in {@code home}, with {@code war} deployed.
     *
     * @param examplesFirst also deploy the distribution's examples application, which uses Tomcat's own
     *                      WebSocket implementation, before the WAR (Tomcat deploys context files before
     *                      webapps): the first application to ask Tomcat's API for the container-default
     *                      configurator fixes it for the whole JVM
     */
    static TomcatServer prepare(String name, Path home, Path base, Path war, boolean examplesFirst) throws IOException {
        recreate(base);
        for (String folder : List.of("conf", "logs", "temp", "webapps", "work")) {
            Files.createDirectories(base.resolve(folder));
        }
        try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
            for (Path file : conf.filter(Files::isRegularFile).toList()) {
                Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
            }
        }
        Path serverXml = base.resolve("conf/server.xml");
        Files.writeString(serverXml, localOnly(Files.readString(serverXml, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        if (examplesFirst) {
            Path contexts = Files.createDirectories(base.resolve("conf/Catalina/localhost"));
            Files.writeString(contexts.resolve("examples.xml"),
                    "<Context docBase=\"" + home.resolve("webapps/examples") + "\"/>\n", StandardCharsets.UTF_8);
        }
        Files.copy(war, base.resolve("webapps").resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        return new TomcatServer(name, home, base);
    }

    /** The distribution's server.xml with the shutdown port off and the HTTP connector on 127.0.0.1, port 0. */
    static String localOnly(String serverXml) {
        String edited = replaceOnce(serverXml, "<Server port=\"8005\"", "<Server port=\"-1\"");
        return replaceOnce(edited, "<Connector port=\"8080\" protocol=\"HTTP/1.1\"",
                "<Connector port=\"0\" address=\"127.0.0.1\" protocol=\"HTTP/1.1\"");
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        if (at < 0 || text.indexOf(target, at + 1) >= 0) {
            throw new IllegalStateException("server.xml does not contain exactly one " + target);
        }
        return text.replace(target, replacement);
    }

    @Override
    List<String> command() {
        return List.of(java(),
                "-Dcatalina.home=" + home, "-Dcatalina.base=" + base,
                "-Djava.io.tmpdir=" + base.resolve("temp"),
                "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"),
                "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                "-cp", home.resolve("bin/bootstrap.jar") + java.io.File.pathSeparator + home.resolve("bin/tomcat-juli.jar"),
                "org.apache.catalina.startup.Bootstrap", "start");
    }

    /** Tomcat writes an application's start-up errors with their causes to logs/localhost.DATE.log only. */
    @Override
    String moreLog() throws IOException {
        StringBuilder more = new StringBuilder();
        try (Stream<Path> logs = Files.list(base.resolve("logs"))) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("localhost.")).sorted().toList()) {
                more.append("\n---- ").append(log.getFileName()).append(" ----\n").append(Files.readString(log, StandardCharsets.UTF_8));
            }
        }
        return more.toString();
    }
}
