package dev.tideway.websocket.endpoint;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the methods of an endpoint class that carry a WebSocket method annotation, applying the inheritance rules of
 * Jakarta WebSocket §4.8:
 * <ul>
 * <li>annotated methods declared by superclasses are callbacks of the endpoint too (the TCK's
 * "annotationOnMethodIsInherited" case);</li>
 * <li>a superclass method overridden in a subclass is not: the callback then exists only if the overriding method
 * itself is annotated ("Subclasses that override methods annotated with WebSocket method annotations do not obtain
 * WebSocket callbacks unless those subclass methods themselves are marked");</li>
 * <li>an annotated method added by a subclass beside an inherited one of the same kind is a duplicate, which the
 * scanner rejects ("should not deploy Java classes that mistakenly mix Java inheritance with WebSocket
 * annotations").</li>
 * </ul>
 * Only the superclass chain is searched: annotations on interface methods are not callbacks. Methods come out in a
 * fixed order (subclass first, then by name and parameter types) so that error messages are reproducible.
 */
final class AnnotatedMethods {
    private static final List<Class<? extends Annotation>> ANNOTATIONS =
            List.of(OnOpen.class, OnClose.class, OnError.class, OnMessage.class);

    private static final Comparator<Method> ORDER =
            Comparator.comparing(Method::getName).thenComparing(AnnotatedMethods::signature);

    private AnnotatedMethods() {
    }

    /**
     * One annotated method and its (single) WebSocket annotation type.
     */
    record AnnotatedMethod(Method method, Class<? extends Annotation> annotation) {
    }

    static List<AnnotatedMethod> of(Class<?> endpoint) throws DeploymentException {
        List<AnnotatedMethod> found = new ArrayList<>();
        Set<String> overriddenBelow = new HashSet<>(); // signatures declared by the classes already visited
        for (Class<?> type = endpoint; type != null && type != Object.class; type = type.getSuperclass()) {
            Method[] declared = type.getDeclaredMethods();
            Arrays.sort(declared, ORDER);
            for (Method method : declared) {
                // javac copies annotations onto bridge methods; the bridged method is the real callback
                if (method.isBridge() || method.isSynthetic()) {
                    continue;
                }
                Class<? extends Annotation> annotation = webSocketAnnotationOf(endpoint, method);
                if (annotation == null || overrides(overriddenBelow, method)) {
                    continue;
                }
                checkModifiers(endpoint, method, annotation);
                found.add(new AnnotatedMethod(method, annotation));
            }
            for (Method method : declared) {
                if (!Modifier.isPrivate(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())) {
                    overriddenBelow.add(signature(method));
                }
            }
        }
        return found;
    }

    private static boolean overrides(Set<String> overriddenBelow, Method method) {
        int modifiers = method.getModifiers();
        return !Modifier.isPrivate(modifiers) && !Modifier.isStatic(modifiers)
                && overriddenBelow.contains(signature(method));
    }

    private static Class<? extends Annotation> webSocketAnnotationOf(Class<?> endpoint, Method method)
            throws DeploymentException {
        Class<? extends Annotation> found = null;
        for (Class<? extends Annotation> annotation : ANNOTATIONS) {
            if (method.isAnnotationPresent(annotation)) {
                if (found != null) {
                    throw Describe.error(endpoint, method, "a method may carry only one of @OnOpen, @OnClose, "
                            + "@OnError and @OnMessage, but it has " + Describe.annotation(found) + " and "
                            + Describe.annotation(annotation));
                }
                found = annotation;
            }
        }
        return found;
    }

    /*
     * The specification does not spell these out, but an annotated method is a callback of the endpoint instance
     * the container made for one peer (§5.1), and annotated endpoints are public API (§4.1, §4.8): a static or
     * non-public callback is a mistake to report, not something to call reflectively behind the author's back.
     */
    private static void checkModifiers(Class<?> endpoint, Method method, Class<? extends Annotation> annotation)
            throws DeploymentException {
        if (Modifier.isStatic(method.getModifiers())) {
            throw Describe.error(endpoint, method, Describe.annotation(annotation) + " methods must not be static");
        }
        if (!Modifier.isPublic(method.getModifiers())) {
            throw Describe.error(endpoint, method, Describe.annotation(annotation) + " methods must be public");
        }
    }

    /** Name and erased parameter types: what decides whether one method overrides another. */
    private static String signature(Method method) {
        StringBuilder signature = new StringBuilder(method.getName()).append('(');
        for (Class<?> type : method.getParameterTypes()) {
            signature.append(type.getName()).append(';');
        }
        return signature.append(')').toString();
    }
}
