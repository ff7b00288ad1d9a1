package dev.tideway.websocket.samples.war;

import java.nio.file.Path;

/** The sample WAR in the standalone Tomcat 11 distribution (Servlet 6.1, Jakarta WebSocket 2.2 API). */
class Tomcat11DropInIT extends DropInTestBase {

    @Override
    StandaloneServer prepare() throws Exception {
        return TomcatServer.prepare("Tomcat 11", Path.of(System.getProperty("tideway.tomcat11.home")),
                WORK.resolve("tomcat11"), WAR);
    }

    @Override
    String webSocketApi() {
        return "2.2";
    }
}
