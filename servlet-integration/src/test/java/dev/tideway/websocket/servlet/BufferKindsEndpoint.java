package dev.tideway.websocket.servlet;

import dev.tideway.websocket.PreparedMessage;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends binary messages from buffers without an accessible array: the text {@code KIND COUNT SIZE} has it
 * send COUNT messages of SIZE bytes of {@link #pattern} as {@code prepared} (a broadcast's read-only
 * frame) or {@code direct} (a direct buffer), then the text {@code done}.
 */
@ServerEndpoint("/buffer-kinds")
public class BufferKindsEndpoint {

    /** The bytes of every message: no two neighbouring 64 KiB blocks alike, so a misplaced chunk shows. */
    static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 16));
        }
        return bytes;
    }

    @OnMessage
    public void send(String command, Session session) throws Exception {
        String[] parts = command.split(" ");
        int count = Integer.parseInt(parts[1]);
        byte[] data = pattern(Integer.parseInt(parts[2]));
        PreparedMessage prepared = PreparedMessage.binary(ByteBuffer.wrap(data));
        for (int i = 0; i < count; i++) {
            if (parts[0].equals("prepared")) {
                prepared.sendTo(List.of(session)).get(10, TimeUnit.SECONDS);
            } else {
                session.getBasicRemote().sendBinary(ByteBuffer.allocateDirect(data.length).put(data).flip());
            }
        }
        session.getBasicRemote().sendText("done");
    }
}
