package dev.tideway.websocket.samples.client;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Server endpoints the client's tests need beside the echo sample's. */
final class TestEndpoints {
    private TestEndpoints() {
    }

    /** Answers the text "bye" by closing with 4000 "see you"; echoes other text. */
    @ServerEndpoint("/bye")
    public static class Bye {
        @OnMessage
        public String onText(String text, Session session) throws IOException {
            if (text.equals("bye")) {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4000), "see you"));
                return null;
            }
            return text;
        }
    }

    /** Answers each text message with its UTF-8 bytes as a binary message. */
    @ServerEndpoint("/binary")
    public static class Binary {
        @OnMessage
        public ByteBuffer onText(String text) {
            return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
