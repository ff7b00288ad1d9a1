package dev.tideway.websocket.samples.chat;

import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Gives every {@link ChatEndpoint} instance the rooms of its deployment. The container makes one
 * configurator per deployed endpoint, so two servers in one JVM (as in the tests) keep their rooms apart,
 * where a static registry would mix them.
 */
public class ChatConfigurator extends ServerEndpointConfig.Configurator {
    private final ChatRooms rooms = new ChatRooms();

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (endpointClass != ChatEndpoint.class) {
            throw new InstantiationException(getClass().getName() + " makes only " + ChatEndpoint.class.getName());
        }
        return endpointClass.cast(new ChatEndpoint(rooms));
    }
}
