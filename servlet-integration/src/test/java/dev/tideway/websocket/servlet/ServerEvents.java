package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the test endpoints saw on the server, by topic: the container creates the endpoints, so they can
 * reach the test only through static state. Each test clears the topics it reads.
 */
final class ServerEvents {
    private static final Map<String, BlockingQueue<Object>> EVENTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> COUNTERS = new ConcurrentHashMap<>();

    private ServerEvents() {
    }

    static void record(String topic, Object event) {
        EVENTS.computeIfAbsent(topic, name -> new LinkedBlockingQueue<>()).add(event);
    }

    static void count(String topic) {
        counter(topic).incrementAndGet();
    }

    static int counted(String topic) {
        return counter(topic).get();
    }

    /** The next event of {@code topic}, waiting at most 10 s for it. */
    static Object next(String topic) throws InterruptedException {
        Object event = EVENTS.computeIfAbsent(topic, name -> new LinkedBlockingQueue<>()).poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "no " + topic + " event on the server within 10 s");
        return event;
    }

    /** Waits at most {@code millis} until {@code topic} counted {@code expected}; the count then. */
    static int awaitCount(String topic, int expected, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (counted(topic) < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return counted(topic);
    }

    static void clear(String... topics) {
        for (String topic : topics) {
            EVENTS.remove(topic);
            COUNTERS.remove(topic);
        }
    }

    private static AtomicInteger counter(String topic) {
        return COUNTERS.computeIfAbsent(topic, name -> new AtomicInteger());
    }
}
