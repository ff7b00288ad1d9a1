package dev.tideway.websocket.samples.war;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/** {@code /echo}: an annotated endpoint that answers every text with the same text and every binary with the same bytes. */
@ServerEndpoint("/echo")
public class EchoEndpoint {

    @OnMessage
    public String echoText(String message) {
        return message;
    }

    @OnMessage
    public ByteBuffer echoBinary(ByteBuffer message) {
        return message;
    }
}
