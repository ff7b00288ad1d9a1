package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.Scheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Starts one container per test class with the {@link EngineUpgradeFilter} in front of a
 * {@link PlainServlet}; each suite deploys its {@link TestEndpoint}s on the filter. Subclasses name the
 * container, so that one suite runs against Tomcat and Jetty alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerTestBase {
    protected ContainerHarness container;
    protected EngineUpgradeFilter upgrades;
    protected HttpClient client;
    protected ExecutorService executor;
    protected ScheduledExecutorService timers;

    protected abstract ContainerHarness newContainer();

    @BeforeAll
    void startContainer() throws Exception {
        TlsMaterial tls = TlsMaterial.get();
        executor = Executors.newCachedThreadPool(daemon("tideway-test-worker"));
        timers = Executors.newSingleThreadScheduledExecutor(daemon("tideway-test-timer"));
        upgrades = new EngineUpgradeFilter(BufferPool.newDefault(), executor, Scheduler.of(timers));
        container = newContainer();
        container.start(upgrades, new PlainServlet(), tls);
        client = HttpClient.newBuilder()
                .sslContext(tls.clientContext())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterAll
    void stopContainer() throws Exception {
        if (container != null) {
            container.stop();
        }
        if (executor != null) {
            executor.shutdownNow();
            timers.shutdownNow();
        }
    }

    protected URI uri(Scheme scheme, String path) {
        return container.uri(scheme, path);
    }

    protected JdkPeer connect(Scheme scheme, String path, String... subprotocols) throws Exception {
        return JdkPeer.connect(client, uri(scheme, path), subprotocols);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
