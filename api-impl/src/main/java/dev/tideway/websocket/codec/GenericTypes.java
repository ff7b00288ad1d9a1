package dev.tideway.websocket.codec;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves generic type arguments as a concrete class sees them, for example the {@code T} of
 * {@code Decoder.Text<T>}, {@code Encoder.Binary<T>} or {@code MessageHandler.Whole<T>} implemented by a user class.
 * The search walks generic superclasses and superinterfaces and carries type-variable bindings down the way, so that
 * {@code class A<T> implements Decoder.Text<T>} seen through {@code class B extends A<Foo>} resolves to {@code Foo}.
 *
 * <p>Every method answers the raw class of the argument ({@code List} for {@code List<String>}, {@code Foo[]} for
 * {@code T[]} with {@code T = Foo}) or {@code null} when the hierarchy leaves it open: a raw implementation, an
 * unbound type variable, a wildcard, or a lambda (whose class carries no generic signature).
 */
public final class GenericTypes {

    private GenericTypes() {
    }

    /**
     * The class that {@code implementation} binds to type parameter {@code index} of {@code genericType}.
     *
     * @param implementation a class implementing or extending {@code genericType}
     * @param genericType    a generic interface or class, e.g. {@code Decoder.Text.class}
     * @param index          which type parameter of {@code genericType}, 0 for the first
     * @return the raw class of the argument, or null if it cannot be resolved
     */
    public static Class<?> typeArgument(Class<?> implementation, Class<?> genericType, int index) {
        TypeVariable<?>[] parameters = genericType.getTypeParameters();
        if (index < 0 || index >= parameters.length) {
            throw new IllegalArgumentException(genericType.getName() + " has no type parameter " + index);
        }
        if (implementation == genericType || !genericType.isAssignableFrom(implementation)) {
            return null;
        }
        return rawClassOf(search(implementation, Map.of(), parameters[index]));
    }

    /**
     * Resolves a type that appears in the signature of a member declared by {@code context} or one of its
     * superclasses (a method parameter {@code T msg} declared in {@code Base<T>}, seen from
     * {@code Sub extends Base<String>}).
     *
     * @param type    a type from a member's generic signature
     * @param context the class through which the member is seen
     * @return the raw class, or null if it cannot be resolved
     */
    public static Class<?> resolve(Type type, Class<?> context) {
        if (type instanceof TypeVariable<?> variable) {
            GenericDeclaration declaration = variable.getGenericDeclaration();
            if (!(declaration instanceof Class<?> owner) || !owner.isAssignableFrom(context)) {
                return null; // a method's own type variable, or a class outside the hierarchy
            }
            return rawClassOf(search(context, Map.of(), variable));
        }
        if (type instanceof GenericArrayType array) {
            Class<?> component = resolve(array.getGenericComponentType(), context);
            return component == null ? null : Array.newInstance(component, 0).getClass();
        }
        return rawClassOf(type);
    }

    /**
     * Walks the supertypes of {@code current} until it reaches the declaration of {@code wanted}, returning what the
     * accumulated bindings map it to: a concrete type, another type variable when it stays open, or null when the
     * path to it was raw.
     */
    private static Type search(Class<?> current, Map<TypeVariable<?>, Type> bindings, TypeVariable<?> wanted) {
        if (current == wanted.getGenericDeclaration()) {
            return bindings.get(wanted);
        }
        Class<?> owner = (Class<?>) wanted.getGenericDeclaration();
        Type superclass = current.getGenericSuperclass();
        if (superclass != null) {
            Type found = searchSupertype(superclass, bindings, wanted, owner);
            if (found != null) {
                return found;
            }
        }
        for (Type superinterface : current.getGenericInterfaces()) {
            Type found = searchSupertype(superinterface, bindings, wanted, owner);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Type searchSupertype(Type supertype, Map<TypeVariable<?>, Type> bindings, TypeVariable<?> wanted,
            Class<?> owner) {
        Class<?> raw = rawClassOf(supertype);
        if (raw == null || !owner.isAssignableFrom(raw)) {
            return null;
        }
        return search(raw, bindingsOf(supertype, raw, bindings), wanted);
    }

    /** The bindings of {@code raw}'s type parameters as written in {@code supertype}, in terms of the subclass's. */
    private static Map<TypeVariable<?>, Type> bindingsOf(Type supertype, Class<?> raw,
            Map<TypeVariable<?>, Type> outer) {
        if (!(supertype instanceof ParameterizedType parameterized)) {
            return Map.of(); // raw use: the arguments are unknown
        }
        TypeVariable<?>[] parameters = raw.getTypeParameters();
        Type[] arguments = parameterized.getActualTypeArguments();
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        for (int i = 0; i < parameters.length; i++) {
            Type argument = arguments[i];
            if (argument instanceof TypeVariable<?> variable && outer.containsKey(variable)) {
                argument = outer.get(variable);
            } else if (argument instanceof GenericArrayType array
                    && array.getGenericComponentType() instanceof TypeVariable<?> variable
                    && outer.get(variable) != null) {
                argument = arrayOf(outer.get(variable));
            }
            if (argument != null) {
                bindings.put(parameters[i], argument);
            }
        }
        return bindings;
    }

    private static Type arrayOf(Type component) {
        Class<?> raw = rawClassOf(component);
        return raw == null ? null : Array.newInstance(raw, 0).getClass();
    }

    private static Class<?> rawClassOf(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        if (type instanceof GenericArrayType array) {
            Class<?> component = rawClassOf(array.getGenericComponentType());
            return component == null ? null : Array.newInstance(component, 0).getClass();
        }
        return null; // an open type variable or a wildcard
    }
}
