package dev.tideway.websocket.endpoint;

import jakarta.websocket.DecodeException;

/**
 * Produces the argument for one parameter of an annotated method from an {@link InvocationContext}. One is chosen
 * per parameter when the endpoint is scanned, so invoking decides nothing about parameter kinds.
 */
@FunctionalInterface
interface ParameterResolver {
    ParameterResolver SESSION = InvocationContext::session;
    ParameterResolver CONFIG = InvocationContext::config;
    ParameterResolver MESSAGE = InvocationContext::message;
    ParameterResolver LAST = InvocationContext::last;
    ParameterResolver ERROR = InvocationContext::error;
    ParameterResolver CLOSE_REASON = InvocationContext::closeReason;
    /** A {@code @PathParam} naming no variable of the endpoint path: §4.3 says its value is null. */
    ParameterResolver NULL = context -> null;

    Object resolve(InvocationContext context) throws DecodeException;

    /** A {@code @PathParam} that names a variable of the endpoint path. */
    static ParameterResolver pathParam(PathParamConverter converter) {
        return context -> converter.convert(context.pathParameters().get(converter.name()));
    }
}
