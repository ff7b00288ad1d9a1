package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.WebSocketConnection;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Echoes while reading is paused and resumed all the time from other threads: after about every fourth
 * chunk it pauses, and a worker resumes at once or a timer a millisecond or two later; meanwhile a
 * toggler thread of its own pauses and resumes too, until {@link #stop()}. Every pause is followed by a
 * resume on the same thread, so reading always goes on in the end.
 */
final class ChurningEchoListener extends EchoListener {
    final AtomicInteger pauses = new AtomicInteger();
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Thread toggler;
    private volatile boolean stopped;

    ChurningEchoListener(WebSocketConnection connection, ExecutorService workers, ScheduledExecutorService timers) {
        super(connection);
        this.workers = workers;
        this.timers = timers;
        this.toggler = new Thread(this::toggle, "churning-toggler");
        toggler.setDaemon(true);
        toggler.start();
    }

    @Override
    public void onText(ByteBuffer utf8, boolean last) {
        super.onText(utf8, last);
        maybePause();
    }

    @Override
    public void onBinary(ByteBuffer data, boolean last) {
        super.onBinary(data, last);
        maybePause();
    }

    /** Stops the toggler; its last act is a resume. */
    void stop() throws InterruptedException {
        stopped = true;
        toggler.join(5_000);
    }

    private void maybePause() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextInt(4) != 0) {
            return;
        }
        connection.pauseReading();
        pauses.incrementAndGet();
        if (random.nextBoolean()) {
            workers.execute(connection::resumeReading);
        } else {
            timers.schedule(connection::resumeReading, random.nextInt(100, 2_000), TimeUnit.MICROSECONDS);
        }
    }

    private void toggle() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            while (!stopped) {
                connection.pauseReading();
                pauses.incrementAndGet();
                TimeUnit.MICROSECONDS.sleep(random.nextInt(50, 1_000));
                connection.resumeReading();
                TimeUnit.MICROSECONDS.sleep(random.nextInt(200, 3_000));
            }
        } catch (InterruptedException e) {
            connection.resumeReading();
        }
    }
}
