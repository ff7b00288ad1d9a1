package dev.tideway.websocket.samples.war;

import java.nio.file.Path;

/**
 * The sample WAR in the standalone Tomcat 11 distribution (Servlet 6.1, Jakarta WebSocket 2.2 API), deployed
 * after Tomcat's examples application, which uses Tomcat's own WebSocket implementation: the API's
 * container-default configurator is Tomcat's then, and Tideway must still make the endpoints itself.
 */
class Tomcat11DropInIT extends DropInTestBase {

    @Override
    StandaloneServer prepare() throws Exception {
        return TomcatServer.prepare("Tomcat 11", Path.of(System.getProperty("tideway.tomcat11.home")),
                WORK.resolve("tomcat11"), WAR, true);
    }

    @Override
    String webSocketApi() {
        return "2.2";
    }

    @Override
    String apiDefaultConfigurator() {
        return "org.apache.tomcat.websocket.server.DefaultServerEndpointConfigurator";
    }
}
