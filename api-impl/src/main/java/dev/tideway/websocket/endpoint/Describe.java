package dev.tideway.websocket.endpoint;

import jakarta.websocket.DeploymentException;

import java.lang.reflect.Method;
import java.util.StringJoiner;

/** How deployment errors name what they are about, so that every message reads the same way. */
final class Describe {

    private Describe() {
    }

    /** {@code com.x.Chat.onText(String, boolean)}. */
    static String method(Method method) {
        StringJoiner parameters = new StringJoiner(", ", "(", ")");
        for (Class<?> type : method.getParameterTypes()) {
            parameters.add(type.getSimpleName());
        }
        return method.getDeclaringClass().getName() + "." + method.getName() + parameters;
    }

    /** An error about a method of {@code endpoint}, which may be inherited from a superclass. */
    static DeploymentException error(Class<?> endpoint, Method method, String rule) {
        String where = method.getDeclaringClass() == endpoint
                ? method(method)
                : method(method) + " (inherited by " + endpoint.getName() + ")";
        return new DeploymentException(where + ": " + rule);
    }

    /** An error about the endpoint class as a whole. */
    static DeploymentException error(Class<?> endpoint, String rule) {
        return new DeploymentException(endpoint.getName() + ": " + rule);
    }

    /** {@code @OnMessage}. */
    static String annotation(Class<?> annotationType) {
        return "@" + annotationType.getSimpleName();
    }
}
