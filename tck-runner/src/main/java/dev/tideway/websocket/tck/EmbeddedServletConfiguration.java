package dev.tideway.websocket.tck;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * The {@code <configuration>} of a container in {@code arquillian.xml}: which embedded server to run,
 * the address it binds, and where deployments are exploded.
 */
public final class EmbeddedServletConfiguration implements ContainerConfiguration {
    private String server;
    private String bindAddress = "127.0.0.1";
    private String workDirectory;

    @Override
    public void validate() throws ConfigurationException {
        if (server == null || !(server.equals("tomcat") || server.equals("jetty"))) {
            throw new ConfigurationException("Property 'server' must be 'tomcat' or 'jetty', not '" + server + "'");
        }
    }

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    /** Defaults to {@code target/<server>} relative to the working directory (the module, under Maven). */
    public String getWorkDirectory() {
        return workDirectory == null ? "target/" + server : workDirectory;
    }

    public void setWorkDirectory(String workDirectory) {
        this.workDirectory = workDirectory;
    }
}
