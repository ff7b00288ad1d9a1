package dev.tideway.websocket.servlet;

import jakarta.servlet.ServletContext;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Objects;

/**
 * How one container calls {@code ReadListener.onDataAvailable} on upgraded connections, and so how a
 * connection may resume reading after a pause. Shared by the connections of a container: what one of them
 * observes, the later ones start with.
 *
 * <p>The Servlet specification has the container call {@code onDataAvailable} only after {@code isReady()}
 * returned false, and lets any thread read. Jetty keeps to that. Tomcat does not: after every read dispatch
 * it asks for read events again and calls {@code onDataAvailable} whenever the socket has data, having
 * first filled its own input buffer, without a lock an application can take; a read on another thread at
 * that moment loses bytes. Hence two strategies, see {@link Strategy}.
 */
public final class ReadDispatch {
    private static final System.Logger LOG = System.getLogger(ReadDispatch.class.getName());

    /** How reading resumes after a pause. */
    public enum Strategy {
        /**
         * The container keeps to the specification: resuming reads on an executor thread, since the
         * container will not call again before {@code isReady()} said false. Cheapest: a paused connection
         * reads nothing and holds no thread.
         */
        SPEC,
        /**
         * The container may call {@code onDataAvailable} at any time: only container threads touch the
         * input stream. Resuming feeds on an executor only what was already read; reading goes on in the
         * next container callback. Safe on any container; a paused connection may read a little ahead.
         */
        REDISPATCH
    }

    private volatile Strategy strategy;

    private ReadDispatch(Strategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    public static ReadDispatch of(Strategy strategy) {
        return new ReadDispatch(strategy);
    }

    /**
     * From {@code ServletContext.getServerInfo()}: Jetty, which keeps to the specification, gets
     * {@link Strategy#SPEC}, watched for re-dispatch all the same; Tomcat, and any container not known,
     * {@link Strategy#REDISPATCH}, which is correct everywhere.
     */
    public static ReadDispatch forServerInfo(String serverInfo) {
        String server = serverInfo == null ? "" : serverInfo.toLowerCase(Locale.ROOT);
        return new ReadDispatch(server.startsWith("jetty/") ? Strategy.SPEC : Strategy.REDISPATCH);
    }

    public static ReadDispatch forContext(ServletContext context) {
        return forServerInfo(context.getServerInfo());
    }

    public Strategy strategy() {
        return strategy;
    }

    /**
     * A connection saw {@code onDataAvailable} although its last {@code isReady()} had returned true:
     * this container re-dispatches, and its connections from now on start with {@link Strategy#REDISPATCH}.
     */
    void redispatchObserved() {
        if (strategy != Strategy.REDISPATCH) {
            strategy = Strategy.REDISPATCH;
            LOG.log(Level.INFO, "The container called onDataAvailable without isReady() having returned false;"
                    + " upgraded connections now read on container threads only");
        }
    }

    @Override
    public String toString() {
        return "ReadDispatch[" + strategy + "]";
    }
}
