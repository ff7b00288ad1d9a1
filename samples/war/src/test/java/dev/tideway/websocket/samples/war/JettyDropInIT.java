package dev.tideway.websocket.samples.war;

import java.nio.file.Path;

/**
 * The sample WAR in the standalone Jetty 12.1 distribution, ee11 environment, without any websocket
 * module: the Jakarta WebSocket API comes from the WAR.
 */
class JettyDropInIT extends DropInTestBase {

    @Override
    StandaloneServer prepare() throws Exception {
        return JettyServer.prepare("Jetty 12.1", Path.of(System.getProperty("tideway.jetty.home")),
                WORK.resolve("jetty"), WAR);
    }

    @Override
    String webSocketApi() {
        return "2.2";
    }
}
