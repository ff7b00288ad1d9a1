package dev.tideway.websocket.servlet;

import jakarta.servlet.http.HttpSession;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps an HTTP session from expiring while messages arrive on a WebSocket opened under it, through the
 * Servlet 6.1 {@code HttpSession.Accessor}, which touches a session outside of any request.
 *
 * <p>Tideway compiles against Servlet 6.0, so the accessor is found by reflection; on a Servlet 6.0
 * container (Tomcat 10.1) there is none: the HTTP session then expires after its own timeout, whatever
 * the WebSocket does.
 *
 * <p>Jetty 12.1 (seen on 12.1.14, ee11) differs in two ways. It keeps the upgrade request's session in
 * use until the WebSocket closes, so it never destroys it under an open WebSocket, though it answers
 * later requests as if it had expired; touching it keeps it valid for those requests. And its accessor
 * releases the session without having taken it ({@code access} calls {@code ManagedSession.access} and
 * {@code release}, not {@code use}), so the first touch undoes the upgrade's hold: the session is then
 * destroyed once the messages stop for its timeout, as on Tomcat.
 *
 * <p>The hot path is {@link #messageArrived()}: it touches the session at most once per interval, a
 * {@link #FRACTION_OF_TIMEOUT quarter} of the session's timeout but no longer than
 * {@link #MAX_INTERVAL_MILLIS a minute}, so a session expires at most one interval before its timeout has
 * passed since the last message. Between touches a message costs a clock read and a comparison.
 *
 * <p>Some containers' accessors hold the session itself (Jetty's does), so the accessor is dropped as
 * soon as the WebSocket closes or the HTTP session ends ({@link #stop}): an application that keeps a
 * closed WebSocket {@code Session} does not keep the HTTP session in memory with it.
 */
final class HttpSessionKeepAlive {
    private static final System.Logger LOG = System.getLogger(HttpSessionKeepAlive.class.getName());
    /** The session is touched at most once per this part of its timeout. */
    static final int FRACTION_OF_TIMEOUT = 4;
    /** The longest gap between two touches, however long the session's timeout. */
    static final long MAX_INTERVAL_MILLIS = 60_000;

    /** {@code HttpSession.getAccessor()}, or null below Servlet 6.1. */
    private static final Method GET_ACCESSOR;
    /** {@code HttpSession.Accessor.access(Consumer)}, or null below Servlet 6.1. */
    private static final Method ACCESS;

    static {
        Method getAccessor = null;
        Method access = null;
        try {
            getAccessor = HttpSession.class.getMethod("getAccessor");
            access = getAccessor.getReturnType().getMethod("access", Consumer.class);
        } catch (NoSuchMethodException servlet60) {
            getAccessor = null;
        }
        GET_ACCESSOR = getAccessor;
        ACCESS = access;
    }

    private final Consumer<HttpSession> onAccess = this::accessed;
    /** The container's {@code HttpSession.Accessor}; null once stopped. */
    private volatile Object accessor;
    private volatile long intervalNanos;
    private volatile long lastTouch;

    private HttpSessionKeepAlive(Object accessor, int maxInactiveSeconds) {
        this.accessor = accessor;
        this.intervalNanos = intervalNanos(maxInactiveSeconds);
        this.lastTouch = System.nanoTime(); // the upgrade request itself just accessed the session
    }

    /**
     * The keep-alive for {@code session}, or null when the container gives no accessor. Call during the
     * request that has the session.
     */
    static HttpSessionKeepAlive of(HttpSession session) {
        Object accessor = accessorOf(session);
        return accessor == null ? null : new HttpSessionKeepAlive(accessor, session.getMaxInactiveInterval());
    }

    private static Object accessorOf(HttpSession session) {
        if (GET_ACCESSOR == null) {
            return null;
        }
        try {
            return GET_ACCESSOR.invoke(session); // null where a 6.1 container keeps the API's default
        } catch (IllegalAccessException | InvocationTargetException e) {
            LOG.log(Level.DEBUG, "HttpSession.getAccessor() failed; the HTTP session is not kept alive", e);
            return null;
        }
    }

    /** A text or binary frame arrived. Any thread, one at a time. */
    void messageArrived() {
        long now = System.nanoTime();
        if (now - lastTouch < intervalNanos) {
            return;
        }
        Object current = accessor;
        if (current == null) {
            return; // stopped
        }
        lastTouch = now;
        try {
            ACCESS.invoke(current, onAccess);
        } catch (IllegalAccessException | InvocationTargetException e) {
            // invalidated or expired (IllegalStateException): the WebSocket no longer keeps anything alive
            stop();
            LOG.log(Level.DEBUG, "The HTTP session could not be accessed; no longer kept alive", e);
        }
    }

    /** The session's id changed: the accessor of the old id may no longer find it (Jetty's refuses). */
    void renew(HttpSession session) {
        if (accessor != null) {
            accessor = accessorOf(session);
        }
    }

    /** Lets go of the accessor for good: the WebSocket closed or the HTTP session ended. */
    void stop() {
        accessor = null;
    }

    /** Inside {@code access}: follows a timeout the application changed since. */
    private void accessed(HttpSession session) {
        intervalNanos = intervalNanos(session.getMaxInactiveInterval());
    }

    private static long intervalNanos(int maxInactiveSeconds) {
        long max = TimeUnit.MILLISECONDS.toNanos(MAX_INTERVAL_MILLIS);
        if (maxInactiveSeconds <= 0) {
            return max; // never expires now; looked at again that much later
        }
        return Math.min(max, TimeUnit.SECONDS.toNanos(maxInactiveSeconds) / FRACTION_OF_TIMEOUT);
    }
}
