package dev.tideway.websocket.samples.war;

import jakarta.websocket.Encoder;

/**
 * Writes an {@link ImplementationInfo} as lines of text: the implementation's name and version first (what a
 * user wants to read), then one {@code name: value} line per detail.
 */
public class ImplementationInfoEncoder implements Encoder.Text<ImplementationInfo> {

    @Override
    public String encode(ImplementationInfo info) {
        return info.implementation() + "\n"
                + "server container: " + info.serverContainer() + "\n"
                + "ContainerProvider: " + info.clientContainer() + "\n"
                + "default configurator: " + info.defaultConfigurator() + "\n"
                + "endpoint made by: " + info.endpointMadeBy() + "\n"
                + "Jakarta WebSocket API: " + info.websocketApi();
    }
}
