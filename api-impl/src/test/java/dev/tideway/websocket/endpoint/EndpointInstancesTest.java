package dev.tideway.websocket.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

class EndpointInstancesTest {
    static final AtomicInteger DESTROYED = new AtomicInteger();

    @ApplicationScoped
    public static class Greeter {
        public String greet(String name) {
            return "hello " + name;
        }
    }

    public static class InjectedEndpoint {
        @Inject
        Greeter greeter;

        @PreDestroy
        void destroyed() {
            DESTROYED.incrementAndGet();
        }
    }

    public static class Failing {
        public Failing() {
            throw new IllegalStateException("no");
        }
    }

    @Test
    void withoutCdiTheNoArgConstructorIsUsed() throws Exception {
        InjectedEndpoint endpoint = EndpointInstances.create(InjectedEndpoint.class);
        assertNull(endpoint.greeter);
        EndpointInstances.release(endpoint); // nothing to release: no error
    }

    @Test
    void withABeanManagerTheInstanceIsInjectedAndItsPreDestroyRunsOnRelease() throws Exception {
        try (WeldContainer weld = new Weld().disableDiscovery().addBeanClasses(Greeter.class).initialize()) {
            InjectedEndpoint endpoint = EndpointInstances.create(InjectedEndpoint.class);
            assertEquals("hello cdi", endpoint.greeter.greet("cdi"));
            int before = DESTROYED.get();
            EndpointInstances.release(endpoint);
            assertEquals(before + 1, DESTROYED.get());
            EndpointInstances.release(endpoint);
            assertEquals(before + 1, DESTROYED.get(), "released once only");
        }
    }

    @Test
    void aConstructorThatThrowsIsReportedWithTheClassName() {
        InstantiationException e = assertThrows(InstantiationException.class, () -> EndpointInstances.create(Failing.class));
        assertTrue(e.getMessage().contains(Failing.class.getName()));
        assertTrue(e.getCause() instanceof IllegalStateException);
    }
}
