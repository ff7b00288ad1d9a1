package dev.tideway.websocket.samples.launcher;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The embedded Servlet containers a sample can run in; each serves Tideway, not its own WebSocket code. */
public enum ContainerKind {
    /** Embedded Tomcat 11 ({@code tomcat-embed-core} only). */
    TOMCAT,
    /** Embedded Jetty 12.1, ee11 environment, without Jetty's WebSocket modules. */
    JETTY;

    /** The name used on the command line and in messages: {@code tomcat}, {@code jetty}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind whose {@link #id()} is {@code id}. */
    public static ContainerKind byId(String id) {
        for (ContainerKind kind : values()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown container '" + id + "': use one of " + ids());
    }

    /** The ids joined for messages: {@code tomcat|jetty}. */
    public static String ids() {
        return Arrays.stream(values()).map(ContainerKind::id).collect(Collectors.joining("|"));
    }
}
