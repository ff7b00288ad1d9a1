package dev.tideway.websocket.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.websocket.DecodeException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chat's wire format: the events the encoder writes and the posts the decoder reads. */
class ChatCodecTest {
    private final ChatEventEncoder encoder = new ChatEventEncoder();
    private final ChatPostDecoder decoder = new ChatPostDecoder();

    @Test
    void encodesEveryEvent() {
        assertEquals("{\"type\":\"joined\",\"name\":\"bob\",\"members\":[\"alice\",\"bob\"]}",
                encoder.encode(new ChatEvent.Joined("bob", List.of("alice", "bob"))));
        assertEquals("{\"type\":\"left\",\"name\":\"bob\",\"members\":[\"alice\"]}",
                encoder.encode(new ChatEvent.Left("bob", List.of("alice"))));
        assertEquals("{\"type\":\"said\",\"name\":\"alice\",\"text\":\"a \\\"quote\\\"\\nand a line\"}",
                encoder.encode(new ChatEvent.Said("alice", "a \"quote\"\nand a line")));
        assertEquals("{\"type\":\"problem\",\"text\":\"no\"}", encoder.encode(new ChatEvent.Problem("no")));
    }

    @Test
    void decodesAPost() throws DecodeException {
        assertEquals(new ChatPost("hello \"you\"\n"), decoder.decode("{\"type\":\"say\",\"text\":\"hello \\\"you\\\"\\n\"}"));
        assertEquals(new ChatPost("extra members are ignored"),
                decoder.decode("{\"text\":\"extra members are ignored\",\"id\":7,\"type\":\"say\"}"));
    }

    @Test
    void refusesWhatIsNotAPostSayingWhy() {
        assertEquals("JSON: expected a value at offset 0", refused("hello"));
        assertEquals("JSON: expected an object", refused("[\"say\"]"));
        assertEquals("Unknown message type: expected {\"type\":\"say\",\"text\":\"...\"}", refused("{\"text\":\"hi\"}"));
        assertEquals("Unknown message type: expected {\"type\":\"say\",\"text\":\"...\"}",
                refused("{\"type\":\"shout\",\"text\":\"hi\"}"));
        assertEquals("A say message needs a string \"text\"", refused("{\"type\":\"say\"}"));
        assertEquals("A say message needs a string \"text\"", refused("{\"type\":\"say\",\"text\":42}"));
    }

    @Test
    void aRefusedMessageTravelsWithItsDecodeException() {
        DecodeException refusal = assertThrows(DecodeException.class, () -> decoder.decode("{oops"));
        assertEquals("{oops", refusal.getText());
    }

    private String refused(String message) {
        return assertThrows(DecodeException.class, () -> decoder.decode(message)).getMessage();
    }
}
