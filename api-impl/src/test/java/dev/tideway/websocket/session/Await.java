package dev.tideway.websocket.session;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Bounded waits for the session tests: nothing waits longer than {@value #SECONDS} seconds. */
final class Await {
    static final long SECONDS = 5;

    private Await() {
    }

    /** The future's value; fails the test when it does not come in time or failed. */
    static <T> T get(Future<T> future) {
        try {
            return future.get(SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail("nothing came within " + SECONDS + " s");
        } catch (ExecutionException e) {
            return fail("failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(e);
        }
    }

    /** How the future failed; fails the test when it does not fail in time. */
    static Throwable failure(Future<?> future) {
        try {
            Object value = future.get(SECONDS, TimeUnit.SECONDS);
            return fail("expected a failure but got " + value);
        } catch (TimeoutException e) {
            return fail("nothing came within " + SECONDS + " s");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(e);
        }
    }

    static <T> T poll(BlockingQueue<T> queue) {
        try {
            T value = queue.poll(SECONDS, TimeUnit.SECONDS);
            if (value == null) {
                fail("nothing came within " + SECONDS + " s");
            }
            return value;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(e);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(SECONDS, TimeUnit.SECONDS)) {
                fail("the latch was not released within " + SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        }
    }

    /** Polls {@code condition} until it holds; fails the test with {@code what} when it does not in time. */
    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + SECONDS + " s: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            }
        }
    }

    /** Nothing more arrives in {@code queue} within {@code millis}: for "exactly once" checks. */
    static void quiet(BlockingQueue<?> queue, long millis) {
        try {
            Object extra = queue.poll(millis, TimeUnit.MILLISECONDS);
            if (extra != null) {
                fail("unexpected: " + extra);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        }
    }
}
