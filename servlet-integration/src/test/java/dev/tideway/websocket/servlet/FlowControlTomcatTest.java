package dev.tideway.websocket.servlet;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@OnTomcat
class FlowControlTomcatTest extends FlowControlSuite {
    @Override
    protected ContainerHarness newContainer() {
        return new TomcatHarness();
    }

    /**
     * Tomcat 11 does not keep the ReadListener contract for upgraded connections: after every read
     * dispatch it registers read interest again, and when data arrives it calls its own
     * {@code isReadyForRead()} (which fills the socket's read buffer) and then {@code onDataAvailable},
     * although {@code isReady()} never returned false. While a connection is paused with data pending this
     * dispatches in a loop (hundreds of calls per second, each ignored); after {@code resumeReading()} the
     * executor's reads run concurrently with such a dispatch on the unsynchronised socket buffer, and bytes
     * are lost (observed: 25 messages missing, then a protocol error). A Servlet-only transport cannot
     * take Tomcat's socket lock; see the report for the options.
     */
    @ParameterizedTest
    @EnumSource(Scheme.class)
    @Disabled("Tomcat 11 dispatches onDataAvailable without isReady()==false; resume from another thread races it")
    @Override
    void pausedReadingDeliversNothingAndResumesFromAnotherThreadInOrder(Scheme scheme) {
    }
}
