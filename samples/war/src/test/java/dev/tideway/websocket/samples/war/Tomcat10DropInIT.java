package dev.tideway.websocket.samples.war;

import java.nio.file.Path;

/**
 * The sample WAR in the standalone Tomcat 10.1 distribution: Servlet 6.0, the oldest Servlet API Tideway
 * claims, and the Jakarta WebSocket 2.1 API, which Tomcat puts before the WAR's 2.2 jars.
 */
class Tomcat10DropInIT extends DropInTestBase {

    @Override
    StandaloneServer prepare() throws Exception {
        return TomcatServer.prepare("Tomcat 10.1", Path.of(System.getProperty("tideway.tomcat10.home")),
                WORK.resolve("tomcat10"), WAR, false);
    }

    @Override
    String webSocketApi() {
        return "2.1";
    }
}
