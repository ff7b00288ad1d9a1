package dev.tideway.websocket.tck;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Two endpoints at one path: an application holding both must fail to deploy. Both are on the test class
 * path too, so an adapter that scanned the class path would break every other application as well.
 */
final class ClashingEndpoints {
    private ClashingEndpoints() {
    }

    @ServerEndpoint("/clash")
    public static class First {
        @OnMessage
        public String echo(String message) {
            return message;
        }
    }

    @ServerEndpoint("/clash")
    public static class Second {
        @OnMessage
        public String echo(String message) {
            return message;
        }
    }
}
