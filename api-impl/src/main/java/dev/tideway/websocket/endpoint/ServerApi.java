package dev.tideway.websocket.endpoint;

import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import java.lang.annotation.Annotation;
import java.util.List;

/**
 * The only place the scanner touches the server API ({@code jakarta.websocket.server}). A standalone client has just
 * the client API jar on its class path; matching annotations by name before casting means the server annotation
 * classes are loaded only when an annotation of that name is actually present, so scanning client endpoints works
 * without them.
 */
final class ServerApi {
    private static final String SERVER_ENDPOINT = "jakarta.websocket.server.ServerEndpoint";
    private static final String PATH_PARAM = "jakarta.websocket.server.PathParam";

    private ServerApi() {
    }

    /** The {@code @ServerEndpoint} declared on {@code type} itself, or null. */
    static EndpointDeclaration serverEndpointOf(Class<?> type) {
        for (Annotation annotation : type.getDeclaredAnnotations()) {
            if (annotation.annotationType().getName().equals(SERVER_ENDPOINT)) {
                ServerEndpoint server = (ServerEndpoint) annotation;
                return new EndpointDeclaration(true, server.value(), List.of(server.subprotocols()),
                        List.of(server.decoders()), List.of(server.encoders()), server.configurator());
            }
        }
        return null;
    }

    /**
     * The name of the {@code @PathParam} among one parameter's annotations, or null if it has none. A name written
     * as in the template, {@code "{room}"}, means {@code room}: the TCK writes it so and expects the value.
     */
    static String pathParamName(Annotation[] parameterAnnotations) {
        for (Annotation annotation : parameterAnnotations) {
            if (annotation.annotationType().getName().equals(PATH_PARAM)) {
                String name = ((PathParam) annotation).value();
                boolean braced = name.length() > 2 && name.startsWith("{") && name.endsWith("}");
                return braced ? name.substring(1, name.length() - 1) : name;
            }
        }
        return null;
    }
}
