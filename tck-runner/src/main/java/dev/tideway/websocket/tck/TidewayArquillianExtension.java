package dev.tideway.websocket.tck;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link EmbeddedServletContainer} with Arquillian (through {@code META-INF/services}). */
public final class TidewayArquillianExtension implements LoadableExtension {
    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, EmbeddedServletContainer.class);
    }
}
