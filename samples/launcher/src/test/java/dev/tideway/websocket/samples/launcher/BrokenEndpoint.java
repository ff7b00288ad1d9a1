package dev.tideway.websocket.samples.launcher;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** An endpoint that cannot be deployed: two methods for text messages. */
@ServerEndpoint("/broken")
public class BrokenEndpoint {
    @OnMessage
    public void one(String message) {
    }

    @OnMessage
    public void two(String message) {
    }
}
