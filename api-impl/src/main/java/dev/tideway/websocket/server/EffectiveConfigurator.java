package dev.tideway.websocket.server;

import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * The configurator Tideway calls for an endpoint: each method is the application's where its configurator
 * overrides it, and Tideway's default ({@link TidewayServerConfigurator}) otherwise.
 *
 * <p>Why not simply call the application's configurator: a method it does not override is the API class's,
 * which delegates to the "container default" the API looks up through {@code ServiceLoader}. In a WAR on
 * Tomcat that API is Tomcat's own (its web-app class loader always takes {@code jakarta.websocket.*} from
 * Tomcat's lib); its look-up sees Tomcat's default beside Tideway's and keeps, in one static field for the
 * whole JVM, whichever the first web application to ask found: Tomcat's whenever an application using
 * Tomcat's WebSocket support deployed first. The configuration a {@code ServerEndpointConfig.Builder} makes
 * there even holds that instance as its configurator. Choosing per method here makes what Tideway does
 * independent of the deployment order and of the API jar. Only an application's own {@code super.method()}
 * calls still reach the API's container default: that is the API's code, out of Tideway's hands.
 */
final class EffectiveConfigurator extends ServerEndpointConfig.Configurator {
    private static final ServerEndpointConfig.Configurator TIDEWAY = new TidewayServerConfigurator();

    private final ServerEndpointConfig.Configurator subprotocol;
    private final ServerEndpointConfig.Configurator extensions;
    private final ServerEndpointConfig.Configurator origin;
    private final ServerEndpointConfig.Configurator handshake;
    private final ServerEndpointConfig.Configurator instances;

    private EffectiveConfigurator(ServerEndpointConfig.Configurator declared) {
        // the API's container default (Tomcat's, or Tideway's from another web application) is no
        // configurator of the application's: none of its methods count as the application's choice
        boolean containerDefault = isContainerDefault(declared);
        this.subprotocol = choose(declared, containerDefault, "getNegotiatedSubprotocol", List.class, List.class);
        this.extensions = choose(declared, containerDefault, "getNegotiatedExtensions", List.class, List.class);
        this.origin = choose(declared, containerDefault, "checkOrigin", String.class);
        this.handshake = choose(declared, containerDefault, "modifyHandshake",
                ServerEndpointConfig.class, HandshakeRequest.class, HandshakeResponse.class);
        this.instances = choose(declared, containerDefault, "getEndpointInstance", Class.class);
    }

    /** What Tideway calls for an endpoint whose configuration names {@code declared}. */
    static ServerEndpointConfig.Configurator of(ServerEndpointConfig.Configurator declared) {
        if (declared == null) {
            return TIDEWAY; // an application's own ServerEndpointConfig class may name none
        }
        if (declared instanceof TidewayServerConfigurator) {
            return declared; // Tideway's, or an application's subclass of it: no method reaches the API's default
        }
        return new EffectiveConfigurator(declared);
    }

    private static boolean isContainerDefault(ServerEndpointConfig.Configurator declared) {
        if (declared.getClass() == ServerEndpointConfig.Configurator.class) {
            return false; // overrides nothing anyway
        }
        try {
            return declared == declared.getContainerDefaultConfigurator();
        } catch (RuntimeException noDefaultFound) { // the 2.2 API throws when ServiceLoader finds none
            return false;
        }
    }

    private static ServerEndpointConfig.Configurator choose(ServerEndpointConfig.Configurator declared,
                                                            boolean containerDefault, String method,
                                                            Class<?>... parameters) {
        return !containerDefault && overrides(declared.getClass(), method, parameters) ? declared : TIDEWAY;
    }

    private static boolean overrides(Class<?> type, String method, Class<?>... parameters) {
        try {
            return type.getMethod(method, parameters).getDeclaringClass() != ServerEndpointConfig.Configurator.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("ServerEndpointConfig.Configurator has no public " + method, e);
        }
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return subprotocol.getNegotiatedSubprotocol(supported, requested);
    }

    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        return extensions.getNegotiatedExtensions(installed, requested);
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return origin.checkOrigin(originHeaderValue);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        handshake.modifyHandshake(sec, request, response);
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        return instances.getEndpointInstance(endpointClass);
    }
}
