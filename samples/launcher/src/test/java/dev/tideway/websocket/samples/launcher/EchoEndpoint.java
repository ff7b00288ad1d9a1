package dev.tideway.websocket.samples.launcher;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** The trivial endpoint the launcher tests serve. */
@ServerEndpoint("/echo")
public class EchoEndpoint {
    @OnMessage
    public String echo(String message) {
        return "echo: " + message;
    }
}
