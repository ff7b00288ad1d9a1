package dev.tideway.websocket.samples.chat;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import java.util.Map;

/**
 * Reads a {@link ChatPost} from {@code {"type":"say","text":"..."}}. Other members are ignored, so that a
 * client may add its own. A message that is not such an object fails with a {@link DecodeException}
 * saying why; the endpoint's {@code @OnError} answers it with a {@link ChatEvent.Problem}.
 */
public class ChatPostDecoder implements Decoder.Text<ChatPost> {
    @Override
    public ChatPost decode(String message) throws DecodeException {
        Map<String, Object> object;
        try {
            object = JsonParser.parseObject(message);
        } catch (IllegalArgumentException e) {
            throw new DecodeException(message, e.getMessage(), e);
        }
        if (!"say".equals(object.get("type"))) {
            throw new DecodeException(message, "Unknown message type: expected {\"type\":\"say\",\"text\":\"...\"}");
        }
        if (!(object.get("text") instanceof String text)) {
            throw new DecodeException(message, "A say message needs a string \"text\"");
        }
        return new ChatPost(text);
    }

    @Override
    public boolean willDecode(String message) {
        return true; // decode() says what is wrong with a message, which willDecode could not
    }
}
