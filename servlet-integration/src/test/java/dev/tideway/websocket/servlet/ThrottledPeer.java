package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A JDK WebSocket peer that reads only when told: it grants no demand at first, so the JDK client stops
 * reading the socket and the server's writes back up through TCP; {@link #readSlowly} then takes one
 * part at a time, each a millisecond after the previous one. Collects whole text messages.
 */
final class ThrottledPeer implements WebSocket.Listener {
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService timers;
    private final StringBuilder text = new StringBuilder();
    private volatile WebSocket webSocket;

    private ThrottledPeer(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    static ThrottledPeer connect(HttpClient client, URI uri, ScheduledExecutorService timers) throws Exception {
        ThrottledPeer peer = new ThrottledPeer(timers);
        peer.webSocket = client.newWebSocketBuilder().buildAsync(uri, peer)
                .get(JdkPeer.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return peer;
    }

    WebSocket webSocket() {
        return webSocket;
    }

    /** Starts reading: one part, then the next a millisecond after each part arrived. */
    void readSlowly() {
        webSocket.request(1);
    }

    String nextText() throws InterruptedException {
        String message = messages.poll(JdkPeer.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(message, "no message within " + JdkPeer.TIMEOUT_SECONDS + " s");
        return message;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        // no demand: nothing is read until readSlowly()
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            messages.add(text.toString());
            text.setLength(0);
        }
        timers.schedule(() -> webSocket.request(1), 1, TimeUnit.MILLISECONDS);
        return null;
    }
}
