package dev.tideway.websocket.samples.chat;

import jakarta.websocket.Encoder;

/**
 * Writes a {@link ChatEvent} sent to one session with {@code sendObject}. Events for a whole room do not
 * come through here: {@link ChatRooms} encodes them once for all receivers.
 */
public class ChatEventEncoder implements Encoder.Text<ChatEvent> {
    @Override
    public String encode(ChatEvent event) {
        return event.toJson();
    }
}
