package dev.tideway.websocket.tck;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Arquillian adapter for an embedded Servlet container in the test JVM; {@code arquillian.xml} says which
 * (see {@link EmbeddedServletConfiguration}). A {@link WebArchive} is exploded under the work directory and
 * deployed as a web application at the context root named after the archive ({@code x.war} at
 * {@code /x}).
 *
 * <p>A deployment whose application fails to start does not fail here: the TCK's negative deployment tests
 * take the URL of such an application and check that nothing answers there. The container logs the cause.
 */
public final class EmbeddedServletContainer implements DeployableContainer<EmbeddedServletConfiguration> {
    private static final System.Logger LOG = System.getLogger(EmbeddedServletContainer.class.getName());

    private EmbeddedServletConfiguration configuration;
    private EmbeddedServer server;
    private Path workDirectory;

    @Override
    public Class<EmbeddedServletConfiguration> getConfigurationClass() {
        return EmbeddedServletConfiguration.class;
    }

    @Override
    public void setup(EmbeddedServletConfiguration configuration) {
        this.configuration = configuration;
        this.workDirectory = Path.of(configuration.getWorkDirectory()).toAbsolutePath();
    }

    @Override
    public void start() throws LifecycleException {
        server = EmbeddedServer.named(configuration.getServer());
        try {
            server.start(configuration.getBindAddress(), workDirectory.resolve("server"));
        } catch (Exception e) {
            throw new LifecycleException("Could not start embedded " + configuration.getServer(), e);
        }
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            server.stop();
        } catch (Exception e) {
            throw new LifecycleException("Could not stop embedded " + configuration.getServer(), e);
        }
    }

    /** No protocol is used: every test of the TCK runs on the client side ({@code testable = false}). */
    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (!(archive instanceof WebArchive)) {
            throw new DeploymentException("Only web archives can be deployed, not " + archive.getName());
        }
        String contextPath = contextPath(archive);
        try {
            Path directory = directoryOf(archive);
            ExplodedWar.write(archive, directory);
            if (!server.deploy(contextPath, directory, Thread.currentThread().getContextClassLoader())) {
                LOG.log(Level.INFO, "{0} did not start; its URL is returned all the same", archive.getName());
            }
        } catch (Exception e) {
            throw new DeploymentException("Could not deploy " + archive.getName(), e);
        }
        HTTPContext http = new HTTPContext(configuration.getBindAddress(), server.port());
        http.add(new Servlet("default", contextPath));
        return new ProtocolMetaData().addContext(http);
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        try {
            server.undeploy(contextPath(archive));
            ExplodedWar.delete(directoryOf(archive));
        } catch (Exception e) {
            throw new DeploymentException("Could not undeploy " + archive.getName(), e);
        }
    }

    private static String contextPath(Archive<?> archive) {
        String name = archive.getName();
        return "/" + (name.endsWith(".war") ? name.substring(0, name.length() - 4) : name);
    }

    private Path directoryOf(Archive<?> archive) {
        return workDirectory.resolve("deployments").resolve(contextPath(archive).substring(1));
    }
}
