package dev.tideway.websocket.samples.echo;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Session;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One connection of the {@link ConformanceDriver}: it ends when the conformance server closes it. */
abstract class DriverConnection extends Endpoint {
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();

    @Override
    public void onClose(Session session, CloseReason reason) {
        closed.complete(reason);
    }

    /** How the connection ended, waiting at most {@code timeout}. */
    CloseReason awaitClose(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException never) {
            throw new IllegalStateException(never); // the future is only ever completed normally
        }
    }
}
