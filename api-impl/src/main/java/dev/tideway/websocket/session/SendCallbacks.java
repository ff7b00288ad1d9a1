package dev.tideway.websocket.session;

import dev.tideway.websocket.protocol.WriteCallback;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Adapters from the engine's {@link WriteCallback} to the ways the Jakarta API reports a send. */
final class SendCallbacks {
    private SendCallbacks() {
    }

    /**
     * For {@code Future} sends: a future completed by the write. A caller that waits for it writes what
     * is queued first: with batching on, the send is held back, and waiting for it would never end.
     */
    static final class FutureCallback extends CompletableFuture<Void> implements WriteCallback {
        private final Runnable flush;

        FutureCallback(Runnable flush) {
            this.flush = flush;
        }

        @Override
        public Void get() throws InterruptedException, ExecutionException {
            flushUnlessDone();
            return super.get();
        }

        @Override
        public Void get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException,
                TimeoutException {
            flushUnlessDone();
            return super.get(timeout, unit);
        }

        @Override
        public Void join() {
            flushUnlessDone();
            return super.join();
        }

        private void flushUnlessDone() {
            if (!isDone()) {
                flush.run();
            }
        }

        @Override
        public void completed() {
            complete(null);
        }

        @Override
        public void failed(Throwable cause) {
            completeExceptionally(cause);
        }
    }

    /**
     * For {@code SendHandler} sends: the handler is told on the shared executor, never on a transport
     * thread (it is user code, and may block or send again).
     */
    static WriteCallback toHandler(SendHandler handler, Session session, Executor executor) {
        return new WriteCallback() {
            @Override
            public void completed() {
                executor.execute(() -> handler.onResult(SendResults.ok(session)));
            }

            @Override
            public void failed(Throwable cause) {
                executor.execute(() -> handler.onResult(SendResults.failed(session, cause)));
            }
        };
    }

    /** For {@code Basic} sends: the caller waits until the bytes were accepted by the transport. */
    static final class Blocking implements WriteCallback {
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile Throwable failure;

        @Override
        public void completed() {
            done.countDown();
        }

        @Override
        public void failed(Throwable cause) {
            failure = cause;
            done.countDown();
        }

        /**
         * Waits for the write.
         *
         * @param timeoutMillis at most this long; zero or less waits as long as it takes
         * @return normally once written
         * @throws SocketTimeoutException when the time ran out (the caller decides what that means for the
         *                                connection); the send's own failure otherwise
         */
        void await(long timeoutMillis) throws IOException {
            try {
                if (timeoutMillis > 0) {
                    if (!done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                        throw new SocketTimeoutException("The message was not sent within " + timeoutMillis + " ms");
                    }
                } else {
                    done.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while sending");
            }
            Throwable cause = failure;
            if (cause instanceof IOException io) {
                throw new IOException(io.getMessage() == null ? io.toString() : io.getMessage(), io);
            }
            if (cause != null) {
                throw new IOException(cause);
            }
        }
    }
}
