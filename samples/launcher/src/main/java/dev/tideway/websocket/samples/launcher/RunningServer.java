package dev.tideway.websocket.samples.launcher;

/** A started container serving a {@link SampleApp}; closing it stops the container. */
public interface RunningServer extends AutoCloseable {
    /** The port the container listens on (the bound one when port 0 was asked for). */
    int port();

    /** Which container this is. */
    ContainerKind container();

    /** Stops the container: Tideway closes the open sessions, then the connector stops listening. */
    @Override
    void close();
}
