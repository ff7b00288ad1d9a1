package dev.tideway.websocket.endpoint;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;

/**
 * One annotated method of an endpoint, ready to call: a method handle resolved at scan time and one
 * {@link ParameterResolver} per parameter. Invoking does no reflection and no parameter analysis.
 */
public final class EndpointMethod {
    private static final Object[] NO_ARGUMENTS = {};

    private final Method method;
    private final MethodHandle invoker; // (Object endpoint, Object[] arguments)Object
    private final ParameterResolver[] resolvers;

    EndpointMethod(Method method, MethodHandle invoker, ParameterResolver[] resolvers) {
        this.method = method;
        this.invoker = invoker;
        this.resolvers = resolvers.clone();
    }

    /** The annotated method. */
    public Method method() {
        return method;
    }

    /**
     * Calls the method on an endpoint instance with arguments resolved from {@code context}.
     *
     * @return what the method returned; null for a void method
     * @throws jakarta.websocket.DecodeException when a {@code @PathParam} value cannot be converted
     * @throws Throwable                         whatever the method threw, unwrapped
     */
    public Object invoke(Object endpoint, InvocationContext context) throws Throwable {
        Object[] arguments = resolvers.length == 0 ? NO_ARGUMENTS : new Object[resolvers.length];
        for (int i = 0; i < resolvers.length; i++) {
            arguments[i] = resolvers[i].resolve(context);
        }
        return (Object) invoker.invokeExact(endpoint, arguments);
    }

    @Override
    public String toString() {
        return Describe.method(method);
    }
}
